"""Aqara WXKG02LM_rev1: wireless remote switch (double rocker), 2016 model.

Zigbee ids lumi.sensor_86sw2 and lumi.sensor_86sw2.es1. Facts: Zigbee2MQTT's definition
(a click as OnOff of the button's endpoint, 1 left, 2 right, 3 both, 0 or 1 whichever the
contact ends in; the genBasic 0xFF01 heartbeat with the battery voltage, 2850-3000 mV, and
the power-on count; prevent-reset, answered by every handle); the endpoints of ZHA's
signature (see _aqara_86_remote).
"""

from __future__ import annotations

from .. import features as f
from ..features.battery import COIN_CELL, lumi_battery
from ..features.remote_clicks import ONOFF_SINGLE, onoff_buttons, remote_action
from ._aqara_86_remote import BUTTON_ENDPOINTS, REMOTE_86_ENDPOINTS
from .model import Definition

DEFINITION = Definition(
    model="WXKG02LM_rev1",
    model_ids=("lumi.sensor_86sw2", "lumi.sensor_86sw2.es1"),
    vendor="Aqara",
    description="Wireless remote switch (double rocker), 2016 model",
    is_router=False,
    features=(
        lumi_battery(COIN_CELL),
        f.power_outage_count(),
        remote_action(
            ("single_left", "single_right", "single_both"),
            *onoff_buttons(BUTTON_ENDPOINTS, ONOFF_SINGLE),
        ),
        f.linkquality(),
        f.basic_heartbeat(),
    ),
    endpoints=REMOTE_86_ENDPOINTS,
)
