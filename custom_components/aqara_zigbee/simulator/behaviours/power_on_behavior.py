"""power_on_behavior (FCC0 0x0517): what the relays do when mains comes back.

Newer Aqara firmware (Z1, H2) replaces the on/off power_outage_memory with four choices.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from ..zcl import DataType
from .relays import Relays
from .settings import LumiSetting

LUMI_POWER_ON_BEHAVIOR: Final = 0x0517
POWER_ON_BEHAVIORS: Final[Mapping[str, int]] = {"on": 0, "previous": 1, "off": 2, "inverted": 3}
_SETTING_VALUES: Final[Mapping[object, object]] = dict(POWER_ON_BEHAVIORS.items())


class PowerOnBehavior(LumiSetting):
    """The setting, acted on at every boot after an outage (default: as before)."""

    def __init__(self, *, default: str = "previous") -> None:
        super().__init__(
            "power_on_behavior",
            LUMI_POWER_ON_BEHAVIOR,
            DataType.UINT8,
            _SETTING_VALUES,
            default=POWER_ON_BEHAVIORS[default],
        )

    def power_restored(self) -> None:
        relays = self.device.find(Relays)
        if relays is None:
            return
        for ep, was_on in relays.relays.items():
            relays.relays[ep] = {"on": True, "off": False, "inverted": not was_on}.get(
                str(self.value), was_on
            )
