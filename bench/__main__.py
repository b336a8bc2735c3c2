"""``make bench``: run every measurement, print a table, write ``bench/results.json``.

Each end-to-end measurement runs in its own process (a fresh Home Assistant started from a
saved network, pinned to one core), so start-up time and resident memory are those of a
fresh start and one measurement cannot warm up the next. See docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
import json
import math
import os
from pathlib import Path
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Any

from bench import machine, memory, profile

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results.json"
BENCH_VENV = ROOT / "bench" / ".venv-zha"
PYTHON = sys.executable
# ZHA runs in the environment HA 2026.10 users have (.venv-ha: HA 2026.10.4, zha 2.3.1 and the
# radio libraries it pins) plus what HA installs on demand for ZHA and its dependencies
# (requirements/bench.zha.lock, put on PYTHONPATH by bench/setup-venv.sh).
ZHA_PYTHON = ROOT / ".venv-ha" / "bin" / "python"
ZHA_EXTRA = ROOT / "bench" / ".zha-extra"
SIDES = ("ours", "zha")

STARTUP_SIZES = (5, 50, 200)
LATENCY_SIZES = (1, 50, 200)
LATENCY_MIN_RATE = 50.0  # reports/s: a single device reports every 20 ms, so p99 has samples
THROUGHPUT_DEVICES = 200
THROUGHPUT_RATES = (250, 500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 5000, 6000)
PROFILE_DEVICES = 200
PROFILE_RATE = 1000.0

TARGETS = {
    "heartbeat_ratio": 3.0,  # ours at least 3x faster than zha-quirks
    "latency_p99_ms_at_50": 5.0,
    "throughput_reports_per_s": 2000.0,
    "ready_s_at_200": 3.0,
    "kb_per_device": 50.0,
    "ours_kb_per_device": 10.0,  # what the integration itself allocates per device (tracemalloc)
}


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def run_json(
    command: Sequence[str], out: Path, timeout: float, env: dict[str, str] | None = None
) -> dict[str, Any]:
    """Run a child that writes a JSON document to ``out``."""
    started = time.monotonic()
    completed = subprocess.run(
        command, cwd=ROOT, timeout=timeout, capture_output=True, text=True, check=False, env=env
    )
    if completed.returncode != 0 or not out.exists():
        raise RuntimeError(
            f"{' '.join(command)} failed ({completed.returncode}):\n{completed.stderr[-3000:]}"
        )
    data: dict[str, Any] = json.loads(out.read_text())
    data["_seconds"] = time.monotonic() - started
    return data


# --------------------------------------------------------------------------- sections


def heartbeat_section() -> dict[str, Any]:
    python = BENCH_VENV / "bin" / "python"
    if not python.exists():
        return {"skipped": f"{python} missing (bench/setup-venv.sh creates it)"}
    completed = subprocess.run(
        [str(python), str(ROOT / "bench" / "heartbeat.py")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"heartbeat benchmark failed:\n{completed.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(completed.stdout)
    return result


class Runner:
    """Prepared network states in a scratch directory, and child processes on them.

    ``side`` "ours" runs ``bench.e2e`` in this Python; "zha" runs ``bench.zha`` (the same
    network, driver and statistics on HA's ZHA) in the ZHA environment.
    """

    def __init__(
        self, work: Path, quick: bool, side: str = "ours", ours_python: str = PYTHON
    ) -> None:
        self.work = work / side
        self.quick = quick
        self.side = side
        self.prepared: dict[int, dict[str, Any]] = {}
        self.counter = 0
        if side == "zha":
            self.python, self.module = str(ZHA_PYTHON), "bench.zha"
        else:
            self.python, self.module = ours_python, "bench.e2e"

    def env(self) -> dict[str, str] | None:
        if self.side != "zha":
            return None
        return {**os.environ, "PYTHONPATH": str(ZHA_EXTRA)}

    def state(self, devices: int) -> Path:
        return self.work / f"state-{devices}"

    def prepare(self, devices: int) -> dict[str, Any]:
        if devices not in self.prepared:
            out = self.work / f"prepare-{devices}.json"
            self.prepared[devices] = run_json(
                [
                    self.python,
                    "-m",
                    self.module,
                    "prepare",
                    "--dir",
                    str(self.state(devices)),
                    "--devices",
                    str(devices),
                    "--out",
                    str(out),
                ],
                out,
                timeout=900,
                env=self.env(),
            )
        return self.prepared[devices]

    def run(self, devices: int, *extra: str, timeout: float = 600) -> dict[str, Any]:
        self.prepare(devices)
        self.counter += 1
        out = self.work / f"run-{self.counter}.json"
        command = [
            self.python,
            "-m",
            self.module,
            "run",
            "--from",
            str(self.state(devices)),
            "--dir",
            str(self.work / "scratch"),
            "--devices",
            str(devices),
            "--out",
            str(out),
            *extra,
        ]
        return run_json(command, out, timeout=timeout, env=self.env())


def e2e_sections(runner: Runner, args: argparse.Namespace) -> dict[str, Any]:
    duration = 8.0 if args.quick else 20.0
    startup_runs: dict[int, list[dict[str, Any]]] = {n: [] for n in STARTUP_SIZES}
    latency: list[dict[str, Any]] = []

    def keep_startup(devices: int, result: dict[str, Any]) -> None:
        if devices in startup_runs:
            startup_runs[devices].append({**result["startup"], "import_s": result["import_s"]})

    side = runner.side
    busy_before = machine.cpu_times()
    core_available = round(machine.cpu_available(), 3)
    for devices in sorted({*STARTUP_SIZES, *LATENCY_SIZES}):
        log(f"[{side}] preparing a network of {devices} plug(s) (config flow + join)")
        runner.prepare(devices)

    for devices in LATENCY_SIZES:
        rate = max(float(devices), LATENCY_MIN_RATE)
        log(f"[{side}] latency: {devices} device(s), {rate:.0f} reports/s for {duration:.0f} s")
        result = runner.run(
            devices, "--latency-rate", str(rate), "--latency-duration", str(duration)
        )
        keep_startup(devices, result)
        latency.append(result["latency"])
    log(f"[{side}] latency: 50 devices, heartbeats (0xFCC0 TLV) at 50/s")
    result = runner.run(
        50,
        "--workload",
        "heartbeat",
        "--latency-rate",
        "50",
        "--latency-duration",
        str(duration),
    )
    keep_startup(50, result)
    latency.append(result["latency"])

    log(f"[{side}] tail: 1 device at 50/s with the timeline probes (bench/timeline.py)")
    tail = runner.run(1, "--latency-rate", "50", "--latency-duration", str(duration), "--timeline")[
        "latency"
    ]

    rates = THROUGHPUT_RATES[:7] if args.quick else THROUGHPUT_RATES
    log(
        f"[{side}] throughput: {THROUGHPUT_DEVICES} devices, "
        f"offered rates {', '.join(map(str, rates))}/s"
    )
    result = runner.run(
        THROUGHPUT_DEVICES,
        "--throughput",
        ",".join(str(rate) for rate in rates),
        "--step",
        "3" if args.quick else "4",
    )
    keep_startup(THROUGHPUT_DEVICES, result)
    throughput = result["throughput"]

    for devices in STARTUP_SIZES:
        while len(startup_runs[devices]) < (2 if args.quick else 3):
            log(f"[{side}] start-up: {devices} devices")
            keep_startup(devices, runner.run(devices))
    sections: dict[str, Any] = {
        "latency": latency,
        "tail": tail,
        "throughput": throughput,
        "startup": summarize_startup(startup_runs, runner.prepared),
        "prepare": runner.prepared,
    }
    busy_after = machine.cpu_times()
    sections["busy_share"] = (busy_after[0] - busy_before[0]) / max(
        1, busy_after[1] - busy_before[1]
    )
    sections["core_available_at_start"] = core_available
    sections["core_available_at_end"] = round(machine.cpu_available(), 3)
    py_spy = BENCH_VENV / "bin" / "py-spy"
    if side == "ours" and args.profile and py_spy.exists():
        log(f"profile: py-spy, {PROFILE_DEVICES} devices at {PROFILE_RATE:.0f} reports/s")
        stacks = runner.work / "profile.txt"
        result = runner.run(
            PROFILE_DEVICES,
            "--profile",
            str(stacks),
            "--profile-rate",
            str(PROFILE_RATE),
            "--py-spy",
            str(py_spy),
        )
        summary = profile.summarize(stacks)
        kept = ROOT / "bench" / "profile-stacks.txt"
        kept.write_text(stacks.read_text())
        sections["profile"] = {
            "devices": PROFILE_DEVICES,
            "rate": PROFILE_RATE,
            "run": {k: v for k, v in result["profile"].items() if k != "collapsed_stacks"},
            "collapsed_stacks": str(kept.relative_to(ROOT)),
            **summary,
        }
    return sections


def summarize_startup(
    runs: dict[int, list[dict[str, Any]]], prepared: dict[int, dict[str, Any]]
) -> dict[str, Any]:
    table: dict[str, Any] = {}
    for devices, samples in runs.items():
        deltas = [s["rss_after_setup"] - s["rss_before_setup"] for s in samples]
        table[str(devices)] = {
            "runs": len(samples),
            # the config flow, from its first step until the entry is loaded (prepare)
            "setup_s": prepared.get(devices, {}).get("setup_s"),
            "ready_s_median": statistics.median(s["ready_s"] for s in samples),
            "ready_s_max": max(s["ready_s"] for s in samples),
            "available_s_median": statistics.median(s["available_s"] for s in samples),
            "import_s_median": statistics.median(s["import_s"] for s in samples),
            "rss_delta_bytes_median": statistics.median(deltas),
            "rss_after_bytes_median": statistics.median(s["rss_after_setup"] for s in samples),
            "states": samples[-1]["states"],
        }
    small, large = min(runs), max(runs)
    marginal = (
        table[str(large)]["rss_delta_bytes_median"] - table[str(small)]["rss_delta_bytes_median"]
    ) / (large - small)
    return {"sizes": table, "marginal_bytes_per_device": marginal}


# --------------------------------------------------------------------------- report


def verdicts(results: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    heartbeat = results.get("heartbeat", {})
    if "all" in heartbeat:
        ratio = heartbeat["all"]["ratio"]
        out["heartbeat_ratio"] = {
            "value": ratio,
            "target": TARGETS["heartbeat_ratio"],
            "holds": ratio >= TARGETS["heartbeat_ratio"] and heartbeat["cross_check_ok"],
        }
    for item in results.get("latency", []):
        if item["workload"] == "report" and item["devices"] == 50:
            p99 = item["latency_ms"]["p99"]
            out["latency_p99_ms_at_50"] = {
                "value": p99,
                "target": TARGETS["latency_p99_ms_at_50"],
                "holds": p99 < TARGETS["latency_p99_ms_at_50"],
            }
    if "throughput" in results:
        best = results["throughput"]["max_rate"] or 0.0
        out["throughput_reports_per_s"] = {
            "value": best,
            "target": TARGETS["throughput_reports_per_s"],
            "holds": best >= TARGETS["throughput_reports_per_s"],
        }
    if "startup" in results:
        ready = results["startup"]["sizes"]["200"]["ready_s_median"]
        out["ready_s_at_200"] = {
            "value": ready,
            "target": TARGETS["ready_s_at_200"],
            "holds": ready < TARGETS["ready_s_at_200"],
        }
        per_device = results["startup"]["marginal_bytes_per_device"] / 1024
        out["kb_per_device"] = {
            "value": per_device,
            "target": TARGETS["kb_per_device"],
            "holds": per_device < TARGETS["kb_per_device"],
        }
    if "memory" in results:
        ours = results["memory"]["ours_marginal_per_device_bytes"] / 1024
        out["ours_kb_per_device"] = {
            "value": ours,
            "target": TARGETS["ours_kb_per_device"],
            "holds": ours <= TARGETS["ours_kb_per_device"],
        }
    return out


def _latency_row(sections: dict[str, Any], workload: str, devices: int) -> dict[str, Any]:
    for item in sections.get("latency", []):
        if item["workload"] == workload and item["devices"] == devices:
            return item
    return {}


def comparable_figures(sections: dict[str, Any]) -> dict[str, tuple[float | None, bool]]:
    """Every figure the bench compares, as (value, lower is better)."""
    figures: dict[str, tuple[float | None, bool]] = {}
    sizes = sections.get("startup", {}).get("sizes", {})
    smallest = min(STARTUP_SIZES)
    figures[f"config flow s ({smallest} devices)"] = (
        sizes.get(str(smallest), {}).get("setup_s"),
        True,
    )
    for devices in (smallest, max(STARTUP_SIZES)):
        row = sizes.get(str(devices), {})
        figures[f"all entities available s ({devices} devices)"] = (
            row.get("available_s_median"),
            True,
        )
    for workload, devices in (("report", 1), ("report", 50), ("heartbeat", 50)):
        latency = _latency_row(sections, workload, devices).get("latency_ms", {})
        for q in ("p50", "p99", "p999"):
            figures[f"{workload} → state {q} ms ({devices} dev)"] = (latency.get(q), True)
    throughput = sections.get("throughput", {})
    figures["sustained reports/s (p99 < 50 ms)"] = (throughput.get("max_rate"), False)
    figures["stack CPU ms per report"] = (throughput.get("stack_cpu_ms_per_report"), True)
    # what one whole core carries at that cost: the throughput figure a busy machine still shows
    figures["reports/s one whole core carries"] = (
        throughput.get("capacity_per_core_estimate"),
        False,
    )
    marginal = sections.get("startup", {}).get("marginal_bytes_per_device")
    figures["memory KB per device"] = (None if marginal is None else marginal / 1024, True)
    return figures


def versus_zha(ours: dict[str, Any], zha: dict[str, Any]) -> dict[str, Any]:
    """Each figure as ours / ZHA's; ``ahead``: ours is better or equal."""
    mine, theirs = comparable_figures(ours), comparable_figures(zha)
    table: dict[str, Any] = {}
    for name, (value, lower_better) in mine.items():
        other = theirs.get(name, (None, lower_better))[0]
        ratio = value / other if value is not None and other else None
        ahead = None
        if value is not None and other is not None:
            ahead = value <= other if lower_better else value >= other
        table[name] = {
            "ours": value,
            "zha": other,
            "ratio": ratio,
            "lower_is_better": lower_better,
            "ahead_or_equal": ahead,
        }
    return table


def _f(value: float | None, digits: int = 2) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return f"{value:.{digits}f}"


def render(results: dict[str, Any]) -> str:
    lines: list[str] = []
    m = results["machine"]
    lines.append("Machine")
    lines.append(
        f"  {m['cpu']}, {m['cores']} cores ({m['hypervisor'] or 'bare metal'}), "
        f"{m['memory_gib']} GiB, {m['os']}"
    )
    versions = ", ".join(f"{k} {v}" for k, v in m["versions"].items() if v)
    lines.append(f"  Python {m['python']}; {versions}; commit {m['commit']}")
    lines.append(
        f"  machine busy during the run: {results['machine_busy_share'] * 100:.0f}% of all cores"
        f" (load average at start {m['load_average_at_start'][0]:.2f}); share of one core a"
        f" pinned process got: {m['core_available_at_start']:.2f} at start,"
        f" {m.get('core_available_at_end', math.nan):.2f} at end"
    )
    if min(m["core_available_at_start"], m.get("core_available_at_end", 1.0)) < 0.9:
        lines.append(
            "  WARNING: other work competed for the measured core; end-to-end figures "
            "(tails, throughput) are pessimistic. Re-run on an idle machine."
        )

    hb = results.get("heartbeat", {})
    if "all" in hb:
        lines.append("")
        lines.append(
            f"1. Heartbeat decoding, {hb['payloads']} real payloads, one interpreter "
            f"(Python {hb['python']}; zha-quirks {hb['versions']['zha-quirks']})"
        )
        lines.append(f"   {'corpus':<28}{'ours ns':>10}{'zha-quirks ns':>15}{'ratio':>8}")
        for key, name in (("all", "all payloads"), ("supported_models", "our plugs/switches")):
            row = hb[key]
            lines.append(
                f"   {name:<28}{row['ours_ns']:>10.0f}{row['zha_ns']:>15.0f}{row['ratio']:>7.1f}x"
            )
        agree = sum(1 for row in hb["cross_check"] if row["match"])
        lines.append(
            f"   cross-check: {agree}/{len(hb['cross_check'])} payloads decode to the same "
            "values (zha-quirks' raw values through our unit conversion)"
        )

    if results.get("latency"):
        lines.append("")
        lines.append("2. Report → HA state latency (ms; one core; t0 = device transmits)")
        lines.append(
            f"   {'workload':<10}{'devices':>8}{'rate/s':>8}{'n':>7}{'p50':>7}{'p90':>7}"
            f"{'p99':>7}{'max':>8}{'lost':>6}{'CPU ms/report':>15}"
        )
        for item in results["latency"]:
            lat = item["latency_ms"]
            lines.append(
                f"   {item['workload']:<10}{item['devices']:>8}{item['rate_offered']:>8.0f}"
                f"{lat.get('n', 0):>7}{_f(lat.get('p50')):>7}{_f(lat.get('p90')):>7}"
                f"{_f(lat.get('p99')):>7}{_f(lat.get('max'), 1):>8}{item['lost']:>6}"
                f"{_f(item['stack_cpu_ms_per_report'], 3):>15}"
            )

    if "throughput" in results:
        tp = results["throughput"]
        lines.append("")
        lines.append(
            f"3. Sustained throughput, {THROUGHPUT_DEVICES} devices, one core "
            f"(p99 from the scheduled transmit time, limit {tp['limit_p99_ms']:.0f} ms)"
        )
        lines.append(
            f"   {'offered/s':>10}{'achieved/s':>11}{'p50':>8}{'p99':>9}{'CPU use':>9}"
            f"{'stack CPU ms/rep':>18}  ok"
        )
        for step in tp["steps"]:
            lat = step["latency_from_schedule_ms"]
            lines.append(
                f"   {step['rate_offered']:>10.0f}{step['rate_achieved']:>11.0f}"
                f"{_f(lat.get('p50')):>8}{_f(lat.get('p99')):>9}"
                f"{step['cpu_utilization'] * 100:>8.0f}%"
                f"{_f(step['stack_cpu_ms_per_report'], 3):>18}  {'yes' if step['ok'] else 'NO'}"
            )
        lines.append(f"   highest rate kept up with: {_f(tp['max_rate'], 0)} reports/s")
        lines.append(
            f"   stack CPU per report {_f(tp['stack_cpu_ms_per_report'], 3)} ms → one whole "
            f"core carries ~{_f(tp['capacity_per_core_estimate'], 0)} reports/s"
        )

    if "startup" in results:
        st = results["startup"]
        lines.append("")
        lines.append("4. Start-up from saved state (fresh process, one core; medians)")
        lines.append(
            f"   {'devices':>8}{'ready s':>9}{'(max)':>8}{'states':>8}{'RSS +MB':>9}"
            f"{'RSS total MB':>14}"
        )
        for devices, row in st["sizes"].items():
            lines.append(
                f"   {devices:>8}{row['ready_s_median']:>9.2f}{row['ready_s_max']:>8.2f}"
                f"{row['states']:>8}{row['rss_delta_bytes_median'] / 1e6:>9.1f}"
                f"{row['rss_after_bytes_median'] / 1e6:>14.1f}"
            )
        lines.append(
            f"   marginal memory per device: {st['marginal_bytes_per_device'] / 1024:.0f} KB "
            "(RSS growth, 200 vs 5 devices)"
        )

    if "memory" in results:
        lines.append("")
        lines.append(memory.render(results["memory"]))

    if "error" in results.get("zha", {}):
        lines.append("")
        lines.append(f"6. Against ZHA: the ZHA side failed: {results['zha']['error'][-300:]}")
    versus = results.get("versus_zha")
    if versus:
        zha = results["zha"]
        lines.append("")
        lines.append(
            "6. Against Home Assistant's ZHA (same network, workloads and core; run after ours)"
        )
        lines.append(
            f"   ZHA side: machine busy {zha['busy_share'] * 100:.0f}% of all cores; "
            f"core available {zha['core_available_at_start']:.2f} at start, "
            f"{zha['core_available_at_end']:.2f} at end (ours: "
            f"{results['core_available_at_start']:.2f} / {results['core_available_at_end']:.2f})"
        )
        lines.append(f"   {'figure':<40}{'ours':>10}{'ZHA':>10}{'ours/ZHA':>10}  ahead")
        for name, row in versus.items():
            digits = 0 if "reports/s" in name or "KB" in name else 2
            mark = {True: "yes", False: "NO", None: "-"}[row["ahead_or_equal"]]
            lines.append(
                f"   {name:<40}{_f(row['ours'], digits):>10}{_f(row['zha'], digits):>10}"
                f"{_f(row['ratio']):>10}  {mark}"
            )

    tails = [("ours", results.get("tail"))]
    if isinstance(results.get("zha"), dict):
        tails.append(("ZHA", results["zha"].get("tail")))
    if any(tail for _, tail in tails):
        lines.append("")
        lines.append(
            "7. Where the tail comes from (1 device, 50/s, timeline probes): reports slower than"
            " p99, and how many of them had the loop's thread mostly OFF the CPU (stalled)"
        )
        for name, tail in tails:
            if not tail or "tail" not in tail:
                continue
            lat, probe = tail["latency_ms"], tail["tail"]
            lines.append(
                f"   {name:<5} p50 {_f(lat.get('p50'))} ms, p99 {_f(lat.get('p99'))} ms: "
                f"{probe['slow_reports']} slow, {probe['stalled_flights']} stalled; slow "
                f"callbacks on CPU {probe['slow_callbacks_cpu_share'] * 100:.0f}% of their wall "
                f"time; gc {probe['gc_collections']}; db statements {probe['db_statements']}"
            )

    prof = results.get("profile")
    if prof:
        lines.append("")
        lines.append(
            f"5. Profile (py-spy, {prof['devices']} devices at {prof['rate']:.0f} reports/s): "
            "share of busy samples"
        )
        for name, share in prof["busy_by_component"]:
            lines.append(f"   {share * 100:5.1f}%  {name}")

    lines.append("")
    lines.append("Targets")
    for name, verdict in results["verdicts"].items():
        lines.append(
            f"   {name:<28}{_f(verdict['value']):>10}  target {verdict['target']:<8} "
            f"{'holds' if verdict['holds'] else 'MISSED'}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="shorter runs (smoke test)")
    parser.add_argument("--no-profile", dest="profile", action="store_false")
    parser.add_argument(
        "--only",
        choices=("heartbeat", "e2e", "memory"),
        help="run one part (default: everything)",
    )
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument(
        "--ours-python",
        default=PYTHON,
        help=f"the Python our side runs in (e.g. {ZHA_PYTHON}: the same libraries as ZHA)",
    )
    parser.add_argument(
        "--sides", default=",".join(SIDES), help="ours, zha or both (default), in that order"
    )
    args = parser.parse_args(argv)

    started = time.monotonic()
    busy_before = machine.cpu_times()
    results: dict[str, Any] = {"machine": machine.describe(ROOT), "ours_python": args.ours_python}
    if args.only in (None, "heartbeat"):
        log("heartbeat decoding: ours vs zha-quirks")
        results["heartbeat"] = heartbeat_section()
    if args.only in (None, "e2e"):
        sides = [side for side in args.sides.split(",") if side]
        if "zha" in sides and not ZHA_PYTHON.exists():
            log(f"{ZHA_PYTHON} missing (make bootstrap builds it): ZHA skipped")
            sides.remove("zha")
            results["zha"] = {"skipped": f"{ZHA_PYTHON} missing"}
        with tempfile.TemporaryDirectory(prefix="aqara-bench-") as work:
            # one side after the other, never together: each has the machine to itself
            for side in sides:
                if side == "ours":
                    runner = Runner(Path(work), args.quick, side, args.ours_python)
                    results.update(e2e_sections(runner, args))
                    results["memory"] = memory.memory_section(runner)
                    continue
                try:
                    results[side] = e2e_sections(Runner(Path(work), args.quick, side), args)
                except (RuntimeError, subprocess.TimeoutExpired) as err:
                    # ZHA's failure must not cost our figures: recorded, shown, no ratios
                    log(f"[{side}] failed: {str(err)[-2000:]}")
                    results[side] = {"error": str(err)[-3000:]}
        if "zha" in sides and "ours" in sides and "error" not in results["zha"]:
            results["versus_zha"] = versus_zha(results, results["zha"])
    if args.only == "memory":
        log("memory per device by owner (bench/memory.py)")
        with tempfile.TemporaryDirectory(prefix="aqara-bench-") as work:
            runner = Runner(Path(work), args.quick, "ours", args.ours_python)
            results["memory"] = memory.memory_section(runner)
    busy_after = machine.cpu_times()
    results["machine_busy_share"] = (busy_after[0] - busy_before[0]) / max(
        1, busy_after[1] - busy_before[1]
    )
    results["machine"]["load_average_at_end"] = os.getloadavg()
    results["machine"]["core_available_at_end"] = round(machine.cpu_available(), 3)
    results["seconds"] = time.monotonic() - started
    results["verdicts"] = verdicts(results)
    args.output.write_text(json.dumps(results, indent=2, default=str))
    print(render(results))
    shown = args.output.resolve()
    shown_path = shown.relative_to(ROOT) if shown.is_relative_to(ROOT) else shown
    print(f"\n(wrote {shown_path} in {results['seconds']:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
