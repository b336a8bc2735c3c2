"""Aqara ZNQBKG25LM: Smart wall switch H1M (with neutral, double rocker)."""

from __future__ import annotations

from .. import features as f
from ..features import metering
from ._aqara_h1_neutral import h1_endpoints
from .model import Access, Definition

ROCKERS = {1: "left", 2: "right"}

DEFINITION = Definition(
    model="ZNQBKG25LM",
    model_ids=("lumi.switch.acn030",),
    vendor="Aqara",
    description="Smart wall switch H1M (with neutral, double rocker)",
    is_router=True,  # with neutral
    features=(
        f.power(metering.analog_power(), access=Access.REPORT),
        f.energy(),
        f.voltage(),
        *(
            f.relay(endpoint=ep, name=name, description="On/off state of the switch.")
            for ep, name in ROCKERS.items()
        ),
        *(
            f.operation_mode(
                endpoint=ep, name=name, description=f"Decoupled mode for {name} button."
            )
            for ep, name in ROCKERS.items()
        ),
        # Zigbee2MQTT's page lists *_left_right and *_all, while its converter names endpoint
        # 51 "both" (an action its page lacks): 51 is both rockers, which is all of them
        f.multistate_clicks(
            {41: "left", 42: "right", 51: "left_right"},
            clicks=f.SINGLE_DOUBLE,
            state_actions=("on_left", "off_left", "on_right", "off_right"),
            by_button=True,
        ),
        f.power_outage_memory(),
        f.led_disabled_night(),
        f.device_temperature(),
        f.flip_indicator_light(),
        f.event_mode(),
        f.linkquality(),
        f.lumi_heartbeat(),
        f.ota(0x0A8C),
    ),
    endpoints=h1_endpoints(2, (41, 42, 51), metering=True),
)
