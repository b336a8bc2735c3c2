"""ZCL On/Off + Level Control + Color Control: an HA ``light``.

The light's entity is its On/Off ``state``; brightness (Level 0x0000, 1-254), colour
temperature (Color 0x0007, mireds, within the device's physical 0x400B-0x400C) and xy
colour (0x0003/0x0004, 0-65279 of 1) are members of it. Commands are the ZCL's
"with on/off" move-to-level, move-to-colour-temperature and move-to-colour, whose
transition time is in tenths of a second.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from ..devices.model import (
    RO,
    Access,
    AttributeSource,
    CommandWrite,
    EnumCodec,
    Expose,
    Feature,
    NumberCodec,
    Platform,
)
from ._zcl import COLOR_CONTROL, FIRST_ENDPOINT, LEVEL_CONTROL, REPORT_MAX, Place, reporting
from .zcl_on_off import on_off_reporting, on_off_state, power_on_behavior

CURRENT_LEVEL: Final = 0x0000
CURRENT_X: Final = 0x0003
CURRENT_Y: Final = 0x0004
COLOR_TEMPERATURE: Final = 0x0007
COLOR_MODE: Final = 0x0008
COLOR_CAPABILITIES: Final = 0x400A
COLOR_TEMP_PHYSICAL_MIN: Final = 0x400B
COLOR_TEMP_PHYSICAL_MAX: Final = 0x400C

_MOVE_TO_LEVEL_WITH_ON_OFF: Final = 0x04
_MOVE_TO_COLOR: Final = 0x07
_MOVE_TO_COLOR_TEMPERATURE: Final = 0x0A
_XY_SCALE: Final = 65535
MAX_LEVEL: Final = 254

#: Color Control ColorMode (ZCL 5.2.2.2.1.9)
COLOR_MODE_CODEC: Final = EnumCodec(pairs=((0, "hs"), (1, "xy"), (2, "color_temp")))

# ColorCapabilities bits (ZCL 5.2.2.2.1.23)
CAPABILITY_XY: Final = 1 << 3
CAPABILITY_COLOR_TEMPERATURE: Final = 1 << 4


def _tenths(value: Mapping[str, object]) -> int:
    transition = value.get("transition")
    if transition is None:
        return 0
    if isinstance(transition, bool) or not isinstance(transition, int | float) or transition < 0:
        raise TypeError(f"invalid transition {transition!r}")
    return min(round(transition * 10), 0xFFFE)


def _arguments(value: object, main: str) -> Mapping[str, object]:
    """A command's value: the number alone, or a mapping with it and ``transition``."""
    if isinstance(value, Mapping):
        return value
    return {main: value}


def _whole(value: object, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"expected a number, got {value!r}")
    return max(low, min(high, round(value)))


@dataclass(frozen=True, slots=True)
class MoveToLevel:
    """Move to Level (with On/Off): level 0 turns the light off, anything else on."""

    place: Place

    def command(self, value: object) -> tuple[int, tuple[object, ...]]:
        arguments = _arguments(value, "brightness")
        level = _whole(arguments.get("brightness"), 0, MAX_LEVEL)
        return _MOVE_TO_LEVEL_WITH_ON_OFF, (level, _tenths(arguments))

    def confirmed(self, value: object) -> Mapping[str, object]:
        level = _whole(_arguments(value, "brightness").get("brightness"), 0, MAX_LEVEL)
        confirmed: dict[str, object] = {self.place.key("state"): level > 0}
        if level > 0:
            confirmed[self.place.key("brightness")] = level
        return confirmed


@dataclass(frozen=True, slots=True)
class MoveToColorTemperature:
    place: Place

    def command(self, value: object) -> tuple[int, tuple[object, ...]]:
        arguments = _arguments(value, "color_temp")
        mireds = _whole(arguments.get("color_temp"), 1, 0xFEFF)
        return _MOVE_TO_COLOR_TEMPERATURE, (mireds, _tenths(arguments))

    def confirmed(self, value: object) -> Mapping[str, object]:
        mireds = _whole(_arguments(value, "color_temp").get("color_temp"), 1, 0xFEFF)
        return {self.place.key("color_temp"): mireds, self.place.key("color_mode"): "color_temp"}


@dataclass(frozen=True, slots=True)
class MoveToColor:
    """Move to Color: ``{"x": 0-1, "y": 0-1, "transition": s}``."""

    place: Place

    def _xy(self, value: object) -> tuple[int, int]:
        if not isinstance(value, Mapping):
            raise TypeError("expected x and y")
        return (
            _whole(_number(value.get("x")) * _XY_SCALE, 0, 0xFEFF),
            _whole(_number(value.get("y")) * _XY_SCALE, 0, 0xFEFF),
        )

    def command(self, value: object) -> tuple[int, tuple[object, ...]]:
        x, y = self._xy(value)
        assert isinstance(value, Mapping)
        return _MOVE_TO_COLOR, (x, y, _tenths(value))

    def confirmed(self, value: object) -> Mapping[str, object]:
        x, y = self._xy(value)
        return {
            self.place.key("color_x"): round(x / _XY_SCALE, 4),
            self.place.key("color_y"): round(y / _XY_SCALE, 4),
            self.place.key("color_mode"): "xy",
        }


def _number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"expected a number, got {value!r}")
    return float(value)


def _member(
    place: Place,
    base: str,
    cluster: int,
    attribute: int,
    codec: NumberCodec | EnumCodec,
    *,
    description: str,
    access: Access = RO,
    write: CommandWrite | None = None,
    unit: str | None = None,
    options: tuple[str, ...] = (),
) -> Expose:
    return Expose(
        key=place.key(base),
        platform=Platform.LIGHT,
        access=access,
        description=description,
        unit=unit,
        options=options,
        kind="enum" if options else "numeric",
        sources=(
            AttributeSource(
                endpoint=place.endpoint, cluster=cluster, attribute=attribute, codec=codec
            ),
        ),
        write=write,
        member_of=place.key("state"),
    )


def light(
    place: Place = FIRST_ENDPOINT,
    *,
    level: bool = True,
    color_temp: bool = False,
    color_xy: bool = False,
) -> Feature:
    """A light with what its clusters (and colour capabilities) offer."""
    rw = Access.READ | Access.WRITE | Access.REPORT
    exposes: list[Expose] = [
        on_off_state(place, platform=Platform.LIGHT, device_class=None),
        power_on_behavior(place),
    ]
    configure = list(on_off_reporting(place).configure)
    if level:
        exposes.append(
            _member(
                place,
                "brightness",
                LEVEL_CONTROL,
                CURRENT_LEVEL,
                NumberCodec(),
                description="Brightness of this light",
                access=rw,
                write=CommandWrite(
                    endpoint=place.endpoint, cluster=LEVEL_CONTROL, codec=MoveToLevel(place)
                ),
            )
        )
        configure += reporting(place, LEVEL_CONTROL, CURRENT_LEVEL, (0, REPORT_MAX), 1)
    if color_temp or color_xy:
        exposes.append(
            _member(
                place,
                "color_mode",
                COLOR_CONTROL,
                COLOR_MODE,
                COLOR_MODE_CODEC,
                description="The current color mode",
                options=COLOR_MODE_CODEC.options,
            )
        )
    if color_temp:
        exposes += (
            _member(
                place,
                "color_temp",
                COLOR_CONTROL,
                COLOR_TEMPERATURE,
                NumberCodec(),
                description="Color temperature of this light",
                access=rw,
                unit="mired",
                write=CommandWrite(
                    endpoint=place.endpoint,
                    cluster=COLOR_CONTROL,
                    codec=MoveToColorTemperature(place),
                ),
            ),
            # Read once: the warmest and coolest the lamp can do
            _member(
                place,
                "color_temp_min",
                COLOR_CONTROL,
                COLOR_TEMP_PHYSICAL_MIN,
                NumberCodec(),
                description="Coldest color temperature",
                access=Access.READ,
                unit="mired",
            ),
            _member(
                place,
                "color_temp_max",
                COLOR_CONTROL,
                COLOR_TEMP_PHYSICAL_MAX,
                NumberCodec(),
                description="Warmest color temperature",
                access=Access.READ,
                unit="mired",
            ),
        )
        configure += reporting(place, COLOR_CONTROL, COLOR_TEMPERATURE, (0, REPORT_MAX), 1)
    if color_xy:
        xy_codec = NumberCodec(scale=1 / _XY_SCALE, ndigits=4)
        exposes += (
            _member(
                place,
                "color_x",
                COLOR_CONTROL,
                CURRENT_X,
                xy_codec,
                description="Color of this light in the CIE 1931 color space (x)",
                access=rw,
                write=CommandWrite(
                    endpoint=place.endpoint, cluster=COLOR_CONTROL, codec=MoveToColor(place)
                ),
            ),
            _member(
                place,
                "color_y",
                COLOR_CONTROL,
                CURRENT_Y,
                xy_codec,
                description="Color of this light in the CIE 1931 color space (y)",
            ),
        )
        configure += reporting(place, COLOR_CONTROL, CURRENT_X, (0, REPORT_MAX), 16)
        configure += reporting(place, COLOR_CONTROL, CURRENT_Y, (0, REPORT_MAX), 16)
    if color_temp or color_xy:
        configure += reporting(place, COLOR_CONTROL, COLOR_MODE, (0, REPORT_MAX))
    return Feature(exposes=tuple(exposes), configure=tuple(configure))
