"""Aqara MCCGQ13LM: door and window sensor P1 (``lumi.magnet.ac01``).

Facts: Zigbee2MQTT's definition (contact from genOnOff and the IAS zone, tamper from
0xFCC0 0x0140, detection distance 0xFCC0 0x010C (also heartbeat index 159), battery and
voltage from the heartbeat with the 2850-3000 mV curve; no OTA); endpoint 1 from ZHA's
device signature (IAS zone device: 0000 0001 0003 0500, out 0019).
"""

from __future__ import annotations

from .. import features as f
from ..devices.model import BOOL
from ..features._lumi import lumi_attribute
from ..features.battery import COIN_CELL, lumi_battery
from ..features.contact import contact
from ..features.ias_zone import IAS_ZONE, tamper
from ..features.sensor_settings import detection_distance
from ..lumi.const import BASIC, LUMI_CLUSTER, ON_OFF, OTA
from .model import Definition, EndpointDecl

ATTR_TAMPER = 0x0140

DEFINITION = Definition(
    model="MCCGQ13LM",
    model_ids=("lumi.magnet.ac01",),
    vendor="Aqara",
    description="Door and window sensor P1",
    is_router=False,
    features=(
        contact(on_off=True, ias=True),
        lumi_battery(COIN_CELL),
        tamper(extra_sources=(lumi_attribute(ATTR_TAMPER, BOOL),)),
        detection_distance(heartbeat_index=159),
        f.linkquality(),
        f.lumi_heartbeat(),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0402,
            in_clusters=(BASIC, 0x0001, 0x0003, ON_OFF, IAS_ZONE, LUMI_CLUSTER),
            out_clusters=(OTA,),
        ),
    ),
)
