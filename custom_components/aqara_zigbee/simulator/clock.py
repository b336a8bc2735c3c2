"""Simulated time for the device simulator.

Everything a simulated device does on its own (heartbeats, energy accumulation, auto-off,
periodic reports) is scheduled on a :class:`SimClock` in *simulated* seconds. The clock can be
driven by the asyncio loop at any speed (``speed=60`` turns a real second into a simulated
minute) or moved by hand (``manual=True``) so tests are deterministic.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
import heapq
import itertools
import logging
import time

_LOGGER = logging.getLogger(__name__)


@dataclass(order=True, slots=True)
class SimTimer:
    """A callback scheduled at a simulated time; ``cancel()`` makes it a no-op."""

    when: float
    seq: int
    callback: Callable[[], None] = field(compare=False)
    cancelled: bool = field(default=False, compare=False)

    def cancel(self) -> None:
        """Forget the callback (safe to call more than once, or after it ran)."""
        self.cancelled = True


class SimClock:
    """Simulated seconds since the clock's epoch, with timers.

    In real-time mode ``now`` follows ``time.monotonic()`` scaled by ``speed``; timers fire
    from the running asyncio loop once :meth:`start` has been called. In manual mode time
    only moves through :meth:`advance` / :meth:`advance_sync`.
    """

    def __init__(self, speed: float = 1.0, *, manual: bool = False, start: float = 0.0) -> None:
        if speed <= 0:
            raise ValueError("speed must be positive")
        self._speed = speed
        self._manual = manual
        self._anchor_sim = start
        self._anchor_real = time.monotonic()
        self._timers: list[SimTimer] = []
        self._seq = itertools.count()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wakeup: asyncio.TimerHandle | None = None

    # -- time -------------------------------------------------------------------------

    @property
    def manual(self) -> bool:
        """True when only :meth:`advance` moves time."""
        return self._manual

    @property
    def speed(self) -> float:
        """Simulated seconds per real second (ignored in manual mode)."""
        return self._speed

    @speed.setter
    def speed(self, value: float) -> None:
        if value <= 0:
            raise ValueError("speed must be positive")
        # Re-anchor so that changing speed never makes time jump.
        self._anchor_sim = self.now
        self._anchor_real = time.monotonic()
        self._speed = value
        self._reschedule()

    @property
    def now(self) -> float:
        """Current simulated time in seconds."""
        if self._manual:
            return self._anchor_sim
        return self._anchor_sim + (time.monotonic() - self._anchor_real) * self._speed

    # -- timers -----------------------------------------------------------------------

    def call_later(self, delay: float, callback: Callable[[], None]) -> SimTimer:
        """Run ``callback`` after ``delay`` simulated seconds."""
        return self.call_at(self.now + max(0.0, delay), callback)

    def call_at(self, when: float, callback: Callable[[], None]) -> SimTimer:
        """Run ``callback`` at simulated time ``when``."""
        timer = SimTimer(when, next(self._seq), callback)
        heapq.heappush(self._timers, timer)
        self._reschedule()
        return timer

    @property
    def pending(self) -> int:
        """Number of timers not yet run nor cancelled (for tests and diagnostics)."""
        return sum(1 for timer in self._timers if not timer.cancelled)

    def start(self, loop: asyncio.AbstractEventLoop | None = None) -> None:
        """Drive timers from ``loop`` (default: the running loop). No-op in manual mode."""
        self._loop = loop or asyncio.get_running_loop()
        self._reschedule()

    def stop(self) -> None:
        """Stop driving timers from the loop; pending timers are kept."""
        if self._wakeup is not None:
            self._wakeup.cancel()
            self._wakeup = None
        self._loop = None

    def advance_sync(self, seconds: float) -> None:
        """Move time forward by ``seconds``, running every timer that falls due, in order.

        Each timer runs with ``now`` equal to its own due time, so timers scheduled by
        timers inside the window run too.
        """
        if seconds < 0:
            raise ValueError("time only moves forward")
        target = self.now + seconds
        while self._timers and self._timers[0].when <= target:
            timer = heapq.heappop(self._timers)
            if timer.cancelled:
                continue
            self._set_now(max(timer.when, self.now))
            self._run(timer)
        self._set_now(target)
        self._reschedule()

    async def advance(self, seconds: float) -> None:
        """Like :meth:`advance_sync`, letting the loop run tasks between timers."""
        if seconds < 0:
            raise ValueError("time only moves forward")
        target = self.now + seconds
        while self._timers and self._timers[0].when <= target:
            timer = heapq.heappop(self._timers)
            if timer.cancelled:
                continue
            self._set_now(max(timer.when, self.now))
            self._run(timer)
            await asyncio.sleep(0)
        self._set_now(target)
        self._reschedule()
        await asyncio.sleep(0)

    # -- internals --------------------------------------------------------------------

    def _set_now(self, value: float) -> None:
        self._anchor_sim = value
        self._anchor_real = time.monotonic()

    @staticmethod
    def _run(timer: SimTimer) -> None:
        timer.cancelled = True  # a handle whose callback ran is spent
        try:
            timer.callback()
        except Exception:
            _LOGGER.exception("Simulated timer callback failed")

    def _reschedule(self) -> None:
        if self._wakeup is not None:
            self._wakeup.cancel()
            self._wakeup = None
        if self._manual or self._loop is None or self._loop.is_closed():
            return
        while self._timers and self._timers[0].cancelled:
            heapq.heappop(self._timers)
        if not self._timers:
            return
        delay_real = max(0.0, (self._timers[0].when - self.now) / self._speed)
        self._wakeup = self._loop.call_later(delay_real, self._fire_due)

    def _fire_due(self) -> None:
        self._wakeup = None
        now = self.now
        while self._timers and self._timers[0].when <= now:
            timer = heapq.heappop(self._timers)
            if not timer.cancelled:
                self._run(timer)
        self._reschedule()
