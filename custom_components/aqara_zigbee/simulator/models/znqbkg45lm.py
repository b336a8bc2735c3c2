"""ZNQBKG45LM, Aqara smart wall switch Z1 Pro (quadruple rocker), ``lumi.switch.acn059``.

Router (with neutral); one relay per rocker on endpoints 1-3;
a fourth button without relay clicks from endpoint 4; a touch slider
(see _aqara_z1 for the family's facts).
"""

from __future__ import annotations

from ._aqara_z1 import z1_twin

TWIN = z1_twin(
    "lumi.switch.acn059", "ZNQBKG45LM", {1: "top", 2: "center", 3: "bottom"}, wireless=4, pro=True
)
