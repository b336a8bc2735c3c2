"""The genBasic 0xFF02 report of the first Xiaomi sensors: a ZCL structure, not a TLV.

Its elements go by position (Zigbee2MQTT reads element 1 as the battery voltage and
element 4 as boots since pairing); zigpy hands the structure over as a list of typed values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from ..devices.model import AttributeSource, Codec
from ..lumi.const import BASIC

BASIC_STRUCT_REPORT: Final = 0xFF02


@dataclass(frozen=True, slots=True)
class StructElement:
    """Element ``position`` of a ZCL structure, decoded with ``codec``."""

    position: int
    codec: Codec

    def decode(self, raw: object) -> object | None:
        if not isinstance(raw, list | tuple) or len(raw) <= self.position:
            return None
        element = raw[self.position]
        return self.codec.decode(getattr(element, "value", element))

    def encode(self, value: object) -> object:
        raise ValueError("the structure report is not written")


def struct_element(position: int, codec: Codec) -> AttributeSource:
    """An element of the 0xFF02 structure (reported, never read back)."""
    return AttributeSource(
        endpoint=1,
        cluster=BASIC,
        attribute=BASIC_STRUCT_REPORT,
        codec=StructElement(position, codec),
        readable=False,
    )
