"""End to end: simulated device → TCP → zigpy-znp → gateway → entity → ``hass.states``.

Run by ``bench/__main__.py`` in child processes, each writing one JSON document:

``prepare``  form a network through the config flow, let N plugs join, stop (saved state).
``run``      start Home Assistant on a copy of that state and measure, in this order:
             start-up (config entry ready time, resident memory), then report latency at a
             fixed rate, then the sustained-throughput search, then an optional py-spy profile.

Latency is taken per report: ``t0`` is read just before the simulated plug hands its frame to
the emulated coordinator (which writes it to zigpy-znp's socket), ``t1`` in a ``state_changed``
listener when the entity's new state is in the state machine. Every report carries a value
that differs from the previous one, so each one produces exactly one state change.
"""

from __future__ import annotations

import argparse
import asyncio
from collections import deque
from collections.abc import Callable, Sequence
import contextlib
from dataclasses import dataclass, field
import json
import math
import os
from pathlib import Path
import random
import shutil
import subprocess
import sys
import time
from typing import TYPE_CHECKING, Any

from homeassistant.core import callback

from bench import harness

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigEntry
    from homeassistant.core import Event, HomeAssistant

    from custom_components.aqara_zigbee.gateway import AqaraGateway
    from custom_components.aqara_zigbee.simulator import SimulatedNetwork
    from custom_components.aqara_zigbee.simulator.device import TwinDevice

THROUGHPUT_P99_LIMIT_MS = 50.0
DRAIN_TIMEOUT = 10.0


# --------------------------------------------------------------------------- workloads


@dataclass(frozen=True, slots=True)
class Workload:
    """What a device sends, and which entity's state shows that it arrived."""

    name: str
    expose_key: str
    platform: str
    send: Callable[[TwinDevice, int], None]


def _send_power_report(device: TwinDevice, k: int) -> None:
    """What a ZNCZ04LM sends when its load changes: ElectricalMeasurement activePower."""
    from custom_components.aqara_zigbee.simulator.zcl import AttributeValue, DataType

    deciwatts = 10 * (1 + k % 2000)  # a new value every time; the plug reports 0.1 W units
    device.send_report(
        1, 0x0B04, [AttributeValue(0x050B, DataType.INT16, deciwatts)]
    )  # haElectricalMeasurement activePower


def _send_heartbeat(device: TwinDevice, k: int) -> None:
    """The Lumi heartbeat (0xFCC0 0x00F7 TLV), with a chip temperature new every time."""
    device.set_temperature(20.0 + k % 40)
    device.send_heartbeat()


WORKLOADS = {
    "report": Workload("report", "power", "sensor", _send_power_report),
    "heartbeat": Workload("heartbeat", "device_temperature", "sensor", _send_heartbeat),
}


# --------------------------------------------------------------------------- statistics


def percentile(sorted_values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile of an already sorted sequence (q in 0..100)."""
    if not sorted_values:
        return math.nan
    rank = max(1, math.ceil(q / 100 * len(sorted_values)))
    return sorted_values[min(rank, len(sorted_values)) - 1]


def summarize_ms(values_ns: Sequence[int]) -> dict[str, float]:
    ordered = sorted(v / 1e6 for v in values_ns)
    if not ordered:
        return {"n": 0}
    return {
        "n": len(ordered),
        "mean": sum(ordered) / len(ordered),
        "p50": percentile(ordered, 50),
        "p90": percentile(ordered, 90),
        "p99": percentile(ordered, 99),
        "p999": percentile(ordered, 99.9),
        "max": ordered[-1],
    }


# --------------------------------------------------------------------------- the driver


def thread_cpu() -> dict[str, float]:
    """CPU seconds (user + system) used so far by each thread of this process, by name."""
    ticks = os.sysconf("SC_CLK_TCK")
    usage: dict[str, float] = {}
    for task in Path("/proc/self/task").iterdir():
        try:
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
            name = (task / "comm").read_text().strip()
        except OSError:
            continue  # the thread ended meanwhile
        # aiosqlite names its thread after the connect call; group executor workers
        name = name.split("_")[0] if name.startswith("ThreadPool") else name
        usage[name] = usage.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / ticks
    return usage


@dataclass(slots=True)
class _Sample:
    intended: int  # when the schedule wanted the device to transmit (perf_counter_ns)
    sent: int = 0  # when it did (just before the frame goes to the coordinator)
    stated: int = 0  # when hass.states had the new state
    measured: bool = True  # False for warm-up samples
    send_cost: int = 0  # ns the simulated device + coordinator took to transmit (harness)


@dataclass(slots=True)
class _Run:
    samples: list[_Sample] = field(default_factory=list)
    pending: dict[str, deque[_Sample]] = field(default_factory=dict)
    outstanding: int = 0


class Driver:
    """Open-loop load: each device transmits on its own period, at a random phase."""

    def __init__(
        self,
        hass: HomeAssistant,
        network: SimulatedNetwork,
        targets: Sequence[tuple[TwinDevice, str]],
        workload: Workload,
    ) -> None:
        """``targets``: each device and the entity whose state shows its report arrived."""
        self.hass = hass
        self.workload = workload
        self.network = network
        self.devices: list[TwinDevice] = [device for device, _ in targets]
        self.entity_ids: list[str] = [entity_id for _, entity_id in targets]
        self._counters = [0] * len(self.devices)
        self._run: _Run | None = None
        #: (sent, stated) of the last run's measured reports, for bench.timeline
        self.last_flights: list[tuple[int, int]] = []

    @callback
    def _on_state_changed(self, event: Event[Any]) -> None:
        """Runs inside ``async_set`` (a callback, not an executor job): t1 is exact."""
        now = time.perf_counter_ns()
        run = self._run
        if run is None:
            return
        queue = run.pending.get(event.data["entity_id"])
        if queue:
            sample = queue.popleft()
            sample.stated = now
            run.outstanding -= 1

    def _send(self, index: int, sample: _Sample) -> None:
        run = self._run
        assert run is not None
        run.pending[self.entity_ids[index]].append(sample)
        run.outstanding += 1
        self._counters[index] += 1
        sample.sent = time.perf_counter_ns()
        self.workload.send(self.devices[index], self._counters[index])
        sample.send_cost = time.perf_counter_ns() - sample.sent

    def schedule(
        self, devices: int, rate: float, duration: float, seed: int
    ) -> list[tuple[float, int]]:
        """(offset s, device index) pairs: each device every ``devices / rate`` seconds."""
        rng = random.Random(seed)
        period = devices / rate
        events: list[tuple[float, int]] = []
        for index in range(devices):
            t = rng.uniform(0, period)
            while t < duration:
                events.append((t, index))
                t += period
        events.sort()
        return events

    async def run(
        self, *, devices: int, rate: float, duration: float, warmup: float, seed: int = 7
    ) -> dict[str, Any]:
        """Drive ``rate`` transmissions per second spread over ``devices`` devices."""
        from homeassistant.const import EVENT_STATE_CHANGED

        devices = min(devices, len(self.devices))
        if devices == 0:
            raise RuntimeError(f"no joined device exposes {self.workload.expose_key!r}")
        events = self.schedule(devices, rate, warmup + duration, seed)
        run = _Run(pending={entity_id: deque() for entity_id in self.entity_ids[:devices]})
        self._run = run
        unsubscribe = self.hass.bus.async_listen(EVENT_STATE_CHANGED, self._on_state_changed)
        coordinator = self.network.coordinator
        busy_before = coordinator.busy_seconds
        threads_before = thread_cpu()
        cpu_before = time.process_time()
        start = time.perf_counter_ns() + 20_000_000
        warmup_ns = int(warmup * 1e9)
        lag_max = 0
        try:
            position = 0
            while position < len(events):
                now = time.perf_counter_ns()
                while position < len(events):
                    offset_ns = int(events[position][0] * 1e9)
                    intended = start + offset_ns
                    if intended > now:
                        break
                    sample = _Sample(intended=intended, measured=offset_ns >= warmup_ns)
                    run.samples.append(sample)
                    self._send(events[position][1], sample)
                    lag_max = max(lag_max, sample.sent - intended)
                    position += 1
                if position < len(events):
                    delay = (start + int(events[position][0] * 1e9) - time.perf_counter_ns()) / 1e9
                    await asyncio.sleep(max(delay, 0))
            wall = (time.perf_counter_ns() - start) / 1e9
            cpu = time.process_time() - cpu_before
            busy = coordinator.busy_seconds - busy_before
            drain_deadline = time.monotonic() + DRAIN_TIMEOUT
            while run.outstanding and time.monotonic() < drain_deadline:  # noqa: ASYNC110
                await asyncio.sleep(0.01)
            cpu_drained = time.process_time() - cpu_before
            threads_after = thread_cpu()
        finally:
            unsubscribe()
            self._run = None
        measured = [s for s in run.samples if s.measured]
        done = [s for s in measured if s.stated]
        self.last_flights = [(s.sent, s.stated) for s in done]
        sent = len(run.samples)
        harness_s = sum(s.send_cost for s in run.samples) / 1e9
        return {
            "workload": self.workload.name,
            "devices": devices,
            "rate_offered": rate,
            "duration_s": duration,
            "warmup_s": warmup,
            "sent": len(measured),
            "lost": len(measured) - len(done),
            "rate_achieved": sent / wall if wall > 0 else math.nan,
            "latency_ms": summarize_ms([s.stated - s.sent for s in done]),
            "latency_from_schedule_ms": summarize_ms([s.stated - s.intended for s in done]),
            "schedule_lag_max_ms": lag_max / 1e6,
            "cpu_utilization": cpu / wall if wall > 0 else math.nan,
            # CPU per report, all threads: the whole process, then without the simulated
            # devices' own transmit work (the harness), which a real network does not cost
            "cpu_ms_per_report": cpu_drained / sent * 1e3 if sent else math.nan,
            "stack_cpu_ms_per_report": (
                (cpu_drained - harness_s) / sent * 1e3 if sent else math.nan
            ),
            "harness_ms_per_report": harness_s / sent * 1e3 if sent else math.nan,
            "simulator_coordinator_share": busy / wall if wall > 0 else math.nan,
            "thread_cpu_s": {
                name: round(seconds - threads_before.get(name, 0.0), 3)
                for name, seconds in threads_after.items()
                if seconds - threads_before.get(name, 0.0) > 0
            },
            "wall_s": wall,
        }


def our_driver(hass: HomeAssistant, entry: ConfigEntry[AqaraGateway], workload: Workload) -> Driver:
    """A driver on the integration's simulated network, aimed at our entities."""
    from homeassistant.helpers import entity_registry as er

    network = entry.runtime_data.simulator
    if network is None:
        raise RuntimeError("the entry is not on the simulated radio")
    registry = er.async_get(hass)
    targets: list[tuple[TwinDevice, str]] = []
    for device in network.devices.values():
        if not device.joined:
            continue
        entity_id = registry.async_get_entity_id(
            workload.platform, harness.DOMAIN, f"{device.ieee_str}-{workload.expose_key}"
        )
        if entity_id is not None:
            targets.append((device, entity_id))
    return Driver(hass, network, targets, workload)


async def latency_run(driver: Driver, args: argparse.Namespace) -> dict[str, Any]:
    """The fixed-rate latency run; with ``--timeline``, what the slowest reports overlapped."""
    from bench import timeline

    with contextlib.ExitStack() as stack:
        recorder = stack.enter_context(timeline.record()) if args.timeline else None
        result = await driver.run(
            devices=args.devices,
            rate=args.latency_rate,
            duration=args.latency_duration,
            warmup=1.0,
        )
    if recorder is not None:
        p99_ms = result["latency_ms"].get("p99", math.inf)
        result["tail"] = timeline.explain(recorder, driver.last_flights, p99_ms * 1e6)
    return result


# --------------------------------------------------------------------------- throughput


async def throughput_search(
    driver: Driver, devices: int, rates: Sequence[float], step: float, warmup: float
) -> dict[str, Any]:
    """Raise the offered rate until p99 (from the schedule) passes the limit or reports drop.

    Latency is taken from the *scheduled* transmit time here: when the loop falls behind,
    the simulated devices (which share it) transmit late, and only the schedule shows that.
    """
    steps: list[dict[str, Any]] = []

    async def step_ok(rate: float) -> bool:
        # A failing step is tried once more: on a shared machine one burst of someone
        # else's work can push a single p99 over the limit.
        for _attempt in range(2):
            result = await driver.run(devices=devices, rate=rate, duration=step, warmup=warmup)
            p99 = result["latency_from_schedule_ms"].get("p99", math.inf)
            result["ok"] = p99 <= THROUGHPUT_P99_LIMIT_MS and result["lost"] == 0
            steps.append(result)
            await asyncio.sleep(0.5)
            if result["ok"]:
                return True
        return False

    best: float | None = None
    failed: float | None = None
    for rate in rates:
        if not await step_ok(rate):
            failed = rate
            break
        best = rate
    if best is not None and failed is not None:
        low, high = best, failed
        for _ in range(2):  # two bisection steps between the last pass and the first fail
            middle = round((low + high) / 2, -1)
            if middle in (low, high):
                break
            if await step_ok(middle):
                low = middle
            else:
                high = middle
        best = low
    # CPU per report from the steps that kept up (all steps when none did)
    costs = sorted(s["stack_cpu_ms_per_report"] for s in steps if s["ok"]) or sorted(
        s["stack_cpu_ms_per_report"] for s in steps
    )
    cpu_per_report = costs[len(costs) // 2] if costs else math.nan
    return {
        "limit_p99_ms": THROUGHPUT_P99_LIMIT_MS,
        "max_rate": best,
        "first_failing_rate": failed,
        # What one whole core could carry at the measured CPU cost of the stack per report
        # (the simulated devices' own work excluded): the figure a busy machine cannot show.
        "stack_cpu_ms_per_report": cpu_per_report,
        "capacity_per_core_estimate": 1000 / cpu_per_report if costs else math.nan,
        "steps": steps,
    }


# --------------------------------------------------------------------------- profile


async def profile_run(
    driver: Driver, *, devices: int, rate: float, duration: float, py_spy: str, out: Path
) -> dict[str, Any]:
    """Sample this process with py-spy while it handles ``rate`` reports per second."""
    command = [
        py_spy,
        "record",
        "--pid",
        str(os.getpid()),
        "--duration",
        str(int(duration)),
        "--rate",
        "200",
        "--format",
        "raw",
        "--output",
        str(out),
        "--nonblocking",
        # Only the thread holding the GIL: on one core a runnable thread waiting for the CPU
        # would otherwise be sampled as busy too. sqlite's own C work releases the GIL and
        # is reported from /proc per thread instead (thread_cpu_s).
        "--gil",
    ]
    process = await asyncio.create_subprocess_exec(
        *command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    await asyncio.sleep(0.5)  # let py-spy attach before the load starts
    result = await driver.run(devices=devices, rate=rate, duration=duration, warmup=0.0)
    _, stderr = await process.communicate()
    result["py_spy_exit"] = process.returncode
    result["py_spy_stderr"] = stderr.decode(errors="replace")[-500:]
    result["collapsed_stacks"] = str(out)
    return result


# --------------------------------------------------------------------------- memory


_OWNERS = (
    ("integration", "custom_components/aqara_zigbee/"),
    ("Home Assistant", "/homeassistant/"),
    ("zigpy", "/zigpy/"),
    ("zigpy-znp", "/zigpy_znp/"),
)


def memory_detail(before: Any, after: Any, top: int = 100) -> dict[str, Any]:
    """Where the setup's allocations went (two tracemalloc snapshots).

    ``by_allocator``: the innermost frame that belongs to a known package (so a zigpy
    listener object that our code asked for counts as zigpy). ``by_our_call_site``: the
    innermost frame in the integration that led to the allocation (what we could change).
    ``by_our_allocation_site`` / ``_file``: the lines (files) the integration's own share
    (``by_allocator``'s "integration") was allocated at.
    """
    from collections import Counter

    by_owner: Counter[str] = Counter()
    by_site: Counter[str] = Counter()
    by_own_site: Counter[str] = Counter()
    by_own_file: Counter[str] = Counter()
    for stat in after.compare_to(before, "traceback"):
        if stat.size_diff <= 0:
            continue
        frames = list(reversed(list(stat.traceback)))  # innermost first
        owner, owner_frame = "other (stdlib, asyncio, sqlite)", None
        for frame in frames:
            hit = next((name for name, marker in _OWNERS if marker in frame.filename), None)
            if hit is not None:
                owner, owner_frame = hit, frame
                break
        by_owner[owner] += stat.size_diff
        if owner == "integration" and owner_frame is not None:
            site = owner_frame.filename.split("custom_components/", 1)[1]
            by_own_site[f"{site}:{owner_frame.lineno}"] += stat.size_diff
            by_own_file[site] += stat.size_diff
        ours = next((f for f in frames if "custom_components/aqara_zigbee/" in f.filename), None)
        if ours is not None:
            site = ours.filename.split("custom_components/", 1)[1]
            by_site[f"{site}:{ours.lineno}"] += stat.size_diff
    return {
        "traced_bytes": sum(by_owner.values()),
        "by_allocator": by_owner.most_common(),
        "by_our_call_site": by_site.most_common(top),
        "by_our_allocation_site": by_own_site.most_common(top),
        "by_our_allocation_file": by_own_file.most_common(),
    }


# --------------------------------------------------------------------------- processes


def _preimport() -> float:
    """Import the integration, its platforms and zigpy-znp; returns the seconds it took."""
    import importlib

    started = time.perf_counter()
    integration = importlib.import_module("custom_components.aqara_zigbee")
    importlib.import_module("custom_components.aqara_zigbee.config_flow")
    for platform in integration.PLATFORMS:
        importlib.import_module(f"custom_components.aqara_zigbee.{platform.value}")
    from custom_components.aqara_zigbee.const import RadioType
    from custom_components.aqara_zigbee.radio import application_class

    application_class(RadioType.ZNP)
    return time.perf_counter() - started


async def _prepare(config_dir: Path, devices: int) -> dict[str, Any]:
    started = time.perf_counter()
    with harness.simulated_devices([harness.PLUG_MODEL] * devices):
        async with harness.home_assistant(config_dir) as hass:
            entry, setup_s = await harness.form_and_join(hass, devices)
            joined = len(entry.runtime_data.handles)
            states = len(hass.states.async_all())
    return {
        "devices": devices,
        "joined": joined,
        "states": states,
        "setup_s": setup_s,
        "seconds": time.perf_counter() - started,
    }


async def _run(args: argparse.Namespace) -> dict[str, Any]:
    from homeassistant.config_entries import ConfigEntryState
    from homeassistant.setup import async_setup_component

    from custom_components.aqara_zigbee.radio import simulator_state_dir

    result: dict[str, Any] = {"devices": args.devices}
    config_dir = Path(args.dir)
    async with harness.home_assistant(config_dir) as hass:
        network = harness.make_network(
            simulator_state_dir(config_dir), [harness.PLUG_MODEL] * args.devices
        )
        await network.start(host="127.0.0.1", port=0)
        snapshot_before = None
        if args.memory_detail:
            import tracemalloc

            tracemalloc.start(40)
            snapshot_before = tracemalloc.take_snapshot()
        rss_before = harness.rss_bytes()
        with harness.simulated_devices([], prestarted=network):
            started = time.perf_counter()
            if not await async_setup_component(hass, harness.DOMAIN, {}):
                raise RuntimeError("the integration did not set up")
            await hass.async_block_till_done()
            ready = time.perf_counter() - started
            entry = harness.the_entry(hass)
            if entry.state is not ConfigEntryState.LOADED:
                raise RuntimeError(f"entry not loaded: {entry.state}")
            available = await harness.wait_available(hass, harness.DOMAIN, started)
            rss_after = harness.rss_bytes()
            result["startup"] = {
                "ready_s": ready,
                "available_s": available,
                "handles": len(entry.runtime_data.handles),
                "states": len(hass.states.async_all()),
                "rss_before_setup": rss_before,
                "rss_after_setup": rss_after,
            }
            await harness.settle(entry)
            if snapshot_before is not None:
                import gc
                import tracemalloc

                # Once the start-up reads are answered: what the set-up keeps, not what the
                # reads in flight hold for a moment
                gc.collect()
                snapshot_after = tracemalloc.take_snapshot()
                tracemalloc.stop()
                result["startup"]["memory_detail"] = memory_detail(snapshot_before, snapshot_after)

            if args.latency_rate:
                driver = our_driver(hass, entry, WORKLOADS[args.workload])
                result["latency"] = await latency_run(driver, args)
            if args.throughput:
                driver = our_driver(hass, entry, WORKLOADS[args.workload])
                rates = [float(rate) for rate in args.throughput.split(",")]
                result["throughput"] = await throughput_search(
                    driver, args.devices, rates, step=args.step, warmup=1.0
                )
            if args.profile:
                driver = our_driver(hass, entry, WORKLOADS[args.workload])
                result["profile"] = await profile_run(
                    driver,
                    devices=args.devices,
                    rate=args.profile_rate,
                    duration=args.profile_duration,
                    py_spy=args.py_spy,
                    out=Path(args.profile),
                )
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.e2e")
    sub = parser.add_subparsers(dest="mode", required=True)
    prepare = sub.add_parser("prepare", help="form a network and join N plugs")
    prepare.add_argument("--dir", required=True)
    prepare.add_argument("--devices", type=int, required=True)
    prepare.add_argument("--out", required=True)
    run = sub.add_parser("run", help="start from a prepared state and measure")
    run.add_argument("--from", dest="source", required=True, help="a prepared state")
    run.add_argument("--dir", required=True, help="scratch copy of the state")
    run.add_argument("--devices", type=int, required=True)
    run.add_argument("--out", required=True)
    run.add_argument("--workload", choices=sorted(WORKLOADS), default="report")
    run.add_argument("--latency-rate", type=float, default=0.0)
    run.add_argument("--latency-duration", type=float, default=20.0)
    run.add_argument("--throughput", default="", help="comma-separated offered rates")
    run.add_argument("--step", type=float, default=4.0)
    run.add_argument("--profile", default="", help="write py-spy collapsed stacks here")
    run.add_argument("--profile-rate", type=float, default=1000.0)
    run.add_argument("--profile-duration", type=float, default=10.0)
    run.add_argument("--py-spy", default="py-spy")
    run.add_argument("--memory-detail", action="store_true", help="tracemalloc the setup")
    run.add_argument(
        "--timeline", action="store_true", help="what the reports slower than p99 overlapped"
    )
    run.add_argument("--no-pin", action="store_true", help="do not pin to one core")
    args = parser.parse_args(argv)

    harness.quiet_logging()
    result: dict[str, Any] = {"mode": args.mode, "pid": os.getpid()}
    if args.mode == "run" and not args.no_pin:
        result["cpu"] = harness.pin_to_one_core()
    result["import_s"] = _preimport()
    if args.mode == "prepare":
        shutil.rmtree(args.dir, ignore_errors=True)
        result.update(asyncio.run(_prepare(Path(args.dir), args.devices)))
    else:
        shutil.rmtree(args.dir, ignore_errors=True)
        shutil.copytree(args.source, args.dir)
        result.update(asyncio.run(_run(args)))
    Path(args.out).write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
