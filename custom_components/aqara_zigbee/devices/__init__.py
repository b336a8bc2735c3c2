"""Supported device definitions, discovered from the per-model modules of this package.

Adding a model = adding a module here that defines a module-level ``DEFINITION``.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
import importlib
import pkgutil
from types import MappingProxyType
from typing import Final

from .model import Definition

# Infrastructure modules of this package that hold no definition
_NOT_MODELS: Final = frozenset({"model", "resolver", "handle"})


def _discover() -> dict[str, Definition]:
    found: dict[str, Definition] = {}
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if module_info.name in _NOT_MODELS or module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        definition = getattr(module, "DEFINITION", None)
        if not isinstance(definition, Definition):
            continue
        for model_id in definition.model_ids:
            if model_id in found:
                raise ValueError(
                    f"{model_id!r} claimed by {found[model_id].model} and {definition.model}"
                )
            found[model_id] = definition
    return found


@cache
def _definitions() -> Mapping[str, Definition]:
    # Discovered on first use, not at import: the model modules import the feature library,
    # which imports this package's ``model`` module
    return MappingProxyType(_discover())


def load_definitions() -> Mapping[str, Definition]:
    """Every model definition, discovered now if not yet: it imports the model modules and
    lists this package's folder, so Home Assistant runs it in its import executor."""
    return _definitions()


def __getattr__(name: str) -> object:
    if name == "DEFINITIONS":
        return _definitions()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


DEFINITIONS: Mapping[str, Definition]  # every model by Zigbee model id (see __getattr__)

# Longest Zigbee model identifier the Basic cluster can carry; anything longer is hostile
_MAX_MODEL_ID_LENGTH: Final = 32


def get_definition(model_id: str | None) -> Definition | None:
    """The definition for a Zigbee model identifier; None when unknown (never raises)."""
    if not isinstance(model_id, str) or len(model_id) > _MAX_MODEL_ID_LENGTH:
        return None
    # Some firmwares pad the model string with NULs or spaces
    return _definitions().get(model_id.split("\x00", 1)[0].strip())


__all__ = ["DEFINITIONS", "Definition", "get_definition", "load_definitions"]
