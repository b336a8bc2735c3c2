"""Relay lock (0xFCC0 0x0285 per relay endpoint): the relay ignores the rocker and the hub."""

from __future__ import annotations

from typing import Final

from ..devices.model import BOOL, RW, Expose, Feature, Platform
from ..lumi.const import ZCL_UINT8
from ._lumi import endpoint_placeholders, endpoint_suffix, lumi_attribute, lumi_write

ATTR_LOCK_RELAY: Final = 0x0285


def lock_relay(
    *,
    endpoint: int = 1,
    name: str | None = None,
    description: str = "Locks relay and prevents it from operating.",
    key: str = "lock_relay",
) -> Feature:
    """One relay's lock; ``name``: the rocker in Zigbee2MQTT's key (``lock_relay_top``).

    ``key``: the expose's name where Zigbee2MQTT calls the attribute otherwise (an
    outlet's ``child_lock``).
    """
    return Feature(
        exposes=(
            Expose(
                key=f"{key}{endpoint_suffix(name)}",
                platform=Platform.SWITCH,
                access=RW,
                description=description,
                entity_category="config",
                sources=(lumi_attribute(ATTR_LOCK_RELAY, BOOL, endpoint=endpoint),),
                write=lumi_write(ATTR_LOCK_RELAY, ZCL_UINT8, BOOL, endpoint=endpoint),
                translation_key=f"{key}_endpoint" if name else None,
                translation_placeholders=endpoint_placeholders(name),
            ),
        )
    )
