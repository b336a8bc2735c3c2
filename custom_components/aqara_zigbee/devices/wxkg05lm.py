"""Aqara WXKG05LM: wireless remote switch T1 (single rocker) (lumi.remote.b186acn03).

Facts: Zigbee2MQTT's definition (a click as OnOff, or MultistateInput 0 hold, 1 single,
2 double; genPowerCfg battery and the 0xFCC0 heartbeat, 2850-3000 mV); endpoints as the
newer remotes' (see _aqara_remote), inferred: no public signature of this id was found.
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
from ._aqara_remote import remote_endpoints
from .model import ANY_ENDPOINT, Definition

DEFINITION = Definition(
    model="WXKG05LM",
    model_ids=("lumi.remote.b186acn03",),
    vendor="Aqara",
    description="Wireless remote switch T1 (single rocker)",
    is_router=False,
    features=(
        remote_action(
            ("single", "double", "hold"),
            *onoff_buttons({ANY_ENDPOINT: None}, ONOFF_SINGLE),
            *multistate_buttons({ANY_ENDPOINT: None}, SINGLE_DOUBLE_HOLD),
        ),
        lumi_battery(COIN_CELL, power_cfg=True),
        f.linkquality(),
        f.lumi_heartbeat(),
    ),
    endpoints=remote_endpoints(1),
)
