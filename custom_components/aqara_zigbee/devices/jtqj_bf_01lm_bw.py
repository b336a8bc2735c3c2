"""Xiaomi JTQJ-BF-01LM/BW: Mijia Honeywell gas leak detector (``lumi.sensor_natgas``).

Facts: Zigbee2MQTT's definition (ias_gas_alarm_1: zone status bit 0 gas, bit 2 tamper;
lumi_gas_density: index 100 of the genBasic 0xFF01 heartbeat; the sensitivity written to
ssIasZone 0xFFF1; mains powered, a router); no OTA image is published. Endpoint 1 from
ZHA device signatures (device type 0x0402, in 0000 0003 0012 0500 000C).
"""

from __future__ import annotations

from .. import features as f
from ..features import ias_zone, smoke_gas
from ..lumi.const import BASIC
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="JTQJ-BF-01LM/BW",
    model_ids=("lumi.sensor_natgas",),
    vendor="Xiaomi",
    description="Mijia Honeywell gas leak detector",
    is_router=True,  # mains powered (Zigbee2MQTT forces a router)
    features=(
        ias_zone.ias_alarm(
            "gas",
            device_class="gas",
            description="Indicates whether the device detected gas",
            sleepy=False,
        ),
        ias_zone.tamper(),
        smoke_gas.honeywell_sensitivity(),
        smoke_gas.honeywell_selftest(),
        smoke_gas.honeywell_density("gas_density"),
        f.basic_heartbeat(),
        f.linkquality(),
    ),
    endpoints=(
        EndpointDecl(endpoint=1, device_type=0x0402, in_clusters=(BASIC, ias_zone.IAS_ZONE)),
    ),
)
