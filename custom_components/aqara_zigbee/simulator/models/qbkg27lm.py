"""QBKG27LM, Aqara smart wall switch H1 (no neutral, single rocker), ``lumi.switch.l1acn1``.

No public signature of this model was found: written as its EU sibling WS-EUK01
(``lumi.switch.l1aeu1``: endpoint 1 without 0xFCC0 declared, clicks from hidden endpoint 41,
Green Power on 242, an end device). Zigbee2MQTT's library: the exposes, mode_switch in
heartbeat index 4. No OTA image in the Koenkk/zigbee-OTA index: no OTA client.

Inferred from WS-USC01 (the same no-neutral generation): the heartbeat layout; event mode
off until written. Single and double clicks only (the library's actions). Basic versions
unknown: the defaults.
"""

from __future__ import annotations

from ..behaviours import ButtonSpec
from ._aqara_h1_no_neutral import h1_no_neutral_twin

TWIN = h1_no_neutral_twin(
    zigbee_model="lumi.switch.l1acn1",
    z2m_model="QBKG27LM",
    relays={1: "state"},
    buttons={"main": ButtonSpec(41, (1,))},
    exposes_outage_count=True,
)
