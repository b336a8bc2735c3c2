"""Aqara WSDCGQ12LM: temperature and humidity sensor T1 (``lumi.sensor_ht.agl02``).

Facts: Zigbee2MQTT's definition (temperature, humidity, pressure in kPa and battery from
their clusters, all readable; battery % from genPowerCfg batteryVoltage, 2850-3000 mV;
device temperature and power outages from the 0xFCC0 heartbeat); endpoint 1 from ZHA's
device signature (temperature sensor: 0000 0001 0003 0402 0403 0405, out 0019); OTA image
type 8456 from the Koenkk/zigbee-OTA index.
"""

from __future__ import annotations

from .. import features as f
from ..features import climate
from ..features.battery import COIN_CELL, lumi_battery
from ..features.climate import HUMIDITY_MEASUREMENT, PRESSURE_MEASUREMENT, TEMPERATURE_MEASUREMENT
from ..lumi.const import BASIC, LUMI_CLUSTER, OTA
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="WSDCGQ12LM",
    model_ids=("lumi.sensor_ht.agl02",),
    vendor="Aqara",
    description="Temperature and humidity sensor T1",
    is_router=False,
    features=(
        f.device_temperature(),
        f.power_outage_count(),
        climate.temperature(readable=True),
        climate.humidity(readable=True),
        climate.pressure(unit="kPa", readable=True),
        lumi_battery(COIN_CELL, power_cfg=True, readable=True),
        f.linkquality(),
        f.lumi_heartbeat(),
        f.ota(8456),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0302,
            in_clusters=(
                BASIC,
                0x0001,
                0x0003,
                TEMPERATURE_MEASUREMENT,
                PRESSURE_MEASUREMENT,
                HUMIDITY_MEASUREMENT,
                LUMI_CLUSTER,
            ),
            out_clusters=(OTA,),
        ),
    ),
)
