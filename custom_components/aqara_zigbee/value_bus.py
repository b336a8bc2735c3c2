"""The value bus: decoded device values fanned out to the entities subscribed to them.

Its publish is the last gate before Home Assistant: implausible numbers stop here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
import math

from homeassistant.core import CALLBACK_TYPE, callback

from .const import LOGGER

ValueCallback = Callable[[object], None]


class Unsubscribe[C]:
    """Ends one subscription (removes ``callback`` from ``subscribers``).

    A slotted object rather than a closure: a lambda with its cells costs several times
    as much, and subscribers are many (a dozen entities per device).
    """

    __slots__ = ("_callback", "_subscribers")

    def __init__(self, subscribers: list[C], callback: C) -> None:
        self._subscribers = subscribers
        self._callback = callback

    def __call__(self) -> None:
        self._subscribers.remove(self._callback)


class ValueBus:
    """Subscribers per (device ieee, expose key), behind a plausibility gate."""

    def __init__(self) -> None:
        # ieee → expose key → subscribers. Per device one small dict, no (ieee, key) tuple
        # per expose; the subscribers are a tuple (one or two, rebuilt on the rare change)
        # rather than a list with room to grow, and publishing may run while they change.
        self._subscribers: dict[str, dict[str, tuple[ValueCallback, ...]]] = {}
        #: keys of each device's cumulative counters (total_increasing sensors)
        self._counter_keys: dict[str, frozenset[str]] = {}
        # One frozenset per distinct set of counter keys (per model), not one per device
        self._shared_counter_keys: dict[frozenset[str], frozenset[str]] = {}
        #: (ieee, key) pairs whose rejection was already logged
        self._rejected: set[tuple[str, str]] = set()

    @callback
    def subscribe(self, ieee: str, key: str, on_value: ValueCallback) -> CALLBACK_TYPE:
        """Call ``on_value`` whenever the device confirms a new value for ``key``."""
        self.add_subscriber(ieee, key, on_value)
        return partial(self.remove_subscriber, ieee, key, on_value)

    @callback
    def add_subscriber(self, ieee: str, key: str, on_value: ValueCallback) -> None:
        """Like :meth:`subscribe`, ended by :meth:`remove_subscriber`: for a subscriber
        (an entity) that would rather not keep an unsubscribe object per subscription."""
        by_key = self._subscribers.setdefault(ieee, {})
        by_key[key] = (*by_key.get(key, ()), on_value)

    @callback
    def remove_subscriber(self, ieee: str, key: str, on_value: ValueCallback) -> None:
        by_key = self._subscribers.get(ieee)
        subscribers = by_key.get(key, ()) if by_key is not None else ()
        if by_key is None or on_value not in subscribers:
            return
        index = subscribers.index(on_value)
        remaining = subscribers[:index] + subscribers[index + 1 :]
        if remaining:
            by_key[key] = remaining
            return
        del by_key[key]
        if not by_key:
            del self._subscribers[ieee]

    def set_counters(self, ieee: str, keys: Iterable[str]) -> None:
        """The device's cumulative counters: a negative value of those is refused."""
        counters = frozenset(keys)
        self._counter_keys[ieee] = self._shared_counter_keys.setdefault(counters, counters)

    def publish(self, ieee: str, key: str, value: object) -> None:
        if not self.plausible(ieee, key, value):
            return
        by_key = self._subscribers.get(ieee)
        if by_key is None:
            return
        for on_value in by_key.get(key, ()):
            on_value(value)

    def plausible(self, ieee: str, key: str, value: object) -> bool:
        """Whether ``value`` may reach the entities (a rejection is logged once per key)."""
        reason = implausible(value, counter=key in self._counter_keys.get(ieee, ()))
        if reason is None:
            return True
        if (ieee, key) not in self._rejected:
            self._rejected.add((ieee, key))
            LOGGER.debug("Ignoring %s of %s: %r is %s (logged once)", key, ieee, value, reason)
        return False


def implausible(value: object, *, counter: bool) -> str | None:
    """Why a decoded value must not reach the entities, or None (the last gate before HA).

    A garbage frame must not put infinity into a sensor, nor a negative reading into a
    cumulative counter (Home Assistant would take the drop for a meter reset and count the
    next real reading again). A lower non-negative reading is published: that is a real
    counter reset, which ``total_increasing`` statistics handle by themselves.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return "not a finite number"
    if counter and value < 0:
        return "a negative cumulative counter"
    return None
