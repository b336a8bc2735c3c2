"""Xiaomi WXKG01LM: Mi wireless switch (lumi.sensor_switch).

Facts: Zigbee2MQTT's definition (OnOff 0 when pressed and 1 when released: a press held
longer than hold_timeout, 1000 ms by default, is a hold and its release a release, a
shorter one a single click; a hold without release is forgotten after hold_timeout_expire,
4000 ms; multi-clicks as a count in OnOff 0x8000, five or more "many"; battery and
power-on count in the genBasic 0xFF01 heartbeat, 2850-3000 mV); endpoint 1 from ZHA's
signature (OnOff there declared as a client cluster; its reports are routed here).
"""

from __future__ import annotations

from .. import features as f
from ..features.battery import COIN_CELL, lumi_battery
from ..features.remote_clicks import press_release_clicks
from ..lumi.const import BASIC, ON_OFF, OTA
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="WXKG01LM",
    model_ids=("lumi.sensor_switch",),
    vendor="Xiaomi",
    description="Mi wireless switch",
    is_router=False,
    features=(
        lumi_battery(COIN_CELL),
        press_release_clicks(),
        f.power_outage_count(),
        f.linkquality(),
        f.basic_heartbeat(),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0104,
            in_clusters=(BASIC, 0x0003, OTA, ON_OFF),
            out_clusters=(BASIC, 0x0003, 0x0004, 0x0005, ON_OFF, 0x0008, OTA),
        ),
    ),
)
