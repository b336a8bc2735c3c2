"""Coalesced writes to zigpy's database on the report path.

zigpy queues one SQL statement per attribute report (its attribute cache) and one per
frame (the device's ``last_seen``) for its database worker, and every statement is a
hand-off to aiosqlite's thread: on one core, a quarter of what a report costs. A power
reading that changes ten times a second need not be written ten times. So the gateway
keeps, per attribute and per device, only the latest of those two writes and hands them
to zigpy's queue together:

* every :data:`FLUSH_INTERVAL` seconds (a slice at a time, see ``_interval_over``);
* before any other database work zigpy queues (a device removed, an attribute cleared, a
  re-interview, zigpy's own deferred commit...), so that work keeps its order with them;
* before zigpy's database shuts down (an unload, a reconnect, Home Assistant stopping),
  so whatever a device reported before a restart is in the database after it.

What zigpy writes is unchanged: the same statements, with the latest values (its SQL
already skips a ``last_seen`` less than 30 s newer than the stored one). Only a crash can
lose more than before: at most :data:`FLUSH_INTERVAL` seconds of attribute values, which
Home Assistant restores from its own state anyway.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable, Coroutine, Iterable
import logging
from typing import Any, Final

from zigpy.zcl import AttributeReportedEvent, AttributeUpdatedEvent

_LOGGER = logging.getLogger(__name__)

#: seconds a coalesced write waits at most before it is handed to zigpy
FLUSH_INTERVAL: Final = 10.0
#: writes handed to zigpy at a time, every DRAIN_PERIOD seconds, once an interval is over
DRAIN_SLICE: Final = 25
DRAIN_PERIOD: Final = 0.05

# zigpy's queued work items (``PersistingListener.enqueue(name, *args)``) that are coalesced
_SAVE_ATTRIBUTE: Final = "_save_attribute"
_SAVE_LAST_SEEN: Final = "_save_device_last_seen"

#: the events of the report path; reads and writes (rarer, and a failed write is dropped by
#: zigpy, so it must not replace a pending good value) pass straight through
_COALESCED_EVENTS: Final = (AttributeReportedEvent, AttributeUpdatedEvent)

type _AttributeKey = tuple[str, int, int, int, int, int | None]


class CoalescedDatabaseWrites:
    """Write-behind in front of zigpy's database worker (``app._dblistener``).

    Installed on the listener object itself (its ``enqueue`` and ``shutdown``), so every
    caller, zigpy's own included, goes through it.
    """

    def __init__(self, listener: Any, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._enqueue: Callable[..., None] = listener.enqueue
        self._shutdown: Callable[[], Coroutine[Any, Any, None]] = listener.shutdown
        self._attributes: dict[_AttributeKey, Any] = {}
        self._last_seen: dict[int, tuple[object, ...]] = {}
        #: the last interval's writes, handed to zigpy a slice at a time
        self._draining: deque[tuple[str, tuple[Any, ...]]] = deque()
        self._timer: asyncio.TimerHandle | None = None
        self._drain_timer: asyncio.TimerHandle | None = None
        self._remove_device: Callable[..., Coroutine[Any, Any, None]] | None = getattr(
            listener, "_remove_device", None
        )
        listener.enqueue = self.enqueue
        listener.shutdown = self.shutdown
        if self._remove_device is not None:
            listener._remove_device = self._remove_device_rows

    @property
    def pending(self) -> int:
        """Writes not yet handed to zigpy."""
        return len(self._attributes) + len(self._last_seen) + len(self._draining)

    def enqueue(self, name: str, *args: Any) -> None:
        """zigpy's ``enqueue``: the report path's writes are kept, the rest go through."""
        if name == _SAVE_ATTRIBUTE and len(args) == 1 and isinstance(args[0], _COALESCED_EVENTS):
            event = args[0]
            key = (
                event.device_ieee,
                event.endpoint_id,
                event.cluster_type,
                event.cluster_id,
                event.attribute_id,
                event.manufacturer_code,
            )
            self._attributes[key] = event
        elif name == _SAVE_LAST_SEEN and len(args) == 2:  # (ieee, last seen)
            # Keyed by the device's own EUI64 object: zigpy hashes an EUI64 through its text
            # form, and the kept arguments hold the object, so its id stays its own
            self._last_seen[id(args[0])] = args
        else:
            self.flush()
            self._enqueue(name, *args)
            return
        if self._timer is None:
            self._timer = self._loop.call_later(FLUSH_INTERVAL, self._interval_over)

    def _take_kept(self) -> list[tuple[str, tuple[Any, ...]]]:
        attributes, self._attributes = self._attributes, {}
        last_seen, self._last_seen = self._last_seen, {}
        return [(_SAVE_ATTRIBUTE, (event,)) for event in attributes.values()] + [
            (_SAVE_LAST_SEEN, args) for args in last_seen.values()
        ]

    def _hand_over(self, writes: Iterable[tuple[str, tuple[Any, ...]]]) -> None:
        for name, args in writes:
            self._enqueue(name, *args)

    def _interval_over(self) -> None:
        """Start handing the interval's writes to zigpy, a slice at a time.

        Each write is a round trip to aiosqlite's thread; all of an interval's writes at
        once would hold the reports behind them for a moment. A drain still running from
        the last interval (only on a very large network) is finished at once instead.
        """
        self._timer = None
        self._hand_over(self._draining)
        self._draining = deque(self._take_kept())
        self._drain_slice()

    def _drain_slice(self) -> None:
        self._drain_timer = None
        for _ in range(min(DRAIN_SLICE, len(self._draining))):
            name, args = self._draining.popleft()
            self._enqueue(name, *args)
        if self._draining:
            self._drain_timer = self._loop.call_later(DRAIN_PERIOD, self._drain_slice)

    def flush(self) -> None:
        """Hand every kept write to zigpy's queue now, oldest first, latest values only."""
        for timer in (self._timer, self._drain_timer):
            if timer is not None:
                timer.cancel()
        self._timer = self._drain_timer = None
        draining, self._draining = self._draining, deque()
        self._hand_over(draining)
        self._hand_over(self._take_kept())

    async def _remove_device_rows(self, device: Any, *args: Any, **kwargs: Any) -> None:
        """zigpy's removal of a device's rows, without this device's writes still kept.

        zigpy calls it directly (not through its queue) when a re-interviewed device
        replaces its old object; a kept write of the old object landing after it would
        bring back rows of attributes the new object may not have. The new object's own
        save, queued right after, writes its whole cache.
        """
        self.forget(str(device.ieee))
        assert self._remove_device is not None
        await self._remove_device(device, *args, **kwargs)

    def forget(self, ieee: str) -> None:
        """Drop the writes kept for one device (its rows are being removed)."""
        self._attributes = {key: event for key, event in self._attributes.items() if key[0] != ieee}
        self._last_seen = {
            key: args for key, args in self._last_seen.items() if str(args[0]) != ieee
        }
        self._draining = deque(
            (name, args) for name, args in self._draining if _device_of(name, args) != ieee
        )

    async def shutdown(self) -> None:
        """zigpy's database ``shutdown``, after the kept writes are queued for it."""
        self.flush()
        await self._shutdown()


def _device_of(name: str, args: tuple[Any, ...]) -> str:
    """The device (ieee text) a kept write is for."""
    return str(args[0].device_ieee if name == _SAVE_ATTRIBUTE else args[0])


def coalesce_database_writes(app: Any) -> CoalescedDatabaseWrites | None:
    """Put a :class:`CoalescedDatabaseWrites` in front of the application's database.

    None without a database, or when zigpy's database object no longer looks like the one
    this was written for (its writes then simply stay as zigpy makes them).
    """
    listener = getattr(app, "_dblistener", None)
    if listener is None:
        return None
    if not (callable(getattr(listener, "enqueue", None)) and callable(listener.shutdown)):
        _LOGGER.debug("zigpy's database has no enqueue/shutdown: writes not coalesced")
        return None
    if isinstance(getattr(listener.enqueue, "__self__", None), CoalescedDatabaseWrites):
        return listener.enqueue.__self__  # type: ignore[no-any-return]
    return CoalescedDatabaseWrites(listener, asyncio.get_running_loop())


__all__ = [
    "DRAIN_PERIOD",
    "DRAIN_SLICE",
    "FLUSH_INTERVAL",
    "CoalescedDatabaseWrites",
    "coalesce_database_writes",
]
