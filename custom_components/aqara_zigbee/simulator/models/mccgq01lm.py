"""MCCGQ01LM, Xiaomi Mi door and window sensor, ``lumi.sensor_magnet``.

Facts, from public Zigbee2MQTT database entries (Koenkk/zigbee2mqtt#2772, #17952):
endpoint 1, device type 0x0104, in 0000 0003 0019 FFFF, out 0000 0003 0004 0005 0006 0008
0019; node manufacturer 0x1037; app version 10; its genBasic 0xFF02 structure [bool 0,
uint16 3005 (mV), uint16 17320, uint40 [0, 1], uint16 720, uint8 90] and genOnOff onOff.
Zigbee2MQTT reads element 1 as the voltage and element 4 as boots since pairing.
Inferred: element 0 is the door (as onOff), the report comes at heartbeat intervals, the
other versions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..behaviours import Heartbeat, Identify, constant
from ..behaviours.contact import OnOffContact, door_open
from ..behaviours.heartbeat import HeartbeatEntry
from ..behaviours.power import PowerOutageCounter
from ..behaviours.sleepy import battery_voltage
from ..clusters import BASIC, IDENTIFY, ON_OFF, OTA
from ..profile import EndpointSpec, Twin
from ..zcl import DataType
from ..zcl_server import AttrTable
from ._aqara_sensor import (
    BATTERY_POWER_SOURCE,
    XIAOMI_NODE_MANUFACTURER,
    battery_behaviours,
    power_on_count,
)

if TYPE_CHECKING:
    from ..tlv import TlvEntry

XIAOMI_CLUSTER = 0xFFFF


class StructReport(Heartbeat):
    """The heartbeat as a ZCL structure (genBasic 0xFF02): its elements by position."""

    def payload(self) -> bytes:
        raise TypeError("a structure report has no TLV payload")

    def entries(self) -> list[TlvEntry]:
        return [(index, type_id, value(self.device)) for index, type_id, value in self.layout]

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        return {}  # reported only (not known to answer a read)

    def send(self) -> None:
        from ..zcl import AttributeValue  # noqa: PLC0415

        elements = [(type_id, value) for _index, type_id, value in self.entries()]
        self.device.send_report(1, BASIC, [AttributeValue(0xFF02, DataType.STRUCT, elements)])


LAYOUT: tuple[HeartbeatEntry, ...] = (
    (0, DataType.BOOL, door_open),
    (1, DataType.UINT16, battery_voltage),
    (2, DataType.UINT16, constant(17320)),
    (3, DataType.UINT40, constant(1)),
    (4, DataType.UINT16, power_on_count),
    (5, DataType.UINT8, constant(90)),
)

TWIN = Twin(
    zigbee_models=("lumi.sensor_magnet",),
    z2m_model="MCCGQ01LM",
    router=False,
    node_manufacturer_code=XIAOMI_NODE_MANUFACTURER,
    power_source=BATTERY_POWER_SOURCE,
    endpoints=(
        EndpointSpec(
            1,
            0x0104,
            (BASIC, IDENTIFY, OTA, XIAOMI_CLUSTER),
            (BASIC, IDENTIFY, 0x0004, 0x0005, ON_OFF, 0x0008, OTA),
            hidden_clusters=(ON_OFF,),
        ),
    ),
    zcl_version=1,
    app_version=10,
    date_code="20161128",
    sw_build_id="3000-0001",
    behaviours=lambda: [
        *battery_behaviours(),
        OnOffContact(),
        PowerOutageCounter(exposed=True),
        Identify(),
        StructReport(BASIC, 0xFF02, DataType.STRUCT, LAYOUT),
    ],
)
