"""The Z1 Pro's touch slider: a gesture and its measurements in one 0xFCC0 report.

Attributes (Zigbee2MQTT's lumiSlider): 0x0231 slide duration (ms), 0x0232 speed (mm/s),
0x0233 relative displacement, 0x028C the gesture (1 tap, 2 double tap, 3 hold, 4 up,
5 down), 0x0301 time since the previous slide (ms). Their ZCL types are not published:
unsigned 16-bit, the displacement signed, the gesture 8-bit are inferred.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from ..clusters import LUMI_CLUSTER
from ..properties import Property, PropertyError, as_number
from ..zcl import LUMI_MANUFACTURER_CODE, AttributeValue, DataType
from .buttons import Buttons, ButtonSpec

SLIDE_TIME: Final = 0x0231
SLIDE_SPEED: Final = 0x0232
SLIDE_RELATIVE_DISPLACEMENT: Final = 0x0233
SLIDE_ACTION: Final = 0x028C
SLIDE_TIME_DELTA: Final = 0x0301
GESTURES: Final[Mapping[str, int]] = {
    "slider_single": 1,
    "slider_double": 2,
    "slider_hold": 3,
    "slider_up": 4,
    "slider_down": 5,
}
#: Zigbee2MQTT property → (attribute, ZCL type)
MEASUREMENTS: Final[Mapping[str, tuple[int, int]]] = {
    "action_slide_time": (SLIDE_TIME, DataType.UINT16),
    "action_slide_speed": (SLIDE_SPEED, DataType.UINT16),
    "action_slide_relative_displacement": (SLIDE_RELATIVE_DISPLACEMENT, DataType.INT16),
    "action_slide_time_delta": (SLIDE_TIME_DELTA, DataType.UINT16),
}


class SliderButtons(Buttons):
    """The rockers' buttons plus the slider on ``slider_endpoint``."""

    def __init__(
        self, buttons: Mapping[str, ButtonSpec], *, slider_endpoint: int = 1, **kwargs: Any
    ) -> None:
        kwargs["actions"] = (*kwargs.get("actions", ()), *GESTURES)
        super().__init__(buttons, **kwargs)
        self.slider_endpoint = slider_endpoint
        self.slide_values: dict[str, int] = {
            "action_slide_time": 320,
            "action_slide_speed": 150,
            "action_slide_relative_displacement": 48,
            "action_slide_time_delta": 5000,
        }

    def slide(self, gesture: str = "slider_up", **measurements: int) -> None:
        """A finger on the slider: one report with the gesture and its measurements."""
        if gesture not in GESTURES:
            raise PropertyError(f"no slider gesture {gesture!r}")
        if not self.device.powered:
            return
        self.slide_values.update(measurements)
        self.last_action = gesture
        values = [
            AttributeValue(attribute, type_id, self.slide_values[name])
            for name, (attribute, type_id) in MEASUREMENTS.items()
        ]
        values.insert(3, AttributeValue(SLIDE_ACTION, DataType.UINT8, GESTURES[gesture]))
        self.device.send_report(
            self.slider_endpoint, LUMI_CLUSTER, values, manufacturer=LUMI_MANUFACTURER_CODE
        )

    def _perform(self, action: str) -> None:
        if action in GESTURES:
            self.slide(action)
        else:
            super()._perform(action)

    def properties(self) -> list[Property]:
        return [*super().properties(), *(self._measurement(name) for name in MEASUREMENTS)]

    def _measurement(self, name: str) -> Property:
        def change(value: object, report: bool) -> None:
            if report:
                self.slide("slider_up", **{name: int(as_number(value))})
            else:
                self.slide_values[name] = int(as_number(value))

        return Property(
            name,
            read=lambda: self.slide_values[name],
            change=change,
            pick=lambda current: int(as_number(current)) + 7,
        )
