"""ZNQBKG44LM, Aqara smart wall switch Z1 Pro (triple rocker), ``lumi.switch.acn058``.

Router (with neutral); one relay per rocker on endpoints 1-3; a touch slider
(see _aqara_z1 for the family's facts).
"""

from __future__ import annotations

from ._aqara_z1 import z1_twin

TWIN = z1_twin("lumi.switch.acn058", "ZNQBKG44LM", {1: "top", 2: "center", 3: "bottom"}, pro=True)
