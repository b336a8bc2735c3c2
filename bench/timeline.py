"""Where a slow report's time went: a timeline of what else the process did meanwhile.

``record()`` installs three cheap probes for the length of a latency run:

* every event-loop callback that ran longer than ``SLOW_CALLBACK_NS`` (what it was, when),
* every garbage collection (generation, when, how long; ``gc.callbacks``),
* every statement zigpy hands to its database thread (aiosqlite ``Connection._execute``
  is called in the loop; the work then runs in the thread, which on one core takes the
  GIL from the loop for up to ``sys.getswitchinterval()``).

``explain()`` then takes each report slower than the run's p99 and lists the events that
overlapped its flight (t0 → state written). Used by ``bench.e2e run --timeline`` and
``bench.zha run --timeline``; the output goes to bench/results.json under ``tail``.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Iterator
import contextlib
import gc
import sys
import threading
import time
from typing import Any

SLOW_CALLBACK_NS = 300_000  # 0.3 ms: a third of our median report


class Recorder:
    def __init__(self) -> None:
        self.callbacks: list[tuple[int, int, int, str]] = []  # (start, end, cpu ns, what)
        self.collections: list[tuple[int, int, int]] = []  # (start, end, generation)
        self.db_statements: list[tuple[int, str]] = []  # (when queued, first words)
        self.thread_switches = 0
        self._gc_start = 0


@contextlib.contextmanager
def record() -> Iterator[Recorder]:
    rec = Recorder()
    handle_run = asyncio.events.Handle._run
    perf = time.perf_counter_ns

    cpu = time.thread_time_ns

    def timed_run(self: asyncio.events.Handle) -> None:
        start, cpu_start = perf(), cpu()
        handle_run(self)
        end = perf()
        if end - start > SLOW_CALLBACK_NS:
            rec.callbacks.append((start, end, cpu() - cpu_start, _describe(self)))

    def on_gc(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            rec._gc_start = perf()
        else:
            rec.collections.append((rec._gc_start, perf(), info["generation"]))

    patched_db: list[tuple[Any, Any]] = []
    try:
        import aiosqlite

        original_execute = aiosqlite.Connection._execute

        async def traced_execute(self: Any, fn: Any, *args: Any, **kwargs: Any) -> Any:
            what = getattr(fn, "__name__", "call")
            if args and isinstance(args[0], str):
                what = " ".join(args[0].split()[:3])
            rec.db_statements.append((perf(), what))
            return await original_execute(self, fn, *args, **kwargs)

        aiosqlite.Connection._execute = traced_execute  # type: ignore[method-assign]
        patched_db.append((aiosqlite.Connection, original_execute))
    except ImportError:
        pass

    asyncio.events.Handle._run = timed_run  # type: ignore[method-assign]
    gc.callbacks.append(on_gc)
    try:
        yield rec
    finally:
        asyncio.events.Handle._run = handle_run  # type: ignore[method-assign]
        gc.callbacks.remove(on_gc)
        for owner, original in patched_db:
            owner._execute = original


def _describe(handle: asyncio.events.Handle) -> str:
    callback = getattr(handle, "_callback", None)
    if callback is None:
        return repr(handle)[:120]
    task = getattr(callback, "__self__", None)
    if isinstance(task, asyncio.Task):
        coro = task.get_coro()
        code = getattr(coro, "cr_code", None)
        if code is not None:
            return f"task {code.co_qualname} ({code.co_filename.rsplit('/', 2)[-2]})"
        return f"task {task.get_name()}"
    name = getattr(callback, "__qualname__", None) or type(callback).__name__
    module = getattr(callback, "__module__", "") or ""
    return f"{module}.{name}"


def explain(rec: Recorder, samples: list[tuple[int, int]], p99_ns: float) -> dict[str, Any]:
    """What overlapped each report slower than ``p99_ns`` ((sent, stated) pairs)."""
    slow = [(sent, stated) for sent, stated in samples if stated - sent >= p99_ns]
    # slow reports during which the loop's thread was mostly off the CPU
    stalled = 0
    for sent, stated in slow:
        wall = cpu_ns = 0
        for start, end, used, _ in rec.callbacks:
            if start < stated and end > sent:
                wall += end - start
                cpu_ns += used
        if wall and cpu_ns < wall / 2:
            stalled += 1
    causes: Counter[str] = Counter()
    examples: list[dict[str, Any]] = []
    for sent, stated in slow:
        overlapping: list[str] = []
        for start, end, cpu_ns, what in rec.callbacks:
            if start < stated and end > sent:
                overlapping.append(
                    f"callback {what} {(end - start) / 1e6:.2f} ms"
                    f" (loop thread on CPU {cpu_ns / 1e6:.2f} ms)"
                )
        for start, end, generation in rec.collections:
            if start < stated and end > sent:
                overlapping.append(f"gc gen{generation} {(end - start) / 1e6:.2f} ms")
        db = [what for when, what in rec.db_statements if sent - 5_000_000 < when < stated]
        if db:
            overlapping.append(f"db statements queued within 5 ms before/during: {len(db)}")
        for item in overlapping:
            causes[item.split(" ")[0] + " " + item.split(" ")[1]] += 1
        if len(examples) < 12:
            examples.append({"latency_ms": (stated - sent) / 1e6, "overlapping": overlapping})
    all_db = len(rec.db_statements)
    return {
        "slow_reports": len(slow),
        "threshold_ms": p99_ns / 1e6,
        "overlap_counts": causes.most_common(12),
        "examples": examples,
        "gc_collections": Counter(f"gen{g}" for _, _, g in rec.collections).most_common(),
        "gc_ms_max": max(((e - s) / 1e6 for s, e, _ in rec.collections), default=0.0),
        "slow_callbacks": Counter(what for _, _, _, what in rec.callbacks).most_common(10),
        # of the wall time slow callbacks took, the share the loop's thread was on a CPU:
        # well below 1, the thread was waiting (preempted by other processes, or for the GIL)
        "slow_callbacks_cpu_share": (
            sum(c for _, _, c, _ in rec.callbacks)
            / max(1, sum(e - s for s, e, _, _ in rec.callbacks))
        ),
        "stalled_flights": stalled,
        "db_statements": all_db,
        "db_statement_kinds": Counter(what for _, what in rec.db_statements).most_common(6),
        "switch_interval_ms": sys.getswitchinterval() * 1e3,
        "threads": [thread.name for thread in threading.enumerate()],
    }
