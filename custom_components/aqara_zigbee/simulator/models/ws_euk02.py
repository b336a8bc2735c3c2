"""WS-EUK02, Aqara smart wall switch H1 EU (no neutral, double rocker), ``lumi.switch.l2aeu1``.

Facts: the ZHA quirk's first signature of ``lumi.switch.l2aeu1`` (endpoints 1, 2, 41, 42, 51,
242; 0xFCC0 and MultistateInput declared on 1 and 2); zha-device-handlers#2270: an end
device; Zigbee2MQTT's library (exposes, mode_switch in heartbeat index 4).

Inferred from WS-USC02 (the same no-neutral generation): the heartbeat layout; "both"
drives both relays; event mode off until written. Single and double clicks only (the
library's actions). Basic versions unknown: the defaults.
"""

from __future__ import annotations

from ..behaviours import ButtonSpec
from ._aqara_h1_no_neutral import h1_no_neutral_twin

TWIN = h1_no_neutral_twin(
    zigbee_model="lumi.switch.l2aeu1",
    z2m_model="WS-EUK02",
    relays={1: "state_left", 2: "state_right"},
    buttons={
        "left": ButtonSpec(41, (1,)),
        "right": ButtonSpec(42, (2,)),
        "both": ButtonSpec(51, (1, 2)),
    },
    exposes_outage_count=True,
)
