"""Building blocks of the Aqara/Xiaomi battery sensor twins (not a twin itself).

Heartbeat layouts come from public logs of real units: old Xiaomi firmware sends genBasic
0xFF01 ``{1: battery mV (uint16), 3: chip °C (int8), 4: 5032 (uint16), 5: boots (uint16),
6: trigger count + 1 (uint40), 10: parent NWK (uint16), 100...: its measurements}`` (e.g.
a lumi.sensor_magnet.aq2 in Koenkk/zigbee2mqtt#13379, a lumi.weather's 100 int16, 101
uint16, 102 int32); newer Aqara firmware sends 0xFCC0 0x00F7 with the same first indexes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from ..behaviours import Heartbeat, constant, parent_nwk
from ..behaviours.base import Behaviour
from ..behaviours.heartbeat import HeartbeatEntry
from ..behaviours.sleepy import BatteryCell, Sleepy, battery_voltage, linear_percent
from ..clusters import BASIC, LUMI_CLUSTER, LUMI_HEARTBEAT
from ..properties import Property
from ..zcl import DataType

if TYPE_CHECKING:
    from ..device import TwinDevice

#: the old Xiaomi sensors' node descriptor manufacturer code (Lumi's newer units: 0x115F)
XIAOMI_NODE_MANUFACTURER: Final = 0x1037
BATTERY_POWER_SOURCE: Final = 0x03
#: Zigbee2MQTT's ``voltageToPercentage: {min: 2850, max: 3000}`` of these models
COIN_CELL_PERCENT: Final = linear_percent(2850, 3000)


def battery_behaviours(**cell: Any) -> list[Behaviour]:
    """A sleepy receiver and a coin cell (``cell``: :class:`BatteryCell` options)."""
    return [Sleepy(), BatteryCell(COIN_CELL_PERCENT, **cell)]


def xiaomi_heartbeat(
    *measurements: HeartbeatEntry, chip: HeartbeatEntry | None = None
) -> Heartbeat:
    """genBasic 0xFF01 of old Xiaomi sensors (a character string), then ``measurements``."""
    return Heartbeat(
        BASIC,
        0xFF01,
        DataType.CHAR_STRING,
        (
            (1, DataType.UINT16, battery_voltage),
            *((chip,) if chip is not None else ()),
            (4, DataType.UINT16, constant(5032)),
            (5, DataType.UINT16, power_on_count),
            (6, DataType.UINT40, trigger_count_raw),
            (10, DataType.UINT16, parent_nwk),
            *measurements,
        ),
    )


def aqara_heartbeat(*entries: HeartbeatEntry) -> Heartbeat:
    """0xFCC0 0x00F7 of newer Aqara sensors: battery mV first, then ``entries``."""
    return Heartbeat(
        LUMI_CLUSTER,
        LUMI_HEARTBEAT,
        DataType.OCTET_STRING,
        ((1, DataType.UINT16, battery_voltage), *entries),
    )


def power_on_count(device: TwinDevice) -> object:
    """Index 5: boots since pairing (a battery change is a boot)."""
    from ..behaviours.power import PowerOutageCounter  # noqa: PLC0415

    counter = device.find(PowerOutageCounter)
    return 1 if counter is None else counter.power_on_count


class TriggerCounter(Behaviour):
    """Heartbeat index 6: how often the sensor triggered, plus one (``trigger_count``).

    Inferred: the count is not cleared by a heartbeat (Zigbee2MQTT's description says
    "since last scheduled report"; no log shows it going back).
    """

    def __init__(self) -> None:
        self.count = 0

    def triggered(self) -> None:
        self.count += 1

    def properties(self) -> list[Property]:
        def change(value: object, report: bool) -> None:
            self.count = int(str(value))
            if report:
                self.device.send_heartbeat()

        return [
            Property(
                "trigger_count",
                read=lambda: self.count,
                change=change,
                pick=lambda current: int(str(current)) + 1,
            )
        ]

    def export_state(self, state: dict[str, Any]) -> None:
        state["trigger_count"] = self.count

    def import_state(self, state: dict[str, Any]) -> None:
        self.count = int(state.get("trigger_count", self.count))


def trigger_count_raw(device: TwinDevice) -> object:
    counter = device.find(TriggerCounter)
    return 1 if counter is None else counter.count + 1
