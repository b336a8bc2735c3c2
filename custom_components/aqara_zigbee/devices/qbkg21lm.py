"""Aqara QBKG21LM: smart wall switch D1 (no neutral, single rocker), ``lumi.switch.b1lacn02``.

Facts: Zigbee2MQTT's definition (an end device; the relay on endpoint 2, clicks as OnOff
reports of endpoint 4: hold, release, double, and single or hold_release ending them; the
rocker's mode in genBasic 0xFF22; no OTA); its descriptors (zha-device-handlers#492: endpoint
1 with Basic, PowerConfiguration, DeviceTemperature, Identify, OTA and Time; 2 and 3 with
BinaryOutput, OnOff, Groups, Scenes; 4-6 with MultistateInput and OnOff), the same as the
older QBKG04LM's; the genBasic 0xFF01 heartbeat (sprut/Hub#547).
"""

from __future__ import annotations

from .. import features as f
from ..features import basic_operation_mode, onoff_clicks
from ..lumi.const import BASIC, DEVICE_TEMPERATURE, GROUPS, MULTISTATE_INPUT, ON_OFF, OTA
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="QBKG21LM",
    model_ids=("lumi.switch.b1lacn02",),
    vendor="Aqara",
    description="Smart wall switch D1 (no neutral, single rocker)",
    is_router=False,  # Zigbee2MQTT forces EndDevice
    features=(
        # Its heartbeat's relay entries are not told apart from the unused second relay's
        f.relay(endpoint=2, heartbeat=False),
        onoff_clicks.onoff_clicks({4: None}, state_actions=("on", "off")),
        basic_operation_mode.basic_operation_mode(description="Decoupled mode."),
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
        EndpointDecl(endpoint=4, device_type=0x0000, in_clusters=(MULTISTATE_INPUT, ON_OFF)),
    ),
)
