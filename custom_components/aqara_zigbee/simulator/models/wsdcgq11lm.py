"""WSDCGQ11LM, Aqara temperature and humidity sensor, ``lumi.weather``.

Facts: Zigbee2MQTT's page (battery, temperature, humidity, pressure, voltage) and
converters (the measurement clusters; genBasic 0xFF01 heartbeat: voltage 1, readings at
100 int16, 101 uint16, 102 int32 hPa * 100); ZHA's signature (endpoint 1, device type
0x5F01: in 0000 0003 FFFF 0402 0403 0405, out 0000 0004 FFFF; node manufacturer 0x1037).
Inferred: pressure reported as measuredValue in whole hPa, the versions.
"""

from __future__ import annotations

from ..behaviours import Identify
from ..behaviours.measurements import (
    HUMIDITY,
    PRESSURE,
    TEMPERATURE,
    Measured,
    heartbeat_raw,
    humidity,
    hundredths,
    temperature,
)
from ..clusters import BASIC, IDENTIFY
from ..profile import EndpointSpec, Twin
from ..zcl import DataType
from ._aqara_sensor import (
    BATTERY_POWER_SOURCE,
    XIAOMI_NODE_MANUFACTURER,
    battery_behaviours,
    xiaomi_heartbeat,
)

XIAOMI_CLUSTER = 0xFFFF


def pressure() -> Measured:
    """msPressureMeasurement measuredValue, whole hPa."""
    return Measured(
        "pressure", PRESSURE, 0x0000, DataType.INT16, round, initial=1013, step=3, low=800,
        high=1100,
    )  # fmt: skip


TWIN = Twin(
    zigbee_models=("lumi.weather",),
    z2m_model="WSDCGQ11LM",
    router=False,
    node_manufacturer_code=XIAOMI_NODE_MANUFACTURER,
    power_source=BATTERY_POWER_SOURCE,
    endpoints=(
        EndpointSpec(
            1,
            0x5F01,
            (BASIC, IDENTIFY, XIAOMI_CLUSTER, TEMPERATURE, PRESSURE, HUMIDITY),
            (BASIC, 0x0004, XIAOMI_CLUSTER),
        ),
    ),
    zcl_version=1,
    app_version=3,
    hw_version=30,
    date_code="20161129",
    sw_build_id="3000-0001",
    behaviours=lambda: [
        *battery_behaviours(),
        temperature(),
        humidity(),
        pressure(),
        Identify(),
        xiaomi_heartbeat(
            (100, DataType.INT16, heartbeat_raw("temperature", hundredths)),
            (101, DataType.UINT16, heartbeat_raw("humidity", hundredths)),
            (102, DataType.INT32, heartbeat_raw("pressure", hundredths)),
        ),
    ],
)
