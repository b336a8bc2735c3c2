"""button_switch_mode (FCC0 0x0226): an outlet's button switches the relay, or USB too."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any, Final

from ..zcl import DataType, Status
from .buttons import Buttons
from .settings import LumiSetting

LUMI_BUTTON_SWITCH_MODE: Final = 0x0226
BUTTON_SWITCH_MODES: Final[Mapping[str, int]] = {"relay": 0, "relay_and_usb": 1}


class ButtonSwitchMode(LumiSetting):
    """The setting, and what it does: the buttons drive ``relay_endpoint`` alone, or it and
    ``usb_endpoint``."""

    def __init__(
        self, *, relay_endpoint: int = 1, usb_endpoint: int = 2, default: str = "relay"
    ) -> None:
        super().__init__(
            "button_switch_mode",
            LUMI_BUTTON_SWITCH_MODE,
            DataType.UINT8,
            BUTTON_SWITCH_MODES,
            default=BUTTON_SWITCH_MODES[default],
        )
        self.relay_endpoint = relay_endpoint
        self.usb_endpoint = usb_endpoint

    def write(self, value: object) -> Status:
        status = super().write(value)
        if status == Status.SUCCESS:
            self._drive()
        return status

    def _drive(self) -> None:
        """Point every button at the relays the mode says."""
        buttons = self.device.find(Buttons)
        if buttons is None:
            return
        relays: tuple[int, ...] = (self.relay_endpoint,)
        if self.raw == BUTTON_SWITCH_MODES["relay_and_usb"]:
            relays += (self.usb_endpoint,)
        for name, spec in buttons.buttons.items():
            buttons.buttons[name] = replace(spec, relay_endpoints=relays)

    def created(self) -> None:
        self._drive()

    def factory_reset(self) -> None:
        super().factory_reset()
        self._drive()

    def import_state(self, state: dict[str, Any]) -> None:
        super().import_state(state)
        self._drive()
