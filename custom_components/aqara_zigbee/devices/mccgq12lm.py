"""Aqara MCCGQ12LM: door and window sensor T1 (``lumi.magnet.agl02``).

Facts: Zigbee2MQTT's definition (contact from genOnOff and the IAS zone, battery and
voltage from the 0xFCC0 heartbeat with the 2850-3000 mV curve; no OTA). Endpoint 1's
clusters are inferred from its converters (genOnOff, ssIasZone, manuSpecificLumi).
"""

from __future__ import annotations

from .. import features as f
from ..features.battery import COIN_CELL, lumi_battery
from ..features.contact import contact
from ..features.ias_zone import IAS_ZONE
from ..lumi.const import BASIC, LUMI_CLUSTER, ON_OFF, OTA
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="MCCGQ12LM",
    model_ids=("lumi.magnet.agl02",),
    vendor="Aqara",
    description="Door and window sensor T1",
    is_router=False,
    features=(
        contact(on_off=True, ias=True),
        lumi_battery(COIN_CELL),
        f.linkquality(),
        f.lumi_heartbeat(),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0402,
            in_clusters=(BASIC, 0x0003, ON_OFF, IAS_ZONE, LUMI_CLUSTER),
            out_clusters=(OTA,),
        ),
    ),
)
