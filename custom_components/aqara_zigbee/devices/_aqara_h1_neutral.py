"""Endpoints of the H1-generation switches with neutral (H1M, E1): relays on 1-3, power on
21, buttons on hidden endpoints 41-43 and their combinations on 51-53 and 61.

From H1 with neutral interviews (lumi.switch.n2acn1, zigbee2mqtt#15800: endpoints 1, 2,
21, 41, 42, 51, 242; endpoint 1 serving Basic, DeviceTemperature, Identify, Groups, Scenes,
OnOff, Alarms, Metering, ElectricalMeasurement); the H1M and E1 models are inferred to
follow it.
"""

from __future__ import annotations

from collections.abc import Iterable

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
from .model import EndpointDecl


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
