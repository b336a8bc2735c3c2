"""GZCGQ11LM, Aqara light sensor T1, ``lumi.sen_ill.agl01``.

Facts: Zigbee2MQTT's page (battery, voltage, detection_period, illuminance, identify) and
converters (detection period as 0xFCC0 0x0000 uint16 and heartbeat index 0; illuminance
as msIlluminanceMeasurement measuredValue; genPowerCfg batteryVoltage; heartbeat 0xFCC0
0x00F7 with the voltage at index 1); ZHA's signature (endpoint 1, light sensor: in 0000
0001 0003 0400, out 0003); OTA image type 9096, file version 27 (Koenkk/zigbee-OTA).
Inferred: the default detection period (10 s), the heartbeat's other indexes, versions.
"""

from __future__ import annotations

from ..behaviours import Identify, OtaUpdates, constant, parent_nwk
from ..behaviours.measurements import ILLUMINANCE, illuminance
from ..behaviours.sensor_settings import LumiNumber
from ..clusters import BASIC, IDENTIFY, LUMI_CLUSTER, OTA, POWER_CONFIGURATION
from ..profile import EndpointSpec, Twin
from ..zcl import DataType
from ._aqara_sensor import BATTERY_POWER_SOURCE, aqara_heartbeat, battery_behaviours

TWIN = Twin(
    zigbee_models=("lumi.sen_ill.agl01",),
    z2m_model="GZCGQ11LM",
    router=False,
    power_source=BATTERY_POWER_SOURCE,
    endpoints=(
        EndpointSpec(
            1,
            0x0106,
            (BASIC, POWER_CONFIGURATION, IDENTIFY, ILLUMINANCE),
            (IDENTIFY, OTA),
            hidden_clusters=(LUMI_CLUSTER,),
        ),
    ),
    app_version=21,
    date_code="20200312",
    sw_build_id="0.0.0_0021",
    file_version=21,
    behaviours=lambda: [
        *battery_behaviours(power_cfg=True),
        illuminance(),
        LumiNumber("detection_period", 0x0000, DataType.UINT16, minimum=1, maximum=59, default=10),
        Identify(exposed=True),
        OtaUpdates(9096),
        aqara_heartbeat(
            (0, DataType.UINT16, lambda device: device.lumi_setting("detection_period").raw),
            (3, DataType.INT8, constant(25)),
            (5, DataType.UINT16, constant(1)),
            (10, DataType.UINT16, parent_nwk),
        ),
    ],
)
