"""Decoder for the Lumi heartbeat TLV (genBasic 0xFF01 / 0xFCC0 0x00F7).

The payload is a sequence of entries ``index (u8) | ZCL type (u8) | value``. Each value's size
follows from its ZCL type, so the walk is done entry by entry with a table of type sizes and
precompiled ``struct`` unpackers; only the indices the model cares about are decoded at all.

Guarantees:

* :func:`parse` never raises, whatever the bytes. What decodes before a problem is kept; the
  problem (unknown type, truncated entry, trailing bytes) is logged once per model and reason.
* What an index means depends on the model: the caller passes a profile (index → key and
  decoder), built from the model's features; only those indices are decoded.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
import logging
import struct
from typing import Final, Protocol

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


class Decoder(Protocol):
    """Turns one entry's raw value into the value shown (None: means nothing)."""

    def decode(self, raw: object) -> object | None: ...


#: What each index means for a model: index → (key, decoder). Models build theirs from
#: their features; this module only reads the TLV.
Profile = Mapping[int, tuple[str, Decoder]]


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
    payload: bytes | bytearray | memoryview, wanted: Mapping[int, object]
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
        if isinstance(value, bytes):
            continue  # no string-valued index is interpreted
        key, decoder = profile[index]
        decoded = decoder.decode(value)
        if decoded is not None:
            result[key] = decoded
    return result


def parse(
    payload: bytes | bytearray | memoryview, profile: Profile, *, model: str = ""
) -> dict[str, object]:
    """Decode a heartbeat TLV (without its ZCL length prefix); never raises.

    Only the indices of ``profile`` are decoded; ``model`` names the device in the log.
    """
    try:
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


__all__ = ["Decoder", "Profile", "parse", "split_prefixed"]
