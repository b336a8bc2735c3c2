"""Aqara WXKG17LM: wireless remote switch E1 (double rocker) (lumi.remote.acn004).

Facts: Zigbee2MQTT's definition (MultistateInput from endpoints 1 left, 2 right, 3 both:
0 hold, 1 single, 2 double, both rockers at once single only; click mode in 0xFCC0 0x0125,
also in heartbeat index 100, written "multi" at pairing; prevent-reset, answered by every
handle; the 0xFCC0 heartbeat with the battery voltage, 2850-3000 mV); endpoints 1-3 from
ZHA's signature.
"""

from __future__ import annotations

from .. import features as f
from ..features.battery import COIN_CELL, lumi_battery
from ..features.click_mode import click_mode
from ..features.remote_clicks import (
    SINGLE,
    SINGLE_DOUBLE_HOLD,
    multi_click_at_pairing,
    multistate_buttons,
    remote_action,
)
from ._aqara_remote import remote_endpoints
from .model import Definition

DEFINITION = Definition(
    model="WXKG17LM",
    model_ids=("lumi.remote.acn004",),
    vendor="Aqara",
    description="Wireless remote switch E1 (double rocker)",
    is_router=False,
    features=(
        lumi_battery(COIN_CELL),
        remote_action(
            (
                "single_left",
                "single_right",
                "single_both",
                "double_left",
                "double_right",
                "hold_left",
                "hold_right",
            ),
            *multistate_buttons({1: "left", 2: "right"}, SINGLE_DOUBLE_HOLD),
            *multistate_buttons({3: "both"}, {SINGLE: "single"}),
        ),
        click_mode(
            description="Click mode, fast: only supports single click which will be send "
            "immediately after clicking, multi: supports more events like double and hold",
            in_heartbeat=True,
        ),
        multi_click_at_pairing(),
        f.linkquality(),
        f.lumi_heartbeat(),
    ),
    endpoints=remote_endpoints(3),
)
