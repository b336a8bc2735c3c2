"""Aqara WXCJKG13LM: opple wireless switch (triple band) (lumi.remote.b686opcn01).

Facts: Zigbee2MQTT's definition (in event mode, written at pairing, MultistateInput from
each button's endpoint 1-6: 0 hold, 255 release, 1-3 clicks, named
button_<endpoint>_<kind>; operation mode command/event in 0xFCC0 0x0009, and in command
mode the OnOff, LevelControl and Color Control commands named as clicks too; genPowerCfg
battery and the 0xFCC0 heartbeat, 2850-3000 mV, whose chip temperature is a constant 25
and not shown); endpoint 1 from ZHA's signature of the Opple remotes, one endpoint per
further button (inferred).
"""

from __future__ import annotations

from .. import features as f
from ..features.battery import COIN_CELL, lumi_battery
from ..features.remote_clicks import (
    OPPLE_CLICKS,
    opple_buttons,
    opple_commands,
    opple_options,
    remote_action,
    remote_operation_mode,
)
from ._aqara_remote import remote_endpoints
from .model import Definition

DEFINITION = Definition(
    model="WXCJKG13LM",
    model_ids=("lumi.remote.b686opcn01",),
    vendor="Aqara",
    description="Opple wireless switch (triple band)",
    is_router=False,
    features=(
        lumi_battery(COIN_CELL, power_cfg=True),
        f.power_outage_count(),
        remote_action(
            opple_options(6),
            *opple_buttons(range(1, 7), OPPLE_CLICKS),
            # command mode: the commands it sends its bound lights
            *opple_commands(6),
        ),
        # after the clicks: the model suite checks those in event mode (command mode has no
        # double or triple click)
        remote_operation_mode(),
        f.event_mode(),
        f.linkquality(),
        f.lumi_heartbeat(),
    ),
    endpoints=remote_endpoints(6, device_type=0x0105),
)
