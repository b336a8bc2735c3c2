"""Aqara WXKG03LM_rev2: wireless remote switch (single rocker), 2018 model (lumi.remote.b186acn01).

Facts: Zigbee2MQTT's definition (the click as OnOff of the button's
endpoint, or MultistateInput 0 hold, 1 single, 2 double; the battery voltage in the
genBasic 0xFF01 heartbeat, 2850-3000 mV; prevent-reset, answered by every handle); the endpoints of
ZHA's signature (see _aqara_86_remote). One button: its clicks count from any endpoint.
"""

from __future__ import annotations

from .. import features as f
from ..features.battery import COIN_CELL, lumi_battery
from ..features.remote_clicks import (
    ONOFF_SINGLE,
    SINGLE_DOUBLE_HOLD,
    multistate_buttons,
    onoff_buttons,
    remote_action,
)
from ._aqara_86_remote import REMOTE_86_ENDPOINTS
from .model import ANY_ENDPOINT, Definition

DEFINITION = Definition(
    model="WXKG03LM_rev2",
    model_ids=("lumi.remote.b186acn01",),
    vendor="Aqara",
    description="Wireless remote switch (single rocker), 2018 model",
    is_router=False,
    features=(
        lumi_battery(COIN_CELL),
        remote_action(
            ("single", "double", "hold"),
            *onoff_buttons({ANY_ENDPOINT: None}, ONOFF_SINGLE),
            *multistate_buttons({ANY_ENDPOINT: None}, SINGLE_DOUBLE_HOLD),
        ),
        f.linkquality(),
        f.basic_heartbeat(),
    ),
    endpoints=REMOTE_86_ENDPOINTS[:1],
)
