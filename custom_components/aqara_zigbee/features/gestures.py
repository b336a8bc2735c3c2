"""Cubes and knobs: a gesture is an action plus values (sides, angles) shown as sensors.

The Mi/Aqara cube (MFKZQ01LM) and the Cube T1 Pro (CTP-R01) tell a gesture as one
MultistateInput presentValue, which encodes the sides it involves, and a rotation as an
AnalogInput presentValue (degrees, negative to the left). The H1 knob (ZNXNKG02LM) tells
a rotation in one 0xFCC0 report: its event and button state in 0x023A, with the angle,
speeds, percentages and duration alongside. Zigbee2MQTT publishes the extra values with
the action (``side``, ``action_angle``...); here they are sensors, updated before the
action fires, so an automation woken by the action reads them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
import math
from typing import Final

from ..devices.model import (
    RO,
    Access,
    EnumCodec,
    Expose,
    Feature,
    Gesture,
    GestureSource,
    HeartbeatSource,
    Platform,
    finite_number,
)
from ..lumi.const import (
    ANALOG_INPUT,
    LUMI_CLUSTER,
    MULTISTATE_INPUT,
    PRESENT_VALUE,
    ZCL_UINT8,
    ZCL_UINT16,
)
from ._lumi import lumi_attribute, lumi_write

SIDE_DESCRIPTION: Final = "Side of the cube"


def _whole(raw: object) -> int | None:
    return int(raw) if isinstance(raw, int) and not isinstance(raw, bool) else None


def _floor_hundredths(value: float) -> float:
    """Zigbee2MQTT's ``Math.floor(value * 100) / 100``."""
    return math.floor(value * 100) / 100


@dataclass(frozen=True, slots=True)
class MiCubeGestures:
    """MFKZQ01LM presentValue: 0 shake, 1 throw, 2 wakeup, 3 fall, 64 + 8·from + to a
    90° flip, 128 + side a 180° flip, 256 + side a slide, 512 + side a double tap."""

    @property
    def actions(self) -> tuple[str, ...]:
        return ("shake", "throw", "wakeup", "fall", "tap", "slide", "flip180", "flip90")

    def decode(self, attributes: Mapping[int, object]) -> Gesture | None:
        value = _whole(attributes.get(PRESENT_VALUE))
        if value is None:
            return None
        simple = {0: "shake", 1: "throw", 2: "wakeup", 3: "fall"}
        if value in simple:
            return Gesture(simple[value])
        for base, action in ((512, "tap"), (256, "slide"), (128, "flip180")):
            if value >= base:
                return Gesture(action, {"side": value - base})
        if value >= 64:
            from_side, to_side = (value - 64) // 8, value % 8
            return Gesture(
                "flip90",
                {
                    "action_from_side": from_side,
                    "action_to_side": to_side,
                    "action_side": to_side,
                    "side": to_side,
                },
            )
        return None


@dataclass(frozen=True, slots=True)
class CubeT1ProGestures:
    """CTP-R01 presentValue (sides 1-6): 0 shake, 1 throw, 2 a minute inactive, 4 hold,
    64 + 8·(from-1) + (to-1) a 90° flip, 127 + side a 180° flip, 255 + side a slide,
    511 + side a double tap, 1023 + side a flip to a side."""

    @property
    def actions(self) -> tuple[str, ...]:
        return (
            "shake",
            "throw",
            "1_min_inactivity",
            "hold",
            "flip_to_side",
            "tap",
            "slide",
            "flip180",
            "flip90",
        )

    def decode(self, attributes: Mapping[int, object]) -> Gesture | None:
        value = _whole(attributes.get(PRESENT_VALUE))
        if value is None:
            return None
        simple = {0: "shake", 1: "throw", 2: "1_min_inactivity", 4: "hold"}
        if value in simple:
            return Gesture(simple[value])
        for base, action in ((1024, "flip_to_side"), (512, "tap"), (256, "slide")):
            if value >= base:
                return Gesture(action, {"side": value - base + 1})
        if value >= 128:
            # opposite sides add up to 7, as on a die
            return Gesture("flip180", {"side": value - 127, "action_from_side": 134 - value})
        if value >= 64:
            return Gesture(
                "flip90", {"side": value % 8 + 1, "action_from_side": (value - 64) // 8 + 1}
            )
        return None


#: CTP-R01's 0xFCC0 0x0149: the side now up (0-5), reported when set down
ATTR_SIDE_UP: Final = 0x0149


@dataclass(frozen=True, slots=True)
class CubeSideUp:
    """CTP-R01 0xFCC0 0x0149: ``side_up`` with the side (counted from 1)."""

    @property
    def actions(self) -> tuple[str, ...]:
        return ("side_up",)

    def decode(self, attributes: Mapping[int, object]) -> Gesture | None:
        value = _whole(attributes.get(ATTR_SIDE_UP))
        return None if value is None else Gesture("side_up", {"side": value + 1})


@dataclass(frozen=True, slots=True)
class CubeRotation:
    """AnalogInput presentValue: a rotation by that many degrees, negative to the left."""

    @property
    def actions(self) -> tuple[str, ...]:
        return ("rotate_left", "rotate_right")

    def decode(self, attributes: Mapping[int, object]) -> Gesture | None:
        angle = finite_number(attributes.get(PRESENT_VALUE))
        if angle is None or isinstance(attributes.get(PRESENT_VALUE), bool):
            return None
        action = "rotate_left" if angle < 0 else "rotate_right"
        return Gesture(action, {"action_angle": _floor_hundredths(angle)})


def _side(key: str, *, maximum: int = 6) -> Expose:
    return Expose(
        key=key,
        platform=Platform.SENSOR,
        access=Access.REPORT,
        translation_key=key,
        description=SIDE_DESCRIPTION,
        native_min=0,
        native_max=maximum,
        native_step=1,
    )


def _angle() -> Expose:
    return Expose(
        key="action_angle",
        platform=Platform.SENSOR,
        access=Access.REPORT,
        translation_key="action_angle",
        description="Angle of the last rotation",
        unit="°",
        native_min=-360,
        native_max=360,
    )


def _action(options: tuple[str, ...], *sources: GestureSource) -> Expose:
    fired = {action for source in sources for action in source.decoder.actions}
    if not fired <= set(options):
        raise ValueError(f"gestures {sorted(fired - set(options))} not among {options}")
    return Expose(
        key="action",
        platform=Platform.EVENT,
        access=Access.REPORT,
        description="Triggered action (e.g. a button click).",
        options=options,
        sources=sources,
    )


def mi_cube_gestures(*, gestures_endpoint: int = 2, rotation_endpoint: int = 3) -> Feature:
    """MFKZQ01LM: every gesture as ``action``; the sides and angle it involved as sensors."""
    return Feature(
        exposes=(
            _angle(),
            _side("action_from_side"),
            _side("action_side"),
            _side("action_to_side"),
            _side("side"),
            _action(
                (
                    "shake",
                    "throw",
                    "wakeup",
                    "fall",
                    "tap",
                    "slide",
                    "flip180",
                    "flip90",
                    "rotate_left",
                    "rotate_right",
                ),
                GestureSource(
                    endpoint=gestures_endpoint,
                    cluster=MULTISTATE_INPUT,
                    trigger=PRESENT_VALUE,
                    decoder=MiCubeGestures(),
                ),
                GestureSource(
                    endpoint=rotation_endpoint,
                    cluster=ANALOG_INPUT,
                    trigger=PRESENT_VALUE,
                    decoder=CubeRotation(),
                ),
            ),
        )
    )


CUBE_MODE_CODEC: Final = EnumCodec(pairs=((0, "action_mode"), (1, "scene_mode")))
#: CTP-R01's 0xFCC0 0x0148: action or scene mode
ATTR_CUBE_MODE: Final = 0x0148
#: the heartbeat index of the same mode
CUBE_MODE_HEARTBEAT_INDEX: Final = 155


def cube_t1_pro_gestures() -> Feature:
    """CTP-R01: gestures, side up, rotation; the side and angle as sensors."""
    return Feature(
        exposes=(
            _side("side"),
            _side("action_from_side"),
            _angle(),
            _action(
                (
                    "shake",
                    "throw",
                    "tap",
                    "slide",
                    "flip180",
                    "flip90",
                    "hold",
                    "side_up",
                    "rotate_left",
                    "rotate_right",
                    "1_min_inactivity",
                    "flip_to_side",
                ),
                GestureSource(
                    endpoint=None,
                    cluster=MULTISTATE_INPUT,
                    trigger=PRESENT_VALUE,
                    decoder=CubeT1ProGestures(),
                ),
                GestureSource(
                    endpoint=None,
                    cluster=ANALOG_INPUT,
                    trigger=PRESENT_VALUE,
                    decoder=CubeRotation(),
                ),
                GestureSource(
                    endpoint=1, cluster=LUMI_CLUSTER, trigger=ATTR_SIDE_UP, decoder=CubeSideUp()
                ),
            ),
        )
    )


def cube_operation_mode() -> Feature:
    """CTP-R01 0xFCC0 0x0148: action mode (gestures) or scene mode (sides as scenes).

    Zigbee2MQTT says the cube takes it only in an hourly configuration window, on a throw,
    or after a LINK press: a sleeping device's writes wait here for it to be heard.
    """
    return Feature(
        exposes=(
            Expose(
                key="operation_mode",
                platform=Platform.SELECT,
                # Zigbee2MQTT offers /set only; the cube's reports of it are shown too
                access=Access.WRITE | Access.REPORT,
                translation_key="cube_operation_mode",
                description=(
                    "[Soft Switch]: There is a configuration window, opens once an hour on "
                    "itself, only during which the cube will respond to mode switch. Mode "
                    "switch will be scheduled to take effect when the window becomes "
                    "available. You can also give it a throw action (no backward motion) to "
                    "force a respond! Otherwise, you may open lid and click LINK once to make "
                    "the cube respond immediately. [Hard Switch]: Open lid and click LINK "
                    "button 5 times."
                ),
                options=CUBE_MODE_CODEC.options,
                entity_category="config",
                sources=(
                    lumi_attribute(ATTR_CUBE_MODE, CUBE_MODE_CODEC, readable=False),
                    HeartbeatSource(index=CUBE_MODE_HEARTBEAT_INDEX, codec=CUBE_MODE_CODEC),
                ),
                write=lumi_write(ATTR_CUBE_MODE, ZCL_UINT8, CUBE_MODE_CODEC),
            ),
        )
    )


# --------------------------------------------------------------------------- the H1 knob

#: 0xFCC0 attributes of a knob rotation report (Zigbee2MQTT's lumiKnobRotation)
ATTR_ROTATION_EVENT: Final = 0x023A  # 1 start, 2 rotating, 3 stop; +128 button pressed
ATTR_ROTATION_ANGLE: Final = 0x022E
ATTR_ROTATION_ANGLE_SPEED: Final = 0x0230
ATTR_ROTATION_TIME: Final = 0x0231
ATTR_ROTATION_PERCENT_SPEED: Final = 0x0232
ATTR_ROTATION_PERCENT: Final = 0x0233
_BUTTON_PRESSED: Final = 0x80
ROTATION_EVENTS: Final[Mapping[int, str]] = {
    1: "start_rotating",
    2: "rotation",
    3: "stop_rotating",
}
#: sensor key → its 0xFCC0 attribute in the same report
ROTATION_VALUES: Final[Mapping[str, int]] = {
    "action_rotation_angle": ATTR_ROTATION_ANGLE,
    "action_rotation_angle_speed": ATTR_ROTATION_ANGLE_SPEED,
    "action_rotation_percent": ATTR_ROTATION_PERCENT,
    "action_rotation_percent_speed": ATTR_ROTATION_PERCENT_SPEED,
    "action_rotation_time": ATTR_ROTATION_TIME,
}


@dataclass(frozen=True, slots=True)
class KnobRotation:
    """A rotation event with its button state and the values reported alongside."""

    @property
    def actions(self) -> tuple[str, ...]:
        return tuple(ROTATION_EVENTS.values())

    def decode(self, attributes: Mapping[int, object]) -> Gesture | None:
        event = _whole(attributes.get(ATTR_ROTATION_EVENT))
        if event is None:
            return None
        values: dict[str, object] = {
            "action_rotation_button_state": "pressed" if event & _BUTTON_PRESSED else "released"
        }
        for key, attribute in ROTATION_VALUES.items():
            number = finite_number(attributes.get(attribute))
            if number is not None and not isinstance(attributes.get(attribute), bool):
                values[key] = int(number) if number.is_integer() else number
        return Gesture(ROTATION_EVENTS.get(event & ~_BUTTON_PRESSED), values)


def knob_rotation_source() -> GestureSource:
    """The knob's rotation reports: 0xFCC0 of hidden endpoint 71 (turned freely) or 72
    (turned pressed), the button state telling which; any endpoint, as Zigbee2MQTT."""
    return GestureSource(
        endpoint=None, cluster=LUMI_CLUSTER, trigger=ATTR_ROTATION_EVENT, decoder=KnobRotation()
    )


def knob_rotation_sensors() -> Feature:
    """What a rotation told: angle, speeds, percentages, duration, button held or not."""
    units = {
        "action_rotation_angle": ("*", "Rotation angle"),
        "action_rotation_angle_speed": ("*", "Rotation angle speed"),
        "action_rotation_percent": ("%", "Rotation percent"),
        "action_rotation_percent_speed": ("%", "Rotation percent speed"),
        "action_rotation_time": ("ms", "Rotation time"),
    }
    return Feature(
        exposes=(
            *(
                Expose(
                    key=key,
                    platform=Platform.SENSOR,
                    access=Access.REPORT,
                    translation_key=key,
                    description=description,
                    unit=unit,
                    entity_category="diagnostic",
                )
                for key, (unit, description) in units.items()
            ),
            Expose(
                key="action_rotation_button_state",
                platform=Platform.SENSOR,
                access=Access.REPORT,
                translation_key="action_rotation_button_state",
                description="Button state during rotation",
                device_class="enum",
                options=("released", "pressed"),
                entity_category="diagnostic",
            ),
        )
    )


#: H1 knob 0xFCC0 0x0234: degrees per full scale (uint16)
ATTR_KNOB_SENSITIVITY: Final = 0x0234
KNOB_SENSITIVITY_CODEC: Final = EnumCodec(pairs=((720, "low"), (360, "medium"), (180, "high")))


def knob_sensitivity() -> Feature:
    """How far the knob turns for a full scale: low 720°, medium 360°, high 180°."""
    return Feature(
        exposes=(
            Expose(
                key="sensitivity",
                platform=Platform.SELECT,
                access=RO | Access.WRITE,
                translation_key="knob_sensitivity",
                description="Rotation sensitivity",
                options=KNOB_SENSITIVITY_CODEC.options,
                entity_category="config",
                sources=(lumi_attribute(ATTR_KNOB_SENSITIVITY, KNOB_SENSITIVITY_CODEC),),
                write=lumi_write(ATTR_KNOB_SENSITIVITY, ZCL_UINT16, KNOB_SENSITIVITY_CODEC),
            ),
        )
    )
