"""WSDCGQ01LM, Xiaomi Mi temperature and humidity sensor, ``lumi.sens`` / ``lumi.sensor_ht``.

Facts: Zigbee2MQTT's page (battery, temperature, humidity, voltage) and converters
(msTemperatureMeasurement / msRelativeHumidity reports in hundredths; genBasic 0xFF01
heartbeat with the voltage at 1 and the readings at 100 (int16) and 101 (uint16)); ZHA's
signature (endpoint 1, device type 0x5F01: in 0000 0003 0019 FFFF 0012, out 0000 0004 0003
0005 0019 FFFF 0012; the measurement clusters are not declared; node manufacturer 0x1037).
Inferred: no chip temperature in its heartbeat (as on lumi.weather), the versions.
"""

from __future__ import annotations

from ..behaviours import Identify
from ..behaviours.measurements import (
    HUMIDITY,
    TEMPERATURE,
    heartbeat_raw,
    humidity,
    hundredths,
    temperature,
)
from ..clusters import BASIC, IDENTIFY, MULTISTATE_INPUT, OTA
from ..profile import EndpointSpec, Twin
from ..zcl import DataType
from ._aqara_sensor import (
    BATTERY_POWER_SOURCE,
    XIAOMI_NODE_MANUFACTURER,
    battery_behaviours,
    xiaomi_heartbeat,
)

XIAOMI_CLUSTER = 0xFFFF

TWIN = Twin(
    zigbee_models=("lumi.sensor_ht", "lumi.sens"),
    z2m_model="WSDCGQ01LM",
    router=False,
    node_manufacturer_code=XIAOMI_NODE_MANUFACTURER,
    power_source=BATTERY_POWER_SOURCE,
    endpoints=(
        EndpointSpec(
            1,
            0x5F01,
            (BASIC, IDENTIFY, OTA, XIAOMI_CLUSTER, MULTISTATE_INPUT),
            (BASIC, 0x0004, IDENTIFY, 0x0005, OTA, XIAOMI_CLUSTER, MULTISTATE_INPUT),
            hidden_clusters=(TEMPERATURE, HUMIDITY),
        ),
    ),
    zcl_version=1,
    app_version=2,
    date_code="20161129",
    sw_build_id="3000-0001",
    behaviours=lambda: [
        *battery_behaviours(),
        temperature(),
        humidity(),
        Identify(),
        xiaomi_heartbeat(
            (100, DataType.INT16, heartbeat_raw("temperature", hundredths)),
            (101, DataType.UINT16, heartbeat_raw("humidity", hundredths)),
        ),
    ],
)
