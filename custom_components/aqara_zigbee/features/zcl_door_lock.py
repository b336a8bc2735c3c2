"""ZCL Door Lock: an HA ``lock`` showing LockState, commanded with Lock/Unlock Door."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from ..devices.model import (
    Access,
    AttributeSource,
    CommandWrite,
    EnumCodec,
    Expose,
    Feature,
    Platform,
)
from ._zcl import DOOR_LOCK, FIRST_ENDPOINT, Place, reporting

LOCK_STATE: Final = 0x0000
LOCK_STATES: Final = EnumCodec(pairs=((0, "not_fully_locked"), (1, "locked"), (2, "unlocked")))
_COMMANDS: Final = {"LOCK": 0x00, "UNLOCK": 0x01}


@dataclass(frozen=True, slots=True)
class LockCommand:
    """Lock/Unlock Door without a PIN; the lock's LockState report then says how it went."""

    def command(self, value: object) -> tuple[int, tuple[object, ...]]:
        if not isinstance(value, str) or value not in _COMMANDS:
            raise ValueError(f"{value!r} is not one of {list(_COMMANDS)}")
        return _COMMANDS[value], ()

    def confirmed(self, value: object) -> Mapping[str, object]:
        return {}


def door_lock(place: Place = FIRST_ENDPOINT) -> Feature:
    return Feature(
        exposes=(
            Expose(
                key=place.key("lock_state"),
                platform=Platform.LOCK,
                access=Access.READ | Access.WRITE | Access.REPORT,
                description="Actual state of the lock",
                options=LOCK_STATES.options,
                kind="enum",
                sources=(
                    AttributeSource(
                        endpoint=place.endpoint,
                        cluster=DOOR_LOCK,
                        attribute=LOCK_STATE,
                        codec=LOCK_STATES,
                    ),
                ),
                write=CommandWrite(endpoint=place.endpoint, cluster=DOOR_LOCK, codec=LockCommand()),
                named_after_device=place.label is None,
                translation_key="lock_endpoint" if place.label else None,
                translation_placeholders=place.placeholders(),
            ),
        ),
        configure=reporting(place, DOOR_LOCK, LOCK_STATE, (0, 3600)),
    )
