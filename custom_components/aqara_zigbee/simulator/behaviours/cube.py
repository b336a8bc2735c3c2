"""A cube: which side is up, and the reports each gesture makes.

Both Aqara cubes tell a gesture as one MultistateInput presentValue that encodes the sides
it involved, and a rotation as an AnalogInput presentValue in degrees (negative to the
left). They number their sides differently: the Mi cube 0-5 with 64 + 8·from + to for a
90° flip and 128 / 256 / 512 + side for a 180° flip / slide / double tap; the T1 Pro 1-6
(opposite sides adding up to 7) with the same codes counted from side 1, 1024 + side for
a flip seen from above, and its 0xFCC0 0x0149 "side up" report (side - 1). Facts from
Zigbee2MQTT's converters (lumi_action_multistate / _analog, ioBroker's cube map) and
ZHA's cube quirks.
"""

from __future__ import annotations

from dataclasses import dataclass
import functools
from typing import Any

from ..clusters import ANALOG_INPUT, LUMI_CLUSTER, MULTISTATE_INPUT, PRESENT_VALUE
from ..properties import Property, PropertyError
from ..zcl import LUMI_MANUFACTURER_CODE, AttributeValue, DataType
from ..zcl_server import AttrTable
from .buttons import Buttons, ButtonSpec


@dataclass(frozen=True, slots=True)
class CubeCodes:
    """How a model numbers its sides and encodes its gestures."""

    first_side: int  # 0 (Mi cube) or 1 (T1 Pro)
    #: gestures without a side → presentValue
    simple: dict[str, int]
    #: gestures on the side up → base the side (counted from ``first_side``) is added to
    on_side: dict[str, int]
    #: presentValue of a 180° flip to a side: base + side
    flip180_base: int
    #: the side-up report (0xFCC0 0x0149), T1 Pro only
    side_up: bool = False

    @property
    def sides(self) -> range:
        return range(self.first_side, self.first_side + 6)

    def opposite(self, side: int) -> int:
        if self.first_side == 1:
            return 7 - side
        return {0: 3, 3: 0, 1: 4, 4: 1, 2: 5, 5: 2}[side]

    def flip90(self, from_side: int, to_side: int) -> int:
        return 64 + 8 * (from_side - self.first_side) + (to_side - self.first_side)


MI_CUBE = CubeCodes(
    first_side=0,
    simple={"shake": 0, "throw": 1, "wakeup": 2, "fall": 3},
    on_side={"slide": 256, "tap": 512},
    flip180_base=128,
)
T1_PRO = CubeCodes(
    first_side=1,
    simple={"shake": 0, "throw": 1, "1_min_inactivity": 2, "hold": 4},
    on_side={"slide": 255, "tap": 511, "flip_to_side": 1023},
    flip180_base=127,
    side_up=True,
)
#: the Lumi attribute of the T1 Pro's side-up report
SIDE_UP_ATTRIBUTE = 0x0149


class Cube(Buttons):
    """The cube's gestures (Zigbee2MQTT ``action``) and what they tell (``side``...).

    ``side_keys``: the page's side properties (the Mi cube has ``action_side`` and
    ``action_to_side`` too); gestures from ``gesture_endpoint``, rotations from
    ``rotation_endpoint``.
    """

    def __init__(
        self,
        codes: CubeCodes,
        *,
        actions: tuple[str, ...],
        side_keys: tuple[str, ...],
        gesture_endpoint: int = 2,
        rotation_endpoint: int = 3,
    ) -> None:
        super().__init__({"main": ButtonSpec(None, ())}, actions=actions)
        self.codes = codes
        self.side_keys = side_keys
        self.gesture_endpoint = gesture_endpoint
        self.rotation_endpoint = rotation_endpoint
        self.up = codes.first_side
        self.told: dict[str, object] = dict.fromkeys(side_keys, codes.first_side)
        self.told["action_angle"] = 0.0

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        return {}

    # -- gestures -----------------------------------------------------------------------

    def _gesture(self, value: int, **told: object) -> None:
        self.told.update({key: v for key, v in told.items() if key in self.told})
        self.device.send_report(
            self.gesture_endpoint,
            MULTISTATE_INPUT,
            [AttributeValue(PRESENT_VALUE, DataType.UINT16, value)],
        )

    def flip_to(self, side: int) -> None:
        """Turn ``side`` up: a 90° flip to a neighbour, a 180° flip to the opposite side."""
        if side not in self.codes.sides:
            raise PropertyError(f"no side {side!r} (sides {list(self.codes.sides)})")
        if side == self.up:
            raise PropertyError(f"side {side} is already up")
        from_side, self.up = self.up, side
        if side == self.codes.opposite(from_side):
            told: dict[str, object] = {"side": side}
            if self.codes.first_side == 1:
                told["action_from_side"] = from_side
            self._gesture(self.codes.flip180_base + side, **told)
        else:
            self._gesture(
                self.codes.flip90(from_side, side),
                side=side,
                action_side=side,
                action_to_side=side,
                action_from_side=from_side,
            )
        if self.codes.side_up:
            self.device.send_report(
                1,
                LUMI_CLUSTER,
                [AttributeValue(SIDE_UP_ATTRIBUTE, DataType.UINT8, side - 1)],
                manufacturer=LUMI_MANUFACTURER_CODE,
            )

    def turn_up(self, side: int) -> None:
        """End with ``side`` up: flip it up, or double-tap it when it already is."""
        if side == self.up:
            self._gesture(self.codes.on_side["tap"] + side, side=side)
        else:
            self.flip_to(side)

    def _neighbour(self, side: int) -> int:
        """A side next to ``side`` (neither it nor its opposite)."""
        return next(s for s in self.codes.sides if s not in (side, self.codes.opposite(side)))

    def flip90_to(self, side: int) -> None:
        """A 90° flip that ends with ``side`` up (first a flip next to it if need be)."""
        if side == self.up or side == self.codes.opposite(self.up):
            self.flip_to(self._neighbour(side))
        self.flip_to(side)

    def flip90_from(self, side: int) -> None:
        """A 90° flip away from ``side`` (turned up first if it is not)."""
        if side != self.up:
            self.flip90_to(side)
        self.flip_to(self._neighbour(side))

    def rotate(self, degrees: float) -> None:
        self.told["action_angle"] = degrees
        self.device.send_report(
            self.rotation_endpoint,
            ANALOG_INPUT,
            [AttributeValue(PRESENT_VALUE, DataType.FLOAT, degrees)],
        )

    def _perform(self, action: str) -> None:
        if action not in self.actions:
            raise PropertyError(f"{self.device.zigbee_model} sends no action {action!r}")
        self.last_action = action
        codes = self.codes
        if action in codes.simple:
            self._gesture(codes.simple[action])
        elif action in codes.on_side:
            self._gesture(codes.on_side[action] + self.up, side=self.up)
        elif action == "flip90":
            self.flip_to(self._neighbour(self.up))
        elif action == "flip180":
            self.flip_to(codes.opposite(self.up))
        elif action == "side_up":
            self.flip_to(self._neighbour(self.up))  # set down on a new side
        elif action in ("rotate_left", "rotate_right"):
            self.rotate(-45.5 if action == "rotate_left" else 90.25)
        else:
            raise PropertyError(f"{action!r}: no gesture")

    # -- Zigbee2MQTT view ---------------------------------------------------------------

    def properties(self) -> list[Property]:
        props = super().properties()
        movers = {
            "side": self.turn_up,
            "action_side": self.flip90_to,
            "action_to_side": self.flip90_to,
            "action_from_side": self.flip90_from,
        }
        for key in self.side_keys:
            props.append(
                Property(
                    key,
                    read=functools.partial(self.told.get, key),
                    change=functools.partial(self._change_side, movers[key]),
                    pick=self._pick_side,
                    momentary=True,
                )
            )
        props.append(
            Property(
                "action_angle",
                read=lambda: self.told["action_angle"],
                change=self._change_angle,
                pick=lambda current: -30.25 if current == 45.5 else 45.5,
                momentary=True,
            )
        )
        return props

    def _pick_side(self, current: object) -> object:
        sides = list(self.codes.sides)
        index = sides.index(int(str(current))) if current in sides else 0
        return sides[(index + 1) % len(sides)]

    def _change_side(self, mover: Any, value: object, report: bool) -> None:
        if not report:
            raise PropertyError("a cube tells its sides only with a gesture")
        mover(int(str(value)))

    def _change_angle(self, value: object, report: bool) -> None:
        if not report or isinstance(value, bool) or not isinstance(value, int | float):
            raise PropertyError(f"a rotation by {value!r}?")
        self.rotate(float(value))

    # -- persistence --------------------------------------------------------------------

    def export_state(self, state: dict[str, Any]) -> None:
        state["side_up"] = self.up

    def import_state(self, state: dict[str, Any]) -> None:
        self.up = int(state.get("side_up", self.up))
