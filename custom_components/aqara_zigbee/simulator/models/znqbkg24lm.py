"""ZNQBKG24LM, Aqara smart wall switch H1M (with neutral, single rocker), ``lumi.switch.acn029``.

Router; relay on 1, clicks from hidden endpoint 41 (see _aqara_h1_neutral for the facts).
"""

from __future__ import annotations

from ..behaviours import ButtonSpec
from ._aqara_h1_neutral import h1_neutral_twin

TWIN = h1_neutral_twin(
    zigbee_model="lumi.switch.acn029",
    z2m_model="ZNQBKG24LM",
    relays={1: "state"},
    buttons={"main": ButtonSpec(41, (1,))},
    metered=True,
    led_disabled_night=True,
    ota_image_type=0x0A0C,
    firmware=19,
)
