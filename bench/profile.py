"""Summaries of py-spy's collapsed stacks: where the process's CPU time goes, by component.

A py-spy ``raw`` file has one line per distinct stack, ``frame;frame;...;frame COUNT``,
outermost frame first, each frame ``function (path:line)``. A sample is charged to the
innermost frame that belongs to a known component (standard-library and C frames are
charged to their caller's component), so the shares add up to 100% of busy samples.
Samples whose innermost frame is the event loop's ``select`` are idle and left out.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
import re

_FRAME = re.compile(r"^(?P<func>.*?) \((?P<path>[^()]*?)(?::(?P<line>\d+))?\)$")

# The test doubles reuse zigpy-znp's frame types: a sample with any frame of the simulator,
# or of the bench driver's transmit path, is theirs, whatever it calls.
HARNESS = "simulated devices + coordinator, bench driver (test doubles)"
HARNESS_PATHS = ("/aqara_zigbee/simulator/",)
HARNESS_FUNCTIONS = ("Driver._send", "_send_power_report", "_send_heartbeat")
# Otherwise a sample goes to the innermost frame matching one of these (path substrings).
COMPONENTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("zigpy database writes (appdb + aiosqlite thread)", ("/aiosqlite/", "/zigpy/appdb")),
    ("integration (custom_components/aqara_zigbee)", ("/aqara_zigbee/",)),
    ("zigpy-znp + serialx (MT frames, UART)", ("/zigpy_znp/", "/serialx/")),
    ("zigpy (ZCL parsing, device/cluster dispatch)", ("/zigpy/",)),
    ("Home Assistant (entity state, state machine, bus)", ("/homeassistant/",)),
    ("asyncio event loop + sockets", ("/asyncio/", "selectors.py", "/socket.py")),
    ("executor threads", ("concurrent/futures",)),
)
OTHER = "other (stdlib, C)"


@dataclass(frozen=True, slots=True)
class Frame:
    function: str
    path: str
    line: int

    @property
    def short(self) -> str:
        path = self.path
        for marker in ("site-packages/", "custom_components/", "python3.14/", "/bench/"):
            if marker in path:
                path = path.split(marker, 1)[1]
                break
        return f"{self.function} ({path}:{self.line})"


def parse_frame(text: str) -> Frame:
    match = _FRAME.match(text)
    if match is None:
        return Frame(text, "", 0)
    return Frame(match["func"], match["path"], int(match["line"] or 0))


def _path(frame: Frame) -> str:
    # py-spy names files relative to their sys.path entry (zigpy/device.py)
    return frame.path if frame.path.startswith("/") else f"/{frame.path}"


def component_of(frames: list[Frame]) -> str:
    for frame in frames:
        if frame.function in HARNESS_FUNCTIONS or any(m in _path(frame) for m in HARNESS_PATHS):
            return HARNESS
    for frame in reversed(frames):
        for name, markers in COMPONENTS:
            if any(marker in _path(frame) for marker in markers):
                return name
    return OTHER


def is_idle(frames: list[Frame]) -> bool:
    leaf = frames[-1]
    return leaf.path.endswith("selectors.py") and "select" in leaf.function


def load(path: Path) -> list[tuple[list[Frame], int]]:
    stacks: list[tuple[list[Frame], int]] = []
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        stacks.append(([parse_frame(part) for part in stack.split(";")], int(count)))
    return stacks


def summarize(path: Path, top: int = 15) -> dict[str, object]:
    """Busy samples by component, and the functions with the most self and total time."""
    stacks = load(path)
    total = sum(count for _, count in stacks)
    idle = sum(count for frames, count in stacks if is_idle(frames))
    busy = max(total - idle, 1)
    by_component: Counter[str] = Counter()
    self_time: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    for frames, count in stacks:
        if is_idle(frames):
            continue
        by_component[component_of(frames)] += count
        self_time[frames[-1].short] += count
        for name in {frame.short for frame in frames}:
            inclusive[name] += count

    def share(counter: Counter[str], limit: int) -> list[tuple[str, float]]:
        return [(name, count / busy) for name, count in counter.most_common(limit)]

    return {
        "samples": total,
        "idle_share": idle / total if total else 0.0,
        "busy_by_component": share(by_component, len(by_component)),
        "top_self": share(self_time, top),
        "top_inclusive": share(inclusive, top * 3),
    }
