"""ZCL Identify: a button that makes the device show itself (blink, beep) for a while."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from ..devices.model import Access, CommandWrite, Expose, Feature, Platform
from ._zcl import FIRST_ENDPOINT, IDENTIFY, Place

_IDENTIFY: Final = 0x00
#: seconds the device identifies itself (Zigbee2MQTT's default ``identify_timeout``)
IDENTIFY_SECONDS: Final = 3


@dataclass(frozen=True, slots=True)
class IdentifyCommand:
    """Identify with IdentifyTime; nothing to confirm but the device's answer."""

    def command(self, value: object) -> tuple[int, tuple[object, ...]]:
        return _IDENTIFY, (IDENTIFY_SECONDS,)

    def confirmed(self, value: object) -> Mapping[str, object]:
        return {}


def identify(place: Place = FIRST_ENDPOINT) -> Feature:
    return Feature(
        exposes=(
            Expose(
                key="identify",
                platform=Platform.BUTTON,
                access=Access.WRITE,
                description="Initiate device identification",
                options=("identify",),
                kind="enum",
                device_class="identify",
                entity_category="config",
                write=CommandWrite(
                    endpoint=place.endpoint, cluster=IDENTIFY, codec=IdentifyCommand()
                ),
                # The device's one identify button (never per endpoint)
                translation_key="identify",
            ),
        )
    )
