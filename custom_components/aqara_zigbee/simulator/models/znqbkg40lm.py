"""ZNQBKG40LM, Aqara smart wall switch Z1 (triple rocker), ``lumi.switch.acn054``.

Router (with neutral); one relay per rocker on endpoints 1-3 (see _aqara_z1
for the family's facts).
"""

from __future__ import annotations

from ._aqara_z1 import z1_twin

TWIN = z1_twin("lumi.switch.acn054", "ZNQBKG40LM", {1: "top", 2: "center", 3: "bottom"})
