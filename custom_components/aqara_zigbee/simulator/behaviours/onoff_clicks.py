"""Clicks of the older no-neutral wall switches, sent as OnOff reports of button endpoints.

These firmwares have no MultistateInput clicks: each button endpoint (4, 5, 6) reports its
OnOff attribute, 0 while the button is held, 1 when it is released (a short click is just
a release), 2 for a double click. A click drives the button's relays unless its rocker is
decoupled (genBasic 0xFF22/0xFF23, see :mod:`.basic_operation_mode`).
"""

from __future__ import annotations

from collections.abc import Mapping

from ..clusters import ON_OFF
from ..properties import PropertyError
from ..zcl import AttributeValue, DataType
from .buttons import Buttons, ButtonSpec, PressKind

HELD = 0
RELEASED = 1
DOUBLE_CLICKED = 2
#: the OnOff value each gesture is told with (a single click is a release)
ONOFF_VALUES = {
    PressKind.SINGLE: RELEASED,
    PressKind.RELEASE: RELEASED,
    PressKind.HOLD: HELD,
    PressKind.DOUBLE: DOUBLE_CLICKED,
}


class OnOffClicks(Buttons):
    """The buttons of an older no-neutral switch.

    ``actions``: the Zigbee2MQTT action strings the twin can be asked to perform (``single``,
    ``hold_release_left``...): single and release are a click, hold a held button, hold
    release a hold then its release, double a double click.
    """

    def __init__(
        self,
        buttons: Mapping[str, ButtonSpec],
        *,
        aliases: Mapping[str, str] | None = None,
        actions: tuple[str, ...],
    ) -> None:
        super().__init__(
            buttons,
            aliases=aliases,
            gestures=frozenset(ONOFF_VALUES),
            actions=actions,
        )

    def _send_event(self, spec: ButtonSpec, kind: PressKind) -> None:
        if spec.event_endpoint is None or kind not in ONOFF_VALUES:
            return
        # uint8, not bool: a double click is 2
        self.device.send_report(
            spec.event_endpoint,
            ON_OFF,
            [AttributeValue(0x0000, DataType.UINT8, ONOFF_VALUES[kind])],
        )

    def _perform(self, action: str) -> None:
        if action not in self.actions:
            raise PropertyError(f"{self.device.zigbee_model} sends no action {action!r}")
        kind, button = action, next(iter(self.specs))
        for name in sorted(self.specs, key=len, reverse=True):
            if action.endswith(f"_{name}") and len(self.specs) > 1:
                kind, button = action.removesuffix(f"_{name}"), name
                break
        spec = self.buttons[self.resolve(button)]
        if kind in ("single", "release"):
            self._click(spec, PressKind.SINGLE, toggles=1)
        elif kind == "double":
            self._send_event(spec, PressKind.DOUBLE)
        elif kind == "hold":
            self._send_event(spec, PressKind.HOLD)
        elif kind == "hold_release":
            self._send_event(spec, PressKind.HOLD)
            self._send_event(spec, PressKind.RELEASE)
        else:
            raise PropertyError(f"{action!r}: no gesture")
        self.last_action = action
