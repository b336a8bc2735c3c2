"""A twin's Zigbee2MQTT properties: a uniform way to change and inspect any device.

Zigbee2MQTT's device pages name every property a device has (``state_top``, ``power``,
``mode_switch``, ``action``...) and its values (``"ON"``, ``123.4``, ``"quick_mode"``...).
These are device facts, so a twin may know them. Each :class:`Property` says how to read
the value the device holds now and how to change the real-world quantity or setting behind
it — the way the physical unit would change, sending what the real unit sends.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

# Zigbee2MQTT's values of a switch (relay) and of an "ON"/"OFF" binary expose
Z2M_ON = "ON"
Z2M_OFF = "OFF"


@dataclass(frozen=True, slots=True)
class Property:
    """One Zigbee2MQTT property of a simulated device.

    ``change(value, report)`` sets the quantity behind the property to ``value`` (a
    Zigbee2MQTT value, never None), sending what the real unit sends when ``report``.
    ``pick(current)`` chooses a new value different from ``current``.
    """

    name: str
    read: Callable[[], object]
    change: Callable[[object, bool], None]
    pick: Callable[[object], object]
    #: a setting the hub writes (the definition-driven tests check writes reach it)
    writable: bool = False
    #: the real unit sends something when it changes (else only a read finds it, if any)
    reported: bool = True
    #: the value of a moment (a cube's side in a gesture, a command): it exists only as
    #: the device tells it, never as a state to set or read back silently
    momentary: bool = False


class PropertyError(ValueError):
    """The twin has no such property, or it cannot take that value."""


def flip(current: object) -> object:
    """The other value of a two-valued property."""
    if current in (Z2M_ON, Z2M_OFF):
        return Z2M_OFF if current == Z2M_ON else Z2M_ON
    if isinstance(current, bool):
        return not current
    raise PropertyError(f"cannot flip {current!r}")


def other_option(options: Sequence[str]) -> Callable[[object], object]:
    """A picker that takes the next option of an enum."""

    def pick(current: object) -> object:
        index = options.index(str(current)) if current in options else -1
        return options[(index + 1) % len(options)]

    return pick


def on_off(value: object) -> bool:
    """A Zigbee2MQTT ``"ON"``/``"OFF"`` (or bool) value as a bool."""
    if isinstance(value, bool):
        return value
    if value in (Z2M_ON, Z2M_OFF):
        return value == Z2M_ON
    raise PropertyError(f"expected ON or OFF, got {value!r}")


def as_z2m_switch(on: bool) -> str:
    return Z2M_ON if on else Z2M_OFF


def as_bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    raise PropertyError(f"expected true or false, got {value!r}")


def as_number(value: object) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    raise PropertyError(f"expected a number, got {value!r}")


def enum_value(lookup: Mapping[str, int], value: object) -> int:
    """The raw value of a Zigbee2MQTT enum option."""
    try:
        return lookup[str(value)]
    except KeyError:
        raise PropertyError(f"{value!r} is not one of {sorted(lookup)}") from None


def enum_option(lookup: Mapping[str, int], raw: int) -> str:
    """The Zigbee2MQTT option of a raw enum value."""
    for option, wire in lookup.items():
        if wire == raw:
            return option
    raise PropertyError(f"{raw!r} is not one of {sorted(lookup.values())}")
