"""Endpoints of the H1-generation wall switches (EU, US, CN and Pro, with or without
neutral), from the ZHA quirks' signatures (zha-device-handlers ``switch_h1_single.py``,
``switch_h1_double.py``, ``opple_switch.py``) and a real unit's database entry
(zigbee2mqtt#15800).
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


def h1_switch_endpoints(
    relays: int, buttons: Iterable[int], *, power: bool, metering: bool = False
) -> tuple[EndpointDecl, ...]:
    """``relays`` relay endpoints from 1, then power (AnalogInput on 21, on the descriptors
    of some firmware only), then the button endpoints, ready before the first click.

    ``metering``: endpoint 1 serves Metering and ElectricalMeasurement too (WS-EUK03).
    """
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
            MULTISTATE_INPUT,
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
    analog = (
        (EndpointDecl(endpoint=21, device_type=0x0100, in_clusters=(ANALOG_INPUT,)),)
        if power
        else ()
    )
    clicks = tuple(
        EndpointDecl(endpoint=ep, device_type=0x0100, in_clusters=(MULTISTATE_INPUT,))
        for ep in buttons
    )
    return (first, *others, *analog, *clicks)
