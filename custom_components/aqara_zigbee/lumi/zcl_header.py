"""ZCL headers decoded once per distinct header, not once per frame.

zigpy builds a ``ZCLHeader`` through its generic ``Struct`` machinery (field by field,
with validation and a frame control that is itself a struct): about an eighth of the CPU a
report costs. A device's frames carry the same few headers over and over, differing only
in the transaction number (TSN), so the header of each distinct frame control, manufacturer
code and command id is decoded by zigpy once and kept as a template; every frame then gets
its own new ``ZCLHeader`` with the template's fields and its own TSN. No frame shares a
header object with another (a listener may change the one it gets).
"""

from __future__ import annotations

from typing import Final

import zigpy.types as t
from zigpy.zcl.foundation import ZCLHeader

# ZCL header layout: frame control (1 byte), manufacturer code (2 bytes, present when the
# frame control's bit 2 says the frame is manufacturer specific), TSN, command id
_MANUFACTURER_SPECIFIC: Final = 0b0000_0100
_SHORT_HEADER: Final = 3
_LONG_HEADER: Final = 5

#: templates kept at most (distinct frame control / manufacturer / command combinations;
#: a network uses a few dozen), so that a device sending garbage cannot grow the cache
MAX_TEMPLATES: Final = 512

_TSNS: Final = tuple(t.uint8_t(tsn) for tsn in range(256))  # type: ignore[no-untyped-call]
_templates: dict[bytes, ZCLHeader] = {}


def _copy(template: ZCLHeader, tsn: t.uint8_t) -> ZCLHeader:
    """A new header with the template's fields and ``tsn``, without the Struct machinery."""
    header: ZCLHeader = object.__new__(ZCLHeader)
    fields = vars(header)
    fields.update(vars(template))
    fields["tsn"] = tsn
    return header


def decode_zcl_header(data: bytes) -> tuple[ZCLHeader, bytes]:
    """The header and the rest of a ZCL frame: ``ZCLHeader.deserialize(data)``, faster."""
    length = _LONG_HEADER if data and data[0] & _MANUFACTURER_SPECIFIC else _SHORT_HEADER
    if len(data) < length:
        return ZCLHeader.deserialize(data)  # zigpy raises its own error
    tsn_at = length - 2
    key = data[:tsn_at] + data[tsn_at + 1 : length]
    template = _templates.get(key)
    if template is not None:
        return _copy(template, _TSNS[data[tsn_at]]), data[length:]
    header, rest = ZCLHeader.deserialize(data)
    kept = _copy(header, header.tsn)
    # Only a header that a copy reproduces exactly becomes a template (were zigpy's header
    # to change shape, every frame would simply be decoded by zigpy)
    if len(rest) == len(data) - length and kept == header and vars(kept) == vars(header):
        if len(_templates) >= MAX_TEMPLATES:
            _templates.clear()
        _templates[key] = kept
    return header, rest


__all__ = ["MAX_TEMPLATES", "decode_zcl_header"]
