"""Aqara WS-USC03: smart wall switch (with neutral, single rocker), US.

Facts: Zigbee2MQTT's definition (the exposes; power read from AnalogInput, ``lumi_power``);
endpoints and clusters from the ZHA quirk's signature of ``lumi.switch.b1naus01``
(zha-device-handlers ``switch_h1_single.py``): endpoint 1 with 0xFCC0, AnalogInput on 21 and
31, MultistateInput on 41, Green Power on 242; OTA image type 0x0114 from the Koenkk/zigbee-OTA
index.
"""

from __future__ import annotations

from .. import features as f
from ..features import metering
from ._aqara_h1 import h1_switch_endpoints
from .model import ANY_ENDPOINT, Definition

DEFINITION = Definition(
    model="WS-USC03",
    model_ids=("lumi.switch.b1naus01",),
    vendor="Aqara",
    description="Smart wall switch (with neutral, single rocker), US",
    is_router=True,  # with neutral: a router
    features=(
        f.relay(description="On/off state of the switch."),
        # Read from AnalogInput (Zigbee2MQTT's lumi_power /get), also in the heartbeat
        f.power(metering.analog_power()),
        f.energy(),
        f.voltage(),
        f.operation_mode(description="Decoupled mode."),
        f.power_outage_count(),
        f.device_temperature(),
        f.power_outage_memory(),
        f.flip_indicator_light(),
        # One button: Zigbee2MQTT maps its clicks from any endpoint (41 on the signatures)
        f.multistate_clicks(
            {ANY_ENDPOINT: None}, clicks=f.SINGLE_DOUBLE, state_actions=("on", "off")
        ),
        f.event_mode(),
        f.linkquality(),
        f.lumi_heartbeat(),
        f.ota(0x0114),
    ),
    endpoints=h1_switch_endpoints(1, (41,), power=True),
)
