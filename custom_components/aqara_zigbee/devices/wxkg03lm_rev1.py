"""Aqara WXKG03LM_rev1: wireless remote switch (single rocker), 2016 model (lumi.sensor_86sw1).

Facts: Zigbee2MQTT's definition (the click as OnOff of the button's
endpoint, 0 or 1 whichever the contact ends in; the battery voltage in the genBasic
0xFF01 heartbeat, 2850-3000 mV; prevent-reset, answered by every handle); the endpoints of
ZHA's signature (see _aqara_86_remote). One button: its clicks count from any endpoint.
"""

from __future__ import annotations

from .. import features as f
from ..features.battery import COIN_CELL, lumi_battery
from ..features.remote_clicks import ONOFF_SINGLE, onoff_buttons, remote_action
from ._aqara_86_remote import REMOTE_86_ENDPOINTS
from .model import ANY_ENDPOINT, Definition

DEFINITION = Definition(
    model="WXKG03LM_rev1",
    model_ids=("lumi.sensor_86sw1",),
    vendor="Aqara",
    description="Wireless remote switch (single rocker), 2016 model",
    is_router=False,
    features=(
        lumi_battery(COIN_CELL),
        remote_action(("single",), *onoff_buttons({ANY_ENDPOINT: None}, ONOFF_SINGLE)),
        f.linkquality(),
        f.basic_heartbeat(),
    ),
    endpoints=REMOTE_86_ENDPOINTS[:1],
)
