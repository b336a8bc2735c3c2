"""Aqara WS-USC04: smart wall switch (with neutral, double rocker), US.

Facts: Zigbee2MQTT's definition (the exposes; top = endpoint 1, bottom = endpoint 2; clicks
from 41/42/51; power read from AnalogInput, ``lumi_power``); endpoints and clusters from the
ZHA quirk's four signatures of ``lumi.switch.b2naus01`` (zha-device-handlers
``opple_switch.py``); OTA image type 0x0194 from the Koenkk/zigbee-OTA index.
"""

from __future__ import annotations

from .. import features as f
from ..features import metering
from ._aqara_h1 import h1_switch_endpoints
from .model import Definition

DEFINITION = Definition(
    model="WS-USC04",
    model_ids=("lumi.switch.b2naus01",),
    vendor="Aqara",
    description="Smart wall switch (with neutral, double rocker), US",
    is_router=True,  # with neutral: a router
    features=(
        f.relay(endpoint=1, name="top", description="Top relay."),
        f.relay(endpoint=2, name="bottom", description="Bottom relay."),
        # Read from AnalogInput (Zigbee2MQTT's lumi_power /get), also in the heartbeat
        f.power(metering.analog_power()),
        f.energy(),
        f.voltage(),
        f.operation_mode(endpoint=1, name="top", description="Decoupled mode for top button."),
        f.operation_mode(
            endpoint=2, name="bottom", description="Decoupled mode for bottom button."
        ),
        f.power_outage_count(),
        f.device_temperature(),
        f.power_outage_memory(),
        f.flip_indicator_light(),
        f.multistate_clicks(
            {41: "top", 42: "bottom", 51: "both"},
            clicks=f.SINGLE_DOUBLE,
            state_actions=("on_top", "off_top", "on_bottom", "off_bottom"),
        ),
        f.event_mode(),
        f.linkquality(),
        f.lumi_heartbeat(),
        f.ota(0x0194),
    ),
    endpoints=h1_switch_endpoints(2, (41, 42, 51), power=True),
)
