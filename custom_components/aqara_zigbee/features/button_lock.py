"""Button lock: the plug's own button stops switching the relay (0xFCC0 0x0200).

Plugs that have no decoupled mode use the operation-mode attribute for this; the value is
inverted (0 = locked), as Zigbee2MQTT's ``lumi_socket_button_lock`` writes it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..devices.model import Feature
from ..lumi.const import ATTR_OPERATION_MODE, ZCL_UINT8
from ._lumi import lumi_attribute, lumi_write
from .settings import config_switch


@dataclass(frozen=True, slots=True)
class LockCodec:
    """0 ↔ locked (True), 1 ↔ unlocked (False); any other raw value means nothing."""

    def decode(self, raw: object) -> object | None:
        if isinstance(raw, int) and raw in (0, 1):
            return raw == 0
        return None

    def encode(self, value: object) -> object:
        if not isinstance(value, bool):
            raise TypeError(f"expected a boolean, got {value!r}")
        return 0 if value else 1


LOCK = LockCodec()


def button_lock() -> Feature:
    """The physical button is disabled while on."""
    return Feature(
        exposes=(
            config_switch(
                "button_lock",
                description="Disables the physical switch button.",
                sources=(lumi_attribute(ATTR_OPERATION_MODE, LOCK),),
                write=lumi_write(ATTR_OPERATION_MODE, ZCL_UINT8, LOCK),
            ),
        )
    )
