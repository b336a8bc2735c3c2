"""The simulated device models, by Zigbee model id."""

from __future__ import annotations

import hashlib
from typing import Any

from ..air import Transmit
from ..clock import SimClock
from ..devices import LumiDevice
from .plugs import ZNCZ02LM, ZNCZ04LM, PlugDevice, ZNCZ04LMLegacy
from .switches import QBKG40LM, SSMU02, WSUSC02

MODELS: dict[str, type[LumiDevice]] = {
    cls.MODEL_ID: cls for cls in (ZNCZ02LM, ZNCZ04LM, SSMU02, WSUSC02, QBKG40LM)
}
# The five seed models, in the order a default network creates them.
DEFAULT_MODELS: tuple[str, ...] = (
    ZNCZ02LM.MODEL_ID,
    ZNCZ04LM.MODEL_ID,
    SSMU02.MODEL_ID,
    WSUSC02.MODEL_ID,
    QBKG40LM.MODEL_ID,
)
# Zigbee2MQTT model names, accepted wherever a model id is.
Z2M_NAMES: dict[str, str] = {cls.Z2M_MODEL.lower(): model for model, cls in MODELS.items()}
# Other firmware layouts of a model, by name (never a default device).
VARIANTS: dict[str, type[LumiDevice]] = {ZNCZ04LMLegacy.VARIANT.lower(): ZNCZ04LMLegacy}


def resolve_model(name: str) -> type[LumiDevice]:
    """Model class for a Zigbee model id (``lumi.plug``), a Z2M name (``ZNCZ02LM``) or a
    firmware variant (``ZNCZ04LM-legacy``)."""
    if variant := VARIANTS.get(name.lower()):
        return variant
    model = Z2M_NAMES.get(name.lower(), name)
    try:
        return MODELS[model]
    except KeyError:
        known = ", ".join(sorted(MODELS))
        raise ValueError(f"unknown model {name!r} (known: {known})") from None


def find_twin(model_id: str) -> type[LumiDevice] | None:
    """The twin of a Zigbee model id (``lumi.plug``), or None."""
    return MODELS.get(model_id)


def stable_ieee(model_id: str, index: int) -> bytes:
    """A stable IEEE address (air order) under the model's real Lumi OUI."""
    cls = resolve_model(model_id)
    digest = hashlib.sha256(f"{cls.MODEL_ID}#{index}".encode()).digest()
    display = cls.IEEE_OUI + b"\x00" + digest[:4]  # e.g. 54:ef:44:00:xx:xx:xx:xx
    return display[::-1]


def stable_nwk(model_id: str, index: int, taken: set[int] | None = None) -> int:
    """A stable NWK address in 0x0001..0xFFF7, avoiding ``taken``."""
    digest = hashlib.sha256(f"nwk:{resolve_model(model_id).MODEL_ID}#{index}".encode()).digest()
    nwk = int.from_bytes(digest[:2], "little") % 0xFFF7 + 1
    while taken is not None and nwk in taken:
        nwk = nwk % 0xFFF7 + 1
    return nwk


def create_device(
    model_id: str,
    ieee: bytes,
    nwk: int,
    transmit: Transmit,
    clock: SimClock,
    **kwargs: Any,
) -> LumiDevice:
    """Instantiate the model (or variant) ``model_id``."""
    return resolve_model(model_id)(ieee, nwk, transmit, clock, **kwargs)


__all__ = [
    "DEFAULT_MODELS",
    "MODELS",
    "QBKG40LM",
    "SSMU02",
    "VARIANTS",
    "WSUSC02",
    "ZNCZ02LM",
    "ZNCZ04LM",
    "PlugDevice",
    "ZNCZ04LMLegacy",
    "create_device",
    "find_twin",
    "resolve_model",
    "stable_ieee",
    "stable_nwk",
]
