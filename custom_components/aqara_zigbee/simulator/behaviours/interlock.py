"""Interlock (FCC0 0x02D0): a two-relay module never has both relays on."""

from __future__ import annotations

from typing import Final

from ..zcl import DataType
from .relays import Relays
from .settings import LumiSetting

LUMI_INTERLOCK: Final = 0x02D0


class Interlock(LumiSetting):
    """The setting, and what it does: a relay switched on switches the others off."""

    def __init__(self) -> None:
        super().__init__(
            "interlock", LUMI_INTERLOCK, DataType.BOOL, {"ON": True, "OFF": False}, default=False
        )

    def after_relay_change(self, ep: int) -> None:
        relays = self.device.find(Relays)
        if not self.raw or relays is None or not relays.relays[ep]:
            return
        for other, on in relays.relays.items():
            if other != ep and on:
                relays.set(other, False)
