"""Aqara MCCGQ11LM: door and window sensor (``lumi.sensor_magnet.aq2``).

Facts: Zigbee2MQTT's definition (contact from genOnOff, also heartbeat index 100; battery,
voltage, device temperature, power outages and trigger count from the genBasic 0xFF01
heartbeat, 2850-3000 mV; identify for a sleepy device, with identify_timeout); endpoint 1
from a public Zigbee2MQTT database entry (Koenkk/zigbee2mqtt#13379: device type 0x5F01,
in 0000 0003 FFFF 0006, out 0000 0004 FFFF).
"""

from __future__ import annotations

from .. import features as f
from ..features.battery import COIN_CELL, lumi_battery
from ..features.contact import contact
from ..features.identify import identify
from ..features.sensor_settings import trigger_count
from ..lumi.const import BASIC, ON_OFF
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="MCCGQ11LM",
    model_ids=("lumi.sensor_magnet.aq2",),
    vendor="Aqara",
    description="Door and window sensor",
    is_router=False,
    features=(
        lumi_battery(COIN_CELL),
        contact(on_off=True, heartbeat_index=100),
        f.device_temperature(),
        f.power_outage_count(),
        trigger_count(),
        identify(sleepy=True),
        f.linkquality(),
        f.basic_heartbeat(),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x5F01,
            in_clusters=(BASIC, 0x0003, 0xFFFF, ON_OFF),
            out_clusters=(BASIC, 0x0004, 0xFFFF),
        ),
    ),
)
