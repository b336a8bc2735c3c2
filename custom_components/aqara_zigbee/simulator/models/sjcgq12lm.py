"""SJCGQ12LM, Aqara water leak sensor T1, ``lumi.flood.agl02``.

Facts: Zigbee2MQTT's page (battery, water_leak, battery_low, tamper, voltage) and
converters (IAS zone notifications, 0xFCC0 0x00F7 heartbeat with the voltage at index 1);
ZHA's signature (endpoint 1: IAS zone device, in 0000 0001 0003 0500, out 0019); OTA image
type 8712, file version 18 (Koenkk/zigbee-OTA). Inferred: the heartbeat's other indexes,
the Basic versions.
"""

from __future__ import annotations

from ..behaviours import Identify, OtaUpdates, constant, parent_nwk
from ..behaviours.ias_zone import ALARM_1, BATTERY_LOW, TAMPER, WATER_SENSOR, IasZone, ZoneBit
from ..clusters import BASIC, IDENTIFY, LUMI_CLUSTER, OTA, POWER_CONFIGURATION
from ..profile import EndpointSpec, Twin
from ..zcl import DataType
from ._aqara_sensor import BATTERY_POWER_SOURCE, aqara_heartbeat, battery_behaviours

TWIN = Twin(
    zigbee_models=("lumi.flood.agl02",),
    z2m_model="SJCGQ12LM",
    router=False,
    power_source=BATTERY_POWER_SOURCE,
    endpoints=(
        EndpointSpec(
            1,
            0x0402,
            (BASIC, POWER_CONFIGURATION, IDENTIFY, 0x0500),
            (OTA,),
            hidden_clusters=(LUMI_CLUSTER,),
        ),
    ),
    app_version=18,
    date_code="20190814",
    sw_build_id="0.0.0_0018",
    file_version=18,
    behaviours=lambda: [
        *battery_behaviours(),
        IasZone(
            WATER_SENSOR,
            (
                ZoneBit("water_leak", ALARM_1),
                ZoneBit("battery_low", BATTERY_LOW),
                ZoneBit("tamper", TAMPER),
            ),
        ),
        Identify(),
        OtaUpdates(8712),
        aqara_heartbeat(
            (3, DataType.INT8, constant(24)),
            (5, DataType.UINT16, constant(1)),
            (10, DataType.UINT16, parent_nwk),
        ),
    ],
)
