"""Relays: the OnOff server on each relay endpoint, switched by hand or by the hub."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..clusters import BINARY_OUTPUT, ON_OFF, PRESENT_VALUE
from ..properties import Property, as_z2m_switch, flip, on_off
from ..zcl import DataType, Status, ZclHeader
from ..zcl_server import Attribute, AttrTable, Reply
from .base import NOT_MINE, Behaviour, CommandResult


class Relays(Behaviour):
    """One relay per endpoint, each a Zigbee2MQTT switch property (``state``, ``state_top``).

    ``binary_output`` mirrors relay 1 in BinaryOutput presentValue (old Xiaomi plugs).
    """

    def __init__(self, properties: Mapping[int, str], *, binary_output: bool = False) -> None:
        self.names = dict(properties)
        self.binary_output = binary_output
        self.relays: dict[int, bool] = dict.fromkeys(self.names, False)

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if cluster == ON_OFF and ep in self.relays:
            return {0x0000: Attribute(DataType.BOOL, lambda: self.relays[ep])}
        if cluster == BINARY_OUTPUT and self.binary_output:
            return {
                0x0051: Attribute(DataType.BOOL, lambda: False),
                PRESENT_VALUE: Attribute(DataType.BOOL, lambda: self.relays[1]),
                0x006F: Attribute(DataType.MAP8, lambda: 0),
            }
        return {}

    def cluster_command(
        self, ep: int, cluster: int, header: ZclHeader, payload: bytes, reply: Reply
    ) -> CommandResult:
        if cluster != ON_OFF or ep not in self.relays:
            return NOT_MINE
        if header.command == 0x00:
            self.set(ep, False)
        elif header.command == 0x01:
            self.set(ep, True)
        elif header.command == 0x02:
            self.set(ep, not self.relays[ep])
        else:
            return Status.UNSUP_CLUSTER_COMMAND
        return Status.SUCCESS

    def set(self, ep: int, on: bool, *, report: bool = True) -> None:
        """Switch a relay and report OnOff (what the firmware does after any change)."""
        if ep not in self.relays:
            raise ValueError(f"{self.device.zigbee_model} has no relay on endpoint {ep}")
        behaviours = self.device.behaviours
        for behaviour in behaviours:
            behaviour.before_relay_change(ep)
        self.relays[ep] = on
        self.device.state_changed()
        if report:
            self.device.report_attribute(ep, ON_OFF, 0x0000)
        # After the report, so that a protection tripping here reports ON then OFF.
        for behaviour in behaviours:
            behaviour.after_relay_change(ep)

    def properties(self) -> list[Property]:
        return [self._property(ep, name) for ep, name in self.names.items()]

    def _property(self, ep: int, name: str) -> Property:
        def change(value: object, report: bool) -> None:
            on = on_off(value)
            if report:
                self.set(ep, on)  # flipped by hand: the firmware reports it
                return
            for behaviour in self.device.behaviours:
                behaviour.before_relay_change(ep)
            self.relays[ep] = on
            self.device.state_changed()

        return Property(
            name,
            read=lambda: as_z2m_switch(self.relays[ep]),
            change=change,
            pick=flip,
            writable=True,
        )

    def announced(self) -> None:
        for ep in self.relays:
            self.device.report_attribute(ep, ON_OFF, 0x0000)

    def factory_reset(self) -> None:
        for ep in self.relays:
            self.relays[ep] = False

    def export_state(self, state: dict[str, Any]) -> None:
        state["relays"] = {str(ep): on for ep, on in self.relays.items()}

    def import_state(self, state: dict[str, Any]) -> None:
        for ep, on in dict(state.get("relays", {})).items():
            if int(ep) in self.relays:
                self.relays[int(ep)] = bool(on)
