"""WS-EUK01, Aqara smart wall switch H1 EU (no neutral, single rocker), ``lumi.switch.l1aeu1``.

Facts: the ZHA quirk's signature of ``lumi.switch.l1aeu1`` (endpoint 1 without 0xFCC0 declared,
Green Power on 242) and its replacement (clicks from endpoint 41); zha-device-handlers#2270:
an end device; Zigbee2MQTT's library (exposes, mode_switch in heartbeat index 4).

Inferred from WS-USC01 (the same no-neutral generation): the heartbeat layout; event mode
off until written. Single and double clicks only (the library's actions). Basic versions
unknown: the defaults.
"""

from __future__ import annotations

from ..behaviours import ButtonSpec
from ._aqara_h1_no_neutral import h1_no_neutral_twin

TWIN = h1_no_neutral_twin(
    zigbee_model="lumi.switch.l1aeu1",
    z2m_model="WS-EUK01",
    relays={1: "state"},
    buttons={"main": ButtonSpec(41, (1,))},
    exposes_outage_count=True,
)
