"""A simulated Zigbee network of Aqara devices behind an emulated Z-Stack coordinator.

``SimulatedNetwork`` (``network.py``) is the entry point; ``python -m
custom_components.aqara_zigbee.simulator serve`` runs one from the command line. The
simulator is independent of the integration: it never imports anything outside this package.

Names are imported lazily so that using the codec or the devices does not pull in the
coordinator emulator.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .air import DeliveryStatus
    from .clock import SimClock
    from .devices import LumiDevice, PressKind
    from .models import DEFAULT_MODELS, MODELS
    from .network import SimulatedNetwork

_EXPORTS = {
    "DEFAULT_MODELS": ".models",
    "MODELS": ".models",
    "DeliveryStatus": ".air",
    "LumiDevice": ".devices",
    "PressKind": ".devices",
    "SimClock": ".clock",
    "SimulatedNetwork": ".network",
}

__all__ = [
    "DEFAULT_MODELS",
    "MODELS",
    "DeliveryStatus",
    "LumiDevice",
    "PressKind",
    "SimClock",
    "SimulatedNetwork",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module, __name__), name)
