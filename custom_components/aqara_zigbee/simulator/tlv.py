"""Lumi heartbeat TLV ("xiaomi struct"), as carried in genBasic 0xFF01 and FCC0 0x00F7.

Each entry is ``index (u8) | ZCL type (u8) | value``; values use plain ZCL encodings
(little-endian integers, IEEE-754 single floats, length-prefixed strings).
"""

from __future__ import annotations

from collections.abc import Sequence

from .zcl import ZclDecodeError, decode_value, encode_value

TlvEntry = tuple[int, int, object]


def encode(entries: Sequence[TlvEntry]) -> bytes:
    """Encode ``(index, zcl type, value)`` entries in the given order."""
    out = bytearray()
    for index, type_id, value in entries:
        out += bytes([index & 0xFF, type_id & 0xFF])
        out += encode_value(type_id, value)
    return bytes(out)


def decode(data: bytes) -> list[TlvEntry]:
    """Decode a TLV blob into ``(index, zcl type, value)`` entries, in order.

    Raises ``ZclDecodeError`` on an unknown type or truncated data, unlike the lenient
    parsers of other stacks: the simulator only ever decodes what it produced itself.
    """
    entries: list[TlvEntry] = []
    offset = 0
    while offset < len(data):
        if offset + 2 > len(data):
            raise ZclDecodeError("truncated TLV entry")
        index, type_id = data[offset], data[offset + 1]
        value, offset = decode_value(type_id, data, offset + 2)
        entries.append((index, type_id, value))
    return entries


def as_dict(data: bytes) -> dict[int, object]:
    """Decode a TLV blob into ``{index: value}``."""
    return {index: value for index, _type, value in decode(data)}
