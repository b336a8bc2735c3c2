"""What the Aqara/Xiaomi motion sensors share: a battery end device with a PIR.

Facts common to the family (Zigbee2MQTT's library, public interviews and heartbeats):
end devices on a CR2450 (power source 0x03, battery); the old generation reports its
heartbeat as genBasic 0xFF01 (a character string), the newer one as 0xFCC0 0x00F7; the
heartbeat carries the battery voltage (index 1, mV), chip temperature (3), boots (5) and the
parent (10).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..behaviours import (
    Behaviour,
    ChipTemperature,
    Heartbeat,
    Identify,
    PowerOutageCounter,
    chip_temperature,
    constant,
    parent_nwk,
    power_on_count,
)
from ..behaviours.heartbeat import HeartbeatEntry
from ..behaviours.occupancy import NumberSetting
from ..behaviours.sleepy import BatteryCell, Sleepy, battery_voltage, linear_percent
from ..clusters import BASIC, LUMI_CLUSTER, LUMI_HEARTBEAT
from ..device import TwinDevice
from ..zcl import DataType

#: Zigbee2MQTT's curve of the family (``voltageToPercentage: {min: 2850, max: 3000}``)
COIN_CELL_PERCENT = linear_percent(2850, 3000)
#: genBasic 0xFF01, the old generation's heartbeat
BASIC_HEARTBEAT = 0xFF01
BATTERY_POWER_SOURCE = 0x03
DETECTION_INTERVAL_ATTR = 0x0102


def number_setting(name: str) -> Callable[[TwinDevice], object]:
    """A numeric 0xFCC0 setting's raw value, for the heartbeat."""

    def value(device: TwinDevice) -> object:
        return next(
            b.raw for b in device.behaviours if isinstance(b, NumberSetting) and b.name == name
        )

    return value


def detection_interval_setting(default: int) -> NumberSetting:
    """0xFCC0 0x0102: seconds the PIR stays blind after a detection (a uint8)."""
    return NumberSetting(
        "detection_interval",
        DETECTION_INTERVAL_ATTR,
        DataType.UINT8,
        default=default,
        minimum=2,
        maximum=255,
    )


def old_heartbeat(*extra: HeartbeatEntry) -> Heartbeat:
    """genBasic 0xFF01 of RTCGQ01LM/RTCGQ11LM (reference layout of a real report:
    ``01 21 voltage, 03 28 temp, 04 21, 05 21 boots, 06 24, 0a 21 parent`` + ``extra``)."""
    return Heartbeat(
        BASIC,
        BASIC_HEARTBEAT,
        DataType.CHAR_STRING,
        (
            (1, DataType.UINT16, battery_voltage),
            (3, DataType.INT8, chip_temperature),
            (4, DataType.UINT16, constant(5032)),
            (5, DataType.UINT16, power_on_count),
            (6, DataType.UINT40, constant(0)),
            (10, DataType.UINT16, parent_nwk),
            *extra,
        ),
    )


def lumi_heartbeat(*extra: HeartbeatEntry) -> Heartbeat:
    """0xFCC0 0x00F7 of the newer sensors (indexes 1, 3, 5, 10 + the model's ``extra``)."""
    return Heartbeat(
        LUMI_CLUSTER,
        LUMI_HEARTBEAT,
        DataType.OCTET_STRING,
        (
            (1, DataType.UINT16, battery_voltage),
            (3, DataType.INT8, chip_temperature),
            (5, DataType.UINT16, power_on_count),
            (10, DataType.UINT16, parent_nwk),
            *extra,
        ),
    )


def sensor_behaviours(
    *own: Behaviour,
    heartbeat: Heartbeat,
    temperature_exposed: bool = True,
    outages_exposed: bool = True,
    power_cfg: bool = False,
) -> Sequence[Behaviour]:
    """The family's behaviours around a model's own (detector, settings).

    ``power_cfg``: the newer sensors also report the cell's voltage on genPowerCfg.
    """
    return [
        Sleepy(),
        BatteryCell(COIN_CELL_PERCENT, power_cfg=power_cfg),
        *own,
        ChipTemperature(exposed=temperature_exposed),
        Identify(),
        PowerOutageCounter(exposed=outages_exposed),
        heartbeat,
    ]
