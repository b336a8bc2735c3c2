"""GZCGQ01LM, Xiaomi Mi light sensor, ``lumi.sen_ill.mgl01``.

Facts: Zigbee2MQTT's page (battery, voltage, illuminance) and converters (illuminance as
msIlluminanceMeasurement measuredValue, 10000 * log10(lux) + 1; genPowerCfg batteryVoltage;
the 0xFCC0 0x00F7 heartbeat with voltage 1, a constant 25 °C at 3, lux at 100); ZHA's
signature (endpoint 1, light sensor: in 0000 0001 0003 0400, out 0003). It runs on a
CR2450. Inferred: the heartbeat's other indexes, the versions.
"""

from __future__ import annotations

from ..behaviours import Identify, constant, parent_nwk
from ..behaviours.measurements import ILLUMINANCE, heartbeat_raw, illuminance
from ..clusters import BASIC, IDENTIFY, LUMI_CLUSTER, POWER_CONFIGURATION
from ..profile import EndpointSpec, Twin
from ..zcl import DataType
from ._aqara_sensor import BATTERY_POWER_SOURCE, aqara_heartbeat, battery_behaviours

TWIN = Twin(
    zigbee_models=("lumi.sen_ill.mgl01",),
    z2m_model="GZCGQ01LM",
    router=False,
    power_source=BATTERY_POWER_SOURCE,
    endpoints=(
        EndpointSpec(
            1,
            0x0106,
            (BASIC, POWER_CONFIGURATION, IDENTIFY, ILLUMINANCE),
            (IDENTIFY,),
            hidden_clusters=(LUMI_CLUSTER,),
        ),
    ),
    app_version=21,
    date_code="20191118",
    sw_build_id="0.0.0_0021",
    behaviours=lambda: [
        *battery_behaviours(power_cfg=True),
        illuminance(),
        Identify(),
        aqara_heartbeat(
            (3, DataType.INT8, constant(25)),
            (5, DataType.UINT16, constant(1)),
            (10, DataType.UINT16, parent_nwk),
            (100, DataType.UINT16, heartbeat_raw("illuminance", round)),
        ),
    ],
)
