"""power_on_behavior (FCC0 0x0517): what the relays do when mains comes back.

Newer Aqara firmware (Z1, H2) replaces the on/off power_outage_memory with four choices.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from ..zcl import DataType
from ..zcl_server import as_int
from .relays import Relays
from .settings import LumiSetting

LUMI_POWER_ON_BEHAVIOR: Final = 0x0517
POWER_ON_BEHAVIORS: Final[Mapping[str, int]] = {"on": 0, "previous": 1, "off": 2, "inverted": 3}


class PowerOnBehavior(LumiSetting):
    """The setting, acted on at every boot after an outage (default: as before)."""

    def __init__(self, *, default: str = "previous", opposite: str = "inverted") -> None:
        # ``opposite``: the page's name of value 3 (T2 modules: ``toggle``)
        values = {**{k: v for k, v in POWER_ON_BEHAVIORS.items() if k != "inverted"}, opposite: 3}
        super().__init__(
            "power_on_behavior",
            LUMI_POWER_ON_BEHAVIOR,
            DataType.UINT8,
            values,
            default=values[default],
        )

    def power_restored(self) -> None:
        relays = self.device.find(Relays)
        if relays is None:
            return
        for ep, was_on in relays.relays.items():
            relays.relays[ep] = {0: True, 2: False, 3: not was_on}.get(as_int(self.raw), was_on)
