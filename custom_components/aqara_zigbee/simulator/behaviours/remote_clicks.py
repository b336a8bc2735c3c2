"""A wireless remote's buttons: each gesture is the reports its firmware sends for it.

Remotes differ in how they tell a click (OnOff of a button endpoint, a click count in
OnOff 0x8000, MultistateInput presentValue, 0xFCC0 attributes) and in the action names
Zigbee2MQTT gives them. A twin lists, per Zigbee2MQTT action, the reports the real unit
sends; pressing a button sends them, in order, ``delay`` simulated seconds apart.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
import functools
from typing import Any

from ..properties import PropertyError
from ..zcl import AttributeValue, FrameType, ZclHeader
from ..zcl_server import AttrTable
from .buttons import Buttons, ButtonSpec, PressKind
from .settings import LumiSetting


@dataclass(frozen=True, slots=True)
class Command:
    """A cluster command the remote sends its bound devices in command mode (from
    endpoint 1; here to the coordinator, bound at pairing)."""

    cluster: int
    command: int
    payload: bytes = b""


@dataclass(frozen=True, slots=True)
class Report:
    """Attributes one report carries, from ``endpoint``, ``delay`` s after the previous."""

    endpoint: int
    cluster: int
    values: tuple[AttributeValue, ...]
    delay: float = 0.0
    manufacturer: int | None = None


class RemoteClicks(Buttons):
    """``gestures``: Zigbee2MQTT action → the reports the unit sends for it.

    Remotes drive no relay and have no event-mode attribute of their own (a remote's
    operation mode is a :class:`~.settings.LumiSetting`).
    """

    def __init__(
        self,
        gestures: Mapping[str, Sequence[Report]],
        *,
        commands: Mapping[str, Command] | None = None,
    ) -> None:
        super().__init__({"main": ButtonSpec(None, ())}, actions=tuple(gestures))
        self.reports = {action: tuple(reports) for action, reports in gestures.items()}
        #: in command mode (operation_mode 0): what a gesture sends instead, if anything
        self.commands = dict(commands or {})

    def _command_mode(self) -> bool:
        mode = next(
            (
                behaviour
                for behaviour in self.device.behaviours
                if isinstance(behaviour, LumiSetting) and behaviour.name == "operation_mode"
            ),
            None,
        )
        return mode is not None and mode.raw == 0

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        return {}

    def press(self, button: str = "left", kind: str | PressKind = PressKind.SINGLE) -> None:
        """A press named like Zigbee2MQTT's action: ``kind`` then ``_button`` if not main."""
        name = str(kind) if button.lower() in ("main", "") else f"{kind}_{button}"
        if name not in self.reports:
            name = str(kind)
        self._perform(name)

    def _perform(self, action: str) -> None:
        if action not in self.reports:
            raise PropertyError(f"{self.device.zigbee_model} sends no action {action!r}")
        self.last_action = action
        if self.commands and self._command_mode():
            command = self.commands.get(action)
            if command is not None:
                header = ZclHeader(
                    command=command.command,
                    tsn=self.device.next_tsn(),
                    frame_type=FrameType.CLUSTER,
                    disable_default_response=True,
                )
                self.device.send_zcl(1, command.cluster, header.encode() + command.payload)
            return
        delay = 0.0
        for report in self.reports[action]:
            delay += report.delay
            if delay:
                self.device.clock.call_later(delay, functools.partial(self._send, report))
            else:
                self._send(report)

    def _send(self, report: Report) -> None:
        self.device.send_report(
            report.endpoint,
            report.cluster,
            list(report.values),
            manufacturer=report.manufacturer,
        )

    def export_state(self, state: dict[str, Any]) -> None:
        """Nothing persists: a remote's settings are behaviours of their own."""

    def import_state(self, state: dict[str, Any]) -> None:
        """Nothing persists (see :meth:`export_state`)."""
