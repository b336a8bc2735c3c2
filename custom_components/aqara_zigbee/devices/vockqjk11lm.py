"""Aqara VOCKQJK11LM: TVOC air quality monitor (``lumi.airmonitor.acn01``).

Facts: Zigbee2MQTT's definition (VOC from genAnalogInput, air quality 0xFCC0 0x0129,
display unit 0xFCC0 0x0114, temperature and humidity from their clusters, all readable;
battery from genPowerCfg batteryVoltage and the heartbeat voltage, 2850-3000 mV; device
temperature from the heartbeat); endpoint 1 from ZHA's device signature (temperature
sensor: 0000 0003 0402 0405 0001 000C, out 0019); OTA image type 9480 from the
Koenkk/zigbee-OTA index.
"""

from __future__ import annotations

from .. import features as f
from ..features import air_quality, climate
from ..features.battery import COIN_CELL, lumi_battery
from ..features.climate import HUMIDITY_MEASUREMENT, TEMPERATURE_MEASUREMENT
from ..lumi.const import ANALOG_INPUT, BASIC, LUMI_CLUSTER, OTA
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="VOCKQJK11LM",
    model_ids=("lumi.airmonitor.acn01",),
    vendor="Aqara",
    description="TVOC air quality monitor",
    is_router=False,
    features=(
        f.device_temperature(),
        lumi_battery(COIN_CELL, power_cfg=True),
        air_quality.air_quality(),
        air_quality.voc(),
        climate.temperature(heartbeat_index=100, readable=True),
        climate.humidity(heartbeat_index=101, readable=True),
        air_quality.display_unit(),
        f.linkquality(),
        f.lumi_heartbeat(),
        f.ota(9480),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0302,
            in_clusters=(
                BASIC,
                0x0003,
                TEMPERATURE_MEASUREMENT,
                HUMIDITY_MEASUREMENT,
                0x0001,
                ANALOG_INPUT,
                LUMI_CLUSTER,
            ),
            out_clusters=(OTA,),
        ),
    ),
)
