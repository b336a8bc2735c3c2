"""WSDCGQ12LM, Aqara temperature and humidity sensor T1, ``lumi.sensor_ht.agl02``.

Facts: Zigbee2MQTT's page (device_temperature, power_outage_count, temperature, humidity,
pressure in kPa, battery, voltage) and converters (the measurement clusters; genPowerCfg
batteryVoltage; 0xFCC0 0x00F7 heartbeat: voltage 1, chip temperature 3, boots 5, readings
100-102); ZHA's signature (endpoint 1, temperature sensor: in 0000 0001 0003 0402 0403
0405, out 0019); OTA image type 8456, file version 29 (Koenkk/zigbee-OTA). Inferred: the
versions before that image.
"""

from __future__ import annotations

from ..behaviours import (
    ChipTemperature,
    Identify,
    OtaUpdates,
    chip_temperature,
    parent_nwk,
    power_on_count,
)
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
from ..behaviours.power import PowerOutageCounter
from ..clusters import BASIC, IDENTIFY, LUMI_CLUSTER, OTA, POWER_CONFIGURATION
from ..profile import EndpointSpec, Twin
from ..zcl import DataType
from ._aqara_sensor import BATTERY_POWER_SOURCE, aqara_heartbeat, battery_behaviours


def pressure() -> Measured:
    """msPressureMeasurement measuredValue: tenths of kPa (hPa)."""
    return Measured(
        "pressure", PRESSURE, 0x0000, DataType.INT16, lambda kpa: round(kpa * 10),
        initial=101.3, step=0.4, low=80, high=110,
    )  # fmt: skip


TWIN = Twin(
    zigbee_models=("lumi.sensor_ht.agl02",),
    z2m_model="WSDCGQ12LM",
    router=False,
    power_source=BATTERY_POWER_SOURCE,
    endpoints=(
        EndpointSpec(
            1,
            0x0302,
            (BASIC, POWER_CONFIGURATION, IDENTIFY, TEMPERATURE, PRESSURE, HUMIDITY),
            (OTA,),
            hidden_clusters=(LUMI_CLUSTER,),
        ),
    ),
    app_version=27,
    date_code="20210722",
    sw_build_id="0.0.0_0027",
    file_version=27,
    behaviours=lambda: [
        *battery_behaviours(power_cfg=True),
        temperature(),
        humidity(),
        pressure(),
        ChipTemperature(),
        PowerOutageCounter(exposed=True),
        Identify(),
        OtaUpdates(8456),
        aqara_heartbeat(
            (3, DataType.INT8, chip_temperature),
            (5, DataType.UINT16, power_on_count),
            (10, DataType.UINT16, parent_nwk),
            (100, DataType.INT16, heartbeat_raw("temperature", hundredths)),
            (101, DataType.UINT16, heartbeat_raw("humidity", hundredths)),
            (102, DataType.INT32, heartbeat_raw("pressure", lambda kpa: round(kpa * 1000))),
        ),
    ],
)
