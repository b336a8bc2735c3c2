"""Aqara WSDCGQ11LM: temperature and humidity sensor (``lumi.weather``).

Facts: Zigbee2MQTT's definition (temperature, humidity, pressure from their clusters and
heartbeat indexes 100/101/102; battery and voltage from the genBasic 0xFF01 heartbeat,
2850-3000 mV); endpoint 1 from ZHA's device signature (device type 0x5F01: 0000 0003
FFFF 0402 0403 0405, out 0000 0004 FFFF).
"""

from __future__ import annotations

from .. import features as f
from ..features import climate
from ..features.battery import COIN_CELL, lumi_battery
from ..features.climate import HUMIDITY_MEASUREMENT, PRESSURE_MEASUREMENT, TEMPERATURE_MEASUREMENT
from ..lumi.const import BASIC
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="WSDCGQ11LM",
    model_ids=("lumi.weather",),
    vendor="Aqara",
    description="Temperature and humidity sensor",
    is_router=False,
    features=(
        lumi_battery(COIN_CELL),
        climate.temperature(heartbeat_index=100),
        climate.humidity(heartbeat_index=101),
        climate.pressure(heartbeat_index=102),
        f.linkquality(),
        f.basic_heartbeat(),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x5F01,
            in_clusters=(
                BASIC,
                0x0003,
                TEMPERATURE_MEASUREMENT,
                PRESSURE_MEASUREMENT,
                HUMIDITY_MEASUREMENT,
            ),
            out_clusters=(BASIC, 0x0004),
        ),
    ),
)
