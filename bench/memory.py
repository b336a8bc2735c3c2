"""Memory per device, by owner: what the integration itself keeps for each device.

``make bench BENCH_ARGS="--only memory"`` (or ``python -m bench.memory``) starts a fresh
process per network size (5 and 200 ZNCZ04LM twins by default) from a prepared state with
``tracemalloc`` on (``bench/e2e.py run --memory-detail``: from before the set-up until the
start-up reads are answered, so what is kept rather than what reads in flight hold for a
moment), and compares the two: the growth
from the small to the large network, divided by the devices added, is what one more device
costs, without the once-per-process costs (imported definitions, platform set-up) that a
division of one snapshot by N would spread over the devices.

Each allocation belongs to the innermost frame of a known package (``bench.e2e.memory_detail``):
"integration" is what our own code allocated (our objects, dicts, closures), so a zigpy
listener our code asked zigpy for counts as zigpy. The integration's allocation sites
(file:line) come with it, as the marginal bytes per device each one costs.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
import json
from pathlib import Path
import sys
import tempfile
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bench.__main__ import Runner

SIZES = (5, 200)
OWNER = "integration"


def _per_device(small: dict[str, int], large: dict[str, int], added: int) -> dict[str, float]:
    """Bytes per added device for every key of either snapshot, largest first."""
    keys = set(small) | set(large)
    growth = {key: (large.get(key, 0) - small.get(key, 0)) / added for key in keys}
    return dict(sorted(growth.items(), key=lambda item: -item[1]))


def summarize(details: dict[int, dict[str, Any]], top: int = 30) -> dict[str, Any]:
    """Per-device figures from the ``memory_detail`` of each network size."""
    sizes = sorted(details)
    small, large = sizes[0], sizes[-1]
    added = large - small
    owners = {n: dict(details[n]["by_allocator"]) for n in sizes}
    own_sites = {n: dict(details[n]["by_our_allocation_site"]) for n in sizes}
    call_sites = {n: dict(details[n]["by_our_call_site"]) for n in sizes}
    own_files = {n: dict(details[n].get("by_our_allocation_file", ())) for n in sizes}
    by_owner = _per_device(owners[small], owners[large], added)
    return {
        "sizes": sizes,
        # everything allocated during the set-up of N devices, divided by N
        "allocated_per_device_bytes": {
            str(n): {owner: size / n for owner, size in owners[n].items()} for n in sizes
        },
        # what one more device costs (growth between the two sizes / devices added)
        "marginal_per_device_bytes": by_owner,
        "ours_marginal_per_device_bytes": by_owner.get(OWNER, 0.0),
        # Sites are the top entries of each run only: one that is outside the small run's top
        # list counts from zero there, which overstates it by at most that list's last entry.
        "our_allocation_sites_per_device_bytes": dict(
            list(_per_device(own_sites[small], own_sites[large], added).items())[:top]
        ),
        "our_allocation_files_per_device_bytes": _per_device(
            own_files[small], own_files[large], added
        ),
        "our_call_sites_per_device_bytes": dict(
            list(_per_device(call_sites[small], call_sites[large], added).items())[:top]
        ),
        "traced_bytes": {str(n): details[n]["traced_bytes"] for n in sizes},
    }


def memory_section(runner: Runner, sizes: Sequence[int] = SIZES) -> dict[str, Any]:
    """Start ``runner``'s side once per size with tracemalloc on; the per-device summary."""
    details: dict[int, dict[str, Any]] = {}
    startup: dict[str, Any] = {}
    for devices in sizes:
        log(f"memory: {devices} device(s), start-up with tracemalloc")
        result = runner.run(devices, "--memory-detail")["startup"]
        details[devices] = result.pop("memory_detail")
        startup[str(devices)] = result
    return {**summarize(details), "startup": startup}


def render(section: dict[str, Any]) -> str:
    small, large = section["sizes"][0], section["sizes"][-1]
    lines = [
        f"Memory per device (tracemalloc, growth from {small} to {large} devices / "
        f"{large - small}; KB)"
    ]
    for owner, size in section["marginal_per_device_bytes"].items():
        lines.append(f"   {owner:<34}{size / 1024:>8.1f}")
    lines.append("   the integration's own share by file, KB per device:")
    for name, size in section["our_allocation_files_per_device_bytes"].items():
        if size >= 0.05 * 1024:
            lines.append(f"   {size / 1024:>8.2f}  {name}")
    lines.append("   the integration's own allocation sites, KB per device:")
    for site, size in list(section["our_allocation_sites_per_device_bytes"].items())[:15]:
        lines.append(f"   {size / 1024:>8.2f}  {site}")
    return "\n".join(lines)


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    from bench.__main__ import PYTHON, Runner

    parser = argparse.ArgumentParser(prog="python -m bench.memory", description=__doc__)
    parser.add_argument(
        "--devices", default=",".join(map(str, SIZES)), help="network sizes, comma-separated"
    )
    parser.add_argument("--python", default=PYTHON, help="the Python the measured side runs in")
    parser.add_argument("--output", type=Path, help="also write the section as JSON here")
    args = parser.parse_args(argv)
    sizes = sorted({int(size) for size in args.devices.split(",")})
    if len(sizes) < 2:
        parser.error("two sizes at least: the per-device figure is the growth between them")
    with tempfile.TemporaryDirectory(prefix="aqara-bench-memory-") as work:
        section = memory_section(Runner(Path(work), quick=True, ours_python=args.python), sizes)
    if args.output:
        args.output.write_text(json.dumps(section, indent=2))
    print(render(section))
    return 0


if __name__ == "__main__":
    sys.exit(main())
