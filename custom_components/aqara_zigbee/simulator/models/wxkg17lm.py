"""WXKG17LM, Aqara wireless remote switch E1 (double rocker), ``lumi.remote.acn004``.

Facts: ZHA's signature (endpoint 1 with Basic, PowerConfiguration, Identify,
MultistateInput, 0xFCC0; endpoints 2 and 3 with MultistateInput); Zigbee2MQTT's library
(1 left, 2 right, 3 both: 1 single, 2 double, 0 hold, both rockers single only; click mode
in 0xFCC0 0x0125, in heartbeat index 100 too; prevent-reset). Inferred: the heartbeat's
other indexes.
"""

from __future__ import annotations

from ..behaviours import PreventReset
from ._aqara_remote import (
    click_mode_setting,
    multistate,
    multistate_gestures,
    remote_endpoints,
    remote_twin,
)

BUTTONS = {1: "left", 2: "right"}
CLICKS = {"single": 1, "double": 2, "hold": 0}

TWIN = remote_twin(
    zigbee_models=("lumi.remote.acn004",),
    z2m_model="WXKG17LM",
    endpoints=remote_endpoints(2),
    gestures={**multistate_gestures(BUTTONS, CLICKS), "single_both": (multistate(3, 1),)},
    basic_heartbeat=False,
    power_cfg=False,
    settings=lambda: (click_mode_setting(), PreventReset()),
    click_mode_in_heartbeat=True,
)
