"""The Aqara Light Switch H2 EU family (WS-K07E, WS-K08E): one layout.

Zigbee2MQTT builds both from the same extends: prevent leave (0xFCC0 0x00FC), 0xFCC0 bound
on every button endpoint and OnOff on the relays, electricityMeter without voltage (power
and current from ElectricalMeasurement, energy from Metering, nothing configured to report:
configuring current fails, zigbee2mqtt#27525), LED indicator and flipped indicator,
lumiAction per button (hold, single, double, release), lumiOnOff with power_on_behavior,
operation mode and lock per relay, multi-click per relay-less "down" button.
"""

from __future__ import annotations

from collections.abc import Mapping

from .. import features as f
from ..features import (
    click_mode,
    identify,
    led_indicator,
    lock_relay,
    metering,
    power_on_behavior,
    prevent_leave,
)
from ..lumi.const import (
    ANALOG_INPUT,
    BASIC,
    ELECTRICAL_MEASUREMENT,
    EM_AC_POWER_DIVISOR,
    EM_AC_POWER_MULTIPLIER,
    EM_ACTIVE_POWER,
    EM_RMS_CURRENT,
    GROUPS,
    LUMI_CLUSTER,
    METERING,
    MULTISTATE_INPUT,
    ON_OFF,
    OTA,
)
from ._aqara_h2_us import GESTURES, H2_OTA_IMAGE, reported_relay
from .model import RO, AttributeSource, BindStep, Definition, EndpointDecl, Feature, NumberCodec


def _rms_current() -> AttributeSource:
    """rmsCurrent as amperes: the unit refuses acCurrentMultiplier/Divisor reads
    (UNSUPPORTED_ATTRIBUTE, zigbee2mqtt#26879), so Zigbee2MQTT scales it by 1/1."""
    return AttributeSource(
        endpoint=1,
        cluster=ELECTRICAL_MEASUREMENT,
        attribute=EM_RMS_CURRENT,
        codec=NumberCodec(ndigits=3),
    )


def _relay_settings(endpoint: int, name: str, rocker: str) -> tuple[Feature, ...]:
    return (
        f.operation_mode(
            endpoint=endpoint,
            name=name,
            description=f"Decoupled mode for {rocker}switch.",
            decoupled_first=True,
        ),
        lock_relay.lock_relay(endpoint=endpoint, name=name, description=f"Lock {rocker}switch."),
    )


def _endpoints(relays: Mapping[int, str], buttons: Mapping[int, str]) -> tuple[EndpointDecl, ...]:
    """From the ZHA signature of lumi.switch.agl010 (zha-device-handlers#3957: AnalogInput
    on 21) and the H2 dimmer's database entry (lumi.switch.agl007: ElectricalMeasurement
    and Metering on 1); the button endpoints' clusters are inferred from the H2 US family."""
    first = EndpointDecl(
        endpoint=1,
        device_type=0x0100,
        in_clusters=(
            BASIC,
            0x0003,
            GROUPS,
            0x0005,
            ON_OFF,
            MULTISTATE_INPUT,
            METERING,
            ELECTRICAL_MEASUREMENT,
            LUMI_CLUSTER,
        ),
        out_clusters=(0x000A, OTA),
    )
    others = tuple(
        EndpointDecl(
            endpoint=endpoint,
            device_type=0x0100,
            in_clusters=(GROUPS, 0x0005, ON_OFF, MULTISTATE_INPUT, LUMI_CLUSTER),
        )
        for endpoint in relays
        if endpoint != 1
    )
    wireless = tuple(
        EndpointDecl(
            endpoint=endpoint, device_type=0x0000, in_clusters=(MULTISTATE_INPUT, LUMI_CLUSTER)
        )
        for endpoint in buttons
    )
    power = EndpointDecl(endpoint=21, device_type=0x0000, in_clusters=(ANALOG_INPUT,))
    return (first, *others, *wireless, power)


def h2_eu_switch(
    *,
    model: str,
    model_id: str,
    description: str,
    relays: Mapping[int, str],
    buttons: Mapping[int, str],
    with_identify: bool,
) -> Definition:
    """``relays``: endpoint → Zigbee2MQTT name; ``buttons``: the relay-less "down" buttons'.

    ``with_identify``: Zigbee2MQTT gives the model m.identify() (the double rocker only).
    """
    single = len(relays) == 1
    # Zigbee2MQTT's descriptions: "Decoupled mode for switch" / "... for left switch"
    rockers = {ep: "" if single else f"{name} " for ep, name in relays.items()}
    # The action list goes button by button as lumiAction's endpointNames: up, down / left,
    # left_down, right, right_down (each relay followed by its down button)
    ordered: dict[int | None, str | None] = {}
    for (relay_ep, relay_name), (button_ep, button_name) in zip(
        relays.items(), buttons.items(), strict=True
    ):
        ordered[relay_ep] = relay_name
        ordered[button_ep] = button_name
    return Definition(
        model=model,
        model_ids=(model_id,),
        vendor="Aqara",
        description=description,
        is_router=True,  # mains powered with neutral, metered
        features=(
            prevent_leave.prevent_leave(),
            # m.bindCluster: 0xFCC0 on every named endpoint
            Feature(
                configure=tuple(
                    BindStep(endpoint=ep, cluster=LUMI_CLUSTER) for ep in (*relays, *buttons)
                )
            ),
            f.power(
                f.electrical_measurement(
                    EM_ACTIVE_POWER, EM_AC_POWER_MULTIPLIER, EM_AC_POWER_DIVISOR, ndigits=2
                ),
                access=RO,
            ),
            f.current(_rms_current(), access=RO),
            f.energy(metering.metering_summation(), access=RO),
            led_indicator.led_indicator(),
            f.flip_indicator_light(),
            *(feature for ep, name in relays.items() for feature in reported_relay(ep, name)),
            f.device_temperature(),
            f.power_outage_count(),
            power_on_behavior.power_on_behavior(),
            *(
                feature
                for ep, name in relays.items()
                for feature in _relay_settings(ep, name, rockers[ep])
            ),
            *(
                click_mode.multi_click(
                    endpoint=ep,
                    name=name,
                    description=f"Multi-click mode for {name.replace('_', ' ')} button.",
                )
                for ep, name in buttons.items()
            ),
            *((identify.identify(),) if with_identify else ()),
            f.multistate_clicks(
                ordered,
                clicks=GESTURES,
                state_actions=tuple(
                    f"{state}_{name}" for name in relays.values() for state in ("on", "off")
                ),
            ),
            f.linkquality(),
            f.lumi_heartbeat(),
            f.ota(H2_OTA_IMAGE),  # lumi.switch.agl009/agl010 too, in Koenkk/zigbee-OTA,
        ),
        endpoints=_endpoints(relays, buttons),
    )
