"""Aqara WXKG04LM: wireless remote switch T1 (double rocker) (lumi.remote.b286acn03).

Facts: Zigbee2MQTT's definition (MultistateInput from endpoints 1, 2 and 3 (both), named
button_<endpoint>_<kind> like the Opple remotes: 0 hold, 255 release, 1-3 clicks; the
battery voltage in the heartbeat, 2850-3000 mV); endpoints as the newer remotes'
(inferred, see _aqara_remote); OTA image type 0x2188 (zigbee-OTA index).
"""

from __future__ import annotations

from .. import features as f
from ..features.battery import COIN_CELL, lumi_battery
from ..features.remote_clicks import OPPLE_CLICKS, opple_buttons, opple_options, remote_action
from ._aqara_remote import remote_endpoints
from .model import Definition

DEFINITION = Definition(
    model="WXKG04LM",
    model_ids=("lumi.remote.b286acn03",),
    vendor="Aqara",
    description="Wireless remote switch T1 (double rocker)",
    is_router=False,
    features=(
        lumi_battery(COIN_CELL),
        remote_action(opple_options(3), *opple_buttons(range(1, 4), OPPLE_CLICKS)),
        f.linkquality(),
        f.lumi_heartbeat(),
        f.ota(0x2188),
    ),
    endpoints=remote_endpoints(3),
)
