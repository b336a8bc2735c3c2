"""Battery end devices: battery %, its voltage, low-battery alarm, and sleeping between polls.

Aqara sensors tell their battery voltage (mV) in the Lumi heartbeat (index 1 of genBasic
0xFF01 or 0xFCC0 0x00F7), a few newer ones in genPowerCfg too. Zigbee2MQTT computes the
percentage from that voltage with the model's ``voltageToPercentage`` curve (``meta.battery``
in its device library): a linear span (``{min, max}``: 2850-3000 mV for a CR2032/CR1632,
3000-4200 mV for a rechargeable cell) or one of two named curves ("3V_2100",
"3V_1500_2800"). Every battery feature marks its device sleepy: writes then wait for the
device to wake up, and availability uses the battery timeout.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from ..devices.model import (
    RO,
    TLV_WHOLE,
    Access,
    AttributeSource,
    BoolCodec,
    Codec,
    DerivedSource,
    Expose,
    Feature,
    HeartbeatSource,
    Platform,
    Source,
    finite_number,
)

POWER_CFG: Final = 0x0001
BATTERY_VOLTAGE: Final = 0x0020  # uint8, 100 mV units
BATTERY_PERCENTAGE_REMAINING: Final = 0x0021  # uint8, half percent
BATTERY_ALARM_STATE: Final = 0x003E  # map32
#: the heartbeat index of the battery voltage (mV) on every Lumi battery device
HEARTBEAT_VOLTAGE_INDEX: Final = 1

#: ZCL: 0xFF in batteryVoltage / batteryPercentageRemaining means "unknown"
_INVALID_UINT8: Final = 0xFF
#: batteryAlarmState bits 0-3, 10-13, 20-23: a low alarm of battery source 1, 2 or 3
_LOW_BATTERY_BITS: Final = 0x00F03C0F


def _js_round(value: float) -> int:
    """JavaScript's Math.round (half up), which Zigbee2MQTT's percentages use."""
    return int(value + 0.5) if value >= 0 else -int(-value + 0.5)


@dataclass(frozen=True, slots=True)
class LinearCurve:
    """Battery % linear between ``min_mv`` (0 %) and ``max_mv`` (100 %), clamped."""

    min_mv: int
    max_mv: int

    def decode(self, raw: object) -> object | None:
        millivolts = finite_number(raw)
        if millivolts is None:
            return None
        clamped = min(max(millivolts, self.min_mv), self.max_mv)
        return _js_round((clamped - self.min_mv) / (self.max_mv - self.min_mv) * 100)

    def encode(self, value: object) -> object:
        raise ValueError("battery percentages are not written")


@dataclass(frozen=True, slots=True)
class LithiumCurve:
    """Zigbee2MQTT's "3V_2100" curve: a CR2450 discharge, piecewise linear 2100-3000 mV."""

    def decode(self, raw: object) -> object | None:
        mv = finite_number(raw)
        if mv is None:
            return None
        if mv < 2100:
            percent = 0.0
        elif mv < 2440:
            percent = 6 - (2440 - mv) * 6 / 340
        elif mv < 2740:
            percent = 18 - (2740 - mv) * 12 / 300
        elif mv < 2900:
            percent = 42 - (2900 - mv) * 24 / 160
        elif mv < 3000:
            percent = 100 - (3000 - mv) * 58 / 100
        else:
            percent = 100.0
        return _js_round(percent)

    def encode(self, value: object) -> object:
        raise ValueError("battery percentages are not written")


@dataclass(frozen=True, slots=True)
class AlkalineCurve:
    """Zigbee2MQTT's "3V_1500_2800" curve for two AAA cells: 235 - 370000 / (mV + 1)."""

    def decode(self, raw: object) -> object | None:
        mv = finite_number(raw)
        if mv is None:
            return None
        return _js_round(min(max(235 - 370000 / (mv + 1), 0.0), 100.0))

    def encode(self, value: object) -> object:
        raise ValueError("battery percentages are not written")


BatteryCurve = LinearCurve | LithiumCurve | AlkalineCurve

#: CR2032 / CR1632 coin cells of most Aqara sensors (``{min: 2850, max: 3000}``)
COIN_CELL: Final = LinearCurve(2850, 3000)
#: the few sensors Zigbee2MQTT gives a wider span (``{min: 2475, max: 3000}``)
COIN_CELL_WIDE: Final = LinearCurve(2475, 3000)
#: rechargeable lithium cells (``{min: 3000, max: 4200}``)
RECHARGEABLE: Final = LinearCurve(3000, 4200)
LITHIUM_3V_2100: Final = LithiumCurve()
ALKALINE_3V_1500_2800: Final = AlkalineCurve()


@dataclass(frozen=True, slots=True)
class _UnknownIs0xFF:
    """A genPowerCfg uint8 scaled, where 0xFF means the value is unknown."""

    scale: float

    def decode(self, raw: object) -> object | None:
        number = finite_number(raw)
        if number is None or isinstance(raw, bool) or number >= _INVALID_UINT8:
            return None
        value = number * self.scale
        return int(value) if value.is_integer() else round(value, 2)

    def encode(self, value: object) -> object:
        raise ValueError("battery values are not written")


@dataclass(frozen=True, slots=True)
class _LowBatteryAlarm:
    """batteryAlarmState: any low-voltage alarm bit of any of the three battery sources."""

    def decode(self, raw: object) -> object | None:
        if isinstance(raw, bool) or not isinstance(raw, int):
            return None
        return bool(raw & _LOW_BATTERY_BITS)

    def encode(self, value: object) -> object:
        raise ValueError("alarms are not written")


def _power_cfg(attribute: int, codec: Codec) -> AttributeSource:
    return AttributeSource(endpoint=1, cluster=POWER_CFG, attribute=attribute, codec=codec)


def _battery_expose(sources: tuple[Source, ...], *, readable: bool = False) -> Expose:
    return Expose(
        key="battery",
        platform=Platform.SENSOR,
        access=RO if readable else Access.REPORT,
        translation_key="battery",
        description="Remaining battery in %, can take up to 24 hours before reported",
        unit="%",
        device_class="battery",
        state_class="measurement",
        entity_category="diagnostic",
        native_min=0,
        native_max=100,
        sources=sources,
    )


def _voltage_expose(sources: tuple[Source, ...], *, readable: bool = False) -> Expose:
    return Expose(
        key="voltage",
        platform=Platform.SENSOR,
        access=RO if readable else Access.REPORT,
        translation_key="battery_voltage",
        description="Voltage of the battery in millivolts",
        unit="mV",
        device_class="voltage",
        state_class="measurement",
        entity_category="diagnostic",
        sources=sources,
    )


def lumi_battery(
    curve: BatteryCurve = COIN_CELL,
    *,
    index: int = HEARTBEAT_VOLTAGE_INDEX,
    power_cfg_voltage: bool = False,
    voltage_first: bool = False,
) -> Feature:
    """Battery voltage from the Lumi heartbeat, battery % from it with ``curve``.

    ``power_cfg_voltage``: genPowerCfg batteryVoltage reports (100 mV units) carry it too
    (the % is still computed from the voltage: Zigbee2MQTT does not trust the device's).
    ``voltage_first``: the model's page lists voltage before battery (the order of exposes).
    """
    voltage_sources: tuple[Source, ...] = (HeartbeatSource(index=index, codec=TLV_WHOLE),)
    if power_cfg_voltage:
        voltage_sources += (_power_cfg(BATTERY_VOLTAGE, _UnknownIs0xFF(100)),)
    battery = _battery_expose((DerivedSource(key="voltage", codec=curve),))
    voltage = _voltage_expose(voltage_sources)
    exposes = (voltage, battery) if voltage_first else (battery, voltage)
    return Feature(exposes=exposes, sleepy=True)


def power_cfg_battery(
    curve: BatteryCurve | None = None, *, readable: bool = False, voltage_first: bool = False
) -> Feature:
    """genPowerCfg battery: batteryVoltage (100 mV units), and the % computed from it with
    ``curve`` (the model's ``voltageToPercentage``) or, without one, the device's own
    batteryPercentageRemaining (half percent). ``readable``: the page offers ``/get``.
    """
    voltage = _voltage_expose(
        (_power_cfg(BATTERY_VOLTAGE, _UnknownIs0xFF(100)),), readable=readable
    )
    battery_source: Source = (
        DerivedSource(key="voltage", codec=curve)
        if curve is not None
        else _power_cfg(BATTERY_PERCENTAGE_REMAINING, _UnknownIs0xFF(0.5))
    )
    # A derived % is read through its voltage (the read answers both)
    battery = _battery_expose((battery_source,), readable=readable and curve is None)
    exposes = (voltage, battery) if voltage_first else (battery, voltage)
    return Feature(exposes=exposes, sleepy=True)


def battery_low(*, heartbeat_index: int | None = None) -> Feature:
    """Low battery: genPowerCfg batteryAlarmState (or a heartbeat flag on some models)."""
    sources: tuple[Source, ...] = (_power_cfg(BATTERY_ALARM_STATE, _LowBatteryAlarm()),)
    if heartbeat_index is not None:
        sources += (HeartbeatSource(index=heartbeat_index, codec=BoolCodec()),)
    expose = Expose(
        key="battery_low",
        platform=Platform.BINARY_SENSOR,
        access=Access.REPORT,
        translation_key="battery_low",
        description="Indicates if the battery of this device is almost empty",
        device_class="battery",
        entity_category="diagnostic",
        sources=sources,
    )
    return Feature(exposes=(expose,), sleepy=True)
