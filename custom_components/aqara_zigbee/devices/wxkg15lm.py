"""Aqara WXKG15LM: wireless remote switch H1 (double rocker) (lumi.remote.b28ac1).

Facts: Zigbee2MQTT's definition (MultistateInput from endpoints 1 left, 2 right, 3 both:
0 hold, 1-3 clicks; click mode in 0xFCC0 0x0125; operation mode command/event in 0xFCC0
0x0009; genPowerCfg battery and the 0xFCC0 heartbeat, 2850-3000 mV); endpoints 1-3 from
ZHA's signature. In command mode the unit sends OnOff toggle, which the page lists no
action for.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from .. import features as f
from ..features.battery import COIN_CELL, lumi_battery
from ..features.click_mode import REMOTE_CLICK_MODE_DESCRIPTION, click_mode
from ..features.identify import identify
from ..features.remote_clicks import (
    DOUBLE,
    HOLD,
    SINGLE,
    TRIPLE,
    multistate_buttons,
    remote_action,
    remote_operation_mode,
)
from ._aqara_remote import remote_endpoints
from .model import Definition

BUTTONS: Final[Mapping[int | None, str | None]] = {1: "left", 2: "right", 3: "both"}

DEFINITION = Definition(
    model="WXKG15LM",
    model_ids=("lumi.remote.b28ac1",),
    vendor="Aqara",
    description="Wireless remote switch H1 (double rocker)",
    is_router=False,
    features=(
        lumi_battery(COIN_CELL, power_cfg=True),
        remote_action(
            tuple(
                f"{kind}_{button}"
                for kind in ("single", "double", "triple", "hold")
                for button in BUTTONS.values()
            ),
            *multistate_buttons(
                BUTTONS, {SINGLE: "single", DOUBLE: "double", TRIPLE: "triple", HOLD: "hold"}
            ),
        ),
        click_mode(description=REMOTE_CLICK_MODE_DESCRIPTION),
        remote_operation_mode(),
        identify(sleepy=True),
        f.linkquality(),
        f.lumi_heartbeat(),
    ),
    endpoints=remote_endpoints(3),
)
