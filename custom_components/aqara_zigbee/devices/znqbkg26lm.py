"""Aqara ZNQBKG26LM: Smart wall switch H1M (with neutral, triple rocker)."""

from __future__ import annotations

from .. import features as f
from ..features import metering
from ._aqara_h1_neutral import h1_endpoints
from .model import Access, Definition

ROCKERS = {1: "left", 2: "center", 3: "right"}
#: Zigbee2MQTT's button endpoints of the H1/E1 triple rockers
BUTTONS: dict[int | None, str | None] = {
    41: "left",
    42: "center",
    43: "right",
    51: "left_center",
    52: "left_right",
}
BUTTONS |= {53: "center_right", 61: "all"}

DEFINITION = Definition(
    model="ZNQBKG26LM",
    model_ids=("lumi.switch.acn031",),
    vendor="Aqara",
    description="Smart wall switch H1M (with neutral, triple rocker)",
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
        f.multistate_clicks(
            BUTTONS,
            clicks=f.SINGLE_DOUBLE,
            state_actions=tuple(
                f"{state}_{name}" for name in ROCKERS.values() for state in ("on", "off")
            ),
            by_button=True,
        ),
        f.power_outage_memory(),
        f.led_disabled_night(),
        f.device_temperature(),
        f.flip_indicator_light(),
        f.event_mode(),
        f.linkquality(),
        f.lumi_heartbeat(),
        f.ota(0x0B0C),
    ),
    endpoints=h1_endpoints(3, BUTTONS, metering=True),
)
