"""The Aqara Light Switch H2 US family (WS-K02E, WS-K03E, WS-K04E): one layout.

Zigbee2MQTT builds them from the same extends: lumiPower, lumiOnOff with power_on_behavior,
operation mode and lock per relay, lumiAction per button endpoint (hold, single, double,
release), lumiMultiClick for a relay-less "wireless" button, LED at night, flipped
indicator and mode switch, with 0xFCC0 and OnOff bound on the named endpoints.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from .. import features as f
from ..features import click_mode, lock_relay, metering, power_on_behavior
from ..lumi.const import (
    ANALOG_INPUT,
    BASIC,
    GROUPS,
    LUMI_CLUSTER,
    MULTISTATE_INPUT,
    ON_OFF,
    OTA,
)
from .model import Access, BindStep, Definition, EndpointDecl, Feature

#: lumi.switch.agl004-006 share one image type in Koenkk/zigbee-OTA's index
H2_OTA_IMAGE: Final = 0x1920
#: lumiAction's gestures of the H2 switches (US and EU), by MultistateInput presentValue
GESTURES: Final = {0: "hold", 1: "single", 2: "double", 255: "release"}


def reported_relay(endpoint: int, name: str) -> tuple[Feature, ...]:
    """A rocker's relay with its OnOff reporting configured (lumiOnOff)."""
    return (
        f.relay(endpoint=endpoint, name=name, description="On/off state of the switch."),
        f.report_relay(endpoint=endpoint, max_interval=65000),  # onOff reporting, "MAX"
    )


def _relay_settings(endpoint: int, name: str) -> tuple[Feature, ...]:
    return (
        f.operation_mode(
            endpoint=endpoint,
            name=name,
            description=f"Decoupled mode for {name} button.",
            decoupled_first=True,
        ),
        lock_relay.lock_relay(
            endpoint=endpoint,
            name=name,
            description=f"Locks {name} relay and prevents it from operating.",
        ),
    )


def _endpoints(relays: Mapping[int, str], wireless: int | None) -> tuple[EndpointDecl, ...]:
    """Inferred from the Z1 family interview (lumi.switch.acn057): relays serve OnOff,
    MultistateInput and 0xFCC0 on their endpoints, the wireless button its own, power 21."""
    first = EndpointDecl(
        endpoint=1,
        device_type=0x0100,
        in_clusters=(BASIC, 0x0003, GROUPS, 0x0005, ON_OFF, MULTISTATE_INPUT, LUMI_CLUSTER),
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
    button = (
        (
            EndpointDecl(
                endpoint=wireless,
                device_type=0x0000,
                in_clusters=(MULTISTATE_INPUT, LUMI_CLUSTER),
            ),
        )
        if wireless is not None
        else ()
    )
    power = EndpointDecl(endpoint=21, device_type=0x0000, in_clusters=(ANALOG_INPUT,))
    return (first, *others, *button, power)


def h2_us_switch(
    *,
    model: str,
    model_id: str,
    description: str,
    relays: Mapping[int, str],
    wireless: int | None = None,
) -> Definition:
    """``relays``: endpoint → Zigbee2MQTT name; ``wireless``: a relay-less button's endpoint."""
    buttons: dict[int | None, str | None] = {}
    buttons.update(relays.items())
    if wireless is not None:
        buttons[wireless] = "wireless"
    bound = (*relays, *(() if wireless is None else (wireless,)))
    return Definition(
        model=model,
        model_ids=(model_id,),
        vendor="Aqara",
        description=description,
        is_router=True,  # mains powered with neutral, metered
        features=(
            f.power(metering.analog_power(), access=Access.REPORT, entity_category="diagnostic"),
            metering.report_analog_power(),
            *(feature for ep, name in relays.items() for feature in reported_relay(ep, name)),
            f.device_temperature(),
            f.power_outage_count(),
            power_on_behavior.power_on_behavior(),
            *(feature for ep, name in relays.items() for feature in _relay_settings(ep, name)),
            *(
                (
                    click_mode.multi_click(
                        endpoint=wireless,
                        name="wireless",
                        description="Multi-click mode for wireless button.",
                    ),
                )
                if wireless is not None
                else ()
            ),
            f.led_disabled_night(),
            f.flip_indicator_light(),
            f.mode_switch(quick_first=True, heartbeat=False),
            f.multistate_clicks(
                buttons,
                clicks=GESTURES,
                state_actions=tuple(
                    f"{state}_{name}" for name in relays.values() for state in ("on", "off")
                ),
            ),
            # m.bindCluster: 0xFCC0 on every named endpoint
            Feature(configure=tuple(BindStep(endpoint=ep, cluster=LUMI_CLUSTER) for ep in bound)),
            f.linkquality(),
            f.lumi_heartbeat(),
            f.ota(H2_OTA_IMAGE),
        ),
        endpoints=_endpoints(relays, wireless),
    )
