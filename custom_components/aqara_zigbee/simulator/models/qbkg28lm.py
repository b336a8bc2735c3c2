"""QBKG28LM, Aqara smart wall switch H1 (no neutral, double rocker), ``lumi.switch.l2acn1``.

No public signature of this model was found: written as its EU sibling WS-EUK02
(``lumi.switch.l2aeu1``: endpoints 1, 2, 41, 42, 51, 242, an end device). Zigbee2MQTT's
library: the exposes (without power_outage_count), clicks from 41/42/51, mode_switch in
heartbeat index 4. No OTA image in the Koenkk/zigbee-OTA index: no OTA client.

Inferred from WS-USC02 (the same no-neutral generation): the heartbeat layout (the outage
counter in index 5 too); "both" drives both relays; event mode off until written. Single
and double clicks only (the library's actions). Basic versions unknown: the defaults.
"""

from __future__ import annotations

from ..behaviours import ButtonSpec
from ._aqara_h1_no_neutral import h1_no_neutral_twin

TWIN = h1_no_neutral_twin(
    zigbee_model="lumi.switch.l2acn1",
    z2m_model="QBKG28LM",
    relays={1: "state_left", 2: "state_right"},
    buttons={
        "left": ButtonSpec(41, (1,)),
        "right": ButtonSpec(42, (2,)),
        "both": ButtonSpec(51, (1, 2)),
    },
    exposes_outage_count=False,
)
