"""ZNQBKG26LM, Aqara smart wall switch H1M (with neutral, triple rocker), ``lumi.switch.acn031``.

Router; relays on 1-3, clicks from hidden endpoints 41-43, 51-53 for two rockers at once
and 61 for all three (see _aqara_h1_neutral for the facts).
"""

from __future__ import annotations

from ..behaviours import ButtonSpec
from ._aqara_h1_neutral import h1_neutral_twin

TWIN = h1_neutral_twin(
    zigbee_model="lumi.switch.acn031",
    z2m_model="ZNQBKG26LM",
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
    metered=True,
    led_disabled_night=True,
    ota_image_type=0x0B0C,
    firmware=19,
)
