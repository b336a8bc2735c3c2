"""ZNQBKG42LM, Aqara smart wall switch Z1 Pro (single rocker), ``lumi.switch.acn056``.

Router (with neutral); one relay on endpoint 1; a touch slider
(see _aqara_z1 for the family's facts).
"""

from __future__ import annotations

from ._aqara_z1 import z1_twin

TWIN = z1_twin("lumi.switch.acn056", "ZNQBKG42LM", {1: "main"}, pro=True)
