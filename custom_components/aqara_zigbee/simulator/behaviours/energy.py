"""Electrical Measurement (0x0B04) and Metering (0x0702) of a plug: the load behind its relay.

The appliance draws ``load_watts`` while the endpoint's OnOff is on; energy integrates over
simulated time. Values travel in the units the multiplier/divisor attributes give (the
IKEA INSPELNING's: 0.1 V, mA, 0.1 W, Wh — Koenkk/zigbee2mqtt#30433).
"""

from __future__ import annotations

from typing import Any

from ..clusters import ELECTRICAL_MEASUREMENT, METERING
from ..properties import Property, PropertyError, as_number
from ..zcl import DataType
from ..zcl_server import AttrTable
from .lighting import OnOffServer
from .standard import ClusterServer, Spec

RMS_VOLTAGE = 0x0505
RMS_CURRENT = 0x0508
ACTIVE_POWER = 0x050B
CURRENT_SUMMATION = 0x0000
INSTANTANEOUS_DEMAND = 0x0400
NOMINAL_VOLTAGE = 230.0
VOLTAGE_DIVISOR = 10
CURRENT_DIVISOR = 1000
POWER_DIVISOR = 10
ENERGY_DIVISOR = 1000  # Wh -> kWh


class ElectricalMeasurement(ClusterServer):
    """RMS voltage and current and active power of the load, with their divisors."""

    cluster = ELECTRICAL_MEASUREMENT

    def __init__(self, endpoint: int = 1) -> None:
        super().__init__(
            endpoint,
            {
                0x0000: Spec(DataType.MAP32, 0x00000009),  # MeasurementType: active, AC
                RMS_VOLTAGE: Spec(DataType.UINT16, 0, report=(10, 3600, 20)),
                RMS_CURRENT: Spec(DataType.UINT16, 0, report=(10, 3600, 50)),
                ACTIVE_POWER: Spec(DataType.INT16, 0, report=(10, 3600, 10)),
                0x0600: Spec(DataType.UINT16, 1),  # ACVoltageMultiplier
                0x0601: Spec(DataType.UINT16, VOLTAGE_DIVISOR),
                0x0602: Spec(DataType.UINT16, 1),  # ACCurrentMultiplier
                0x0603: Spec(DataType.UINT16, CURRENT_DIVISOR),
                0x0604: Spec(DataType.UINT16, 1),  # ACPowerMultiplier
                0x0605: Spec(DataType.UINT16, POWER_DIVISOR),
            },
        )
        self.load_watts = 0.0
        self.volts = NOMINAL_VOLTAGE
        self.energy_wh = 0.0
        self._since: float | None = None

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        table = super().server_attributes(ep, cluster)
        if table:
            table[RMS_VOLTAGE].getter = lambda: round(self.volts * VOLTAGE_DIVISOR)
            table[RMS_CURRENT].getter = lambda: round(self.amperes * CURRENT_DIVISOR)
            table[ACTIVE_POWER].getter = lambda: round(self.watts * POWER_DIVISOR)
        return table

    @property
    def watts(self) -> float:
        """What the load draws now (nothing while the relay is off)."""
        onoff = next(
            (
                b
                for b in self.device.behaviours
                if isinstance(b, OnOffServer) and b.endpoint == self.endpoint
            ),
            None,
        )
        return self.load_watts if onoff is None or onoff.on else 0.0

    @property
    def amperes(self) -> float:
        return self.watts / self.volts if self.volts else 0.0

    def integrate(self) -> float:
        """Energy so far (Wh), brought up to the clock's now."""
        now = self.device.clock.now
        if self._since is not None:
            self.energy_wh += self.watts * (now - self._since) / 3600
        self._since = now
        return self.energy_wh

    def set_load(self, watts: float, *, report: bool = True) -> None:
        """Attach an appliance drawing ``watts`` while the relay is on."""
        if watts < 0:
            raise ValueError("a load draws zero or more watts")
        self.integrate()
        self.load_watts = watts
        self.device.state_changed()
        if report:
            self._power_changed()

    def _power_changed(self) -> None:
        for attr in (ACTIVE_POWER, RMS_CURRENT):
            self.changed(attr)
        meter = self.device.find(Metering)
        if meter is not None:
            meter.changed(INSTANTANEOUS_DEMAND)

    def before_relay_change(self, ep: int) -> None:
        if ep == self.endpoint:
            self.integrate()

    def after_relay_change(self, ep: int) -> None:
        if ep == self.endpoint:
            self._power_changed()

    def stop_timers(self) -> None:
        self.integrate()
        self._since = None

    def created(self) -> None:
        self._since = self.device.clock.now

    def power_restored(self) -> None:
        self._since = self.device.clock.now

    def export_state(self, state: dict[str, Any]) -> None:
        state["load"] = {
            "watts": self.load_watts,
            "energy_wh": self.integrate(),
            "volts": self.volts,
        }

    def import_state(self, state: dict[str, Any]) -> None:
        saved = dict(state.get("load", {}))
        self.load_watts = float(saved.get("watts", self.load_watts))
        self.energy_wh = float(saved.get("energy_wh", self.energy_wh))
        self.volts = float(saved.get("volts", self.volts))

    def properties(self) -> list[Property]:
        def change_power(value: object, report: bool) -> None:
            # Only a load that is switched on draws: the appliance is plugged in and running
            onoff = self.device.find(OnOffServer)
            if onoff is not None and not onoff.on:
                onoff.switch(True, report=report)
            self.set_load(as_number(value), report=report)

        def change_voltage(value: object, report: bool) -> None:
            volts = as_number(value)
            if not 100 <= volts <= 260:
                raise PropertyError(f"voltage {volts} out of 100..260")
            self.integrate()
            self.volts = volts
            if report:
                self.changed(RMS_VOLTAGE)

        def change_current(value: object, report: bool) -> None:
            change_power(as_number(value) * self.volts, report)

        def change_energy(value: object, report: bool) -> None:
            self.integrate()
            self.energy_wh = as_number(value) * ENERGY_DIVISOR
            meter = self.device.find(Metering)
            if report and meter is not None:
                meter.changed(CURRENT_SUMMATION)

        return [
            Property(
                "power",
                read=lambda: round(self.watts, 1),
                change=change_power,
                pick=lambda current: 60.0 if current != 60.0 else 1500.0,
            ),
            Property(
                "voltage",
                read=lambda: round(self.volts, 1),
                change=change_voltage,
                pick=lambda current: 231.5 if current != 231.5 else 228.0,
            ),
            Property(
                "current",
                read=lambda: round(self.amperes, 3),
                change=change_current,
                pick=lambda current: 0.5 if current != 0.5 else 2.0,
            ),
            Property(
                "energy",
                read=lambda: round(self.integrate() / ENERGY_DIVISOR, 3),
                change=change_energy,
                pick=lambda current: round(float(str(current)) + 1.25, 3),
            ),
        ]


class Metering(ClusterServer):
    """Summation delivered (Wh, divisor 1000: kWh) and instantaneous demand (W)."""

    cluster = METERING

    def __init__(self, endpoint: int = 1) -> None:
        super().__init__(
            endpoint,
            {
                CURRENT_SUMMATION: Spec(DataType.UINT48, 0, report=(10, 3600, 10)),
                0x0300: Spec(DataType.ENUM8, 0),  # UnitOfMeasure: kWh
                0x0301: Spec(DataType.UINT24, 1),  # Multiplier
                0x0302: Spec(DataType.UINT24, ENERGY_DIVISOR),  # Divisor
                0x0303: Spec(DataType.MAP8, 0x2B),  # SummationFormatting
                0x0306: Spec(DataType.MAP8, 0),  # MeteringDeviceType: electric
                INSTANTANEOUS_DEMAND: Spec(DataType.INT24, 0, report=(10, 3600, 1)),
            },
        )

    def _electrical(self) -> ElectricalMeasurement:
        return self.device.behaviour(ElectricalMeasurement)

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        table = super().server_attributes(ep, cluster)
        if table:
            table[CURRENT_SUMMATION].getter = lambda: int(self._electrical().integrate())
            table[INSTANTANEOUS_DEMAND].getter = lambda: round(self._electrical().watts)
        return table
