"""Aqara QBKG30LM: smart wall switch H1 Pro (with neutral, single rocker).

Facts: Zigbee2MQTT's definition (the exposes; power reported as AnalogInput presentValue,
``lumi_power``, and in the heartbeat); endpoints and clusters those of its double-rocker
sibling QBKG31LM (a real unit's Zigbee2MQTT database entry, Koenkk/zigbee2mqtt#15800) with one
rocker; OTA image type 0x0A0C from the Koenkk/zigbee-OTA index.
"""

from __future__ import annotations

from .. import features as f
from ..features import metering
from ._aqara_h1 import h1_switch_endpoints
from .model import ANY_ENDPOINT, Access, Definition

DEFINITION = Definition(
    model="QBKG30LM",
    model_ids=("lumi.switch.n1acn1",),
    vendor="Aqara",
    description="Smart wall switch H1 Pro (with neutral, single rocker)",
    is_router=True,  # with neutral: a router
    features=(
        f.relay(description="On/off state of the switch."),
        # Reported on AnalogInput and in the heartbeat; Zigbee2MQTT offers no /get for it
        f.power(
            metering.analog_power(),
            access=Access.REPORT,  # no /get in Zigbee2MQTT (lumiPower)
        ),
        f.energy(),
        f.voltage(),
        f.operation_mode(description="Decoupled mode."),
        f.power_outage_count(),
        f.device_temperature(),
        f.power_outage_memory(),
        f.flip_indicator_light(),
        f.led_disabled_night(),
        # One button: Zigbee2MQTT maps its clicks from any endpoint (41 on the signatures)
        f.multistate_clicks(
            {ANY_ENDPOINT: None}, clicks=f.SINGLE_DOUBLE, state_actions=("on", "off")
        ),
        # Not written by Zigbee2MQTT for the H1 Pro: without it a double click arrives as
        # two singles (as on every sibling, which Zigbee2MQTT configures so)
        f.event_mode(),
        f.linkquality(),
        f.lumi_heartbeat(),
        f.ota(0x0A0C),
    ),
    endpoints=h1_switch_endpoints(1, (41,), power=True),
)
