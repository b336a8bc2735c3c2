"""The Aqara smart wall switches H1 without neutral, two or three rockers (QBKG28LM,
QBKG29LM, WS-EUK02): one layout.

End devices. Zigbee2MQTT builds them alike: a relay and an operation mode per rocker, mode
switch, device temperature, power-outage memory (and count, but on QBKG28LM), flipped
indicator, LED off at night, single/double clicks listed button by button from endpoints
41-43, two rockers together 51-53, all three 61. Endpoints and clusters from the ZHA
quirk's signatures of ``lumi.switch.l2aeu1`` (zha-device-handlers ``switch_h1_double.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from .. import features as f
from ._aqara_h1 import h1_switch_endpoints
from .model import Definition

#: Zigbee2MQTT's buttonLookup: one endpoint per rocker and per combination pressed together
DOUBLE_BUTTONS: Final[Mapping[int, str]] = {41: "left", 42: "right", 51: "both"}
TRIPLE_BUTTONS: Final[Mapping[int, str]] = {
    41: "left",
    42: "center",
    43: "right",
    51: "left_center",
    52: "left_right",
    53: "center_right",
    61: "all",
}


def h1_no_neutral_switch(
    *,
    model: str,
    model_id: str,
    description: str,
    rockers: Mapping[int, str],
    buttons: Mapping[int, str],
    outage_count: bool = True,
) -> Definition:
    """``rockers``: relay endpoint → name; ``buttons``: click endpoint → name;
    ``outage_count``: Zigbee2MQTT shows power_outage_count (QBKG28LM's page has none)."""
    clicks: dict[int | None, str | None] = dict(buttons.items())
    return Definition(
        model=model,
        model_ids=(model_id,),
        vendor="Aqara",
        description=description,
        is_router=False,  # no neutral: an end device
        features=(
            *(
                f.relay(endpoint=ep, name=name, description=f"{name.capitalize()} relay.")
                for ep, name in rockers.items()
            ),
            *(
                f.operation_mode(
                    endpoint=ep, name=name, description=f"Decoupled mode for {name} button."
                )
                for ep, name in rockers.items()
            ),
            f.mode_switch(),
            *((f.power_outage_count(),) if outage_count else ()),
            f.device_temperature(),
            f.power_outage_memory(),
            f.flip_indicator_light(),
            f.led_disabled_night(),
            f.multistate_clicks(
                clicks,
                clicks=f.SINGLE_DOUBLE,
                state_actions=tuple(
                    f"{state}_{name}" for name in rockers.values() for state in ("on", "off")
                ),
                by_button=True,
            ),
            f.event_mode(),
            f.linkquality(),
            f.lumi_heartbeat(),
        ),
        endpoints=h1_switch_endpoints(len(rockers), buttons, power=False),
    )
