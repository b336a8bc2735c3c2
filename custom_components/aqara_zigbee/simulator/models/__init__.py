"""The simulated twins, one module per model, found automatically.

``models/<name>.py`` holds ``TWIN`` (a :class:`~..profile.Twin`) and, when the model has
other firmware layouts, ``VARIANTS``. ``<name>`` is the module name of the integration's
definition of the same model (``devices/<name>.py``); twins of other brands' devices,
written from their public device signatures, are ``<vendor>_<model>``. Adding a model is
adding its module.
"""

from __future__ import annotations

from collections.abc import Mapping
import hashlib
import importlib
import pkgutil
from types import MappingProxyType
from typing import Any

from ..air import Transmit
from ..clock import SimClock
from ..device import TwinDevice
from ..profile import Twin


def _discover() -> tuple[dict[str, Twin], dict[str, Twin]]:
    twins: dict[str, Twin] = {}
    variants: dict[str, Twin] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda module: module.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        twin = getattr(module, "TWIN", None)
        if not isinstance(twin, Twin):
            continue
        for zigbee_model in twin.zigbee_models:
            if zigbee_model in twins:
                raise ValueError(f"{zigbee_model!r} has two twins ({info.name})")
            twins[zigbee_model] = twin
        for variant in getattr(module, "VARIANTS", ()):
            if not isinstance(variant, Twin) or variant.variant is None:
                raise TypeError(f"{info.name}: VARIANTS holds twins with a variant name")
            variants[variant.variant.lower()] = variant
    return twins, variants


_TWINS, _VARIANTS = _discover()

#: every twin, by Zigbee model id (Basic 0x0005)
TWINS: Mapping[str, Twin] = MappingProxyType(_TWINS)
#: other firmware layouts of a model, by lower-case name (never in a default network)
VARIANTS: Mapping[str, Twin] = MappingProxyType(_VARIANTS)
#: Zigbee2MQTT model names, accepted wherever a Zigbee model id is
Z2M_NAMES: Mapping[str, str] = MappingProxyType(
    {twin.z2m_model.lower(): zigbee_model for zigbee_model, twin in _TWINS.items()}
)
#: the seed models, in the order a default network creates them
DEFAULT_MODELS: tuple[str, ...] = tuple(
    zigbee_model
    for zigbee_model, twin in sorted(
        ((model, twin) for model, twin in _TWINS.items() if twin.seed is not None),
        key=lambda item: (item[1].seed, item[0]),
    )
    if zigbee_model == twin.zigbee_model
)
#: the demo's house: the seed models, then battery sensors, a remote and a cube (Aqara's
#: sleepy end devices) and a bulb and a sensor of other brands
HOUSE_MODELS: tuple[str, ...] = (
    *DEFAULT_MODELS,
    "lumi.sensor_magnet.aq2",  # MCCGQ11LM door and window sensor
    "lumi.sensor_motion.aq2",  # RTCGQ11LM motion sensor
    "lumi.weather",  # WSDCGQ11LM temperature, humidity and pressure sensor
    "lumi.sensor_wleak.aq1",  # SJCGQ11LM water leak sensor
    "lumi.sensor_switch.aq2",  # WXKG11LM wireless mini switch
    "lumi.sensor_cube",  # MFKZQ01LM cube
    "TRADFRI bulb E27 WS opal 980lm",  # IKEA LED1545G12 white-spectrum bulb
    "TH01",  # Sonoff SNZB-02 temperature and humidity sensor
)
#: the device sets a simulated network can be built with, by name
DEVICE_SETS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {"seed": DEFAULT_MODELS, "house": HOUSE_MODELS}
)


def find_twin(zigbee_model: str) -> Twin | None:
    """The twin of a Zigbee model id (``lumi.plug``), or None."""
    return _TWINS.get(zigbee_model)


def resolve_model(name: str) -> Twin:
    """The twin for a Zigbee model id (``lumi.plug``), a Zigbee2MQTT name (``ZNCZ02LM``) or
    a firmware variant (``ZNCZ04LM-legacy``)."""
    if variant := _VARIANTS.get(name.lower()):
        return variant
    zigbee_model = Z2M_NAMES.get(name.lower(), name)
    try:
        return _TWINS[zigbee_model]
    except KeyError:
        known = ", ".join(sorted(_TWINS))
        raise ValueError(f"unknown model {name!r} (known: {known})") from None


def _zigbee_model(name: str) -> str:
    """The Zigbee model id a name stands for (a twin with several: the one named)."""
    twin = resolve_model(name)
    return name if name in twin.zigbee_models else twin.zigbee_model


def stable_ieee(name: str, index: int) -> bytes:
    """A stable IEEE address (air order) under the model's real Lumi OUI."""
    zigbee_model = _zigbee_model(name)
    digest = hashlib.sha256(f"{zigbee_model}#{index}".encode()).digest()
    display = resolve_model(name).ieee_oui + b"\x00" + digest[:4]  # e.g. 54:ef:44:00:xx...
    return display[::-1]


def stable_nwk(name: str, index: int, taken: set[int] | None = None) -> int:
    """A stable NWK address in 0x0001..0xFFF7, avoiding ``taken``."""
    digest = hashlib.sha256(f"nwk:{_zigbee_model(name)}#{index}".encode()).digest()
    nwk = int.from_bytes(digest[:2], "little") % 0xFFF7 + 1
    while taken is not None and nwk in taken:
        nwk = nwk % 0xFFF7 + 1
    return nwk


def create_device(
    name: str,
    ieee: bytes,
    nwk: int,
    transmit: Transmit,
    clock: SimClock,
    **kwargs: Any,
) -> TwinDevice:
    """A unit of the twin (or firmware variant) ``name``."""
    return TwinDevice(
        resolve_model(name),
        _zigbee_model(name),
        ieee,
        nwk,
        transmit=transmit,
        clock=clock,
        **kwargs,
    )


__all__ = [
    "DEFAULT_MODELS",
    "DEVICE_SETS",
    "HOUSE_MODELS",
    "TWINS",
    "VARIANTS",
    "Z2M_NAMES",
    "create_device",
    "find_twin",
    "resolve_model",
    "stable_ieee",
    "stable_nwk",
]
