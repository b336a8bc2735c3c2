"""Aqara WS-EUK04: smart wall switch H1 EU (with neutral, double rocker).

Facts: Zigbee2MQTT's definition (the exposes; left = endpoint 1, right = endpoint 2; clicks
from 41/42/51; power read from AnalogInput, ``lumi_power``); endpoints and clusters from the
ZHA quirk's signatures of ``lumi.switch.n2aeu1``, those of WS-USC04 (zha-device-handlers
``switch_h1_double.py``, zha-device-handlers#2826); OTA image type 0x159C from the
Koenkk/zigbee-OTA index.
"""

from __future__ import annotations

from .. import features as f
from ..features import metering
from ._aqara_h1 import h1_switch_endpoints
from .model import Definition

DEFINITION = Definition(
    model="WS-EUK04",
    model_ids=("lumi.switch.n2aeu1",),
    vendor="Aqara",
    description="Smart wall switch H1 EU (with neutral, double rocker)",
    is_router=True,  # with neutral: a router
    features=(
        f.relay(endpoint=1, name="left", description="Left relay."),
        f.relay(endpoint=2, name="right", description="Right relay."),
        # Read from AnalogInput (Zigbee2MQTT's lumi_power /get), also in the heartbeat
        f.power(metering.analog_power()),
        f.energy(),
        f.operation_mode(endpoint=1, name="left", description="Decoupled mode for left button."),
        f.operation_mode(endpoint=2, name="right", description="Decoupled mode for right button."),
        f.power_outage_count(),
        f.device_temperature(),
        f.power_outage_memory(),
        f.flip_indicator_light(),
        f.led_disabled_night(),
        f.multistate_clicks(
            {41: "left", 42: "right", 51: "both"},
            clicks=f.SINGLE_DOUBLE,
            state_actions=("on_left", "off_left", "on_right", "off_right"),
            by_button=True,
        ),
        f.event_mode(),
        f.linkquality(),
        f.lumi_heartbeat(),
        f.ota(0x159C),
    ),
    endpoints=h1_switch_endpoints(2, (41, 42, 51), power=True),
)
