"""MCCGQ12LM, Aqara door and window sensor T1, ``lumi.magnet.agl02``.

A CR1632 sensor that sleeps between reports. Facts: Zigbee2MQTT's page (contact, battery,
voltage), its converters (heartbeat 0xFCC0 0x00F7 with the battery voltage at index 1),
ZHA's device signature (endpoint 1: IAS zone device, in 0000 0001 0003 0500, out 0019).
Inferred: the contact travels as IAS zone notifications (the declared clusters), the
heartbeat's other indexes (as on other Aqara T1 sensors), the Basic versions.
"""

from __future__ import annotations

from ..behaviours import Heartbeat, Identify, constant, parent_nwk
from ..behaviours.ias_zone import ALARM_1, CONTACT_SWITCH, IasZone, ZoneBit
from ..behaviours.sleepy import BatteryCell, Sleepy, battery_voltage, linear_percent
from ..clusters import BASIC, IDENTIFY, LUMI_CLUSTER, LUMI_HEARTBEAT, OTA, POWER_CONFIGURATION
from ..profile import EndpointSpec, Twin
from ..zcl import DataType

TWIN = Twin(
    zigbee_models=("lumi.magnet.agl02",),
    z2m_model="MCCGQ12LM",
    router=False,
    power_source=0x03,  # battery
    endpoints=(
        EndpointSpec(
            1,
            0x0402,
            (BASIC, POWER_CONFIGURATION, IDENTIFY, 0x0500),
            (OTA,),
            hidden_clusters=(LUMI_CLUSTER,),
        ),
    ),
    app_version=20,
    date_code="20210817",
    sw_build_id="0.0.0_0020",
    behaviours=lambda: [
        Sleepy(),
        BatteryCell(linear_percent(2850, 3000)),
        IasZone(CONTACT_SWITCH, (ZoneBit("contact", ALARM_1, inverted=True),)),
        Identify(),
        Heartbeat(
            LUMI_CLUSTER,
            LUMI_HEARTBEAT,
            DataType.OCTET_STRING,
            (
                (1, DataType.UINT16, battery_voltage),
                (3, DataType.INT8, constant(25)),
                (5, DataType.UINT16, constant(1)),
                (10, DataType.UINT16, parent_nwk),
            ),
        ),
    ],
)
