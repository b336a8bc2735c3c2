"""Aqara JY-GZ-01AQ: smart smoke detector (``lumi.sensor_smoke.acn03``).

Facts: Zigbee2MQTT's definition (lumi_specific on 0xFCC0: alarm, density, self-test, buzzer,
linkage alarm, heartbeat indicator; battery % from the voltage with its 2475-3000 mV span,
also genPowerCfg; the linkage alarm written on at pairing); OTA image type 9728 (0x2600)
from the Koenkk/zigbee-OTA index. Inferred: endpoint 1 serves 0xFCC0 (the family's habit).
"""

from __future__ import annotations

from .. import features as f
from ..features import battery, smoke_gas
from ..lumi.const import BASIC, LUMI_CLUSTER
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="JY-GZ-01AQ",
    model_ids=("lumi.sensor_smoke.acn03",),
    vendor="Aqara",
    description="Smart smoke detector",
    is_router=False,  # battery: a sleepy end device
    features=(
        smoke_gas.detector(gas=False, heartbeat_indicator=True),
        battery.lumi_battery(battery.COIN_CELL_WIDE, power_cfg=True),
        f.power_outage_count(),
        f.lumi_heartbeat(),
        f.linkquality(),
        f.ota(0x2600),
    ),
    endpoints=(EndpointDecl(endpoint=1, device_type=0x0402, in_clusters=(BASIC, LUMI_CLUSTER)),),
)
