"""The older wall switches' rocker modes, two manufacturer-specific genBasic attributes.

Endpoint 1's genBasic 0xFF22 holds what the left (or only) rocker does, 0xFF23 the right
one: 0x12 drive the left relay, 0x22 drive the right relay, 0xFE decoupled (clicks only).
The firmware refuses other values and reports a mode changed at the device.
"""

from __future__ import annotations

from collections.abc import Mapping
import functools
from typing import Any

from ..clusters import BASIC
from ..properties import Property, PropertyError, enum_option, enum_value, other_option
from ..zcl import DataType, Status
from ..zcl_server import AttrTable, as_int, lumi_attr
from .base import Behaviour
from .buttons import Buttons

LEFT_ROCKER = 0xFF22
RIGHT_ROCKER = 0xFF23
CONTROL_LEFT_RELAY = 0x12
CONTROL_RIGHT_RELAY = 0x22
DECOUPLED = 0xFE


class BasicOperationMode(Behaviour):
    """One rocker mode per attribute, each a Zigbee2MQTT ``operation_mode`` property.

    ``rockers`` maps the attribute to (property name, the relay endpoint the rocker drives,
    the page's values → raw). A decoupled rocker switches no relay (the buttons see its
    relay's operation mode as decoupled); a rocker set to drive the other relay still
    drives its own here (the twin does not rewire rockers).
    """

    def __init__(
        self,
        rockers: Mapping[int, tuple[str, int, Mapping[str, int]]],
    ) -> None:
        self.rockers = dict(rockers)
        self.raw: dict[int, int] = {}

    def attach(self, device: Any) -> None:
        super().attach(device)
        self.factory_reset()

    def factory_reset(self) -> None:
        for attribute, (_, relay_ep, values) in self.rockers.items():
            self.raw[attribute] = next(iter(values.values()))
            self._couple(relay_ep, self.raw[attribute])

    def _couple(self, relay_ep: int, raw: int) -> None:
        buttons = self.device.find(Buttons)
        if buttons is not None:
            buttons.operation_mode[relay_ep] = 0 if raw == DECOUPLED else 1

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if ep != 1 or cluster != BASIC:
            return {}
        return {
            attribute: lumi_attr(
                DataType.UINT8,
                functools.partial(self.raw.__getitem__, attribute),
                functools.partial(self._write, attribute),
            )
            for attribute in self.rockers
        }

    def _write(self, attribute: int, value: object) -> Status:
        _, relay_ep, values = self.rockers[attribute]
        number = as_int(value)
        if number not in values.values():
            return Status.INVALID_VALUE
        self.raw[attribute] = number
        self._couple(relay_ep, number)
        self.device.state_changed()
        return Status.SUCCESS

    def properties(self) -> list[Property]:
        return [self._property(attribute) for attribute in self.rockers]

    def _property(self, attribute: int) -> Property:
        name, _, values = self.rockers[attribute]

        def change(value: object, report: bool) -> None:
            status = self._write(attribute, enum_value(values, value))
            if status != Status.SUCCESS:
                raise PropertyError(f"{name}={value!r} refused: {status!r}")
            if report:
                self.device.report_attribute(1, BASIC, attribute)

        return Property(
            name,
            read=lambda: enum_option(values, self.raw[attribute]),
            change=change,
            pick=other_option(tuple(values)),
            writable=True,
        )

    def export_state(self, state: dict[str, Any]) -> None:
        state["basic_operation_mode"] = {str(attr): raw for attr, raw in self.raw.items()}

    def import_state(self, state: dict[str, Any]) -> None:
        for attribute, raw in dict(state.get("basic_operation_mode", {})).items():
            if int(attribute) in self.rockers:
                self.raw[int(attribute)] = int(raw)
                self._couple(self.rockers[int(attribute)][1], int(raw))
