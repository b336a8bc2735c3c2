"""QBKG29LM, Aqara smart wall switch H1 (no neutral, triple rocker), ``lumi.switch.l3acn1``.

No public signature of this model was found: written as its double-rocker sibling WS-EUK02
(``lumi.switch.l2aeu1``) with a third relay endpoint, an end device. Zigbee2MQTT's library:
the exposes; clicks from 41/42/43 (one rocker), 51/52/53 (two) and 61 (all three);
mode_switch in heartbeat index 4; relays in indexes 100-102.

Inferred from WS-USC02 (the same no-neutral generation): the rest of the heartbeat layout;
a press of several rockers drives each of their relays; event mode off until written.
Single and double clicks only (the library's actions). Basic versions unknown: the
defaults.
"""

from __future__ import annotations

from ..behaviours import ButtonSpec
from ._aqara_h1_no_neutral import h1_no_neutral_twin

TWIN = h1_no_neutral_twin(
    zigbee_model="lumi.switch.l3acn1",
    z2m_model="QBKG29LM",
    relays={1: "state_left", 2: "state_center", 3: "state_right"},
    buttons={
        "left": ButtonSpec(41, (1,)),
        "center": ButtonSpec(42, (2,)),
        "right": ButtonSpec(43, (3,)),
        "left_center": ButtonSpec(51, (1, 2)),
        "left_right": ButtonSpec(52, (1, 3)),
        "center_right": ButtonSpec(53, (2, 3)),
        "all": ButtonSpec(61, (1, 2, 3)),
    },
    exposes_outage_count=True,
)
