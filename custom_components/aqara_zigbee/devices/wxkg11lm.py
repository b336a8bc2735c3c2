"""Aqara WXKG11LM: wireless mini switch (lumi.sensor_switch.aq2, lumi.remote.b1acn01).

Facts: Zigbee2MQTT's definition (the aq2 tells a click as OnOff = 1 and a multi-click as a
count in OnOff 0x8000; the b1acn01 firmware sends MultistateInput: 0 hold, 1-3 clicks, 255
release; battery and chip temperature in the genBasic 0xFF01 heartbeat, 2850-3000 mV);
endpoint 1's clusters from ZHA's device signatures of both ids.
"""

from __future__ import annotations

from .. import features as f
from ..features.battery import COIN_CELL, lumi_battery
from ..features.identify import identify
from ..features.remote_clicks import (
    MULTI_CLICKS,
    click_count,
    multistate_buttons,
    onoff_buttons,
    remote_action,
)
from ..lumi.const import BASIC, MULTISTATE_INPUT, ON_OFF
from .model import ANY_ENDPOINT, Definition, EndpointDecl

DEFINITION = Definition(
    model="WXKG11LM",
    model_ids=("lumi.sensor_switch.aq2", "lumi.remote.b1acn01"),
    vendor="Aqara",
    description="Wireless mini switch",
    is_router=False,
    features=(
        lumi_battery(COIN_CELL),
        f.device_temperature(),
        f.power_outage_count(),
        remote_action(
            ("single", "double", "triple", "quadruple", "hold", "release"),
            *onoff_buttons({ANY_ENDPOINT: None}, {1: "single"}),
            click_count(),
            *multistate_buttons({ANY_ENDPOINT: None}, MULTI_CLICKS),
        ),
        identify(sleepy=True),
        f.linkquality(),
        f.basic_heartbeat(),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x5F01,
            in_clusters=(BASIC, 0x0003, ON_OFF, MULTISTATE_INPUT),
            out_clusters=(BASIC,),
        ),
    ),
)
