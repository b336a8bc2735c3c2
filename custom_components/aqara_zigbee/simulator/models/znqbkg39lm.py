"""ZNQBKG39LM, Aqara smart wall switch Z1 (double rocker), ``lumi.switch.acn049``.

Router (with neutral); one relay per rocker on endpoints 1-2 (see _aqara_z1
for the family's facts).
"""

from __future__ import annotations

from ._aqara_z1 import z1_twin

TWIN = z1_twin("lumi.switch.acn049", "ZNQBKG39LM", {1: "top", 2: "bottom"})
