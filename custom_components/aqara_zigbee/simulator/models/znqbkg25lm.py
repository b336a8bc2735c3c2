"""ZNQBKG25LM, Aqara smart wall switch H1M (with neutral, double rocker), ``lumi.switch.acn030``.

Router; relays on 1-2, clicks from hidden endpoints 41, 42 and 51 for both rockers at once
(see _aqara_h1_neutral for the facts).
"""

from __future__ import annotations

from ..behaviours import ButtonSpec
from ._aqara_h1_neutral import h1_neutral_twin

TWIN = h1_neutral_twin(
    zigbee_model="lumi.switch.acn030",
    z2m_model="ZNQBKG25LM",
    relays={1: "state_left", 2: "state_right"},
    buttons={
        "left": ButtonSpec(41, (1,)),
        "right": ButtonSpec(42, (2,)),
        "left_right": ButtonSpec(51, (1, 2)),
    },
    metered=True,
    led_disabled_night=True,
    ota_image_type=0x0A8C,
    firmware=19,
)
