"""Aqara ZNQBKG24LM: Smart wall switch H1M (with neutral, single rocker)."""

from __future__ import annotations

from .. import features as f
from ..features import metering
from ._aqara_h1_neutral import h1_endpoints
from .model import ANY_ENDPOINT, Access, Definition

DEFINITION = Definition(
    model="ZNQBKG24LM",
    model_ids=("lumi.switch.acn029",),
    vendor="Aqara",
    description="Smart wall switch H1M (with neutral, single rocker)",
    is_router=True,  # with neutral
    features=(
        f.relay(description="On/off state of the switch."),
        f.power(metering.analog_power(), access=Access.REPORT),
        f.energy(),
        f.voltage(),
        f.device_temperature(),
        # Zigbee2MQTT maps the clicks without looking at the endpoint: any counts
        f.multistate_clicks(
            {ANY_ENDPOINT: None}, clicks=f.SINGLE_DOUBLE, state_actions=("on", "off")
        ),
        f.operation_mode(description="Decoupled mode."),
        f.power_outage_memory(),
        f.led_disabled_night(),
        f.flip_indicator_light(),
        # Zigbee2MQTT's definition does not write event mode for this one model of the family
        f.linkquality(),
        f.lumi_heartbeat(),
        f.ota(0x0A0C),
    ),
    endpoints=h1_endpoints(1, (41,), metering=True),
)
