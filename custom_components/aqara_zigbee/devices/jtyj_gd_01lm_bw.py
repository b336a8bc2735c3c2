"""Xiaomi JTYJ-GD-01LM/BW: Mijia Honeywell smoke detector (``lumi.sensor_smoke``).

Facts: Zigbee2MQTT's definition (lumi_smoke: the IAS zone's status change notifications,
bit 0 smoke, 1 self-test, 2 tamper, 3 low battery; lumi_basic: the genBasic 0xFF01
heartbeat with the voltage and the smoke density at index 100; the sensitivity written to
ssIasZone 0xFFF1); no OTA image is published. Endpoint 1 from ZHA device signatures
(device type 0x0402, in 0000 0003 0012 0500 000C 0001).
"""

from __future__ import annotations

from .. import features as f
from ..features import battery, ias_zone, smoke_gas
from ..lumi.const import BASIC
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="JTYJ-GD-01LM/BW",
    model_ids=("lumi.sensor_smoke",),
    vendor="Xiaomi",
    description="Mijia Honeywell smoke detector",
    is_router=False,  # battery: a sleepy end device
    features=(
        ias_zone.ias_alarm(
            "smoke", device_class="smoke", description="Indicates whether the device detected smoke"
        ),
        smoke_gas.ias_battery_low(),
        ias_zone.tamper(),
        battery.lumi_battery(),
        smoke_gas.honeywell_sensitivity(),
        smoke_gas.honeywell_selftest(),
        smoke_gas.honeywell_density("smoke_density"),
        smoke_gas.ias_test(),
        f.device_temperature(),
        f.power_outage_count(),
        f.basic_heartbeat(),
        f.linkquality(),
    ),
    endpoints=(
        EndpointDecl(endpoint=1, device_type=0x0402, in_clusters=(BASIC, ias_zone.IAS_ZONE)),
    ),
)
