"""Shared building blocks of the 0xFCC0 (manuSpecificLumi) features."""

from __future__ import annotations

from ..devices.model import AttributeSource, AttributeWrite, Codec
from ..lumi.const import LUMI_CLUSTER, LUMI_MANUFACTURER_CODE


def lumi_attribute(
    attribute: int, codec: Codec, *, endpoint: int = 1, readable: bool = True
) -> AttributeSource:
    """A 0xFCC0 attribute source (manufacturer specific)."""
    return AttributeSource(
        endpoint=endpoint,
        cluster=LUMI_CLUSTER,
        attribute=attribute,
        codec=codec,
        manufacturer=LUMI_MANUFACTURER_CODE,
        readable=readable,
    )


def lumi_write(attribute: int, zcl_type: int, codec: Codec, *, endpoint: int = 1) -> AttributeWrite:
    """A 0xFCC0 attribute write (manufacturer specific)."""
    return AttributeWrite(
        endpoint=endpoint,
        cluster=LUMI_CLUSTER,
        attribute=attribute,
        zcl_type=zcl_type,
        codec=codec,
        manufacturer=LUMI_MANUFACTURER_CODE,
    )


def endpoint_suffix(name: str | None) -> str:
    """``_top`` for a named rocker, nothing for the only one (Zigbee2MQTT's key suffixes)."""
    return f"_{name}" if name else ""


def endpoint_placeholders(name: str | None) -> dict[str, str]:
    return {"endpoint": name} if name else {}
