"""A simulated Zigbee network of Aqara devices behind an emulated coordinator.

The coordinator is a TI Z-Stack one (``zstack.py``, for zigpy-znp) or a Silicon Labs
EmberZNet one (``ezsp/`` over ``ash.py``, for bellows).

``SimulatedNetwork`` (``network.py``) is the entry point; ``python -m
custom_components.aqara_zigbee.simulator serve`` runs one from the command line. The
simulator is independent of the integration: it never imports anything outside this package.

Names are imported lazily so that using the codec or the devices does not pull in a
coordinator emulator.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .air import DeliveryStatus
    from .behaviours.buttons import PressKind
    from .clock import SimClock
    from .device import TwinDevice
    from .models import DEFAULT_MODELS, TWINS
    from .network import SimulatedNetwork
    from .profile import Twin

_EXPORTS = {
    "DEFAULT_MODELS": ".models",
    "TWINS": ".models",
    "DeliveryStatus": ".air",
    "PressKind": ".behaviours.buttons",
    "SimClock": ".clock",
    "SimulatedNetwork": ".network",
    "Twin": ".profile",
    "TwinDevice": ".device",
}

__all__ = [
    "DEFAULT_MODELS",
    "TWINS",
    "DeliveryStatus",
    "PressKind",
    "SimClock",
    "SimulatedNetwork",
    "Twin",
    "TwinDevice",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module, __name__), name)
