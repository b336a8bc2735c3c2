"""JY-GZ-01AQ, Aqara smart smoke detector, ``lumi.sensor_smoke.acn03``.

Facts: Zigbee2MQTT's library (every value an 0xFCC0 attribute report; the voltage in the
0xFCC0 heartbeat and genPowerCfg, a CR17450 cell it maps 2475-3000 mV); OTA image type
0x2600, file version 17, from the Koenkk/zigbee-OTA index. Inferred: endpoint 1 (an IAS
zone device type, 0xFCC0 hidden), the heartbeat indicator and linkage alarm defaults.
"""

from __future__ import annotations

from ..behaviours import ChipTemperature, Identify, LumiSetting, PowerOutageCounter
from ..behaviours.sleepy import BatteryCell, Sleepy, linear_percent
from ..behaviours.smoke_gas import Detector, heartbeat_alarm, heartbeat_density
from ..clusters import BASIC, IDENTIFY, LUMI_CLUSTER, OTA, POWER_CONFIGURATION
from ..profile import EndpointSpec, Twin
from ..zcl import DataType
from ._aqara_motion import BATTERY_POWER_SOURCE, lumi_heartbeat

ON_OFF_FLAG = {True: 1, False: 0}

TWIN = Twin(
    zigbee_models=("lumi.sensor_smoke.acn03",),
    z2m_model="JY-GZ-01AQ",
    router=False,
    endpoints=(
        EndpointSpec(
            1,
            0x0402,
            (BASIC, POWER_CONFIGURATION, IDENTIFY),
            (IDENTIFY, OTA),
            hidden_clusters=(LUMI_CLUSTER,),
        ),
    ),
    app_version=17,
    file_version=17,
    power_source=BATTERY_POWER_SOURCE,
    behaviours=lambda: [
        Sleepy(),
        BatteryCell(linear_percent(2475, 3000), power_cfg=True),
        Detector(gas=False),
        LumiSetting("heartbeat_indicator", 0x013C, DataType.UINT8, ON_OFF_FLAG, default=0),
        LumiSetting("linkage_alarm", 0x014B, DataType.UINT8, ON_OFF_FLAG, default=0),
        ChipTemperature(exposed=False),
        Identify(),
        PowerOutageCounter(exposed=True),
        lumi_heartbeat(
            (160, DataType.UINT8, heartbeat_alarm), (161, DataType.UINT8, heartbeat_density)
        ),
    ],
)
