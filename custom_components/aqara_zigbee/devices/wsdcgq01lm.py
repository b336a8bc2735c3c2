"""Xiaomi WSDCGQ01LM: Mi temperature and humidity sensor (``lumi.sens``, ``lumi.sensor_ht``).

Facts: Zigbee2MQTT's definition (temperature 0x0402 and humidity 0x0405, also heartbeat
indexes 100/101; battery and voltage from the genBasic 0xFF01 heartbeat, 2850-3000 mV);
endpoint 1 from ZHA's device signature (device type 0x5F01: 0000 0003 0019 FFFF 0012; the
measurement clusters report though undeclared).
"""

from __future__ import annotations

from .. import features as f
from ..features import climate
from ..features.battery import COIN_CELL, lumi_battery
from ..features.climate import HUMIDITY_MEASUREMENT, TEMPERATURE_MEASUREMENT
from ..lumi.const import BASIC, MULTISTATE_INPUT, OTA
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="WSDCGQ01LM",
    model_ids=("lumi.sens", "lumi.sensor_ht"),
    vendor="Xiaomi",
    description="Mi temperature and humidity sensor",
    is_router=False,
    features=(
        lumi_battery(COIN_CELL),
        climate.temperature(heartbeat_index=100),
        climate.humidity(heartbeat_index=101),
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
                OTA,
                MULTISTATE_INPUT,
                TEMPERATURE_MEASUREMENT,
                HUMIDITY_MEASUREMENT,
            ),
            out_clusters=(BASIC, 0x0004, 0x0003, 0x0005, OTA, MULTISTATE_INPUT),
        ),
    ),
)
