"""Vibration sensors: the old one's vibration/tilt/drop and accelerometer, the T1's actions.

The old sensor (DJT11LM) reports on the DoorLock cluster 0x0101 of endpoint 1, which its
firmware borrows: 0x0055 the event (1 vibration, 2 tilt, 3 drop), 0x0505 the strength,
0x0508 the three accelerometer axes. It sends only "vibration": the hub clears it after
``vibration_timeout`` (90 s). The T1 (DJT12LM) tells its gestures on three clusters.
"""

from __future__ import annotations

from dataclasses import dataclass
import math
from typing import Final

from ..devices.model import (
    OPTION_VIBRATION_TIMEOUT,
    Access,
    ActionSource,
    AttributeSource,
    AttributeWrite,
    ClearAfter,
    EnumCodec,
    Expose,
    Feature,
    NumberCodec,
    Platform,
)
from ..lumi.const import (
    BASIC,
    LUMI_CLUSTER,
    LUMI_MANUFACTURER_CODE,
    ZCL_UINT8,
)
from ._lumi import lumi_attribute, lumi_write

DOOR_LOCK: Final = 0x0101
ATTR_EVENT: Final = 0x0055
ATTR_STRENGTH: Final = 0x0505
ATTR_AXES: Final = 0x0508
#: genBasic 0xFF0D: the old sensor's sensitivity (1 highest .. 21 lowest)
ATTR_SENSITIVITY: Final = 0xFF0D
IAS_ZONE: Final = 0x0500
#: the T1's IAS zone attribute 45 (0x002D): 1 shake, 2 triple strike
ATTR_T1_GESTURE: Final = 0x002D
ATTR_T1_MOVEMENT: Final = 0x0118
ATTR_T1_SENSITIVITY: Final = 0x010E
ATTR_T1_REPORT_INTERVAL: Final = 0x0110

OLD_SENSOR_TIMEOUT: Final = 90.0
EVENTS: Final = ((1, "vibration"), (2, "tilt"), (3, "drop"))
_VIBRATION: Final = 1


@dataclass(frozen=True, slots=True)
class VibrationDetected:
    """0x0055 = 1 is a vibration; tilt and drop say nothing about it."""

    def decode(self, raw: object) -> object | None:
        return True if raw == _VIBRATION and not isinstance(raw, bool) else None

    def encode(self, value: object) -> object:
        raise ValueError("a detection is not written")


@dataclass(frozen=True, slots=True)
class Strength:
    """0x0505: the strength is the uint32's middle two bytes, byte-swapped."""

    def decode(self, raw: object) -> object | None:
        if isinstance(raw, bool) or not isinstance(raw, int):
            return None
        data = raw >> 8
        return ((data & 0xFF) << 8) | ((data >> 8) & 0xFF)

    def encode(self, value: object) -> object:
        raise ValueError("strength is not written")


def _axes(raw: object) -> tuple[int, int, int] | None:
    """0x0508: three little-endian int16 (x, y, z) in a uint48."""
    if isinstance(raw, bool) or not isinstance(raw, int) or not 0 <= raw < 1 << 48:
        return None
    data = raw.to_bytes(6, "little")
    x, y, z = (int.from_bytes(data[i : i + 2], "little", signed=True) for i in (0, 2, 4))
    return x, y, z


def _js_round(value: float) -> int:
    """JavaScript's Math.round (half up), as Zigbee2MQTT rounds the angles."""
    return math.floor(value + 0.5)


@dataclass(frozen=True, slots=True)
class Axis:
    """One accelerometer axis (0, 1, 2: x, y, z) of 0x0508."""

    axis: int

    def decode(self, raw: object) -> object | None:
        axes = _axes(raw)
        return None if axes is None else axes[self.axis]

    def encode(self, value: object) -> object:
        raise ValueError("axes are not written")


@dataclass(frozen=True, slots=True)
class Angle:
    """The tilt (°) of one axis against the plane of the other two, from 0x0508."""

    axis: int

    def decode(self, raw: object) -> object | None:
        axes = _axes(raw)
        if axes is None:
            return None
        own = axes[self.axis]
        others = [value for index, value in enumerate(axes) if index != self.axis]
        across = math.sqrt(sum(value * value for value in others))
        if across == 0:
            return 90 if own > 0 else -90 if own < 0 else None
        return _js_round(math.degrees(math.atan(own / across)))

    def encode(self, value: object) -> object:
        raise ValueError("angles are not written")


def _door_lock(attribute: int, codec: object) -> AttributeSource:
    return AttributeSource(
        endpoint=1,
        cluster=DOOR_LOCK,
        attribute=attribute,
        codec=codec,  # type: ignore[arg-type]
        readable=False,  # the firmware reports these; it answers no reads of them
    )


def old_vibration() -> Feature:
    """DJT11LM: vibration (cleared after the timeout), its events, strength, axes, angles."""
    vibration = Expose(
        key="vibration",
        platform=Platform.BINARY_SENSOR,
        access=Access.REPORT,
        description="Indicates whether the device detected vibration",
        device_class="vibration",
        sources=(_door_lock(ATTR_EVENT, VibrationDetected()),),
        clears_after=ClearAfter(option=OPTION_VIBRATION_TIMEOUT, default=OLD_SENSOR_TIMEOUT),
    )
    action = Expose(
        key="action",
        platform=Platform.EVENT,
        access=Access.REPORT,
        description="Triggered action (e.g. a button click)",
        options=tuple(name for _, name in EVENTS),
        sources=(
            ActionSource(endpoint=1, cluster=DOOR_LOCK, attribute=ATTR_EVENT, actions=EVENTS),
        ),
    )
    strength = Expose(
        key="strength",
        platform=Platform.SENSOR,
        access=Access.REPORT,
        state_class="measurement",
        sources=(_door_lock(ATTR_STRENGTH, Strength()),),
    )
    measurements: list[Expose] = []
    for index, name in enumerate("xyz"):
        measurements.append(
            Expose(
                key=f"angle_{name}",
                platform=Platform.SENSOR,
                access=Access.REPORT,
                unit="°",
                state_class="measurement",
                native_min=-90,
                native_max=90,
                sources=(_door_lock(ATTR_AXES, Angle(index)),),
            )
        )
    for index, name in enumerate("xyz"):
        measurements.append(
            Expose(
                key=f"{name}_axis",
                platform=Platform.SENSOR,
                access=Access.REPORT,
                description=f"Accelerometer {name.upper()} value",
                state_class="measurement",
                sources=(_door_lock(ATTR_AXES, Axis(index)),),
            )
        )
    codec = NumberCodec(integer=True)
    sensitivity = Expose(
        key="sensitivity",
        platform=Platform.NUMBER,
        # Written, never reported nor answered to reads: the state is the confirmed write
        access=Access.WRITE | Access.REPORT,
        description="Sensitivity, 1 = highest, 21 = lowest",
        entity_category="config",
        native_min=1,
        native_max=21,
        native_step=1,
        sources=(
            AttributeSource(
                endpoint=1,
                cluster=BASIC,
                attribute=ATTR_SENSITIVITY,
                codec=codec,
                manufacturer=LUMI_MANUFACTURER_CODE,
                readable=False,
            ),
        ),
        write=AttributeWrite(
            endpoint=1,
            cluster=BASIC,
            attribute=ATTR_SENSITIVITY,
            zcl_type=ZCL_UINT8,
            codec=codec,
            manufacturer=LUMI_MANUFACTURER_CODE,
        ),
        assumed=True,
    )
    return Feature(
        exposes=(vibration, action, strength, sensitivity, *measurements),
        options=(OPTION_VIBRATION_TIMEOUT,),
    )


T1_ACTIONS: Final = ("shake", "triple_strike", "movement")


def t1_actions() -> Feature:
    """DJT12LM: shake / triple strike (IAS zone 0x002D or MultistateInput), movement."""
    action = Expose(
        key="action",
        platform=Platform.EVENT,
        access=Access.REPORT,
        description="Triggered action (e.g. a button click)",
        options=T1_ACTIONS,
        sources=(
            ActionSource(
                endpoint=1,
                cluster=IAS_ZONE,
                attribute=ATTR_T1_GESTURE,
                actions=((1, "shake"), (2, "triple_strike")),
            ),
            ActionSource(endpoint=1, actions=((1, "triple_strike"),)),
            ActionSource(
                endpoint=1,
                cluster=LUMI_CLUSTER,
                attribute=ATTR_T1_MOVEMENT,
                actions=((1, "movement"),),
            ),
        ),
    )
    return Feature(exposes=(action,))


def _write_only_select(key: str, attribute: int, codec: EnumCodec, description: str) -> Feature:
    return Feature(
        exposes=(
            Expose(
                key=key,
                platform=Platform.SELECT,
                # Zigbee2MQTT only writes it (no state, no read): shown as confirmed written
                access=Access.WRITE,
                description=description,
                options=codec.options,
                entity_category="config",
                sources=(lumi_attribute(attribute, codec, readable=False),),
                write=lumi_write(attribute, ZCL_UINT8, codec),
            ),
        )
    )


def t1_sensitivity_adjustment() -> Feature:
    return _write_only_select(
        "sensitivity_adjustment",
        ATTR_T1_SENSITIVITY,
        EnumCodec(pairs=((1, "high"), (2, "medium"), (3, "low"))),
        "Sensitivity adjustment for the device",
    )


def t1_report_interval() -> Feature:
    return _write_only_select(
        "report_interval",
        ATTR_T1_REPORT_INTERVAL,
        EnumCodec(pairs=((1, "1s"), (2, "5s"), (3, "10s"))),
        "Reporting interval for the device",
    )


__all__ = [
    "Angle",
    "Axis",
    "Strength",
    "VibrationDetected",
    "old_vibration",
    "t1_actions",
    "t1_report_interval",
    "t1_sensitivity_adjustment",
]
