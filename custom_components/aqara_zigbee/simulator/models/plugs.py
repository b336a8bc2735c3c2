"""Simulated Xiaomi/Aqara smart plugs: ZNCZ02LM (``lumi.plug``) and ZNCZ04LM (``lumi.plug.mmeu01``).

Both carry a load model: the attached appliance draws ``load_watts`` while the relay is on;
energy integrates over simulated time, voltage wobbles around 230 V, current follows.
"""

from __future__ import annotations

import math
from typing import Any, ClassVar

from ..clock import SimTimer
from ..devices import (
    ALARMS,
    ANALOG_INPUT,
    BASIC,
    BINARY_OUTPUT,
    DEVICE_TEMPERATURE,
    GP_PROFILE,
    GREEN_POWER,
    GROUPS,
    IDENTIFY,
    LUMI_CLUSTER,
    ON_OFF,
    OTA,
    POWER_CONFIGURATION,
    PRESENT_VALUE,
    SCENES,
    SINGLE_BUTTON_ALIASES,
    TIME,
    Attribute,
    AttrTable,
    ButtonSpec,
    EndpointSpec,
    LumiDevice,
    lumi_attr,
)
from ..properties import Property, PropertyError, as_bool, as_number, flip
from ..tlv import TlvEntry
from ..zcl import LUMI_MANUFACTURER_CODE, AttributeValue, DataType, Status

NOMINAL_VOLTAGE = 230.0
# How often a loaded plug re-reports power/energy on its own (simulated seconds).
POWER_REPORT_INTERVAL_S = 300.0
# auto_off: off after the load stayed under this many watts for this long.
AUTO_OFF_THRESHOLD_W = 2.0
AUTO_OFF_DELAY_S = 20 * 60.0
OVERLOAD_MIN_W = 100.0
OVERLOAD_MAX_W = 2300.0

METERING = 0x0702
ELECTRICAL_MEASUREMENT = 0x0B04
# Older ZNCZ04LM firmware meters in standard units: summation in Wh (multiplier 1,
# divisor 1000, as read from a real 2019 unit, sprut/Hub#361), rms voltage in 0.1 V, rms
# current in mA and active power in 0.1 W, each with its ZCL multiplier/divisor
LEGACY_SUMMATION_DIVISOR = 1000
LEGACY_VOLTAGE_DIVISOR = 10
LEGACY_CURRENT_DIVISOR = 1000
LEGACY_POWER_DIVISOR = 10

# lumi.plug power_outage_memory: two genBasic 0xFFF0 writes (mfr 0x115F) per setting.
LUMI_PLUG_POM_ON = (bytes.fromhex("aa8005d14707011001"), bytes.fromhex("aa8003d3070801"))
LUMI_PLUG_POM_OFF = (bytes.fromhex("aa8005d14709011000"), bytes.fromhex("aa8003d3070a01"))


class PlugDevice(LumiDevice):
    """A mains plug with one relay on endpoint 1 and a power meter."""

    IS_ROUTER = True
    RX_ON_WHEN_IDLE = True
    MAC_CAPABILITY = 0x8E
    RELAY_ENDPOINTS = (1,)
    BUTTONS: ClassVar[dict[str, ButtonSpec]] = {"main": ButtonSpec(None, (1,))}
    BUTTON_ALIASES: ClassVar[dict[str, str]] = SINGLE_BUTTON_ALIASES
    DEFAULT_GROUPS: ClassVar[dict[int, frozenset[int]]] = {1: frozenset({0})}
    DEFAULT_POWER_OUTAGE_MEMORY = False
    POWER_ENDPOINT: ClassVar[int] = 2

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.load_watts = 0.0
        self.consumer_connected = False
        self.energy_kwh = 0.0
        self.voltage_override: float | None = None
        self._last_integration: float | None = None
        self._power_report_timer: SimTimer | None = None
        self._last_reported_power: float | None = 0.0
        super().__init__(*args, **kwargs)
        self._last_integration = self.clock.now
        self._phase = int.from_bytes(self.ieee[:2], "little") / 65535 * math.tau

    # -- load model -------------------------------------------------------------------

    @property
    def power_w(self) -> float:
        """Instantaneous active power drawn through the relay."""
        if not self.powered or not self.relays[1]:
            return 0.0
        return self.load_watts

    @property
    def voltage_v(self) -> float:
        """Mains voltage: ~230 V with a slow, deterministic wobble (0.1 V resolution)."""
        if self.voltage_override is not None:
            return self.voltage_override
        wobble = 1.5 * math.sin(self.clock.now / 900.0 + self._phase)
        return round(NOMINAL_VOLTAGE + wobble, 1)

    @property
    def current_a(self) -> float:
        """RMS current in amperes."""
        voltage = self.voltage_v
        return self.power_w / voltage if voltage > 0 else 0.0

    def integrate(self) -> float:
        """Bring the energy counter up to the current simulated time; return kWh."""
        now = self.clock.now
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
        self._state_changed()

    def _set_consumer_connected(self, connected: bool) -> None:
        self.consumer_connected = connected

    # -- Zigbee2MQTT view -------------------------------------------------------------

    def _z2m_properties(self) -> list[Property]:
        return [
            *super()._z2m_properties(),
            Property(
                "power",
                read=lambda: self.power_w,
                change=lambda value, report: self._draw(as_number(value), report=report),
                pick=_other_load,
            ),
            Property(
                "energy",
                read=self.integrate,
                change=self._change_energy,
                pick=lambda current: round(as_number(current) + 0.25, 3),
            ),
        ]

    def _draw(self, watts: float, *, report: bool) -> None:
        """An appliance switched on at the plug draws ``watts`` (the relay closes first)."""
        if report:
            if not self.relays[1]:
                self.set_relay(1, True)
            self.set_load(watts)
            return
        self.integrate()
        self.relays[1] = True
        self.load_watts = watts
        self.consumer_connected = watts > 0
        self._state_changed()

    def _change_energy(self, value: object, report: bool) -> None:
        """Consumption adds up to ``value`` kWh; the heartbeat carries the counter."""
        kwh = as_number(value)
        if kwh < self.integrate():
            raise PropertyError("the energy counter only grows")
        self.energy_kwh = kwh
        self._state_changed()
        if report:
            self.send_heartbeat()

    def _load_changed(self) -> None:
        """React to a change of the drawn power (reports, protections)."""
        self._report_power(force=False)
        self._schedule_power_reports()

    def _before_relay_change(self, ep: int) -> None:
        self.integrate()

    def _after_relay_change(self, ep: int) -> None:
        self._load_changed()

    def _before_power_change(self) -> None:
        self.integrate()

    def _after_power_on(self) -> None:
        self._last_integration = self.clock.now
        self._last_reported_power = None
        self._schedule_power_reports()

    # -- reports ----------------------------------------------------------------------

    def _report_power(self, *, force: bool) -> None:
        power = self.power_w
        if not force and self._last_reported_power == power:
            return
        self._last_reported_power = power
        self._send_power_report(power)

    def _send_power_report(self, power: float) -> None:
        self.send_report(
            self.POWER_ENDPOINT,
            ANALOG_INPUT,
            [AttributeValue(PRESENT_VALUE, DataType.FLOAT, power)],
        )

    def _schedule_power_reports(self) -> None:
        if self._power_report_timer is not None:
            return
        self._power_report_timer = self.clock.call_later(
            POWER_REPORT_INTERVAL_S, self._periodic_power_report
        )

    def _periodic_power_report(self) -> None:
        self._power_report_timer = None
        if not self.powered:
            return
        self.integrate()
        if self.power_w > 0:
            self._report_power(force=True)
            self._report_energy()
        self._schedule_power_reports()

    def _report_energy(self) -> None:
        """Models with an energy endpoint report it alongside power."""

    def _cancel_timers(self) -> None:
        super()._cancel_timers()
        if self._power_report_timer is not None:
            self._power_report_timer.cancel()
            self._power_report_timer = None

    # -- attributes -------------------------------------------------------------------

    def _server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if cluster == ANALOG_INPUT and ep == self.POWER_ENDPOINT:
            return _analog_input(lambda: self.power_w)
        return super()._server_attributes(ep, cluster)

    # -- persistence ------------------------------------------------------------------

    def export_state(self) -> dict[str, Any]:
        self.integrate()
        state = super().export_state()
        state.update(
            load_watts=self.load_watts,
            consumer_connected=self.consumer_connected,
            energy_kwh=self.energy_kwh,
        )
        return state

    def import_state(self, state: dict[str, Any]) -> None:
        super().import_state(state)
        self.load_watts = float(state.get("load_watts", self.load_watts))
        self.consumer_connected = bool(state.get("consumer_connected", self.consumer_connected))
        self.energy_kwh = float(state.get("energy_kwh", self.energy_kwh))
        self._last_integration = self.clock.now


def _other_load(current: object) -> float:
    """A new small load (under the lowest overload protection limit, 100 W)."""
    return 42.0 if abs(as_number(current) - 42.0) >= 1 else 63.5


def _analog_input(getter: Any) -> AttrTable:
    return {
        0x0051: Attribute(DataType.BOOL, lambda: False),
        PRESENT_VALUE: Attribute(DataType.FLOAT, getter),
        0x006F: Attribute(DataType.MAP8, lambda: 0),
    }


class ZNCZ02LM(PlugDevice):
    """Mi power plug ZigBee (CN), ``lumi.plug``: old Xiaomi firmware, no 0xFCC0.

    Power on endpoint 2 and energy on endpoint 3 (AnalogInput); heartbeat in genBasic 0xFF01;
    power_outage_memory through a two-write handshake on genBasic 0xFFF0.
    """

    MODEL_ID = "lumi.plug"
    Z2M_MODEL = "ZNCZ02LM"
    IEEE_OUI = bytes.fromhex("00158d")
    # Old Xiaomi node descriptors carry 4151 (0x1037), not Lumi's 0x115F.
    NODE_MANUFACTURER_CODE = 0x1037
    SERVER_MASK = 0x0000
    ZCL_VERSION = 1
    APP_VERSION = 1
    DATE_CODE = "02-28-2017"
    SW_BUILD_ID = "0.0.0_0092"
    OTA_FILE_VERSION = 92
    OTA_IMAGE_TYPE = 0x0101
    HEARTBEAT_CLUSTER = BASIC
    HEARTBEAT_ATTR = 0xFF01
    HEARTBEAT_TYPE = DataType.CHAR_STRING
    POWER_ENDPOINT = 2
    ENERGY_ENDPOINT: ClassVar[int] = 3
    ENDPOINTS = (
        EndpointSpec(
            1,
            0x0051,
            (
                BASIC,
                POWER_CONFIGURATION,
                DEVICE_TEMPERATURE,
                IDENTIFY,
                GROUPS,
                SCENES,
                ON_OFF,
                TIME,
                BINARY_OUTPUT,
            ),
            (TIME, OTA),
        ),
        EndpointSpec(2, 0x0009, (ANALOG_INPUT,), (GROUPS, ANALOG_INPUT)),
        EndpointSpec(3, 0x0053, (ANALOG_INPUT,), (ANALOG_INPUT,)),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._pom_pending: bool | None = None
        super().__init__(*args, **kwargs)

    def heartbeat_entries(self) -> list[TlvEntry]:
        self.integrate()
        return [
            (100, DataType.BOOL, self.relays[1]),
            (3, DataType.INT8, round(self.temperature)),
            (152, DataType.FLOAT, self.power_w),
            (149, DataType.FLOAT, self.energy_kwh),
            # lumi.plug sends the voltage as an integer in 0.1 V
            (150, DataType.UINT32, round(self.voltage_v * 10)),
            (5, DataType.UINT16, self.power_on_count),
            (154, DataType.UINT8, 0),
            (8, DataType.UINT16, self.HEARTBEAT_UNKNOWN_8),
            (7, DataType.UINT64, 0),
            (9, DataType.UINT16, 0x0400),
            (11, DataType.UINT8, 0),
        ]

    def _report_energy(self) -> None:
        self.send_report(
            self.ENERGY_ENDPOINT,
            ANALOG_INPUT,
            [AttributeValue(PRESENT_VALUE, DataType.FLOAT, self.integrate())],
        )

    def _server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if cluster == ANALOG_INPUT and ep == self.ENERGY_ENDPOINT:
            return _analog_input(self.integrate)
        table = super()._server_attributes(ep, cluster)
        if cluster == BASIC:
            table[0xFF01] = lumi_attr(DataType.CHAR_STRING, self.heartbeat_payload)
            table[0xFFF0] = lumi_attr(DataType.OCTET_STRING, lambda: b"", self._write_fff0)
        elif cluster == POWER_CONFIGURATION:
            table[0x0000] = Attribute(DataType.UINT16, lambda: round(self.voltage_v * 10))
            table[0x0001] = Attribute(DataType.UINT8, lambda: 100)  # 50 Hz in 0.5 Hz
        elif cluster == BINARY_OUTPUT:
            table[0x0051] = Attribute(DataType.BOOL, lambda: False)
            table[PRESENT_VALUE] = Attribute(DataType.BOOL, lambda: self.relays[1])
            table[0x006F] = Attribute(DataType.MAP8, lambda: 0)
        return table

    def _z2m_properties(self) -> list[Property]:
        def change(value: object, _report: bool) -> None:
            # The old firmware reports no change of this setting, and its heartbeat lacks
            # it: nothing goes on the air.
            self.power_outage_memory = as_bool(value)
            self._state_changed()

        return [
            *super()._z2m_properties(),
            Property(
                "power_outage_memory",
                read=lambda: self.power_outage_memory,
                change=change,
                pick=flip,
                writable=True,
            ),
        ]

    def _write_fff0(self, value: object) -> Status:
        """power_outage_memory handshake: the first frame selects, the second commits."""
        data = bytes(value) if isinstance(value, bytes | bytearray) else b""
        for enabled, (select, commit) in ((True, LUMI_PLUG_POM_ON), (False, LUMI_PLUG_POM_OFF)):
            if data == select:
                self._pom_pending = enabled
                return Status.SUCCESS
            if data == commit:
                if self._pom_pending is enabled:
                    self.power_outage_memory = enabled
                    self._state_changed()
                self._pom_pending = None
                return Status.SUCCESS
        return Status.INVALID_VALUE


class ZNCZ04LM(PlugDevice):
    """Mi power plug ZigBee EU, ``lumi.plug.mmeu01``, newer firmware layout.

    Endpoint 1 carries 0xFCC0 (settings and heartbeat 0x00F7); power on endpoint 21.
    """

    MODEL_ID = "lumi.plug.mmeu01"
    Z2M_MODEL = "ZNCZ04LM"
    IEEE_OUI = bytes.fromhex("04cf8c")
    APP_VERSION = 22
    DATE_CODE = "09-18-2019"
    SW_BUILD_ID = "0.0.0_0022"
    OTA_FILE_VERSION = 22
    OTA_IMAGE_TYPE = 0x4018
    # Firmware 24 (pulled from the Zigbee2MQTT OTA index) stops reporting power.
    POWER_REPORTS_BROKEN_IN: ClassVar[frozenset[int]] = frozenset({24})
    POWER_ENDPOINT = 21
    ENDPOINTS: ClassVar[tuple[EndpointSpec, ...]] = (
        EndpointSpec(
            1,
            0x0051,
            (BASIC, DEVICE_TEMPERATURE, IDENTIFY, GROUPS, SCENES, ON_OFF, LUMI_CLUSTER),
            (TIME, OTA),
        ),
        EndpointSpec(21, 0x0051, (ANALOG_INPUT,)),
        EndpointSpec(242, 0x0061, (), (GREEN_POWER,), profile=GP_PROFILE),
    )
    DEFAULT_OVERLOAD_W: ClassVar[float] = OVERLOAD_MAX_W

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.auto_off = False
        self.led_disabled_night = False
        self.overload_protection_w = self.DEFAULT_OVERLOAD_W
        self.overload_trips = 0
        self.auto_off_trips = 0
        self._auto_off_timer: SimTimer | None = None
        super().__init__(*args, **kwargs)

    def heartbeat_entries(self) -> list[TlvEntry]:
        self.integrate()
        return [
            (100, DataType.BOOL, self.relays[1]),
            (3, DataType.INT8, round(self.temperature)),
            (152, DataType.FLOAT, self.power_w),
            (149, DataType.FLOAT, self.energy_kwh),
            (150, DataType.FLOAT, round(self.voltage_v * 10)),
            (151, DataType.FLOAT, self.current_a * 1000.0),
            (5, DataType.UINT16, self.power_on_count),
            (154, DataType.UINT8, 0),
            (8, DataType.UINT16, self.HEARTBEAT_UNKNOWN_8),
            (7, DataType.UINT64, 0),
            (9, DataType.UINT16, 0x0400),
            (11, DataType.UINT8, 0),
            (155, DataType.BOOL, False),
        ]

    def _z2m_properties(self) -> list[Property]:
        return [
            *super()._z2m_properties(),
            Property(
                "voltage",
                read=lambda: self.voltage_v,
                change=self._change_voltage,
                pick=lambda current: round(as_number(current) + 2.3, 1),
            ),
            Property(
                "current",
                read=lambda: self.current_a,
                change=self._change_current,
                pick=lambda current: (
                    _other_load(as_number(current) * self.voltage_v) / self.voltage_v
                ),
            ),
            Property(
                "consumer_connected",
                read=lambda: self.consumer_connected,
                change=self._change_consumer,
                pick=flip,
            ),
            self._pom_property(),
            self._raw_setting_property(
                "led_disabled_night",
                read=lambda: self.led_disabled_night,
                write=lambda value: self._write_led_night(as_bool(value)),
                report=(1, LUMI_CLUSTER, 0x0203),
            ),
            self._raw_setting_property(
                "auto_off",
                read=lambda: self.auto_off,
                write=lambda value: self._write_auto_off(as_bool(value)),
                report=(1, LUMI_CLUSTER, 0x0202),
            ),
            self._raw_setting_property(
                "overload_protection",
                read=lambda: self.overload_protection_w,
                write=lambda value: self._write_overload(as_number(value)),
                report=(1, LUMI_CLUSTER, 0x020B),
                pick=lambda current: 2000.0 if current == 1500.0 else 1500.0,
            ),
        ]

    def _change_voltage(self, value: object, report: bool) -> None:
        """The mains voltage moves; the heartbeat carries it."""
        self.voltage_override = as_number(value)
        if report:
            self.send_heartbeat()

    def _change_current(self, value: object, report: bool) -> None:
        """Another appliance draws ``value`` A; the heartbeat carries the current."""
        self._draw(as_number(value) * self.voltage_v, report=report)
        if report:
            self.send_heartbeat()

    def _change_consumer(self, value: object, report: bool) -> None:
        """An appliance plugged in (or out) without drawing power."""
        connected = as_bool(value)
        if report:
            self._set_consumer_connected(connected)
        else:
            self.consumer_connected = connected
            self._state_changed()

    def _lumi_attributes(self, ep: int) -> AttrTable:
        table = super()._lumi_attributes(ep)
        if ep == 1:
            table[0x0202] = lumi_attr(DataType.BOOL, lambda: self.auto_off, self._write_auto_off)
            table[0x0203] = lumi_attr(
                DataType.BOOL, lambda: self.led_disabled_night, self._write_led_night
            )
            table[0x0207] = lumi_attr(DataType.BOOL, lambda: self.consumer_connected)
            table[0x020B] = lumi_attr(
                DataType.FLOAT, lambda: self.overload_protection_w, self._write_overload
            )
        return table

    def _write_auto_off(self, value: object) -> Status:
        self.auto_off = bool(value)
        self._check_auto_off()
        self._state_changed()
        return Status.SUCCESS

    def _write_led_night(self, value: object) -> Status:
        self.led_disabled_night = bool(value)
        self._state_changed()
        return Status.SUCCESS

    def _write_overload(self, value: object) -> Status:
        if not isinstance(value, int | float) or not (
            OVERLOAD_MIN_W <= float(value) <= OVERLOAD_MAX_W
        ):
            return Status.INVALID_VALUE
        self.overload_protection_w = float(value)
        self._state_changed()
        self._check_overload()
        return Status.SUCCESS

    def _report_power(self, *, force: bool) -> None:
        if self.file_version in self.POWER_REPORTS_BROKEN_IN:
            return
        super()._report_power(force=force)

    def _set_consumer_connected(self, connected: bool) -> None:
        if connected != self.consumer_connected:
            self.consumer_connected = connected
            self.send_report(
                1,
                LUMI_CLUSTER,
                [AttributeValue(0x0207, DataType.BOOL, connected)],
                manufacturer=LUMI_MANUFACTURER_CODE,
            )

    def _load_changed(self) -> None:
        if self._check_overload():
            return  # the trip switched the relay off and reported already
        super()._load_changed()
        self._check_auto_off()

    def _check_overload(self) -> bool:
        """Trip the relay when the drawn power exceeds the limit."""
        if self.relays[1] and self.power_w > self.overload_protection_w:
            self.overload_trips += 1
            self.set_relay(1, False)
            return True
        return False

    def _check_auto_off(self) -> None:
        idle = (
            self.auto_off
            and self.powered
            and self.relays[1]
            and (self.power_w < AUTO_OFF_THRESHOLD_W)
        )
        if not idle:
            if self._auto_off_timer is not None:
                self._auto_off_timer.cancel()
                self._auto_off_timer = None
            return
        if self._auto_off_timer is None:
            self._auto_off_timer = self.clock.call_later(AUTO_OFF_DELAY_S, self._auto_off_due)

    def _auto_off_due(self) -> None:
        self._auto_off_timer = None
        if self.auto_off and self.relays[1] and self.power_w < AUTO_OFF_THRESHOLD_W:
            self.auto_off_trips += 1
            self.set_relay(1, False)

    def _cancel_timers(self) -> None:
        super()._cancel_timers()
        if self._auto_off_timer is not None:
            self._auto_off_timer.cancel()
            self._auto_off_timer = None

    def _after_power_on(self) -> None:
        super()._after_power_on()
        self._check_auto_off()

    def _reset_model_settings(self) -> None:
        self.auto_off = False
        self.led_disabled_night = False
        self.overload_protection_w = self.DEFAULT_OVERLOAD_W

    def export_state(self) -> dict[str, Any]:
        state = super().export_state()
        state.update(
            auto_off=self.auto_off,
            led_disabled_night=self.led_disabled_night,
            overload_protection_w=self.overload_protection_w,
        )
        return state

    def import_state(self, state: dict[str, Any]) -> None:
        super().import_state(state)
        self.auto_off = bool(state.get("auto_off", self.auto_off))
        self.led_disabled_night = bool(state.get("led_disabled_night", self.led_disabled_night))
        self.overload_protection_w = float(
            state.get("overload_protection_w", self.overload_protection_w)
        )


class ZNCZ04LMLegacy(ZNCZ04LM):
    """ZNCZ04LM with the older firmware layout: Metering (0x0702) and ElectricalMeasurement
    (0x0B04) on endpoint 1 instead of AnalogInput on endpoint 21; 0xFCC0 still served.

    Power, voltage and current are reported raw in ElectricalMeasurement units and energy as
    the Metering summation; the multipliers/divisors are only answered to reads.
    """

    VARIANT = "ZNCZ04LM-legacy"
    ENDPOINTS: ClassVar[tuple[EndpointSpec, ...]] = (
        EndpointSpec(
            1,
            0x0051,
            (
                BASIC,
                DEVICE_TEMPERATURE,
                IDENTIFY,
                GROUPS,
                SCENES,
                ON_OFF,
                ALARMS,
                METERING,
                ELECTRICAL_MEASUREMENT,
            ),
            (TIME, OTA),
            hidden_clusters=(LUMI_CLUSTER,),
        ),
        EndpointSpec(242, 0x0061, (), (GREEN_POWER,), profile=GP_PROFILE),
    )

    def _send_power_report(self, power: float) -> None:
        self.send_report(
            1,
            ELECTRICAL_MEASUREMENT,
            [
                AttributeValue(0x050B, DataType.INT16, self._active_power_raw()),
                AttributeValue(0x0505, DataType.UINT16, self._rms_voltage_raw()),
                AttributeValue(0x0508, DataType.UINT16, self._rms_current_raw()),
            ],
        )

    def _report_energy(self) -> None:
        self.send_report(
            1, METERING, [AttributeValue(0x0000, DataType.UINT48, self._summation_raw())]
        )

    def _active_power_raw(self) -> int:
        return round(self.power_w * LEGACY_POWER_DIVISOR)

    def _rms_voltage_raw(self) -> int:
        return round(self.voltage_v * LEGACY_VOLTAGE_DIVISOR)

    def _rms_current_raw(self) -> int:
        return round(self.current_a * LEGACY_CURRENT_DIVISOR)

    def _summation_raw(self) -> int:
        return round(self.integrate() * LEGACY_SUMMATION_DIVISOR)

    def _server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if ep == 1 and cluster == METERING:
            return {
                0x0000: Attribute(DataType.UINT48, self._summation_raw),
                0x0300: Attribute(DataType.ENUM8, lambda: 0),  # kWh
                0x0301: Attribute(DataType.UINT24, lambda: 1),
                0x0302: Attribute(DataType.UINT24, lambda: LEGACY_SUMMATION_DIVISOR),
                0x0303: Attribute(DataType.MAP8, lambda: 35),
                0x0306: Attribute(DataType.MAP8, lambda: 0),
            }
        if ep == 1 and cluster == ELECTRICAL_MEASUREMENT:
            return {
                0x0505: Attribute(DataType.UINT16, self._rms_voltage_raw),
                0x0508: Attribute(DataType.UINT16, self._rms_current_raw),
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
        return super()._server_attributes(ep, cluster)
