"""Aqara WXKG20LM: wireless mini switch E1 (lumi.remote.acn007).

Facts: Zigbee2MQTT's definition (MultistateInput 0 hold, 1 single, 2 double, 255 release;
genPowerCfg battery and the 0xFCC0 heartbeat with the voltage, chip temperature and power-on
count, 2850-3000 mV); endpoints as the other E1 remotes' (inferred, see _aqara_remote).
"""

from __future__ import annotations

from .. import features as f
from ..features.battery import COIN_CELL, lumi_battery
from ..features.remote_clicks import (
    DOUBLE,
    HOLD,
    RELEASE,
    SINGLE,
    multistate_buttons,
    remote_action,
)
from ._aqara_remote import remote_endpoints
from .model import ANY_ENDPOINT, Definition

DEFINITION = Definition(
    model="WXKG20LM",
    model_ids=("lumi.remote.acn007",),
    vendor="Aqara",
    description="Wireless mini switch E1",
    is_router=False,
    features=(
        lumi_battery(COIN_CELL, power_cfg=True),
        remote_action(
            ("single", "double", "hold", "release"),
            *multistate_buttons(
                {ANY_ENDPOINT: None},
                {SINGLE: "single", DOUBLE: "double", HOLD: "hold", RELEASE: "release"},
            ),
        ),
        f.device_temperature(),
        f.power_outage_count(),
        f.linkquality(),
        f.lumi_heartbeat(),
    ),
    endpoints=remote_endpoints(1),
)
