"""Aqara QBKG32LM: smart wall switch H1 Pro (with neutral, triple rocker).

Facts: Zigbee2MQTT's definition (the exposes; left, center, right = endpoints 1, 2, 3; clicks
from 41/42/43, two rockers together from 51/52/53, all three from 61; power reported as
AnalogInput presentValue, ``lumi_power``, and in the heartbeat); endpoints and clusters those
of its double-rocker sibling QBKG31LM (Koenkk/zigbee2mqtt#15800) with a third rocker; OTA
image type 0x0B0C from the Koenkk/zigbee-OTA index.
"""

from __future__ import annotations

from .. import features as f
from ..features import metering
from ._aqara_h1 import h1_switch_endpoints
from .model import Access, Definition

DEFINITION = Definition(
    model="QBKG32LM",
    model_ids=("lumi.switch.n3acn1",),
    vendor="Aqara",
    description="Smart wall switch H1 Pro (with neutral, triple rocker)",
    is_router=True,  # with neutral: a router
    features=(
        f.relay(endpoint=1, name="left", description="Left relay."),
        f.relay(endpoint=2, name="center", description="Center relay."),
        f.relay(endpoint=3, name="right", description="Right relay."),
        # Reported on AnalogInput and in the heartbeat; Zigbee2MQTT offers no /get for it
        f.power(
            metering.analog_power(),
            access=Access.REPORT,  # no /get in Zigbee2MQTT (lumiPower)
        ),
        f.energy(),
        f.voltage(),
        f.operation_mode(endpoint=1, name="left", description="Decoupled mode for left button."),
        f.operation_mode(
            endpoint=2, name="center", description="Decoupled mode for center button."
        ),
        f.operation_mode(endpoint=3, name="right", description="Decoupled mode for right button."),
        f.power_outage_count(),
        f.device_temperature(),
        f.power_outage_memory(),
        f.flip_indicator_light(),
        f.led_disabled_night(),
        f.multistate_clicks(
            {
                41: "left",
                42: "center",
                43: "right",
                51: "left_center",
                52: "left_right",
                53: "center_right",
                61: "all",
            },
            clicks=f.SINGLE_DOUBLE,
            state_actions=(
                "on_left",
                "off_left",
                "on_center",
                "off_center",
                "on_right",
                "off_right",
            ),
            by_button=True,
        ),
        # Not written by Zigbee2MQTT for the H1 Pro: without it a double click arrives as
        # two singles (as on every sibling, which Zigbee2MQTT configures so)
        f.event_mode(),
        f.linkquality(),
        f.lumi_heartbeat(),
        f.ota(0x0B0C),
    ),
    endpoints=h1_switch_endpoints(3, (41, 42, 43, 51, 52, 53, 61), power=True),
)
