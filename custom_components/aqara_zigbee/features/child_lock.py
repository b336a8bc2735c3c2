"""Child lock: a socket's button disabled (0xFCC0 0x0285 on the socket's endpoint).

Zigbee2MQTT's ``lumiChildLock`` (WP-P09D): the attribute the H2 switches call
``lock_relay``, shown as LOCK/UNLOCK per socket; locked, the button neither switches the
socket nor sends clicks.
"""

from __future__ import annotations

from ..devices.model import BOOL, RW, Expose, Feature, Platform
from ..lumi.const import ZCL_UINT8
from ._lumi import endpoint_placeholders, endpoint_suffix, lumi_attribute, lumi_write
from .lock_relay import ATTR_LOCK_RELAY


def child_lock(
    *,
    endpoint: int = 1,
    name: str | None = None,
    description: str = "Disables the physical button.",
) -> Feature:
    """One socket's button lock (on = LOCK); ``name``: the key suffix (``child_lock_1``)."""
    return Feature(
        exposes=(
            Expose(
                key=f"child_lock{endpoint_suffix(name)}",
                platform=Platform.SWITCH,
                access=RW,
                description=description,
                entity_category="config",
                sources=(lumi_attribute(ATTR_LOCK_RELAY, BOOL, endpoint=endpoint),),
                write=lumi_write(ATTR_LOCK_RELAY, ZCL_UINT8, BOOL, endpoint=endpoint),
                translation_key="child_lock_endpoint" if name else None,
                translation_placeholders=endpoint_placeholders(name),
            ),
        )
    )
