"""The H1 rotary knob: clicks as MultistateInput, rotations as 0xFCC0 reports.

A rotation is reported from hidden endpoint 71 (turned freely) or 72 (turned while
pressed) as one manufacturer-specific 0xFCC0 report: 0x023A the event (1 started,
2 rotating, 3 stopped; +128 while pressed) with the angle (0x022E, float), angle change
(0x0230, float), duration (0x0231, uint32 ms), percent change (0x0232, float) and percent
(0x0233, float) alongside. Facts from Zigbee2MQTT's lumiKnobRotation and ZHA's H1 knob
quirk; clicks from endpoint 1 (0 hold, 1 single, 2 double, 255 release).
"""

from __future__ import annotations

import functools
from typing import Any

from ..clusters import LUMI_CLUSTER, MULTISTATE_INPUT, PRESENT_VALUE
from ..properties import Property, PropertyError, as_number, other_option
from ..zcl import LUMI_MANUFACTURER_CODE, AttributeValue, DataType
from ..zcl_server import AttrTable
from .buttons import Buttons, ButtonSpec

CLICKS = {"hold": 0, "single": 1, "double": 2, "release": 255}
EVENTS = {"start_rotating": 1, "rotation": 2, "stop_rotating": 3}
PRESSED = 0x80
FREE_ENDPOINT = 71
PRESSED_ENDPOINT = 72
#: Zigbee2MQTT property → (0xFCC0 attribute, ZCL type)
VALUES = {
    "action_rotation_angle": (0x022E, DataType.FLOAT),
    "action_rotation_angle_speed": (0x0230, DataType.FLOAT),
    "action_rotation_time": (0x0231, DataType.UINT32),
    "action_rotation_percent_speed": (0x0232, DataType.FLOAT),
    "action_rotation_percent": (0x0233, DataType.FLOAT),
}


class Knob(Buttons):
    """The knob's clicks and rotations (Zigbee2MQTT ``action`` and ``action_rotation_*``)."""

    def __init__(self) -> None:
        super().__init__({"main": ButtonSpec(None, ())}, actions=(*CLICKS, *EVENTS))
        self.values: dict[str, float] = {
            "action_rotation_angle": 0.0,
            "action_rotation_angle_speed": 0.0,
            "action_rotation_time": 0,
            "action_rotation_percent_speed": 0.0,
            "action_rotation_percent": 0.0,
        }
        self.pressed = False

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        return {}

    def rotate(self, event: str) -> None:
        """Send a rotation report with the values the knob holds now."""
        code = EVENTS[event] | (PRESSED if self.pressed else 0)
        self.device.send_report(
            PRESSED_ENDPOINT if self.pressed else FREE_ENDPOINT,
            LUMI_CLUSTER,
            [
                AttributeValue(0x023A, DataType.UINT8, code),
                *(
                    AttributeValue(attribute, type_id, self.values[key])
                    for key, (attribute, type_id) in VALUES.items()
                ),
            ],
            manufacturer=LUMI_MANUFACTURER_CODE,
        )

    def _perform(self, action: str) -> None:
        self.last_action = action
        if action in CLICKS:
            self.device.send_report(
                1,
                MULTISTATE_INPUT,
                [AttributeValue(PRESENT_VALUE, DataType.UINT16, CLICKS[action])],
            )
        elif action in EVENTS:
            self.rotate(action)
        else:
            raise PropertyError(f"{self.device.zigbee_model} sends no action {action!r}")

    def properties(self) -> list[Property]:
        props = super().properties()
        for key in VALUES:
            props.append(
                Property(
                    key,
                    read=functools.partial(self.values.get, key),
                    change=functools.partial(self._change_value, key),
                    pick=lambda current: (
                        float(str(current)) + 12.5 if float(str(current)) < 300 else -40.0
                    ),
                    momentary=True,
                )
            )
        props.append(
            Property(
                "action_rotation_button_state",
                read=lambda: "pressed" if self.pressed else "released",
                change=self._change_pressed,
                pick=other_option(("released", "pressed")),
                momentary=True,
            )
        )
        return props

    def _change_value(self, key: str, value: object, report: bool) -> None:
        if not report:
            raise PropertyError("the knob tells its rotation only when turned")
        number = as_number(value)
        # the duration is whole milliseconds on the wire
        self.values[key] = round(abs(number)) if key == "action_rotation_time" else number
        self.rotate("rotation")

    def _change_pressed(self, value: object, report: bool) -> None:
        if value not in ("released", "pressed") or not report:
            raise PropertyError(f"a rotation {value!r}?")
        self.pressed = value == "pressed"
        self.rotate("rotation")

    def export_state(self, state: dict[str, Any]) -> None:
        """Nothing persists: a rotation is a moment."""

    def import_state(self, state: dict[str, Any]) -> None:
        """Nothing persists (see :meth:`export_state`)."""
