"""Decoder for the Lumi heartbeat TLV (genBasic 0xFF01 / 0xFCC0 0x00F7).

The payload is a sequence of entries ``index (u8) | ZCL type (u8) | value``. Each value's size
follows from its ZCL type, so the walk is done entry by entry with a table of type sizes and
precompiled ``struct`` unpackers; only the indices the model cares about are decoded at all.

Guarantees:

* :func:`parse` never raises, whatever the bytes. What decodes before a problem is kept; the
  problem (unknown type, truncated entry, trailing bytes) is logged once per model and reason.
* The result uses Zigbee2MQTT expose names and units (see ``_PROFILES``). Relay states are
  ``bool`` (True = ON), select-like values are the Zigbee2MQTT option strings.
* Index 10 is the device's parent NWK address (``parent_nwk``), not a switch type.
"""

from __future__ import annotations

from collections.abc import Callable
import logging
import math
import struct
from typing import Final

_LOGGER = logging.getLogger(__name__)

# --------------------------------------------------------------------------- ZCL types

_Unpacker = Callable[[bytes | bytearray | memoryview, int], tuple[object, ...]]

# type id → (size, unpacker); unpacker None means "integer of an odd width"
_FIXED: dict[int, tuple[int, _Unpacker | None]] = {0x00: (0, None)}  # 0x00: no data


def _add(type_ids: range | tuple[int, ...], size: int, fmt: str | None) -> None:
    unpacker = struct.Struct(fmt).unpack_from if fmt is not None else None
    for type_id in type_ids:
        _FIXED[type_id] = (size, unpacker)


_add((0x10,), 1, "<?")  # bool
for _base, _signed in ((0x08, False), (0x18, False), (0x20, False), (0x28, True)):
    # data8..64, bitmap8..64, uint8..64, int8..64
    for _width in range(1, 9):
        _fmt = {1: "b", 2: "h", 4: "i", 8: "q"}.get(_width)
        if _fmt is not None and not _signed:
            _fmt = _fmt.upper()
        _add((_base + _width - 1,), _width, f"<{_fmt}" if _fmt else None)
_add((0x30,), 1, "<B")  # enum8
_add((0x31,), 2, "<H")  # enum16
_add((0x38,), 2, "<e")  # semi-precision float
_add((0x39,), 4, "<f")  # single float
_add((0x3A,), 8, "<d")  # double
_add((0xE0, 0xE1, 0xE2), 4, "<I")  # time of day, date, UTC time
_add((0xE8, 0xE9), 2, "<H")  # cluster id, attribute id
_add((0xEA,), 4, "<I")  # BACnet OID
_add((0xF0,), 8, "<Q")  # IEEE address
_add((0xF1,), 16, None)  # 128-bit key (kept raw)

_SIGNED_ODD: Final = frozenset({0x2A, 0x2C, 0x2D, 0x2E})  # int24, int40, int48, int56
_SHORT_STRINGS: Final = frozenset({0x41, 0x42})  # octet / character string, u8 length
_LONG_STRINGS: Final = frozenset({0x43, 0x44})  # long octet / character string, u16 length

# --------------------------------------------------------------------------- profiles
# What each index means for a model. Kinds: how to turn the raw value into the result.

_TEMPERATURE: Final = 1
_COUNTER_MINUS_ONE: Final = 2
_BOOL: Final = 3
_ROUND2: Final = 4
_DECIVOLT: Final = 5
_MILLIAMP: Final = 6
_INT: Final = 7
_MODE_SWITCH: Final = 8

_MODE_SWITCH_OPTIONS: Final = {4: "anti_flicker_mode", 1: "quick_mode"}

Profile = dict[int, tuple[str, int]]

_COMMON: Final[Profile] = {
    1: ("battery_voltage", _INT),  # mV; Zigbee2MQTT calls it "voltage" on battery devices
    3: ("device_temperature", _TEMPERATURE),
    5: ("power_outage_count", _COUNTER_MINUS_ONE),
    10: ("parent_nwk", _INT),
}
_METERING: Final[Profile] = {
    149: ("energy", _ROUND2),  # kWh
    150: ("voltage", _DECIVOLT),  # 0.1 V; float on mmeu01, integer on lumi.plug
    151: ("current", _MILLIAMP),  # mA → A
    152: ("power", _ROUND2),  # W
}
_SINGLE_RELAY: Final[Profile] = {100: ("state", _BOOL)}

_PLUG: Final[Profile] = {**_COMMON, **_SINGLE_RELAY, **_METERING}
_SINGLE_SWITCH: Final[Profile] = {**_COMMON, **_SINGLE_RELAY}
_WS_USC02: Final[Profile] = {
    **_COMMON,
    4: ("mode_switch", _MODE_SWITCH),
    100: ("state_top", _BOOL),
    101: ("state_bottom", _BOOL),
}
_WS_USC01: Final[Profile] = {**_COMMON, 4: ("mode_switch", _MODE_SWITCH), 100: ("state", _BOOL)}
# Unknown models: only the indices whose meaning does not depend on the model
_GENERIC: Final[Profile] = {**_COMMON, **_METERING}

_PROFILES: Final[dict[str, Profile]] = {
    "lumi.plug": _PLUG,
    "lumi.plug.mmeu01": _PLUG,
    "lumi.switch.l0agl1": _SINGLE_SWITCH,
    "lumi.switch.b1nc01": _SINGLE_SWITCH,
    "lumi.switch.b2laus01": _WS_USC02,
    "lumi.switch.b1laus01": _WS_USC01,
}
# Zigbee2MQTT model names are accepted too
_ALIASES: Final[dict[str, str]] = {
    "ZNCZ02LM": "lumi.plug",
    "ZNCZ04LM": "lumi.plug.mmeu01",
    "SSM-U02": "lumi.switch.l0agl1",
    "QBKG40LM": "lumi.switch.b1nc01",
    "WS-USC02": "lumi.switch.b2laus01",
    "WS-USC01": "lumi.switch.b1laus01",
}


def _profile(model: str) -> Profile:
    profile = _PROFILES.get(model)
    if profile is None:
        alias = _ALIASES.get(model)
        profile = _PROFILES[alias] if alias is not None else _GENERIC
    return profile


# --------------------------------------------------------------------------- logging

_MAX_LOGGED: Final = 512
_logged: set[tuple[str, str]] = set()


def _log_once(model: str, reason: str, payload: bytes | bytearray | memoryview) -> None:
    key = (model[:64], reason)
    if key in _logged or len(_logged) >= _MAX_LOGGED:
        return
    _logged.add(key)
    _LOGGER.debug(
        "Heartbeat of %r: %s, kept what decoded before it (payload %s); "
        "logged once per model and reason",
        key[0],
        reason,
        bytes(payload).hex(" "),
    )


# --------------------------------------------------------------------------- walking


def _walk(
    payload: bytes | bytearray | memoryview, wanted: Profile
) -> tuple[dict[int, object], int, str | None]:
    """Decode the wanted entries; returns (index → raw value, end offset, problem)."""
    raw: dict[int, object] = {}
    fixed = _FIXED
    length = len(payload)
    pos = 0
    while pos + 2 <= length:
        index = payload[pos]
        type_id = payload[pos + 1]
        start = pos + 2
        entry = fixed.get(type_id)
        if entry is not None:
            size, unpacker = entry
            end = start + size
            if end > length:
                return raw, pos, f"truncated entry {index} (type 0x{type_id:02x})"
            # First occurrence wins: a repeated index only appears in a damaged tail
            if size and index in wanted and index not in raw:
                if unpacker is not None:
                    raw[index] = unpacker(payload, start)[0]
                else:
                    raw[index] = int.from_bytes(
                        payload[start:end], "little", signed=type_id in _SIGNED_ODD
                    )
            pos = end
            continue
        if type_id in _SHORT_STRINGS:
            if start >= length:
                return raw, pos, f"truncated entry {index} (type 0x{type_id:02x})"
            end = start + 1 + payload[start]
            value_start = start + 1
        elif type_id in _LONG_STRINGS:
            if start + 2 > length:
                return raw, pos, f"truncated entry {index} (type 0x{type_id:02x})"
            end = start + 2 + payload[start] + (payload[start + 1] << 8)
            value_start = start + 2
        else:
            # Arrays/structs/sets/bags or garbage: the size is unknowable, stop here
            return raw, pos, f"unknown type 0x{type_id:02x} at entry {index}"
        if end > length:
            return raw, pos, f"truncated entry {index} (type 0x{type_id:02x})"
        if index in wanted and index not in raw:
            raw[index] = bytes(payload[value_start:end])
        pos = end
    if pos != length:
        return raw, pos, f"{length - pos} trailing byte(s)"
    return raw, pos, None


def _convert(raw: dict[int, object], profile: Profile) -> dict[str, object]:
    result: dict[str, object] = {}
    for index, value in raw.items():
        name, kind = profile[index]
        if isinstance(value, bytes):
            continue  # no string-valued index is interpreted
        if kind == _BOOL:
            result[name] = bool(value)
            continue
        if not isinstance(value, int) and not (isinstance(value, float) and math.isfinite(value)):
            continue  # NaN / infinity from a float entry
        if kind in (_TEMPERATURE, _INT):
            result[name] = int(value)
        elif kind == _COUNTER_MINUS_ONE:
            result[name] = max(int(value) - 1, 0)
        elif kind == _ROUND2:
            result[name] = round(float(value), 2)
        elif kind == _DECIVOLT:
            result[name] = round(value * 0.1, 1)
        elif kind == _MILLIAMP:
            result[name] = round(value * 0.001, 4)
        elif kind == _MODE_SWITCH:
            option = _MODE_SWITCH_OPTIONS.get(int(value))
            if option is not None:
                result[name] = option
    return result


def parse(model: str, payload: bytes | bytearray | memoryview) -> dict[str, object]:
    """Decode a heartbeat TLV (without its ZCL length prefix) for a model; never raises.

    ``model`` is the Zigbee model identifier (``lumi.plug.mmeu01``) or the Zigbee2MQTT model
    (``ZNCZ04LM``); unknown models get the model-independent indices only.
    """
    try:
        profile = _profile(model)
        raw, _end, problem = _walk(payload, profile)
        if problem is not None:
            _log_once(str(model), problem, payload)
        return _convert(raw, profile)
    except Exception:
        _log_once(repr(model), "undecodable input", b"")
        return {}


# --------------------------------------------------------------------------- length prefix


def _ends_cleanly(payload: bytes | bytearray | memoryview) -> bool:
    _raw, end, problem = _walk(payload, {})
    return problem is None and end == len(payload)


def split_prefixed(data: bytes | bytearray | memoryview) -> tuple[bytes, bytes]:
    """Split ``length byte | TLV | rest`` into (TLV, rest), repairing a wrong length byte.

    Some Aqara firmwares send a length byte that is one off (or plain wrong). The declared
    length wins when the TLV walk lands exactly on it; otherwise the whole remainder, then
    the length ±1, are tried; failing all, the declared length (capped to what is there).
    """
    data = bytes(data)
    if not data:
        return b"", b""
    declared = data[0]
    body = data[1:]
    for size in (declared, len(body), declared + 1, declared - 1):
        if 0 <= size <= len(body) and _ends_cleanly(body[:size]):
            return body[:size], body[size:]
    size = min(declared, len(body))
    return body[:size], body[size:]


def parse_prefixed(model: str, data: bytes | bytearray | memoryview) -> dict[str, object]:
    """:func:`parse` for raw attribute bytes that still start with the ZCL length byte."""
    try:
        payload, _rest = split_prefixed(data)
    except Exception:
        return {}
    return parse(model, payload)


__all__ = ["parse", "parse_prefixed", "split_prefixed"]
