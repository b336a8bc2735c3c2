"""Aqara WXKG14LM: wireless remote switch H1 (single rocker) (lumi.remote.b18ac1).

Facts: Zigbee2MQTT's definition (MultistateInput 0 hold, 1 single, 2 double, 3 triple;
click mode in 0xFCC0 0x0125, also in heartbeat index 100; operation mode command/event in
0xFCC0 0x0009, event written at pairing; the 0xFCC0 heartbeat with the battery voltage,
2850-3000 mV); endpoint 1 from ZHA's signature. In command mode the unit sends OnOff
toggle to bound devices, which Zigbee2MQTT's page lists no action for.
"""

from __future__ import annotations

from .. import features as f
from ..features.battery import COIN_CELL, lumi_battery
from ..features.click_mode import REMOTE_CLICK_MODE_DESCRIPTION, click_mode
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
from .model import ANY_ENDPOINT, Definition

DEFINITION = Definition(
    model="WXKG14LM",
    model_ids=("lumi.remote.b18ac1",),
    vendor="Aqara",
    description="Wireless remote switch H1 (single rocker)",
    is_router=False,
    features=(
        lumi_battery(COIN_CELL),
        remote_action(
            ("single", "double", "triple", "hold"),
            *multistate_buttons(
                {ANY_ENDPOINT: None},
                {SINGLE: "single", DOUBLE: "double", TRIPLE: "triple", HOLD: "hold"},
            ),
        ),
        click_mode(description=REMOTE_CLICK_MODE_DESCRIPTION, in_heartbeat=True),
        remote_operation_mode(),
        f.event_mode(),
        f.linkquality(),
        f.lumi_heartbeat(),
    ),
    endpoints=remote_endpoints(1),
)
