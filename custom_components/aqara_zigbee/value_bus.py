"""The value bus: decoded device values fanned out to the entities subscribed to them.

Its publish is the last gate before Home Assistant: implausible numbers stop here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
import math
from typing import Protocol

from homeassistant.core import CALLBACK_TYPE, callback

from .const import LOGGER

ValueCallback = Callable[[object], None]


class ValueSubscriber(Protocol):
    """What the bus hands a device's values to: the entity itself, not a bound method of
    it (one object less per subscription; entities are a dozen per device)."""

    def async_on_value(self, value: object) -> None:
        """A new value the device confirmed."""


class _CallbackSubscriber:
    """A plain callback subscribed through :meth:`ValueBus.subscribe` (a light's members)."""

    __slots__ = ("async_on_value",)

    def __init__(self, on_value: ValueCallback) -> None:
        self.async_on_value = on_value


class _Fanout:
    """The subscribers of one key when there are several (rare: one is stored as itself).

    Immutable: a change builds a new one, so publishing may run while subscribers change.
    """

    __slots__ = ("subscribers",)

    def __init__(self, subscribers: tuple[ValueSubscriber, ...]) -> None:
        self.subscribers = subscribers

    def async_on_value(self, value: object) -> None:
        for subscriber in self.subscribers:
            subscriber.async_on_value(value)


def _members(entry: ValueSubscriber | None) -> tuple[ValueSubscriber, ...]:
    if entry is None:
        return ()
    return entry.subscribers if isinstance(entry, _Fanout) else (entry,)


def _entry(subscribers: tuple[ValueSubscriber, ...]) -> ValueSubscriber | None:
    if not subscribers:
        return None
    return subscribers[0] if len(subscribers) == 1 else _Fanout(subscribers)


class ValueBus:
    """Subscribers per (device ieee, expose key), behind a plausibility gate."""

    def __init__(self) -> None:
        # ieee → expose key → subscriber. Per device one small dict, no (ieee, key) tuple
        # per expose; a key's one subscriber is stored as itself (several: a _Fanout).
        self._subscribers: dict[str, dict[str, ValueSubscriber]] = {}
        #: keys of each device's cumulative counters (total_increasing sensors)
        self._counter_keys: dict[str, frozenset[str]] = {}
        # One frozenset per distinct set of counter keys (per model), not one per device
        self._shared_counter_keys: dict[frozenset[str], frozenset[str]] = {}
        #: (ieee, key) pairs whose rejection was already logged
        self._rejected: set[tuple[str, str]] = set()

    @callback
    def subscribe(self, ieee: str, key: str, on_value: ValueCallback) -> CALLBACK_TYPE:
        """Call ``on_value`` whenever the device confirms a new value for ``key``."""
        subscriber = _CallbackSubscriber(on_value)
        self.add_subscriber(ieee, key, subscriber)
        return partial(self.remove_subscriber, ieee, key, subscriber)

    @callback
    def add_subscriber(self, ieee: str, key: str, subscriber: ValueSubscriber) -> None:
        """Hand ``subscriber`` every new value of ``key`` until :meth:`remove_subscriber`
        (for an entity: no unsubscribe object kept per subscription)."""
        by_key = self._subscribers.setdefault(ieee, {})
        existing = by_key.get(key)
        by_key[key] = subscriber if existing is None else _Fanout((*_members(existing), subscriber))

    @callback
    def remove_subscriber(self, ieee: str, key: str, subscriber: ValueSubscriber) -> None:
        by_key = self._subscribers.get(ieee)
        subscribers = _members(by_key.get(key)) if by_key is not None else ()
        if by_key is None or subscriber not in subscribers:
            return
        index = subscribers.index(subscriber)
        entry = _entry(subscribers[:index] + subscribers[index + 1 :])
        if entry is not None:
            by_key[key] = entry
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
        subscriber = by_key.get(key)
        if subscriber is not None:
            subscriber.async_on_value(value)

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
