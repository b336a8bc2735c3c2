"""Aqara WXKG07LM: Wireless remote switch D1 (double rocker) (lumi.remote.b286acn02).

Facts: Zigbee2MQTT's definition (a click as OnOff of the button's endpoint, 1 left,
2 right, 3 both, or MultistateInput 0 hold, 1 single, 2 double from it; the battery
voltage in the genBasic 0xFF01 heartbeat, 2850-3000 mV; prevent-reset, answered by every
handle); the endpoints of ZHA's signature (see _aqara_86_remote).
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
from ._aqara_86_remote import BUTTON_ENDPOINTS, REMOTE_86_ENDPOINTS
from .model import Definition

DEFINITION = Definition(
    model="WXKG07LM",
    model_ids=("lumi.remote.b286acn02",),
    vendor="Aqara",
    description="Wireless remote switch D1 (double rocker)",
    is_router=False,
    features=(
        lumi_battery(COIN_CELL),
        remote_action(
            tuple(
                f"{kind}_{button}"
                for kind in SINGLE_DOUBLE_HOLD.values()
                for button in BUTTON_ENDPOINTS.values()
            ),
            *onoff_buttons(BUTTON_ENDPOINTS, ONOFF_SINGLE),
            *multistate_buttons(BUTTON_ENDPOINTS, SINGLE_DOUBLE_HOLD),
        ),
        f.linkquality(),
        f.basic_heartbeat(),
    ),
    endpoints=REMOTE_86_ENDPOINTS,
)
