"""JT-BZ-01AQ/A, Aqara smart natural gas detector, ``lumi.sensor_gas.acn02``.

Facts: Zigbee2MQTT's library (every value an 0xFCC0 attribute: alarm, density in %LEL,
sensitivity 0x010C, warm-up state 0x0139, boots in 0x0002; mains powered, no battery);
OTA image type 0x180C, file version 17, from the Koenkk/zigbee-OTA index. Inferred: a
router (mains powered), endpoint 1 (0xFCC0 hidden), the settings' defaults.
"""

from __future__ import annotations

from ..behaviours import ChipTemperature, Identify, LumiSetting
from ..behaviours.heartbeat import Heartbeat, chip_temperature, parent_nwk
from ..behaviours.smoke_gas import Detector, heartbeat_alarm, heartbeat_density
from ..clusters import BASIC, IDENTIFY, LUMI_CLUSTER, LUMI_HEARTBEAT, OTA
from ..profile import EndpointSpec, Twin
from ..zcl import DataType

ON_OFF_FLAG = {True: 1, False: 0}
SENSITIVITY = {"10%LEL": 2, "15%LEL": 1}

TWIN = Twin(
    zigbee_models=("lumi.sensor_gas.acn02",),
    z2m_model="JT-BZ-01AQ/A",
    router=True,
    endpoints=(
        EndpointSpec(
            1, 0x0402, (BASIC, IDENTIFY), (IDENTIFY, OTA), hidden_clusters=(LUMI_CLUSTER,)
        ),
    ),
    app_version=17,
    file_version=17,
    behaviours=lambda: [
        Detector(gas=True),
        LumiSetting("gas_sensitivity", 0x010C, DataType.UINT8, SENSITIVITY, default=1),
        LumiSetting("linkage_alarm", 0x014B, DataType.UINT8, ON_OFF_FLAG, default=0),
        ChipTemperature(exposed=False),
        Identify(),
        Heartbeat(
            LUMI_CLUSTER,
            LUMI_HEARTBEAT,
            DataType.OCTET_STRING,
            (
                (3, DataType.INT8, chip_temperature),
                (10, DataType.UINT16, parent_nwk),
                (160, DataType.UINT8, heartbeat_alarm),
                (161, DataType.UINT8, heartbeat_density),
            ),
        ),
    ],
)
