"""The H1-generation switches with neutral (H1M, E1): relays on 1-3, power on 21, buttons
on hidden endpoints 41-43 and their combinations on 51-53 and 61; the multi-rocker ones'
features (ZNQBKG25LM, ZNQBKG26LM, ZNQBKG31LM) from one layout.

From H1 with neutral interviews (lumi.switch.n2acn1, zigbee2mqtt#15800: endpoints 1, 2,
21, 41, 42, 51, 242; endpoint 1 serving Basic, DeviceTemperature, Identify, Groups, Scenes,
OnOff, Alarms, Metering, ElectricalMeasurement); the H1M and E1 models are inferred to
follow it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

from .. import features as f
from ..features import metering as meters
from ..lumi.const import (
    ANALOG_INPUT,
    BASIC,
    DEVICE_TEMPERATURE,
    ELECTRICAL_MEASUREMENT,
    GROUPS,
    LUMI_CLUSTER,
    METERING,
    MULTISTATE_INPUT,
    ON_OFF,
    OTA,
)
from .model import Access, Definition, EndpointDecl, Feature

#: Zigbee2MQTT's button endpoints of the H1/E1 triple rockers
TRIPLE_BUTTONS: Final[Mapping[int, str]] = {
    41: "left",
    42: "center",
    43: "right",
    51: "left_center",
    52: "left_right",
    53: "center_right",
    61: "all",
}


def h1_endpoints(
    relays: int, buttons: Iterable[int | None], *, metering: bool
) -> tuple[EndpointDecl, ...]:
    """``relays`` relay endpoints from 1, the hidden ``buttons`` endpoints, 21 if metered."""
    first = EndpointDecl(
        endpoint=1,
        device_type=0x0100,
        in_clusters=(
            BASIC,
            DEVICE_TEMPERATURE,
            0x0003,
            GROUPS,
            0x0005,
            ON_OFF,
            0x0009,
            *((METERING, ELECTRICAL_MEASUREMENT) if metering else ()),
            LUMI_CLUSTER,
        ),
        out_clusters=(0x000A, OTA),
    )
    others = tuple(
        EndpointDecl(
            endpoint=ep, device_type=0x0100, in_clusters=(GROUPS, 0x0005, ON_OFF, LUMI_CLUSTER)
        )
        for ep in range(2, relays + 1)
    )
    power = (
        (EndpointDecl(endpoint=21, device_type=0x0000, in_clusters=(ANALOG_INPUT,)),)
        if metering
        else ()
    )
    clicks = tuple(
        EndpointDecl(endpoint=ep, device_type=0x0000, in_clusters=(MULTISTATE_INPUT,))
        for ep in buttons
        if ep is not None
    )
    return (first, *others, *power, *clicks)


def h1_neutral_switch(
    *,
    model: str,
    model_id: str,
    description: str,
    rockers: Mapping[int, str],
    buttons: Mapping[int, str],
    metering: bool,
    ota_image_type: int,
) -> Definition:
    """A multi-rocker H1M/E1 switch: ``rockers`` relay endpoint → name, ``buttons`` click
    endpoint → name; ``metering``: power (AnalogInput on 21), energy and voltage, and the
    LED-at-night setting (the H1M's; the E1 has neither)."""
    measured: tuple[Feature, ...] = (
        (f.power(meters.analog_power(), access=Access.REPORT), f.energy(), f.voltage())
        if metering
        else ()
    )
    clicks: dict[int | None, str | None] = dict(buttons.items())
    return Definition(
        model=model,
        model_ids=(model_id,),
        vendor="Aqara",
        description=description,
        is_router=True,  # with neutral
        features=(
            *measured,
            *(
                f.relay(endpoint=ep, name=name, description="On/off state of the switch.")
                for ep, name in rockers.items()
            ),
            *(
                f.operation_mode(
                    endpoint=ep, name=name, description=f"Decoupled mode for {name} button."
                )
                for ep, name in rockers.items()
            ),
            f.multistate_clicks(
                clicks,
                clicks=f.SINGLE_DOUBLE,
                state_actions=tuple(
                    f"{state}_{name}" for name in rockers.values() for state in ("on", "off")
                ),
                by_button=True,
            ),
            f.power_outage_memory(),
            *((f.led_disabled_night(),) if metering else ()),
            f.device_temperature(),
            f.flip_indicator_light(),
            f.event_mode(),
            f.linkquality(),
            f.lumi_heartbeat(),
            f.ota(ota_image_type),
        ),
        endpoints=h1_endpoints(len(rockers), buttons, metering=metering),
    )
