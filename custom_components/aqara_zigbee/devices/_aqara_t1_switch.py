"""The Aqara smart wall switches T1 (QBKG17-20LM, QBKG33/34LM): one layout.

Zigbee2MQTT builds them alike: lumiOnOff with binary power-outage memory and (per-rocker)
operation mode, LED off at night, flipped indicator, single/double clicks as
MultistateInput from the button endpoints (41-43 per rocker, 51-53 for two together, 61
all three; a single rocker's from an undocumented one, any counts). With neutral: energy,
voltage and current from the 0xFCC0 heartbeat, and power as AnalogInput presentValue on
endpoint 21 where the model has it (not QBKG34LM). Inferred: the endpoints' clusters.
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
from .model import ANY_ENDPOINT, Access, Definition, EndpointDecl, Feature

# Zigbee2MQTT's lumiOnOff / lumiLedDisabledNight descriptions
_POWER_OUTAGE_MEMORY = "Controls the behavior when the device is powered on after power loss."
_LED_DISABLED_NIGHT = "Enables/disables LED indicator at night."
_POWER_ENDPOINT = 21

#: Zigbee2MQTT's buttonLookup: one endpoint per rocker and per combination pressed together
DOUBLE_BUTTONS: Mapping[int, str] = {41: "left", 42: "right", 51: "both"}
TRIPLE_BUTTONS: Mapping[int, str] = {
    41: "left",
    42: "center",
    43: "right",
    51: "left_center",
    52: "left_right",
    53: "center_right",
    61: "all",
}


def _rockers(rockers: Mapping[int, str]) -> tuple[Feature, ...]:
    """The relays, then their operation modes (one unnamed rocker: the model's own)."""
    if not rockers:
        return (f.relay(),)
    return tuple(
        f.relay(endpoint=ep, name=name, description=f"{name.capitalize()} relay.")
        for ep, name in rockers.items()
    )


def _operation_modes(rockers: Mapping[int, str]) -> tuple[Feature, ...]:
    if not rockers:
        return (f.operation_mode(description="Decoupled mode for a button.", decoupled_first=True),)
    return tuple(
        f.operation_mode(
            endpoint=ep,
            name=name,
            description=f"Decoupled mode for {name} button.",
            decoupled_first=True,
        )
        for ep, name in rockers.items()
    )


def _clicks(rockers: Mapping[int, str], buttons: Mapping[int, str]) -> Feature:
    if not rockers:
        # One button: which endpoint its clicks come from is undocumented, any counts
        return f.multistate_clicks(
            {ANY_ENDPOINT: None}, clicks=f.SINGLE_DOUBLE, state_actions=("on", "off")
        )
    # Zigbee2MQTT lists single/double only, yet publishes them with the button
    named: dict[int | None, str | None] = dict(buttons.items())
    return f.multistate_clicks(
        named,
        clicks=f.SINGLE_DOUBLE,
        state_actions=tuple(
            f"{state}_{name}" for name in rockers.values() for state in ("on", "off")
        ),
    )


def _metering(power: bool) -> tuple[Feature, ...]:
    """Energy, voltage and current from the heartbeat; power on endpoint 21 (lumiPower)."""
    measured = (f.energy(), f.voltage(), f.current())
    if not power:
        return measured
    return (
        *measured,
        f.power(metering.analog_power(), access=Access.REPORT, entity_category="diagnostic"),
        metering.report_analog_power(),  # lumiPower: 10 s apart at least, 5 W change
    )


def t1_switch(
    *,
    model: str,
    model_id: str,
    description: str,
    rockers: Mapping[int, str],
    buttons: Mapping[int, str],
    neutral: bool,
    power: bool = False,
    ota_image_type: int,
) -> Definition:
    """``rockers``: relay endpoint → Zigbee2MQTT name (empty: one unnamed rocker);
    ``buttons``: click endpoint → name; ``neutral``: a metered router, else an end device;
    ``power``: AnalogInput power on endpoint 21 too."""
    relays = rockers or {1: ""}
    return Definition(
        model=model,
        model_ids=(model_id,),
        vendor="Aqara",
        description=description,
        is_router=neutral,  # with neutral a router, without an end device
        features=(
            *_rockers(rockers),
            f.device_temperature(),
            f.power_outage_count(),
            f.power_outage_memory(description=_POWER_OUTAGE_MEMORY),
            *_operation_modes(rockers),
            f.led_disabled_night(description=_LED_DISABLED_NIGHT),
            f.flip_indicator_light(),
            *(_metering(power) if neutral else ()),
            _clicks(rockers, buttons),
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
                EndpointDecl(endpoint=ep, device_type=0x0100, in_clusters=(GROUPS, 0x0005, ON_OFF))
                for ep in relays
                if ep != 1
            ),
            *(
                (
                    EndpointDecl(
                        endpoint=_POWER_ENDPOINT, device_type=0x0100, in_clusters=(ANALOG_INPUT,)
                    ),
                )
                if power
                else ()
            ),
            *(
                EndpointDecl(endpoint=ep, device_type=0x0000, in_clusters=(MULTISTATE_INPUT,))
                for ep in buttons
            ),
        ),
    )
