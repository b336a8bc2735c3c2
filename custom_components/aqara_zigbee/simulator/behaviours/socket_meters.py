"""A multi-socket outlet's meters: one power channel per group of sockets (WP-P09D).

Each socket (relay) has its own appliance; ElectricalMeasurement activePower on each
channel endpoint sums the sockets it measures, in whole watts (Zigbee2MQTT reads it
unscaled). The 0xFCC0 heartbeat carries the outlet's energy and current; the overload
protection (0xFCC0 0x020B) opens every socket when the outlet draws more.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from ..clusters import ELECTRICAL_MEASUREMENT, LUMI_CLUSTER
from ..properties import Property, PropertyError, as_number
from ..zcl import AttributeValue, DataType, Status
from ..zcl_server import Attribute, AttrTable, lumi_attr
from .base import Behaviour
from .relays import Relays

if TYPE_CHECKING:
    from ..device import TwinDevice

NOMINAL_VOLTAGE = 230.0
ACTIVE_POWER = 0x050B
LUMI_OVERLOAD_PROTECTION = 0x020B
OVERLOAD_MIN_W = 100.0


class SocketMeters(Behaviour):
    """``channels``: Zigbee2MQTT power property → (endpoint, the relays it measures)."""

    def __init__(
        self, channels: Mapping[str, tuple[int, tuple[int, ...]]], *, overload_max_w: float
    ) -> None:
        self.channels = dict(channels)
        self.loads: dict[int, float] = {}
        self.energy_kwh = 0.0
        self.overload_max_w = overload_max_w
        self.overload_protection_w = overload_max_w
        self.overload_trips = 0
        self._last_integration = 0.0
        self._reported: dict[int, int] = {}

    def attach(self, device: Any) -> None:
        super().attach(device)
        self._last_integration = device.clock.now
        self.loads = dict.fromkeys(device.behaviour(Relays).relays, 0.0)

    # -- the load model ---------------------------------------------------------------

    def drawn(self, relay: int) -> float:
        relays = self.device.behaviour(Relays).relays
        return self.loads[relay] if self.device.powered and relays[relay] else 0.0

    def channel_w(self, prop: str) -> float:
        _, relays = self.channels[prop]
        return sum(self.drawn(relay) for relay in relays)

    @property
    def total_w(self) -> float:
        return sum(self.drawn(relay) for relay in self.loads)

    @property
    def current_a(self) -> float:
        return self.total_w / NOMINAL_VOLTAGE

    def integrate(self) -> float:
        now = self.device.clock.now
        if now > self._last_integration:
            self.energy_kwh += self.total_w * (now - self._last_integration) / 3_600_000.0
        self._last_integration = now
        return self.energy_kwh

    def set_load(self, relay: int, watts: float, *, report: bool) -> None:
        """An appliance on socket ``relay`` draws ``watts`` (the socket switched on)."""
        if watts < 0:
            raise PropertyError("a load draws 0 W or more")
        self.integrate()
        self.loads[relay] = watts
        relays = self.device.behaviour(Relays)
        if report and not relays.relays[relay]:
            relays.set(relay, True)  # reports power through after_relay_change
            return
        relays.relays[relay] = True
        self.device.state_changed()
        self._changed(report=report)

    # -- the device's life --------------------------------------------------------------

    def before_relay_change(self, ep: int) -> None:
        self.integrate()

    def after_relay_change(self, ep: int) -> None:
        self._changed(report=True)

    def before_power_off(self) -> None:
        self.integrate()

    def power_restored(self) -> None:
        self._last_integration = self.device.clock.now
        self._reported.clear()

    def factory_reset(self) -> None:
        self.overload_protection_w = self.overload_max_w

    def _changed(self, *, report: bool) -> None:
        if self.total_w > self.overload_protection_w:
            self.overload_trips += 1
            relays = self.device.behaviour(Relays)
            for relay, on in list(relays.relays.items()):
                if on:
                    relays.set(relay, False)
            return
        if not report:
            return
        for prop, (ep, _) in self.channels.items():
            watts = round(self.channel_w(prop))
            if self._reported.get(ep) != watts:
                self._reported[ep] = watts
                self.device.send_report(
                    ep,
                    ELECTRICAL_MEASUREMENT,
                    [AttributeValue(ACTIVE_POWER, DataType.INT16, watts)],
                )

    # -- attributes ---------------------------------------------------------------------

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        for prop, (channel_ep, _) in self.channels.items():
            if cluster == ELECTRICAL_MEASUREMENT and ep == channel_ep:
                return {ACTIVE_POWER: Attribute(DataType.INT16, self._channel_reader(prop))}
        if cluster == LUMI_CLUSTER and ep == 1:
            return {
                LUMI_OVERLOAD_PROTECTION: lumi_attr(
                    DataType.FLOAT, lambda: self.overload_protection_w, self._write_overload
                )
            }
        return {}

    def _channel_reader(self, prop: str) -> Callable[[], object]:
        return lambda: round(self.channel_w(prop))

    def _write_overload(self, value: object) -> Status:
        if not isinstance(value, int | float) or not (
            OVERLOAD_MIN_W <= float(value) <= self.overload_max_w
        ):
            return Status.INVALID_VALUE
        self.overload_protection_w = float(value)
        self.device.state_changed()
        self._changed(report=False)
        return Status.SUCCESS

    # -- Zigbee2MQTT view ---------------------------------------------------------------

    def properties(self) -> list[Property]:
        props = [self._channel_property(prop) for prop in self.channels]
        props += [
            Property(
                "energy",
                read=self.integrate,
                change=self._change_energy,
                pick=lambda current: round(as_number(current) + 0.25, 3),
            ),
            Property(
                "current",
                read=lambda: self.current_a,
                change=self._change_current,
                pick=lambda current: round(as_number(current) + 0.25, 3),
            ),
            Property(
                "overload_protection",
                read=lambda: self.overload_protection_w,
                change=self._change_overload,
                pick=lambda current: 2000.0 if current == 1500.0 else 1500.0,
                writable=True,
            ),
        ]
        return props

    def _channel_property(self, prop: str) -> Property:
        _, relays = self.channels[prop]
        # The channel's first socket takes what the others on it do not draw
        socket, others = relays[0], relays[1:]

        def change(value: object, report: bool) -> None:
            rest = sum(self.drawn(relay) for relay in others)
            self.set_load(socket, as_number(value) - rest, report=report)

        return Property(
            prop,
            read=lambda: float(round(self.channel_w(prop))),
            change=change,
            # Another appliance on the socket: more, so the socket never draws below 0 W
            pick=lambda current: as_number(current) + 25.0,
        )

    def _change_energy(self, value: object, report: bool) -> None:
        kwh = as_number(value)
        if kwh < self.integrate():
            raise PropertyError("the energy counter only grows")
        self.energy_kwh = kwh
        self.device.state_changed()
        if report:
            self.device.send_heartbeat()

    def _change_current(self, value: object, report: bool) -> None:
        """An appliance on the first socket makes the outlet draw ``value`` A."""
        first = next(iter(self.loads))
        rest = self.total_w - self.drawn(first)
        self.set_load(first, as_number(value) * NOMINAL_VOLTAGE - rest, report=report)
        if report:
            self.device.send_heartbeat()

    def _change_overload(self, value: object, report: bool) -> None:
        status = self._write_overload(as_number(value))
        if status != Status.SUCCESS:
            raise PropertyError(f"overload_protection={value!r} refused: {status!r}")
        if report:
            self.device.report_attribute(1, LUMI_CLUSTER, LUMI_OVERLOAD_PROTECTION)

    # -- persistence --------------------------------------------------------------------

    def export_state(self, state: dict[str, Any]) -> None:
        self.integrate()
        state.update(
            socket_loads={str(relay): watts for relay, watts in self.loads.items()},
            energy_kwh=self.energy_kwh,
            overload_protection_w=self.overload_protection_w,
        )

    def import_state(self, state: dict[str, Any]) -> None:
        for relay, watts in dict(state.get("socket_loads", {})).items():
            self.loads[int(relay)] = float(watts)
        self.energy_kwh = float(state.get("energy_kwh", self.energy_kwh))
        self.overload_protection_w = float(
            state.get("overload_protection_w", self.overload_protection_w)
        )
        self._last_integration = self.device.clock.now


def socket_energy_kwh(device: TwinDevice) -> object:
    """Heartbeat index 149: the outlet's energy (kWh)."""
    return device.behaviour(SocketMeters).integrate()


def socket_milliamperes(device: TwinDevice) -> object:
    """Heartbeat index 151: the outlet's current (mA)."""
    return device.behaviour(SocketMeters).current_a * 1000.0
