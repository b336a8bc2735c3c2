"""Child lock: a socket's button disabled (0xFCC0 0x0285 on the socket's endpoint).

Zigbee2MQTT's ``lumiChildLock`` (WP-P09D): the attribute the H2 switches call
``lock_relay``, shown as LOCK/UNLOCK per socket; locked, the button neither switches the
socket nor sends clicks.
"""

from __future__ import annotations

from ..devices.model import Feature
from .lock_relay import lock_relay


def child_lock(
    *,
    endpoint: int = 1,
    name: str | None = None,
    description: str = "Disables the physical button.",
) -> Feature:
    """One socket's button lock (on = LOCK); ``name``: the key suffix (``child_lock_1``)."""
    return lock_relay(endpoint=endpoint, name=name, description=description, key="child_lock")
