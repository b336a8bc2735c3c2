"""ZCL Window Covering: an HA ``cover`` with lift position and tilt.

ZCL counts closure (0 % = fully open); Home Assistant and Zigbee2MQTT count openness, so
positions are turned round both ways.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from ..devices.model import Access, AttributeSource, CommandWrite, Expose, Feature, Platform
from ._zcl import FIRST_ENDPOINT, REPORT_MAX, WINDOW_COVERING, Place, reporting

LIFT_PERCENTAGE: Final = 0x0008
TILT_PERCENTAGE: Final = 0x0009
_MOTIONS: Final = {"OPEN": 0x00, "CLOSE": 0x01, "STOP": 0x02}
_GO_TO_LIFT_PERCENTAGE: Final = 0x05
_GO_TO_TILT_PERCENTAGE: Final = 0x08


@dataclass(frozen=True, slots=True)
class OpennessCodec:
    """Closure percentage (ZCL) ↔ openness percentage."""

    def decode(self, raw: object) -> object | None:
        if isinstance(raw, bool) or not isinstance(raw, int) or not 0 <= raw <= 100:
            return None
        return 100 - raw

    def encode(self, value: object) -> object:
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 100:
            raise ValueError(f"{value!r} is not a percentage")
        return 100 - round(value)


@dataclass(frozen=True, slots=True)
class Motion:
    """Up/Open, Down/Close, Stop; the position then comes by report as the motor moves."""

    def command(self, value: object) -> tuple[int, tuple[object, ...]]:
        if not isinstance(value, str) or value not in _MOTIONS:
            raise ValueError(f"{value!r} is not one of {list(_MOTIONS)}")
        return _MOTIONS[value], ()

    def confirmed(self, value: object) -> Mapping[str, object]:
        return {}


@dataclass(frozen=True, slots=True)
class GoToPercentage:
    command_id: int

    def command(self, value: object) -> tuple[int, tuple[object, ...]]:
        return self.command_id, (OpennessCodec().encode(value),)

    def confirmed(self, value: object) -> Mapping[str, object]:
        return {}


def window_covering(place: Place = FIRST_ENDPOINT, *, tilt: bool = True) -> Feature:
    state = place.key("state")
    rw = Access.READ | Access.WRITE | Access.REPORT

    def member(base: str, attribute: int, command_id: int, description: str) -> Expose:
        return Expose(
            key=place.key(base),
            platform=Platform.COVER,
            access=rw,
            description=description,
            unit="%",
            kind="numeric",
            sources=(
                AttributeSource(
                    endpoint=place.endpoint,
                    cluster=WINDOW_COVERING,
                    attribute=attribute,
                    codec=OpennessCodec(),
                ),
            ),
            write=CommandWrite(
                endpoint=place.endpoint, cluster=WINDOW_COVERING, codec=GoToPercentage(command_id)
            ),
            member_of=state,
        )

    exposes = [
        Expose(
            key=state,
            platform=Platform.COVER,
            access=Access.WRITE,
            description="Open, close or stop the cover",
            options=tuple(_MOTIONS),
            kind="enum",
            write=CommandWrite(endpoint=place.endpoint, cluster=WINDOW_COVERING, codec=Motion()),
            named_after_device=place.label is None,
            translation_key="cover_endpoint" if place.label else None,
            translation_placeholders=place.placeholders(),
        ),
        member("position", LIFT_PERCENTAGE, _GO_TO_LIFT_PERCENTAGE, "Position of this cover"),
    ]
    configure = list(reporting(place, WINDOW_COVERING, LIFT_PERCENTAGE, (1, REPORT_MAX), 1))
    if tilt:
        exposes.append(
            member("tilt", TILT_PERCENTAGE, _GO_TO_TILT_PERCENTAGE, "Tilt of this cover")
        )
        configure += reporting(place, WINDOW_COVERING, TILT_PERCENTAGE, (1, REPORT_MAX), 1)
    return Feature(exposes=tuple(exposes), configure=tuple(configure))
