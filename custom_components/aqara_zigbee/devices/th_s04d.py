"""Aqara TH-S04D: Climate Sensor W100 (``lumi.sensor_ht.agl001``).

Facts: Zigbee2MQTT's definition (thermostat mode and the PMTSD thermostat frames on 0xFCC0
0xFFF2, the external sensor, temperature and humidity from their clusters, the 0xFCC0
alert/sampling/reporting settings, the buttons' MultistateInput clicks on endpoints 1-3
named plus/center/minus, the battery % at heartbeat index 102, identify, OTA); endpoints from
the ZHA signature in zigpy/zha-device-handlers#4094 (1: 0x0302, in 0000 0001 0003 0012 0402
0405 FCC0, out 0019; 2 and 3: in 0012); OTA image type 9744 from the Koenkk/zigbee-OTA index.
"""

from __future__ import annotations

from .. import features as f
from ..features import climate, w100
from ..features.climate import HUMIDITY_MEASUREMENT, TEMPERATURE_MEASUREMENT
from ..features.identify import identify
from ..lumi.const import BASIC, LUMI_CLUSTER, MULTISTATE_INPUT, OTA
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="TH-S04D",
    model_ids=("lumi.sensor_ht.agl001",),
    vendor="Aqara",
    description="Climate Sensor W100",
    is_router=False,
    features=(
        w100.thermostat(),
        w100.actions(),
        w100.battery(),
        climate.temperature(readable=True),
        climate.humidity(readable=True),
        w100.external_sensor(),
        w100.settings(),
        identify(),
        f.linkquality(),
        f.lumi_heartbeat(),
        f.ota(9744),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0302,
            in_clusters=(
                BASIC,
                0x0001,
                0x0003,
                MULTISTATE_INPUT,
                TEMPERATURE_MEASUREMENT,
                HUMIDITY_MEASUREMENT,
                LUMI_CLUSTER,
            ),
            out_clusters=(OTA,),
        ),
        EndpointDecl(endpoint=2, device_type=0x0000, in_clusters=(MULTISTATE_INPUT,)),
        EndpointDecl(endpoint=3, device_type=0x0000, in_clusters=(MULTISTATE_INPUT,)),
    ),
)
