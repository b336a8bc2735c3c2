"""Aqara JT-BZ-01AQ/A: smart natural gas detector (``lumi.sensor_gas.acn02``).

Facts: Zigbee2MQTT's definition (lumi_specific on 0xFCC0: alarm, density in %LEL,
sensitivity, self-test, buzzer, linkage alarm, warm-up state, power-ups in 0x0002 counted
from one; the linkage alarm written on at pairing; no battery: it is mains powered);
OTA image type 6156 (0x180C) from the Koenkk/zigbee-OTA index. Inferred: a router (mains
powered Aqara devices route), endpoint 1 serves 0xFCC0.
"""

from __future__ import annotations

from .. import features as f
from ..features import smoke_gas
from ..lumi.const import BASIC, LUMI_CLUSTER
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="JT-BZ-01AQ/A",
    model_ids=("lumi.sensor_gas.acn02",),
    vendor="Aqara",
    description="Smart natural gas detector",
    is_router=True,  # mains powered
    features=(
        smoke_gas.detector(gas=True, heartbeat_indicator=False),
        smoke_gas.gas_sensitivity(),
        smoke_gas.warm_up_state(),
        smoke_gas.counted_power_outages(),
        f.lumi_heartbeat(),
        f.linkquality(),
        f.ota(0x180C),
    ),
    endpoints=(EndpointDecl(endpoint=1, device_type=0x0402, in_clusters=(BASIC, LUMI_CLUSTER)),),
)
