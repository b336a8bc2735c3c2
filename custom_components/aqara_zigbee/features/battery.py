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
    Codec,
    DerivedSource,
    Expose,
    Feature,
    HeartbeatSource,
    Platform,
    Source,
    finite_number,
)
from .ias_zone import BATTERY_LOW, zone_status

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


@dataclass(frozen=True, slots=True)
class _DeciVoltsPercent:
    """genPowerCfg batteryVoltage (100 mV units) straight to a battery % with a curve."""

    curve: BatteryCurve

    def decode(self, raw: object) -> object | None:
        number = finite_number(raw)
        if number is None or isinstance(raw, bool) or number >= _INVALID_UINT8:
            return None
        return self.curve.decode(number * 100)

    def encode(self, value: object) -> object:
        raise ValueError("battery percentages are not written")


def lumi_battery(
    curve: BatteryCurve = COIN_CELL,
    *,
    index: int | None = HEARTBEAT_VOLTAGE_INDEX,
    power_cfg: bool = False,
    readable: bool = False,
    voltage_first: bool = False,
    voltage_sources: tuple[Source, ...] = (),
    percent_index: int | None = None,
) -> Feature:
    """Battery voltage (mV) and the battery % Zigbee2MQTT computes from it with ``curve``.

    The voltage comes from the Lumi heartbeat (``index``; None: not there) and, with
    ``power_cfg``, from genPowerCfg batteryVoltage (100 mV units): the % is computed from
    it too, Zigbee2MQTT does not trust the device's own. ``readable``: the page offers
    ``/get`` (a read of batteryVoltage answers both). ``voltage_first``: the page lists
    voltage before battery. ``voltage_sources``: where else the model says its voltage (mV).
    """
    battery_sources: tuple[Source, ...] = ()
    if power_cfg:
        voltage_sources += (_power_cfg(BATTERY_VOLTAGE, _UnknownIs0xFF(100)),)
        battery_sources += (_power_cfg(BATTERY_VOLTAGE, _DeciVoltsPercent(curve)),)
    if index is not None:
        voltage_sources += (HeartbeatSource(index=index, codec=TLV_WHOLE),)
    if percent_index is not None:
        battery_sources += (HeartbeatSource(index=percent_index, codec=TLV_WHOLE),)
    elif index is not None or len(voltage_sources) > int(power_cfg):
        battery_sources += (DerivedSource(key="voltage", codec=curve),)
    battery = _battery_expose(battery_sources, readable=readable and power_cfg)
    voltage = _voltage_expose(voltage_sources, readable=readable and power_cfg)
    exposes = (voltage, battery) if voltage_first else (battery, voltage)
    return Feature(exposes=exposes, sleepy=True)


def power_cfg_battery(*, readable: bool = False, voltage_first: bool = False) -> Feature:
    """genPowerCfg battery as the device computes it (batteryPercentageRemaining / 2), and
    batteryVoltage (100 mV units). ``readable``: the page offers ``/get``.
    """
    voltage = _voltage_expose(
        (_power_cfg(BATTERY_VOLTAGE, _UnknownIs0xFF(100)),), readable=readable
    )
    battery = _battery_expose(
        (_power_cfg(BATTERY_PERCENTAGE_REMAINING, _UnknownIs0xFF(0.5)),), readable=readable
    )
    exposes = (voltage, battery) if voltage_first else (battery, voltage)
    return Feature(exposes=exposes, sleepy=True)


def battery_low(*, power_cfg: bool = True, ias: bool = False) -> Feature:
    """Low battery: genPowerCfg batteryAlarmState, and/or the IAS zone status bit 3."""
    sources: tuple[Source, ...] = ()
    if power_cfg:
        sources += (_power_cfg(BATTERY_ALARM_STATE, _LowBatteryAlarm()),)
    if ias:
        sources += (zone_status(BATTERY_LOW),)
    expose = Expose(
        key="battery_low",
        platform=Platform.BINARY_SENSOR,
        access=Access.REPORT,
        translation_key="battery_low",
        description="Indicates whether the battery of the device is almost empty",
        device_class="battery",
        entity_category="diagnostic",
        sources=sources,
    )
    return Feature(exposes=(expose,), sleepy=True)
