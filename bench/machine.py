"""What the figures were measured on: CPU, cores, memory, Python, package versions, load."""

from __future__ import annotations

import importlib.metadata
import os
from pathlib import Path
import platform
import subprocess
import time
from typing import Any

PACKAGES = ("homeassistant", "zigpy", "zigpy-znp", "serialx", "aiosqlite")


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def _hypervisor() -> str | None:
    try:
        output = subprocess.run(
            ["lscpu"], capture_output=True, text=True, check=False, timeout=10
        ).stdout
    except OSError, subprocess.TimeoutExpired:
        return None
    for line in output.splitlines():
        if line.startswith("Hypervisor vendor:"):
            return line.split(":", 1)[1].strip()
    return None


def _git(root: Path) -> str | None:
    try:
        commit = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--short=12", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout.strip()
    except OSError, subprocess.SubprocessError:
        return None
    return f"{commit}{' (modified)' if dirty else ''}"


def cpu_times() -> tuple[int, int]:
    """(busy, total) jiffies of the whole machine, for how busy it was during a run."""
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    total = sum(fields[:8])
    return total - idle, total


def cpu_available(seconds: float = 1.0) -> float:
    """Share of one core a busy process pinned like the benchmarks gets right now.

    1.0 on an idle machine; less when other work competes for that core, which slows every
    end-to-end figure (the measurements run pinned to the last core).
    """
    previous = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {max(previous)})
    try:
        wall_start, cpu_start = time.perf_counter(), time.process_time()
        while time.perf_counter() - wall_start < seconds:
            pass
        return (time.process_time() - cpu_start) / (time.perf_counter() - wall_start)
    finally:
        os.sched_setaffinity(0, previous)


def describe(root: Path) -> dict[str, Any]:
    versions: dict[str, str | None] = {}
    for name in PACKAGES:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = None
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "hypervisor": _hypervisor(),
        "memory_gib": _memory_gib(),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "python_implementation": platform.python_implementation(),
        "versions": versions,
        "commit": _git(root),
        "load_average_at_start": os.getloadavg(),
        "core_available_at_start": round(cpu_available(), 3),
    }
