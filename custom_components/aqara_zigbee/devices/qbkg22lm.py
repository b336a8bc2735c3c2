"""Aqara QBKG22LM: smart wall switch D1 (no neutral, double rocker), ``lumi.switch.b2lacn02``.

Facts: Zigbee2MQTT's definition (an end device; relays on endpoints 2 left and 3 right,
clicks as OnOff reports of endpoints 4 left, 5 right, 6 both: hold, release, double, and
single or hold_release ending them; the rockers' modes in genBasic 0xFF22 / 0xFF23: 0x12
control the left relay, 0x22 the right one, 0xFE decoupled; no OTA); its descriptors
(zha-device-handlers#492, sprut/Hub#464), the same as the older QBKG03LM's.
"""

from __future__ import annotations

from .. import features as f
from ..features import basic_operation_mode as basic, onoff_clicks
from ..lumi.const import BASIC, DEVICE_TEMPERATURE, GROUPS, MULTISTATE_INPUT, ON_OFF, OTA
from .model import Definition, EndpointDecl

#: every rocker may drive either relay, or none
_MODES = (
    ("control_left_relay", basic.CONTROL_LEFT_RELAY),
    ("control_right_relay", basic.CONTROL_RIGHT_RELAY),
    ("decoupled", basic.DECOUPLED),
)

DEFINITION = Definition(
    model="QBKG22LM",
    model_ids=("lumi.switch.b2lacn02",),
    vendor="Aqara",
    description="Smart wall switch D1 (no neutral, double rocker)",
    is_router=False,  # Zigbee2MQTT forces EndDevice
    features=(
        # Its heartbeat's relay entries (100, 101) would sit one endpoint off: not used
        f.relay(endpoint=2, name="left", description="Left relay.", heartbeat=False),
        f.relay(endpoint=3, name="right", description="Right relay.", heartbeat=False),
        # Every action the converter publishes; Zigbee2MQTT's list misses several of them
        onoff_clicks.onoff_clicks(
            {4: "left", 5: "right", 6: "both"},
            state_actions=("on_left", "off_left", "on_right", "off_right"),
        ),
        basic.basic_operation_mode(
            attribute=basic.LEFT,
            name="left",
            values=_MODES,
            description="Operation mode for left button.",
        ),
        basic.basic_operation_mode(
            attribute=basic.RIGHT,
            name="right",
            values=_MODES,
            description="Operation mode for right button.",
        ),
        f.linkquality(),
        f.basic_heartbeat(),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0006,
            in_clusters=(BASIC, 0x0003, 0x0001, DEVICE_TEMPERATURE, OTA, 0x000A),
            out_clusters=(BASIC, 0x000A, OTA),
        ),
        EndpointDecl(endpoint=2, device_type=0x0100, in_clusters=(0x0010, ON_OFF, GROUPS, 0x0005)),
        EndpointDecl(endpoint=3, device_type=0x0100, in_clusters=(0x0010, ON_OFF, GROUPS, 0x0005)),
        *(
            EndpointDecl(
                endpoint=endpoint, device_type=0x0000, in_clusters=(MULTISTATE_INPUT, ON_OFF)
            )
            for endpoint in (4, 5, 6)
        ),
    ),
)
