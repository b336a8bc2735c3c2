"""The Aqara Z1 wall switches (ZNQBKG38LM-41LM) and Z1 Pro (ZNQBKG42LM-45LM): one layout.

Zigbee2MQTT builds them all from the same extends (lumiOnOff with power_on_behavior and
lock_relay, lumiAction, lumiElectricityMeter, lumiPower, lumiLedDisabledNight,
lumiClickMode on 0x0286); only the rockers, a wireless button and the Pro's slider differ.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from .. import features as f
from ..features import click_mode, lock_relay, metering, power_on_behavior, slider
from ..lumi.const import (
    ANALOG_INPUT,
    BASIC,
    ELECTRICAL_MEASUREMENT,
    GROUPS,
    LUMI_CLUSTER,
    METERING,
    MULTISTATE_INPUT,
    ON_OFF,
    OTA,
)
from .model import ANY_ENDPOINT, Access, Definition, EndpointDecl, Feature

#: lumi.switch.acn048-acn059 share one image type in Koenkk/zigbee-OTA's index
Z1_OTA_IMAGE: Final = 0x1918
#: the Z1's click_mode attribute (lumiClickMode's default is 0x0125)
Z1_CLICK_MODE: Final = 0x0286
#: "MAX" of Zigbee2MQTT's onOff reporting
_RELAY_REPORT_MAX: Final = 65000
#: MultistateInput presentValue of the multi-rocker models (lumiAction's actionLookup)
_GESTURES: Final = {0: "hold", 1: "single", 2: "double", 255: "release"}


def _rocker(endpoint: int, name: str | None) -> tuple[Feature, ...]:
    return (
        f.relay(endpoint=endpoint, name=name, description="On/off state of the switch."),
        f.report_relay(endpoint=endpoint, max_interval=_RELAY_REPORT_MAX),
    )


def _rocker_settings(endpoint: int, name: str | None) -> tuple[Feature, ...]:
    button = f"{name} button" if name else "a button"
    relay = f"{name} relay" if name else "relay"
    return (
        f.operation_mode(
            endpoint=endpoint,
            name=name,
            description=f"Decoupled mode for {button}.",
            decoupled_first=True,
        ),
        lock_relay.lock_relay(
            endpoint=endpoint,
            name=name,
            description=f"Locks {relay} and prevents it from operating.",
        ),
    )


def _endpoints(rockers: Mapping[int, str], wireless: int | None) -> tuple[EndpointDecl, ...]:
    """Endpoint 1 serves the meters; every rocker its relay and clicks; 21 the power.

    From a lumi.switch.acn057 interview (zigbee-herdsman-converters#10288): the other
    models are inferred to follow it.
    """
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
        for endpoint in rockers
        if endpoint != 1
    )
    if wireless is not None:
        others += (
            EndpointDecl(
                endpoint=wireless, device_type=0x0000, in_clusters=(MULTISTATE_INPUT, LUMI_CLUSTER)
            ),
        )
    power = EndpointDecl(endpoint=21, device_type=0x0000, in_clusters=(ANALOG_INPUT,))
    return (first, *others, power)


def z1_switch(
    *,
    model: str,
    model_id: str,
    description: str,
    rockers: Mapping[int, str],
    wireless: int | None = None,
    pro: bool = False,
) -> Definition:
    """A Z1 switch; ``rockers``: relay endpoint → Zigbee2MQTT name (ignored for one rocker);
    ``wireless``: the endpoint of a button without relay; ``pro``: the Z1 Pro's slider and
    mode switch (its definition writes no event mode)."""
    named = len(rockers) > 1
    names = {endpoint: (name if named else None) for endpoint, name in rockers.items()}
    buttons: dict[int | None, str | None] = {}
    buttons.update(names.items())
    if wireless is not None:
        buttons[wireless] = "wireless"
    state_actions = tuple(
        f"{state}_{name}" if name else state for name in names.values() for state in ("on", "off")
    )
    extra = (slider.slider_actions(),) if pro else ()
    if named:
        clicks = f.multistate_clicks(
            buttons, clicks=_GESTURES, state_actions=state_actions, extra=extra
        )
    else:
        # lumiAction() of the single rocker: single clicks, from an undocumented endpoint
        # (the rocker's own, endpoint 1, as on the multi-rocker models, beside a slider)
        clicks = f.multistate_clicks(
            {1 if pro else ANY_ENDPOINT: None},
            clicks={1: "single"},
            state_actions=state_actions,
            extra=extra,
        )
    pro_features = (
        (slider.slider_measurements(), f.mode_switch(quick_first=True, heartbeat=False))
        if pro
        else ()
    )
    return Definition(
        model=model,
        model_ids=(model_id,),
        vendor="Aqara",
        description=description,
        is_router=True,  # with neutral
        features=(
            *(feature for ep, name in names.items() for feature in _rocker(ep, name)),
            f.device_temperature(),
            f.power_outage_count(),
            power_on_behavior.power_on_behavior(),
            *(feature for ep, name in names.items() for feature in _rocker_settings(ep, name)),
            f.energy(),
            f.voltage(),
            f.current(),
            f.power(metering.analog_power(), access=Access.REPORT, entity_category="diagnostic"),
            metering.report_analog_power(),
            f.led_disabled_night(),
            click_mode.click_mode(attribute=Z1_CLICK_MODE),
            *pro_features,
            clicks,
            *(() if pro else (f.event_mode(),)),
            f.linkquality(),
            f.lumi_heartbeat(),
            f.ota(Z1_OTA_IMAGE),
        ),
        endpoints=_endpoints(rockers, wireless),
    )
