"""Old wall switches' operation mode: which relay each rocker drives (genBasic 0xFF22/0xFF23).

0xFF22 belongs to the left (or only) rocker, 0xFF23 to the right one; the value names the
relay the rocker switches (0x12 the left/only relay, 0x22 the right one) or none (0xFE,
decoupled: the rocker only sends its clicks). Manufacturer specific, on endpoint 1.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
import functools
from typing import Any

from ..clusters import BASIC
from ..properties import Property, PropertyError, enum_option, other_option
from ..zcl import DataType, Status
from ..zcl_server import AttrTable, as_int, lumi_attr
from .base import Behaviour
from .buttons import Buttons

DECOUPLED = 0xFE


class BasicOperationMode(Behaviour):
    """``rockers``: button name (of :class:`Buttons`) → (attribute, Zigbee2MQTT property,
    factory value); ``values``: Zigbee2MQTT option → raw value; ``relays``: raw value →
    the relay endpoint it drives (every raw value but :data:`DECOUPLED`)."""

    def __init__(
        self,
        rockers: Mapping[str, tuple[int, str, int]],
        *,
        values: Mapping[str, int],
        relays: Mapping[int, int],
    ) -> None:
        self.rockers = {button: (attr, prop) for button, (attr, prop, _) in rockers.items()}
        self.defaults = {button: default for button, (_, _, default) in rockers.items()}
        self.values = dict(values)
        self.relays = dict(relays)
        self.modes = dict(self.defaults)

    def attach(self, device: Any) -> None:
        super().attach(device)
        for button in self.modes:
            self._apply(button)

    def _apply(self, button: str) -> None:
        """Make the rocker drive the relay its mode names (none when decoupled)."""
        buttons = self.device.behaviour(Buttons)
        relay = self.relays.get(self.modes[button])
        buttons.buttons[button] = replace(
            buttons.buttons[button], relay_endpoints=() if relay is None else (relay,)
        )

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if cluster != BASIC or ep != 1:
            return {}
        return {
            attr: lumi_attr(
                DataType.UINT8,
                functools.partial(self.modes.__getitem__, button),
                functools.partial(self._write, button),
            )
            for button, (attr, _) in self.rockers.items()
        }

    def _write(self, button: str, value: object) -> Status:
        number = as_int(value)
        if number not in self.values.values():
            return Status.INVALID_VALUE
        self.modes[button] = number
        self._apply(button)
        self.device.state_changed()
        return Status.SUCCESS

    def properties(self) -> list[Property]:
        return [self._property(button, attr, name) for button, (attr, name) in self.rockers.items()]

    def _property(self, button: str, attr: int, name: str) -> Property:
        def change(value: object, report: bool) -> None:
            if value not in self.values:
                raise PropertyError(f"{name}: {value!r} is not one of {list(self.values)}")
            self._write(button, self.values[str(value)])
            if report:
                self.device.report_attribute(1, BASIC, attr)

        return Property(
            name,
            read=lambda: enum_option(self.values, self.modes[button]),
            change=change,
            pick=other_option(tuple(self.values)),
            writable=True,
        )

    def factory_reset(self) -> None:
        self.modes = dict(self.defaults)
        for button in self.modes:
            self._apply(button)

    def export_state(self, state: dict[str, Any]) -> None:
        state["basic_operation_mode"] = dict(self.modes)

    def import_state(self, state: dict[str, Any]) -> None:
        for button, mode in dict(state.get("basic_operation_mode", {})).items():
            if button in self.modes:
                self.modes[button] = int(mode)
                self._apply(button)
