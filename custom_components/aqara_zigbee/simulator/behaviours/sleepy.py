"""Battery end devices: a receiver that sleeps between MAC data polls, and a draining cell.

On air a sleepy end device (rx-off-when-idle) hears nothing by itself: its parent keeps
each frame for it in an indirect queue, and hands it over when the child sends a MAC Data
Request (a "poll"). A frame the child does not poll for within the parent's persistence
time is dropped and the sender told so (MAC_TRANSACTION_EXPIRED). Aqara sensors poll
rarely while idle and quickly for a few seconds after they sent something (a report, a
heartbeat, an answer): that is when a hub can reach them (Zigbee2MQTT: "wake the device
up by pressing its button"). :class:`Sleepy` models that on the device's simulated clock;
the coordinators put frames for a sleepy device through :meth:`Sleepy.hold`.

:class:`BatteryCell` is the cell: its voltage falls over simulated time, the heartbeat
(and on some models genPowerCfg) reports it, and Zigbee2MQTT's ``battery``/``voltage``
properties show it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from ..air import ApsFrame, DeliveryStatus
from ..clock import SimTimer
from ..properties import Property, PropertyError, as_bool
from ..zcl import AttributeValue, DataType
from ..zcl_server import Attribute, AttrTable
from .base import Behaviour

if TYPE_CHECKING:
    from ..device import TwinDevice

#: How long a parent keeps a frame for a sleeping child (simulated s): Z-Stack's indirect
#: message timeout and EmberZNet's indirect transmission timeout as zigpy configures it
INDIRECT_PERSISTENCE_S: Final = 7.68
#: Idle polling of Aqara sensors (inferred: they are reachable only around their reports)
IDLE_POLL_INTERVAL_S: Final = 3300.0
#: After sending, the device keeps polling quickly for this long (inferred from how long
#: a button press keeps a sensor reachable), at the stack's response poll rate
AWAKE_WINDOW_S: Final = 7.0
FAST_POLL_INTERVAL_S: Final = 0.1

POWER_CFG: Final = 0x0001
_BATTERY_VOLTAGE: Final = 0x0020
_BATTERY_PERCENTAGE: Final = 0x0021
_BATTERY_ALARM_STATE: Final = 0x003E

SECONDS_PER_DAY: Final = 86400.0


@dataclass(slots=True)
class _Held:
    frame: ApsFrame
    done: Callable[[DeliveryStatus], None]
    expiry: SimTimer | None = None


class Sleepy(Behaviour):
    """The receiver sleeps; frames for the device wait at its parent for its next poll.

    ``idle_poll``: seconds between polls while nothing happens (None: never, the device
    wakes only to send); ``awake_window`` / ``fast_poll``: after each frame it sends, it
    polls every ``fast_poll`` seconds for ``awake_window`` seconds.
    """

    def __init__(
        self,
        *,
        idle_poll: float | None = IDLE_POLL_INTERVAL_S,
        awake_window: float = AWAKE_WINDOW_S,
        fast_poll: float = FAST_POLL_INTERVAL_S,
    ) -> None:
        self.idle_poll = idle_poll
        self.awake_window = awake_window
        self.fast_poll = fast_poll
        self._held: deque[_Held] = deque()
        self._awake_until = float("-inf")
        self._poll_timer: SimTimer | None = None
        #: MAC data polls sent (tests and diagnostics)
        self.polls = 0

    # -- the parent's side: frames waiting for a poll ----------------------------------

    @property
    def awake(self) -> bool:
        """Polling quickly (shortly after it sent something)."""
        return self.device.clock.now < self._awake_until

    @property
    def held(self) -> int:
        """Frames the parent holds for the device."""
        return len(self._held)

    def hold(self, frame: ApsFrame, done: Callable[[DeliveryStatus], None]) -> None:
        """The parent queues ``frame``; ``done`` gets its fate (delivered or expired)."""
        held = _Held(frame, done)
        held.expiry = self.device.clock.call_later(
            INDIRECT_PERSISTENCE_S, lambda: self._expire(held)
        )
        self._held.append(held)
        if self.awake:
            # Polling every ``fast_poll`` s, it would take the frame within that time: a
            # wait below what a host can tell from radio latency, yet real seconds in every
            # test. Its next poll comes now instead; a sleeping device still keeps it waiting.
            self._schedule(0.0)

    def _expire(self, held: _Held) -> None:
        if held in self._held:
            self._held.remove(held)
            held.done(DeliveryStatus.MAC_TRANSACTION_EXPIRED)

    def poll(self) -> None:
        """A MAC Data Request: the parent hands over what it holds, one frame per poll
        (its frame-pending bit makes the device poll again at once for the next)."""
        if not self.device.powered or not self.device.joined:
            return
        self.polls += 1
        while self._held:
            held = self._held.popleft()
            if held.expiry is not None:
                held.expiry.cancel()
            held.done(DeliveryStatus.SUCCESS)

    def drop_held(self) -> None:
        """The device is gone from its parent: what waited for it never arrives."""
        while self._held:
            held = self._held.popleft()
            if held.expiry is not None:
                held.expiry.cancel()
            held.done(DeliveryStatus.MAC_TRANSACTION_EXPIRED)

    # -- the device's side: when it polls ----------------------------------------------

    def transmitted(self) -> None:
        """The device sent a frame: it stays awake, polling quickly, for a while."""
        self._awake_until = self.device.clock.now + self.awake_window
        self._schedule(self.fast_poll)

    def wake(self) -> None:
        """Wake it up now (a press of its button, a rejoin): poll at once."""
        self._awake_until = self.device.clock.now + self.awake_window
        self.poll()
        self._schedule(self.fast_poll)

    def sleep(self) -> None:
        """Its awake window ends now: until it sends again, only idle polls hear anything."""
        self._awake_until = self.device.clock.now
        if self._poll_timer is not None:
            self._poll_timer.cancel()
            self._poll_timer = None
        if self.idle_poll is not None:
            self._schedule(self.idle_poll)

    def _schedule(self, delay: float) -> None:
        if self._poll_timer is not None:
            if self._poll_timer.when <= self.device.clock.now + delay:
                return  # an earlier poll is already due
            self._poll_timer.cancel()
        self._poll_timer = self.device.clock.call_later(delay, self._poll_due)

    def _poll_due(self) -> None:
        self._poll_timer = None
        self.poll()
        if self.awake:
            self._schedule(self.fast_poll)
        elif self.idle_poll is not None:
            self._schedule(self.idle_poll)

    def created(self) -> None:
        if self.idle_poll is not None:
            self._schedule(self.idle_poll)

    def joined(self) -> None:
        # Interviewed right after joining: the device stays awake for it
        self.transmitted()

    def left(self) -> None:
        self.drop_held()

    def stop_timers(self) -> None:
        if self._poll_timer is not None:
            self._poll_timer.cancel()
            self._poll_timer = None
        self.drop_held()

    def booted(self) -> None:
        self.created()


# --------------------------------------------------------------------------- the cell

#: a fresh CR2032/CR1632 as Aqara sensors report it (mV)
FRESH_COIN_CELL_MV: Final = 3045
#: about two years from fresh to 2850 mV, Aqara's quoted life of a sensor's coin cell
COIN_CELL_DRAIN_MV_PER_DAY: Final = 0.27
#: a cell never reads below this (the device browns out first)
FLAT_MV: Final = 2500


class BatteryCell(Behaviour):
    """The battery: a voltage falling over simulated time; Zigbee2MQTT's view of it.

    ``percent``: the model's voltage → % curve as Zigbee2MQTT applies it (a device fact of
    its page); ``power_cfg``: genPowerCfg batteryVoltage (and the firmware's own
    batteryPercentageRemaining, with ``percent`` as its curve) is served and reported;
    ``low_below``: batteryAlarmState raises its low-voltage bit below this voltage (mV),
    shown as ``battery_low`` when ``low_exposed``.
    """

    def __init__(
        self,
        percent: Callable[[float], int],
        *,
        fresh_mv: float = FRESH_COIN_CELL_MV,
        drain_mv_per_day: float = COIN_CELL_DRAIN_MV_PER_DAY,
        power_cfg: bool = False,
        low_below: float | None = None,
        low_exposed: bool = False,
        exposed: bool = True,
        report: Callable[[TwinDevice], None] | None = None,
    ) -> None:
        self.percent_of = percent
        self.drain_mv_per_day = drain_mv_per_day
        self.power_cfg = power_cfg
        self.low_below = low_below
        self.low_exposed = low_exposed
        self.exposed = exposed
        self._report = report
        self._anchor_mv = float(fresh_mv)
        self._anchor_time = 0.0

    def attach(self, device: TwinDevice) -> None:
        super().attach(device)
        self._anchor_time = device.clock.now

    # -- the voltage -------------------------------------------------------------------

    @property
    def millivolts(self) -> int:
        """The cell's voltage now (it drains as simulated time passes)."""
        days = (self.device.clock.now - self._anchor_time) / SECONDS_PER_DAY
        return round(max(FLAT_MV, self._anchor_mv - days * self.drain_mv_per_day))

    @millivolts.setter
    def millivolts(self, value: float) -> None:
        self._anchor_mv = float(value)
        self._anchor_time = self.device.clock.now

    @property
    def percent(self) -> int:
        return self.percent_of(self.millivolts)

    @property
    def low(self) -> bool:
        return self.low_below is not None and self.millivolts < self.low_below

    def replace(self) -> None:
        """A fresh cell (the device reboots: a heartbeat follows soon)."""
        self.millivolts = FRESH_COIN_CELL_MV

    def send(self) -> None:
        """Tell the hub: the model's own way (heartbeat by default), genPowerCfg too."""
        if self._report is not None:
            self._report(self.device)
        else:
            from .heartbeat import Heartbeat  # noqa: PLC0415  # kept apart

            heartbeat = self.device.find(Heartbeat)
            if heartbeat is not None:
                heartbeat.send()
        if self.power_cfg:
            values = [AttributeValue(_BATTERY_VOLTAGE, DataType.UINT8, self.millivolts // 100)]
            values.append(AttributeValue(_BATTERY_PERCENTAGE, DataType.UINT8, 2 * self.percent))
            if self.low_below is not None:
                values.append(AttributeValue(_BATTERY_ALARM_STATE, DataType.MAP32, int(self.low)))
            self.device.send_report(1, POWER_CFG, values)

    # -- ZCL ---------------------------------------------------------------------------

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if cluster != POWER_CFG or ep != 1 or not self.power_cfg:
            return {}
        table: AttrTable = {
            _BATTERY_VOLTAGE: Attribute(DataType.UINT8, lambda: self.millivolts // 100),
            _BATTERY_PERCENTAGE: Attribute(DataType.UINT8, lambda: 2 * self.percent),
        }
        if self.low_below is not None:
            table[_BATTERY_ALARM_STATE] = Attribute(DataType.MAP32, lambda: int(self.low))
        return table

    # -- Zigbee2MQTT view --------------------------------------------------------------

    def _voltage_for(self, percent: int) -> int:
        """A voltage the curve shows as ``percent`` (the nearest to the present one)."""
        here = self.millivolts
        candidates = [mv for mv in range(FLAT_MV, 4300) if self.percent_of(mv) == percent]
        if not candidates:
            raise PropertyError(f"no voltage shows {percent} %")
        # In 100 mV steps on genPowerCfg, so prefer a multiple of 100 there
        if self.power_cfg:
            candidates = [mv for mv in candidates if mv % 100 == 0] or candidates
        return min(candidates, key=lambda mv: abs(mv - here))

    def properties(self) -> list[Property]:
        if not self.exposed:
            return []

        def set_voltage(value: object, report: bool) -> None:
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise PropertyError(f"expected mV, got {value!r}")
            self.millivolts = value
            if report:
                self.send()

        def set_percent(value: object, report: bool) -> None:
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise PropertyError(f"expected %, got {value!r}")
            set_voltage(self._voltage_for(round(value)), report)

        def pick_voltage(current: object) -> object:
            # genPowerCfg says it in 100 mV steps: stay on them so both reports agree
            step = 100 if self.power_cfg else 20
            mv = int(str(current)) // step * step - step
            return mv if mv > FLAT_MV + step else FRESH_COIN_CELL_MV // step * step

        def pick_percent(current: object) -> object:
            here = int(str(current))
            reachable = sorted({self.percent_of(mv) for mv in range(FLAT_MV, 4300, 10)})
            if self.power_cfg:
                reachable = sorted({self.percent_of(mv) for mv in range(FLAT_MV, 4300, 100)})
            lower = [p for p in reachable if p < here]
            return lower[-1] if lower else reachable[-1]

        found = [
            Property("battery", read=lambda: self.percent, change=set_percent, pick=pick_percent),
            Property(
                "voltage", read=lambda: self.millivolts, change=set_voltage, pick=pick_voltage
            ),
        ]
        if self.low_exposed and self.low_below is not None:
            threshold = self.low_below

            def set_low(value: object, report: bool) -> None:
                set_voltage(threshold - 50 if as_bool(value) else threshold + 100, report)

            found.append(
                Property(
                    "battery_low",
                    read=lambda: self.low,
                    change=set_low,
                    pick=lambda current: not current,
                )
            )
        return found

    # -- persistence -------------------------------------------------------------------

    def export_state(self, state: dict[str, Any]) -> None:
        state["battery_mv"] = self.millivolts

    def import_state(self, state: dict[str, Any]) -> None:
        if "battery_mv" in state:
            self.millivolts = float(state["battery_mv"])


def battery_voltage(device: TwinDevice) -> object:
    """Heartbeat index 1 of battery devices: the cell's voltage (mV)."""
    return device.behaviour(BatteryCell).millivolts


def linear_percent(min_mv: int, max_mv: int) -> Callable[[float], int]:
    """Zigbee2MQTT's ``voltageToPercentage: {min, max}``: linear, clamped, half rounded up."""

    def percent(mv: float) -> int:
        clamped = min(max(mv, min_mv), max_mv)
        return int((clamped - min_mv) * 100 / (max_mv - min_mv) + 0.5)

    return percent
