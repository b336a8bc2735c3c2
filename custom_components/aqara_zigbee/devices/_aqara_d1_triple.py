"""The Aqara smart wall switches D1 triple rocker (QBKG25LM, QBKG26LM): one layout.

Zigbee2MQTT builds both alike: relays left 1 / center 2 / right 3 with an operation mode
each, power-outage memory, LED off at night, device temperature, flipped indicator on
0xFCC0, the event-mode write at configure, single/double clicks listed button by button from
endpoints 41-43, 51-53 and 61. Without neutral (an end device): mode switch and power-outage
count; with neutral (a router): power as AnalogInput presentValue on endpoint 21, energy and
voltage from the heartbeat. Each model's own facts are in its file.
"""

from __future__ import annotations

from collections.abc import Mapping

from .. import features as f
from ..features import metering
from ..lumi.const import (
    ANALOG_INPUT,
    BASIC,
    DEVICE_TEMPERATURE,
    GROUPS,
    LUMI_CLUSTER,
    MULTISTATE_INPUT,
    ON_OFF,
    OTA,
)
from .model import Access, Definition, EndpointDecl, Feature

#: Zigbee2MQTT's buttonLookup: one endpoint per rocker and per combination pressed together
_BUTTONS: Mapping[int | None, str | None] = {
    41: "left",
    42: "center",
    43: "right",
    51: "left_center",
    52: "left_right",
    53: "center_right",
    61: "all",
}
_ROCKERS: Mapping[int, str] = {1: "left", 2: "center", 3: "right"}
_POWER_ENDPOINT = 21


def _by_neutral(neutral: bool) -> tuple[Feature, ...]:
    if neutral:
        return (
            f.power(metering.analog_power(), access=Access.REPORT),
            f.voltage(),
            f.energy(),
        )
    return (f.mode_switch(), f.power_outage_count())


def d1_triple_switch(
    *, model: str, model_id: str, description: str, neutral: bool, ota_image_type: int
) -> Definition:
    """``neutral``: wired with neutral (a metered router), else an end device."""
    return Definition(
        model=model,
        model_ids=(model_id,),
        vendor="Aqara",
        description=description,
        is_router=neutral,  # with neutral a router, without an end device
        features=(
            *(
                f.relay(endpoint=ep, name=name, description=f"{name.capitalize()} relay.")
                for ep, name in _ROCKERS.items()
            ),
            *(
                f.operation_mode(
                    endpoint=ep, name=name, description=f"Decoupled mode for {name} button."
                )
                for ep, name in _ROCKERS.items()
            ),
            *_by_neutral(neutral),
            f.power_outage_memory(),
            f.led_disabled_night(),
            f.device_temperature(),
            f.flip_indicator_light(),
            f.multistate_clicks(
                _BUTTONS,
                clicks=f.SINGLE_DOUBLE,
                by_button=True,
                state_actions=tuple(
                    f"{state}_{name}" for name in _ROCKERS.values() for state in ("on", "off")
                ),
            ),
            f.event_mode(),
            f.linkquality(),
            f.lumi_heartbeat(),
            f.ota(ota_image_type),
        ),
        endpoints=(
            EndpointDecl(
                endpoint=1,
                device_type=0x0100,
                in_clusters=(
                    BASIC,
                    DEVICE_TEMPERATURE,
                    0x0003,
                    GROUPS,
                    0x0005,
                    ON_OFF,
                    LUMI_CLUSTER,
                ),
                out_clusters=(0x000A, OTA),
            ),
            *(
                EndpointDecl(
                    endpoint=ep,
                    device_type=0x0100,
                    in_clusters=(GROUPS, 0x0005, ON_OFF, LUMI_CLUSTER),
                )
                for ep in _ROCKERS
                if ep != 1
            ),
            *(
                (
                    EndpointDecl(
                        endpoint=_POWER_ENDPOINT, device_type=0x0100, in_clusters=(ANALOG_INPUT,)
                    ),
                )
                if neutral
                else ()
            ),
            *(
                EndpointDecl(endpoint=ep, device_type=0x0000, in_clusters=(MULTISTATE_INPUT,))
                for ep in _BUTTONS
                if ep is not None
            ),
        ),
    )
