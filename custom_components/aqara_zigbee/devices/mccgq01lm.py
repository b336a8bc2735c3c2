"""Xiaomi MCCGQ01LM: Mi door and window sensor (``lumi.sensor_magnet``).

Facts: Zigbee2MQTT's definition (contact from genOnOff; battery voltage and power outages
from the genBasic 0xFF02 structure, elements 1 and 4, with the 2850-3000 mV curve);
endpoint 1 from public Zigbee2MQTT database entries (Koenkk/zigbee2mqtt#2772: device type
0x0104, in 0000 0003 0019 FFFF, out 0000 0003 0004 0005 0006 0008 0019; the onOff reports
come though genOnOff is only a client cluster there).
"""

from __future__ import annotations

from .. import features as f
from ..devices.model import TLV_WHOLE, TlvWhole
from ..features.basic_struct import struct_element
from ..features.battery import COIN_CELL, lumi_battery
from ..features.contact import contact
from ..lumi.const import BASIC, ON_OFF, OTA
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="MCCGQ01LM",
    model_ids=("lumi.sensor_magnet",),
    vendor="Xiaomi",
    description="Mi door and window sensor",
    is_router=False,
    features=(
        lumi_battery(COIN_CELL, index=None, voltage_sources=(struct_element(1, TLV_WHOLE),)),
        contact(on_off=True),
        f.power_outage_count(extra_sources=(struct_element(4, TlvWhole(counts_from_one=True)),)),
        f.linkquality(),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0104,
            in_clusters=(BASIC, 0x0003, OTA, 0xFFFF, ON_OFF),
            out_clusters=(BASIC, 0x0003, 0x0004, 0x0005, ON_OFF, 0x0008, OTA),
        ),
    ),
)
