"""Aqara WXKG21LM: wireless remote switch H1M (single rocker) (lumi.remote.acn008).

Facts: Zigbee2MQTT's definition (MultistateInput 0 hold, 1 single, 2 double; click mode
in 0xFCC0 0x0125, written "multi" at pairing with event mode; genPowerCfg battery and
the 0xFCC0 heartbeat, 2850-3000 mV); endpoints as the H1 remotes' (inferred, see
_aqara_remote).
"""

from __future__ import annotations

from .. import features as f
from ..features.battery import COIN_CELL, lumi_battery
from ..features.click_mode import REMOTE_CLICK_MODE_DESCRIPTION, click_mode
from ..features.remote_clicks import (
    SINGLE_DOUBLE_HOLD,
    multi_click_at_pairing,
    multistate_buttons,
    remote_action,
)
from ._aqara_remote import remote_endpoints
from .model import ANY_ENDPOINT, Definition

DEFINITION = Definition(
    model="WXKG21LM",
    model_ids=("lumi.remote.acn008",),
    vendor="Aqara",
    description="Wireless remote switch H1M (single rocker)",
    is_router=False,
    features=(
        lumi_battery(COIN_CELL, power_cfg=True),
        remote_action(
            ("single", "double", "hold"),
            *multistate_buttons({ANY_ENDPOINT: None}, SINGLE_DOUBLE_HOLD),
        ),
        click_mode(description=REMOTE_CLICK_MODE_DESCRIPTION),
        f.event_mode(),
        multi_click_at_pairing(),
        f.linkquality(),
        f.lumi_heartbeat(),
    ),
    endpoints=remote_endpoints(1),
)
