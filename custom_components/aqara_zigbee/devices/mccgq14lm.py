"""Aqara MCCGQ14LM: door and window sensor E1 (``lumi.magnet.acn001``).

Facts: Zigbee2MQTT's definition (contact and battery_low from the IAS zone, contact also
at heartbeat index 100; battery from genPowerCfg batteryVoltage and the heartbeat's
voltage with the 2850-3000 mV curve; no OTA image); endpoint 1 from ZHA's device
signature (IAS zone device: 0000 0001 0003 0500, out 0003 0019).
"""

from __future__ import annotations

from .. import features as f
from ..features.battery import COIN_CELL, battery_low, lumi_battery
from ..features.contact import contact
from ..features.ias_zone import IAS_ZONE
from ..lumi.const import BASIC, LUMI_CLUSTER, OTA
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="MCCGQ14LM",
    model_ids=("lumi.magnet.acn001",),
    vendor="Aqara",
    description="Door and window sensor E1",
    is_router=False,
    features=(
        contact(on_off=False, ias=True, heartbeat_index=100),
        lumi_battery(COIN_CELL, power_cfg=True),
        battery_low(power_cfg=True, ias=True),
        f.linkquality(),
        f.lumi_heartbeat(),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0402,
            in_clusters=(BASIC, 0x0001, 0x0003, IAS_ZONE, LUMI_CLUSTER),
            out_clusters=(0x0003, OTA),
        ),
    ),
)
