"""The building block of the standard ZCL servers: one cluster on one endpoint.

Each server holds its attribute values, serves them (reads, writes with the ZCL checks,
reporting through :meth:`~..zcl_server.ZclServer.attribute_changed`) and can move a value
over simulated time (a transition, a motor), the way the ZCL specification describes the
standard clusters. Written from the specification; nothing here is Lumi's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ..clock import SimTimer
from ..zcl import ReportingConfig, Status
from ..zcl_server import Attribute, AttrTable
from .base import Behaviour

# A moving value is sampled for reports this often (simulated seconds)
RAMP_TICK_S = 1.0


@dataclass(frozen=True, slots=True)
class Spec:
    """One attribute of a standard server.

    ``writable``: Write Attributes reaches it (``check`` says which values it takes);
    ``report``: the firmware's own reporting (min s, max s, reportable change) when the hub
    configured none, change-driven only (no periodic report before the hub asks for one);
    None: reported only once configured. These defaults are the simulator's choice, not
    measured on the real units.
    """

    type_id: int
    initial: object
    writable: bool = False
    check: Callable[[object], bool] | None = None
    report: tuple[int, int, object] | None = None


@dataclass(slots=True)
class _Ramp:
    """A value moving linearly from ``start`` to ``target`` between two instants."""

    start: float
    target: float
    begin: float
    end: float
    timers: list[SimTimer]

    def value(self, now: float) -> float:
        if now >= self.end or self.end <= self.begin:
            return self.target
        return self.start + (self.target - self.start) * (now - self.begin) / (
            self.end - self.begin
        )


class ClusterServer(Behaviour):
    """A standard server cluster on one endpoint (subclasses add its commands)."""

    cluster: int

    def __init__(self, endpoint: int, attributes: Mapping[int, Spec]) -> None:
        self.endpoint = endpoint
        self.specs = dict(attributes)
        self.values: dict[int, object] = {attr: spec.initial for attr, spec in self.specs.items()}
        self._ramps: dict[int, _Ramp] = {}

    # -- attributes ---------------------------------------------------------------------

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if ep != self.endpoint or cluster != self.cluster:
            return {}
        return {attr: self._attribute(attr, spec) for attr, spec in self.specs.items()}

    def _attribute(self, attr: int, spec: Spec) -> Attribute:
        def write(value: object) -> Status:
            if spec.check is not None and not spec.check(value):
                return Status.INVALID_VALUE
            status = self.written(attr, value)
            if status == Status.SUCCESS:
                self.set(attr, value)
            return status

        return Attribute(spec.type_id, lambda: self.get(attr), write if spec.writable else None)

    def written(self, attr: int, value: object) -> Status:
        """The hub writes ``value`` (already checked): a status; SUCCESS stores it."""
        return Status.SUCCESS

    def get(self, attr: int) -> Any:
        """The attribute's value now (a moving one where it is on its way)."""
        ramp = self._ramps.get(attr)
        if ramp is not None:
            return round(ramp.value(self.device.clock.now))
        return self.values[attr]

    def set(self, attr: int, value: object, *, report: bool = True) -> None:
        """Store a value; with ``report`` the reporting rules decide whether it goes out."""
        self._stop_ramp(attr)
        self.values[attr] = value
        self.device.state_changed()
        if report:
            self.changed(attr)

    def changed(self, attr: int) -> None:
        """Hand a changed value to the reporting rules."""
        spec = self.specs[attr]
        default = (
            None
            if spec.report is None
            else ReportingConfig(
                attr, 0, spec.type_id, spec.report[0], spec.report[1], spec.report[2]
            )
        )
        self.device.zcl.attribute_changed(self.endpoint, self.cluster, attr, default)

    # -- values moving over time ----------------------------------------------------------

    def move(
        self,
        attr: int,
        target: float,
        seconds: float,
        done: Callable[[], None] | None = None,
    ) -> None:
        """Move a numeric attribute to ``target`` in ``seconds`` (reports while it moves)."""
        current = float(self.get(attr))
        self._stop_ramp(attr)
        if seconds <= 0 or current == target:
            self.set(attr, round(target))
            if done is not None:
                done()
            return
        clock = self.device.clock
        ramp = _Ramp(current, target, clock.now, clock.now + seconds, [])

        def finish() -> None:
            if self._ramps.get(attr) is ramp:
                self.set(attr, round(target))
                if done is not None:
                    done()

        def tick() -> None:
            if self._ramps.get(attr) is ramp:
                self.changed(attr)

        ticks = int(seconds // RAMP_TICK_S)
        ramp.timers = [clock.call_later(RAMP_TICK_S * n, tick) for n in range(1, ticks + 1)]
        ramp.timers.append(clock.call_later(seconds, finish))
        self._ramps[attr] = ramp

    def stop(self, attr: int) -> None:
        """Stop a moving attribute where it is now."""
        if attr in self._ramps:
            self.set(attr, self.get(attr))

    def moving(self, attr: int) -> bool:
        return attr in self._ramps

    def remaining_s(self, attr: int) -> float:
        """Seconds until a moving attribute arrives (0 when still)."""
        ramp = self._ramps.get(attr)
        return 0.0 if ramp is None else max(0.0, ramp.end - self.device.clock.now)

    def _stop_ramp(self, attr: int) -> None:
        ramp = self._ramps.pop(attr, None)
        if ramp is not None:
            for timer in ramp.timers:
                timer.cancel()

    def stop_timers(self) -> None:
        for attr in list(self._ramps):
            self.values[attr] = self.get(attr)
            self._stop_ramp(attr)

    # -- persistence ----------------------------------------------------------------------

    @property
    def _state_key(self) -> str:
        return f"zcl/{self.endpoint}/0x{self.cluster:04x}"

    def export_state(self, state: dict[str, Any]) -> None:
        state[self._state_key] = {
            f"0x{attr:04x}": self.get(attr)
            for attr in self.specs
            if isinstance(self.get(attr), bool | int | float | str)
        }

    def import_state(self, state: dict[str, Any]) -> None:
        for key, value in dict(state.get(self._state_key, {})).items():
            attr = int(key, 16) if key.startswith("0x") else None
            if attr in self.specs and isinstance(value, bool | int | float | str):
                self.values[attr] = value


def in_range(low: float, high: float) -> Callable[[object], bool]:
    """A write check: a number within ``low..high``."""

    def check(value: object) -> bool:
        return isinstance(value, int | float) and low <= value <= high

    return check


def one_of(*allowed: int) -> Callable[[object], bool]:
    """A write check: one of the listed values."""
    return lambda value: value in allowed
