"""Buttons: presses that switch relays and clicks sent from (hidden) endpoints.

With event mode on (FCC0 0x0009 = 1) the firmware detects multi-clicks and sends one
MultistateInput presentValue per gesture from the button's endpoint; off, every click is a
single. In decoupled operation mode (FCC0 0x0200 per relay) a press switches nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
import functools
from typing import Any

from ..clusters import (
    LUMI_CLUSTER,
    LUMI_EVENT_MODE,
    LUMI_OPERATION_MODE,
    MULTISTATE_INPUT,
    PRESENT_VALUE,
)
from ..properties import Property, PropertyError, enum_option, enum_value, other_option
from ..zcl import AttributeValue, DataType, Status
from ..zcl_server import AttrTable, as_int, lumi_attr
from .base import Behaviour
from .prevent_reset import PreventReset
from .relays import Relays

# How long a "hold" lasts before the release event is sent.
HOLD_DURATION_S = 1.0
# Delay between the two presses of a double/triple click without event mode.
CLICK_GAP_S = 0.3
OPERATION_MODES: Mapping[str, int] = {"control_relay": 1, "decoupled": 0}


class PressKind(StrEnum):
    """Physical button gestures understood by :meth:`Buttons.press`."""

    SINGLE = "single"
    DOUBLE = "double"
    TRIPLE = "triple"
    HOLD = "hold"
    RELEASE = "release"
    LONG = "long"  # the ~10 s reset gesture


# MultistateInput presentValue sent from the hidden button endpoints.
MULTISTATE_VALUES = {
    PressKind.SINGLE: 1,
    PressKind.DOUBLE: 2,
    PressKind.TRIPLE: 3,
    PressKind.HOLD: 0,
    PressKind.RELEASE: 255,
}
CLICK_COUNTS = {PressKind.SINGLE: 1, PressKind.DOUBLE: 2, PressKind.TRIPLE: 3}
# Names accepted for the only button of single-button devices.
SINGLE_BUTTON_ALIASES: dict[str, str] = dict.fromkeys(
    ("main", "left", "top", "button", "switch", "1", ""), "main"
)
ALL_GESTURES = frozenset(
    {PressKind.SINGLE, PressKind.DOUBLE, PressKind.TRIPLE, PressKind.HOLD, PressKind.RELEASE}
)


@dataclass(frozen=True, slots=True)
class ButtonSpec:
    """A physical button: where its events come from and which relays it drives."""

    event_endpoint: int | None
    relay_endpoints: tuple[int, ...]


class Buttons(Behaviour):
    """The unit's buttons.

    ``gestures``: what the firmware sends a click for; ``actions``: the Zigbee2MQTT action
    strings of the model's page (``single``, or ``double_top`` with several buttons);
    ``decoupling``: the relays' operation mode (FCC0 0x0200), a Zigbee2MQTT
    ``operation_mode`` property per relay.
    """

    def __init__(  # a button layout has that many facts
        self,
        buttons: Mapping[str, ButtonSpec],
        *,
        aliases: Mapping[str, str] | None = None,
        gestures: frozenset[PressKind] = frozenset(),
        actions: tuple[str, ...] = (),
        decoupling: bool = False,
        default_event_mode: int = 1,
    ) -> None:
        self.specs = dict(buttons)
        self.aliases = dict(SINGLE_BUTTON_ALIASES if aliases is None else aliases)
        self.gestures = gestures
        self.actions = actions
        self.decoupling = decoupling
        self.default_event_mode = default_event_mode
        self.event_mode = default_event_mode
        # Where each button's events come from (firmware versions may move them)
        self.buttons: dict[str, ButtonSpec] = dict(buttons)
        self.operation_mode: dict[int, int] = {}
        self.last_action: str | None = None

    def attach(self, device: Any) -> None:
        super().attach(device)
        self.operation_mode = dict.fromkeys(self._relay_names(), 1)

    def _relay_names(self) -> dict[int, str]:
        relays = self.device.find(Relays)
        return {} if relays is None else relays.names

    # -- attributes ---------------------------------------------------------------------

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if cluster != LUMI_CLUSTER:
            return {}
        table: AttrTable = {}
        if ep == 1:
            table[LUMI_EVENT_MODE] = lumi_attr(
                DataType.UINT8, lambda: self.event_mode, self._write_event_mode
            )
        if self.decoupling and ep in self.operation_mode:
            table[LUMI_OPERATION_MODE] = lumi_attr(
                DataType.UINT8,
                functools.partial(self._operation_mode_of, ep),
                functools.partial(self._write_operation_mode, ep),
            )
        return table

    def _operation_mode_of(self, ep: int) -> int:
        return self.operation_mode[ep]

    def _write_event_mode(self, value: object) -> Status:
        number = as_int(value)
        if number not in (0, 1):
            return Status.INVALID_VALUE
        self.event_mode = number
        self.device.state_changed()
        return Status.SUCCESS

    def _write_operation_mode(self, ep: int, value: object) -> Status:
        number = as_int(value)
        if number not in (0, 1):
            return Status.INVALID_VALUE
        self.operation_mode[ep] = number
        self.device.state_changed()
        return Status.SUCCESS

    # -- presses ------------------------------------------------------------------------

    def resolve(self, button: str) -> str:
        """Map a button name or alias to one of the buttons."""
        name = self.aliases.get(button.lower(), button.lower())
        if name not in self.specs:
            raise ValueError(
                f"{self.device.zigbee_model} has no button {button!r} (has {', '.join(self.specs)})"
            )
        return name

    def move_events(self, button: str, endpoint: int) -> None:
        """Send ``button``'s events from ``endpoint`` (as another firmware version would)."""
        name = self.resolve(button)
        self.buttons[name] = replace(self.buttons[name], event_endpoint=endpoint)

    def press(self, button: str = "left", kind: str | PressKind = PressKind.SINGLE) -> None:
        """A physical press: toggles relays in control_relay mode and sends button events."""
        press_kind = PressKind(kind)
        spec = self.buttons[self.resolve(button)]
        if not self.device.powered:
            return
        if press_kind is PressKind.LONG:
            self._long_press(spec)
            return
        if press_kind is PressKind.HOLD:
            self._send_event(spec, PressKind.HOLD)
            self.device.clock.call_later(
                HOLD_DURATION_S, lambda: self._send_event(spec, PressKind.RELEASE)
            )
            return
        if press_kind is PressKind.RELEASE:
            self._send_event(spec, PressKind.RELEASE)
            return
        clicks = CLICK_COUNTS[press_kind]
        if spec.event_endpoint is not None and self.event_mode == 1:
            # Event mode: the firmware detects the multi-click and sends one event; only a
            # single click drives the relay.
            self._click(spec, press_kind, toggles=1 if clicks == 1 else 0)
            return
        # No multi-click detection (no event endpoint, or event mode off): every click is a
        # separate single press.
        self._click(spec, PressKind.SINGLE, toggles=1)
        for index in range(1, clicks):
            self.device.clock.call_later(
                index * CLICK_GAP_S, lambda: self._click(spec, PressKind.SINGLE, toggles=1)
            )

    def _click(self, spec: ButtonSpec, kind: PressKind, *, toggles: int) -> None:
        if not self.device.powered:
            return
        relays = self.device.find(Relays)
        for _ in range(toggles):
            for ep in spec.relay_endpoints:
                if relays is not None and self.operation_mode.get(ep, 1) == 1:  # control_relay
                    relays.set(ep, not relays.relays[ep])
        self._send_event(spec, kind)

    def _send_event(self, spec: ButtonSpec, kind: PressKind) -> None:
        if spec.event_endpoint is None or kind not in self.gestures:
            return
        name = next(name for name, known in self.buttons.items() if known == spec)
        # Zigbee2MQTT's action string: the gesture, then the button of multi-button models
        self.last_action = kind.value if len(self.buttons) == 1 else f"{kind.value}_{name}"
        self.device.send_report(
            spec.event_endpoint,
            MULTISTATE_INPUT,
            [AttributeValue(PRESENT_VALUE, DataType.UINT16, MULTISTATE_VALUES[kind])],
        )

    def _long_press(self, spec: ButtonSpec) -> None:
        """The reset gesture: ask the hub first (prevent-reset), or just reset and leave."""
        self._send_event(spec, PressKind.HOLD)
        prevent = self.device.find(PreventReset)
        if prevent is None:
            self.device.factory_reset()
            return
        prevent.ask(lambda: self._send_event(spec, PressKind.RELEASE))

    # -- Zigbee2MQTT view ---------------------------------------------------------------

    def properties(self) -> list[Property]:
        props: list[Property] = []
        if self.decoupling:
            props.extend(
                self._operation_mode_property(ep, "operation_mode" + name.removeprefix("state"))
                for ep, name in self._relay_names().items()
            )
        if self.actions:
            props.append(
                Property(
                    "action",
                    read=lambda: self.last_action,
                    change=lambda value, _report: self._perform(str(value)),
                    pick=lambda _current: self.actions[0],
                )
            )
        return props

    def _operation_mode_property(self, ep: int, name: str) -> Property:
        def change(value: object, report: bool) -> None:
            status = self._write_operation_mode(ep, enum_value(OPERATION_MODES, value))
            if status != Status.SUCCESS:
                raise PropertyError(f"{name}={value!r} refused: {status!r}")
            if report:
                self.device.report_attribute(ep, LUMI_CLUSTER, LUMI_OPERATION_MODE)

        return Property(
            name,
            read=lambda: enum_option(OPERATION_MODES, self.operation_mode[ep]),
            change=change,
            pick=other_option(tuple(OPERATION_MODES)),
            writable=True,
        )

    def _perform(self, action: str) -> None:
        """Press the button an action string names (``double_top``: top, twice)."""
        if action not in self.actions:
            raise PropertyError(f"{self.device.zigbee_model} sends no action {action!r}")
        kind, _, button = action.partition("_")
        self.press(button or next(iter(self.specs)), kind)

    # -- persistence --------------------------------------------------------------------

    def factory_reset(self) -> None:
        self.event_mode = self.default_event_mode
        self.operation_mode = dict.fromkeys(self.operation_mode, 1)

    def export_state(self, state: dict[str, Any]) -> None:
        state["event_mode"] = self.event_mode
        if self.decoupling:
            state["operation_mode"] = {str(ep): mode for ep, mode in self.operation_mode.items()}

    def import_state(self, state: dict[str, Any]) -> None:
        self.event_mode = int(state.get("event_mode", self.event_mode))
        if self.decoupling:
            for ep, mode in dict(state.get("operation_mode", {})).items():
                if int(ep) in self.operation_mode:
                    self.operation_mode[int(ep)] = int(mode)
