"""A plug's electrical side: the load behind the relay, its power, energy and protections.

The attached appliance draws ``load_watts`` while the relay is on; energy integrates over
simulated time, the voltage wobbles around 230 V, the current follows. The firmware
reports power when it changes and every five minutes under load. Aqara firmware adds the
consumer-connected flag, overload protection and auto-off (FCC0 0x0207, 0x020B, 0x0202).
"""

from __future__ import annotations

from collections.abc import Callable
import math
from typing import TYPE_CHECKING, Any

from ..clock import SimTimer
from ..clusters import (
    ANALOG_INPUT,
    ELECTRICAL_MEASUREMENT,
    LUMI_CLUSTER,
    METERING,
    POWER_CONFIGURATION,
    PRESENT_VALUE,
)
from ..properties import Property, PropertyError, as_bool, as_number, flip
from ..zcl import LUMI_MANUFACTURER_CODE, AttributeValue, DataType, Status
from ..zcl_server import Attribute, AttrTable, lumi_attr
from .base import Behaviour
from .relays import Relays

if TYPE_CHECKING:
    from ..device import TwinDevice

NOMINAL_VOLTAGE = 230.0
# How often a loaded plug re-reports power/energy on its own (simulated seconds).
POWER_REPORT_INTERVAL_S = 300.0
# auto_off: off after the load stayed under this many watts for this long.
AUTO_OFF_THRESHOLD_W = 2.0
AUTO_OFF_DELAY_S = 20 * 60.0
OVERLOAD_MIN_W = 100.0
OVERLOAD_MAX_W = 2300.0
# Older ZNCZ04LM firmware meters in standard units: summation in Wh (multiplier 1,
# divisor 1000, as read from a real 2019 unit, sprut/Hub#361), rms voltage in 0.1 V, rms
# current in mA and active power in 0.1 W, each with its ZCL multiplier/divisor
LEGACY_SUMMATION_DIVISOR = 1000
LEGACY_VOLTAGE_DIVISOR = 10
LEGACY_CURRENT_DIVISOR = 1000
LEGACY_POWER_DIVISOR = 10

LUMI_AUTO_OFF = 0x0202
LUMI_CONSUMER_CONNECTED = 0x0207
LUMI_OVERLOAD_PROTECTION = 0x020B


class Metering(Behaviour):
    """The load model and how the firmware reports it.

    ``power_endpoint``: AnalogInput presentValue in W; ``energy_endpoint``: AnalogInput in
    kWh, re-reported with power (old Xiaomi); ``electrical_measurement``: the older Aqara
    layout, ElectricalMeasurement and Metering on endpoint 1 instead of AnalogInput;
    ``mains_in_power_configuration``: old Xiaomi's voltage in PowerConfiguration;
    ``aqara_protections``: consumer_connected, overload protection and auto-off;
    ``exposes_mains``: the page shows voltage and current (``exposes_current=False``: voltage
    only, as the H1M switches); ``exposes_energy=False``: power alone (H2 US switches);
    ``hidden``: properties of the above the page does not show (a switch metering energy but
    not power); ``overload_max_w``: the model's highest overload protection (W);
    ``rms_in_electrical_measurement``: False where ElectricalMeasurement has no rms voltage
    and current (SP-EUC01: those travel in the heartbeat only); ``load_relays``: the relays
    the load hangs behind (a multi-rocker switch meters all its circuits).
    """

    def __init__(  # the layouts differ in that many ways
        self,
        *,
        power_endpoint: int | None = None,
        energy_endpoint: int | None = None,
        electrical_measurement: bool = False,
        mains_in_power_configuration: bool = False,
        aqara_protections: bool = False,
        exposes_mains: bool = False,
        power_reports_broken_in: frozenset[int] = frozenset(),
        hidden: frozenset[str] = frozenset(),
        overload_max_w: float = OVERLOAD_MAX_W,
        exposes_current: bool = True,
        exposes_energy: bool = True,
        rms_in_electrical_measurement: bool = True,
        load_relays: tuple[int, ...] = (1,),
        current_in_amperes: bool = False,
    ) -> None:
        self.power_endpoint = power_endpoint
        self.energy_endpoint = energy_endpoint
        self.electrical_measurement = electrical_measurement
        self.mains_in_power_configuration = mains_in_power_configuration
        self.aqara_protections = aqara_protections
        self.exposes_mains = exposes_mains
        self.exposes_current = exposes_current
        self.exposes_energy = exposes_energy
        #: the relays the load hangs behind: a multi-rocker switch meters all its circuits,
        #: so the load draws while any of them is on
        self.load_relays = load_relays
        #: firmware versions that stopped reporting power (ZNCZ04LM 24, pulled from the index)
        self.power_reports_broken_in = power_reports_broken_in
        #: properties the model's page does not show although the firmware measures them
        self.hidden = hidden
        self.rms_in_electrical_measurement = rms_in_electrical_measurement
        #: rmsCurrent in whole amperes, no rmsVoltage, and no current multiplier/divisor
        #: (H2 EU switches refuse to have those read: the ZCL default 1/1 applies)
        self.current_in_amperes = current_in_amperes
        self.load_watts = 0.0
        self.consumer_connected = False
        self.energy_kwh = 0.0
        self.voltage_override: float | None = None
        self.auto_off = False
        #: the highest overload protection the firmware takes (and its default)
        self.overload_max_w = overload_max_w
        self.overload_protection_w = overload_max_w
        self.overload_trips = 0
        self.auto_off_trips = 0
        self._last_integration: float | None = None
        self._power_report_timer: SimTimer | None = None
        self._auto_off_timer: SimTimer | None = None
        self._last_reported_power: float | None = 0.0
        self._phase = 0.0

    def attach(self, device: Any) -> None:
        super().attach(device)
        self._last_integration = device.clock.now
        self._phase = int.from_bytes(device.ieee[:2], "little") / 65535 * math.tau

    @property
    def _relays(self) -> dict[int, bool]:
        return self.device.behaviour(Relays).relays

    # -- load model ---------------------------------------------------------------------

    @property
    def power_w(self) -> float:
        """Instantaneous active power drawn through the relay."""
        if not self.device.powered or not any(self._relays[ep] for ep in self.load_relays):
            return 0.0
        return self.load_watts

    @property
    def voltage_v(self) -> float:
        """Mains voltage: ~230 V with a slow, deterministic wobble (0.1 V resolution)."""
        if self.voltage_override is not None:
            return self.voltage_override
        wobble = 1.5 * math.sin(self.device.clock.now / 900.0 + self._phase)
        return round(NOMINAL_VOLTAGE + wobble, 1)

    @property
    def current_a(self) -> float:
        """RMS current in amperes."""
        voltage = self.voltage_v
        return self.power_w / voltage if voltage > 0 else 0.0

    def integrate(self) -> float:
        """Bring the energy counter up to the current simulated time; return kWh."""
        now = self.device.clock.now
        if self._last_integration is not None and now > self._last_integration:
            self.energy_kwh += self.power_w * (now - self._last_integration) / 3_600_000.0
        self._last_integration = now
        return self.energy_kwh

    def set_load(self, watts: float, *, connected: bool | None = None) -> None:
        """Attach an appliance drawing ``watts`` (0 = nothing drawing)."""
        if watts < 0:
            raise ValueError("load must be >= 0 W")
        self.integrate()
        self.load_watts = float(watts)
        self._set_consumer_connected(watts > 0 if connected is None else connected)
        self._load_changed()
        self.device.state_changed()

    def _set_consumer_connected(self, connected: bool) -> None:
        # A model without the consumer detection (hidden) reports nothing of it
        if not self.aqara_protections or "consumer_connected" in self.hidden:
            self.consumer_connected = connected
            return
        if connected != self.consumer_connected:
            self.consumer_connected = connected
            self.device.send_report(
                1,
                LUMI_CLUSTER,
                [AttributeValue(LUMI_CONSUMER_CONNECTED, DataType.BOOL, connected)],
                manufacturer=LUMI_MANUFACTURER_CODE,
            )

    def _load_changed(self) -> None:
        """React to a change of the drawn power (reports, protections)."""
        if self.aqara_protections and self._check_overload():
            return  # the trip switched the relay off and reported already
        self._report_power(force=False)
        self._schedule_power_reports()
        if self.aqara_protections:
            self._check_auto_off()

    def _check_overload(self) -> bool:
        """Trip the relay when the drawn power exceeds the limit."""
        if self._relays[1] and self.power_w > self.overload_protection_w:
            self.overload_trips += 1
            self.device.behaviour(Relays).set(1, False)
            return True
        return False

    def _check_auto_off(self) -> None:
        idle = (
            self.auto_off
            and self.device.powered
            and self._relays[1]
            and (self.power_w < AUTO_OFF_THRESHOLD_W)
        )
        if not idle:
            if self._auto_off_timer is not None:
                self._auto_off_timer.cancel()
                self._auto_off_timer = None
            return
        if self._auto_off_timer is None:
            self._auto_off_timer = self.device.clock.call_later(
                AUTO_OFF_DELAY_S, self._auto_off_due
            )

    def _auto_off_due(self) -> None:
        self._auto_off_timer = None
        if self.auto_off and self._relays[1] and self.power_w < AUTO_OFF_THRESHOLD_W:
            self.auto_off_trips += 1
            self.device.behaviour(Relays).set(1, False)

    # -- the device's life --------------------------------------------------------------

    def before_relay_change(self, ep: int) -> None:
        self.integrate()

    def after_relay_change(self, ep: int) -> None:
        self._load_changed()

    def before_power_off(self) -> None:
        self.integrate()

    def power_restored(self) -> None:
        self._last_integration = self.device.clock.now
        self._last_reported_power = None
        self._schedule_power_reports()
        if self.aqara_protections:
            self._check_auto_off()

    def stop_timers(self) -> None:
        if self._power_report_timer is not None:
            self._power_report_timer.cancel()
            self._power_report_timer = None
        if self._auto_off_timer is not None:
            self._auto_off_timer.cancel()
            self._auto_off_timer = None

    def factory_reset(self) -> None:
        self.auto_off = False
        self.overload_protection_w = self.overload_max_w

    # -- reports ------------------------------------------------------------------------

    def _report_power(self, *, force: bool) -> None:
        if self.device.file_version in self.power_reports_broken_in:
            return
        power = self.power_w
        if not force and self._last_reported_power == power:
            return
        self._last_reported_power = power
        if self.electrical_measurement:
            values = [AttributeValue(0x050B, DataType.INT16, self._active_power_raw())]
            if self.current_in_amperes:
                values.append(AttributeValue(0x0508, DataType.UINT16, self._rms_current_raw()))
            elif self.rms_in_electrical_measurement:
                values += [
                    AttributeValue(0x0505, DataType.UINT16, self._rms_voltage_raw()),
                    AttributeValue(0x0508, DataType.UINT16, self._rms_current_raw()),
                ]
            self.device.send_report(1, ELECTRICAL_MEASUREMENT, values)
        elif self.power_endpoint is not None:
            self.device.send_report(
                self.power_endpoint,
                ANALOG_INPUT,
                [AttributeValue(PRESENT_VALUE, DataType.FLOAT, power)],
            )

    def _report_energy(self) -> None:
        if self.electrical_measurement:
            self.device.send_report(
                1, METERING, [AttributeValue(0x0000, DataType.UINT48, self._summation_raw())]
            )
        elif self.energy_endpoint is not None:
            self.device.send_report(
                self.energy_endpoint,
                ANALOG_INPUT,
                [AttributeValue(PRESENT_VALUE, DataType.FLOAT, self.integrate())],
            )

    def _schedule_power_reports(self) -> None:
        if self._power_report_timer is not None:
            return
        self._power_report_timer = self.device.clock.call_later(
            POWER_REPORT_INTERVAL_S, self._periodic_power_report
        )

    def _periodic_power_report(self) -> None:
        self._power_report_timer = None
        if not self.device.powered:
            return
        self.integrate()
        if self.power_w > 0:
            self._report_power(force=True)
            self._report_energy()
        self._schedule_power_reports()

    def _active_power_raw(self) -> int:
        return round(self.power_w * LEGACY_POWER_DIVISOR)

    def _rms_voltage_raw(self) -> int:
        return round(self.voltage_v * LEGACY_VOLTAGE_DIVISOR)

    def _rms_current_raw(self) -> int:
        if self.current_in_amperes:
            return round(self.current_a)
        return round(self.current_a * LEGACY_CURRENT_DIVISOR)

    def _summation_raw(self) -> int:
        return round(self.integrate() * LEGACY_SUMMATION_DIVISOR)

    # -- attributes ---------------------------------------------------------------------

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if cluster == ANALOG_INPUT and ep == self.power_endpoint:
            return _analog_input(lambda: self.power_w)
        if cluster == ANALOG_INPUT and ep == self.energy_endpoint:
            return _analog_input(self.integrate)
        if cluster == POWER_CONFIGURATION and self.mains_in_power_configuration:
            return {
                0x0000: Attribute(DataType.UINT16, lambda: round(self.voltage_v * 10)),
                0x0001: Attribute(DataType.UINT8, lambda: 100),  # 50 Hz in 0.5 Hz
            }
        if cluster == METERING and ep == 1 and self.electrical_measurement:
            return {
                0x0000: Attribute(DataType.UINT48, self._summation_raw),
                0x0300: Attribute(DataType.ENUM8, lambda: 0),  # kWh
                0x0301: Attribute(DataType.UINT24, lambda: 1),
                0x0302: Attribute(DataType.UINT24, lambda: LEGACY_SUMMATION_DIVISOR),
                0x0303: Attribute(DataType.MAP8, lambda: 35),
                0x0306: Attribute(DataType.MAP8, lambda: 0),
            }
        if cluster == ELECTRICAL_MEASUREMENT and ep == 1 and self.electrical_measurement:
            rms: AttrTable = (
                {
                    0x0505: Attribute(DataType.UINT16, self._rms_voltage_raw),
                    0x0508: Attribute(DataType.UINT16, self._rms_current_raw),
                }
                if self.rms_in_electrical_measurement
                else {}
            )
            if self.current_in_amperes:
                return {
                    0x0508: Attribute(DataType.UINT16, self._rms_current_raw),
                    0x050B: Attribute(DataType.INT16, self._active_power_raw),
                    0x0604: Attribute(DataType.UINT16, lambda: 1),
                    0x0605: Attribute(DataType.UINT16, lambda: LEGACY_POWER_DIVISOR),
                }
            return {
                **rms,
                0x050B: Attribute(DataType.INT16, self._active_power_raw),
                0x0600: Attribute(DataType.UINT16, lambda: 1),
                0x0601: Attribute(DataType.UINT16, lambda: LEGACY_VOLTAGE_DIVISOR),
                0x0602: Attribute(DataType.UINT16, lambda: 1),
                0x0603: Attribute(DataType.UINT16, lambda: LEGACY_CURRENT_DIVISOR),
                0x0604: Attribute(DataType.UINT16, lambda: 1),
                0x0605: Attribute(DataType.UINT16, lambda: LEGACY_POWER_DIVISOR),
                0x0800: Attribute(DataType.MAP16, lambda: 4),
                0x0803: Attribute(DataType.INT16, lambda: round(self.overload_protection_w)),
            }
        if cluster == LUMI_CLUSTER and ep == 1 and self.aqara_protections:
            return {
                LUMI_AUTO_OFF: lumi_attr(
                    DataType.BOOL, lambda: self.auto_off, self._write_auto_off
                ),
                LUMI_CONSUMER_CONNECTED: lumi_attr(DataType.BOOL, lambda: self.consumer_connected),
                LUMI_OVERLOAD_PROTECTION: lumi_attr(
                    DataType.FLOAT, lambda: self.overload_protection_w, self._write_overload
                ),
            }
        return {}

    def _write_auto_off(self, value: object) -> Status:
        self.auto_off = bool(value)
        self._check_auto_off()
        self.device.state_changed()
        return Status.SUCCESS

    def _write_overload(self, value: object) -> Status:
        if not isinstance(value, int | float) or not (
            OVERLOAD_MIN_W <= float(value) <= self.overload_max_w
        ):
            return Status.INVALID_VALUE
        self.overload_protection_w = float(value)
        self.device.state_changed()
        self._check_overload()
        return Status.SUCCESS

    # -- Zigbee2MQTT view ---------------------------------------------------------------

    def properties(self) -> list[Property]:
        props = [
            Property(
                "power",
                read=lambda: self.power_w,
                change=lambda value, report: self._draw(as_number(value), report=report),
                pick=_other_load,
            ),
        ]
        if self.exposes_energy:
            props.append(
                Property(
                    "energy",
                    read=self.integrate,
                    change=self._change_energy,
                    pick=lambda current: round(as_number(current) + 0.25, 3),
                )
            )
        if self.exposes_mains:
            props.append(
                Property(
                    "voltage",
                    read=lambda: self.voltage_v,
                    change=self._change_voltage,
                    pick=lambda current: round(as_number(current) + 2.3, 1),
                )
            )
        if self.exposes_mains and self.exposes_current:
            props += [
                Property(
                    "current",
                    read=self._current_shown,
                    change=self._change_current,
                    pick=self._other_current,
                ),
            ]
        if self.aqara_protections:
            props += [
                Property(
                    "consumer_connected",
                    read=lambda: self.consumer_connected,
                    change=self._change_consumer,
                    pick=flip,
                ),
                self._setting(
                    "auto_off",
                    LUMI_AUTO_OFF,
                    lambda: self.auto_off,
                    lambda value: self._write_auto_off(as_bool(value)),
                    flip,
                ),
                self._setting(
                    "overload_protection",
                    LUMI_OVERLOAD_PROTECTION,
                    lambda: self.overload_protection_w,
                    lambda value: self._write_overload(as_number(value)),
                    lambda current: 2000.0 if current == 1500.0 else 1500.0,
                ),
            ]
        return [prop for prop in props if prop.name not in self.hidden]

    def _setting(
        self,
        name: str,
        attribute: int,
        read: Callable[[], object],
        write: Callable[[object], Status],
        pick: Callable[[object], object],
    ) -> Property:
        def change(value: object, report: bool) -> None:
            status = write(value)
            if status != Status.SUCCESS:
                raise PropertyError(f"{name}={value!r} refused: {status!r}")
            if report:
                self.device.report_attribute(1, LUMI_CLUSTER, attribute)

        return Property(name, read=read, change=change, pick=pick, writable=True)

    def _draw(self, watts: float, *, report: bool) -> None:
        """An appliance switched on at the plug draws ``watts`` (the relay closes first)."""
        relays = self.device.behaviour(Relays)
        if report:
            if not relays.relays[1]:
                relays.set(1, True)
            self.set_load(watts)
            return
        self.integrate()
        relays.relays[1] = True
        self.load_watts = watts
        self.consumer_connected = watts > 0
        self.device.state_changed()

    def _change_energy(self, value: object, report: bool) -> None:
        """Consumption adds up to ``value`` kWh; the heartbeat carries the counter."""
        kwh = as_number(value)
        if kwh < self.integrate():
            raise PropertyError("the energy counter only grows")
        self.energy_kwh = kwh
        self.device.state_changed()
        if report:
            self.device.send_heartbeat()

    def _change_voltage(self, value: object, report: bool) -> None:
        """The mains voltage moves; the heartbeat carries it."""
        self.voltage_override = as_number(value)
        if report:
            self.device.send_heartbeat()

    def _current_shown(self) -> float:
        """The current as the unit sends it (whole amperes on the H2 EU switches)."""
        return float(self._rms_current_raw()) if self.current_in_amperes else self.current_a

    def _other_current(self, current: object) -> float:
        if self.current_in_amperes:
            return 2.0 if as_number(current) != 2.0 else 1.0
        return _other_load(as_number(current) * self.voltage_v) / self.voltage_v

    def _change_current(self, value: object, report: bool) -> None:
        """Another appliance draws ``value`` A; the heartbeat carries the current."""
        self._draw(as_number(value) * self.voltage_v, report=report)
        if report:
            self.device.send_heartbeat()

    def _change_consumer(self, value: object, report: bool) -> None:
        """An appliance plugged in (or out) without drawing power."""
        connected = as_bool(value)
        if report:
            self._set_consumer_connected(connected)
        else:
            self.consumer_connected = connected
            self.device.state_changed()

    # -- persistence --------------------------------------------------------------------

    def export_state(self, state: dict[str, Any]) -> None:
        self.integrate()
        state.update(
            load_watts=self.load_watts,
            consumer_connected=self.consumer_connected,
            energy_kwh=self.energy_kwh,
        )
        if self.aqara_protections:
            state.update(auto_off=self.auto_off, overload_protection_w=self.overload_protection_w)

    def import_state(self, state: dict[str, Any]) -> None:
        self.load_watts = float(state.get("load_watts", self.load_watts))
        self.consumer_connected = bool(state.get("consumer_connected", self.consumer_connected))
        self.energy_kwh = float(state.get("energy_kwh", self.energy_kwh))
        self._last_integration = self.device.clock.now
        if self.aqara_protections:
            self.auto_off = bool(state.get("auto_off", self.auto_off))
            self.overload_protection_w = float(
                state.get("overload_protection_w", self.overload_protection_w)
            )


def _other_load(current: object) -> float:
    """A new small load (under the lowest overload protection limit, 100 W)."""
    return 42.0 if abs(as_number(current) - 42.0) >= 1 else 63.5


def _analog_input(getter: Callable[[], object]) -> AttrTable:
    return {
        0x0051: Attribute(DataType.BOOL, lambda: False),
        PRESENT_VALUE: Attribute(DataType.FLOAT, getter),
        0x006F: Attribute(DataType.MAP8, lambda: 0),
    }


# Heartbeat values (see heartbeat.py): what the plug's TLV carries


def power_w(device: TwinDevice) -> object:
    return device.behaviour(Metering).power_w


def energy_kwh(device: TwinDevice) -> object:
    return device.behaviour(Metering).integrate()


def decivolts(device: TwinDevice) -> object:
    """Index 150: the voltage in 0.1 V."""
    return round(device.behaviour(Metering).voltage_v * 10)


def milliamperes(device: TwinDevice) -> object:
    """Index 151: the current in mA."""
    return device.behaviour(Metering).current_a * 1000.0
