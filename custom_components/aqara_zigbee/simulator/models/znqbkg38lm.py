"""ZNQBKG38LM, Aqara smart wall switch Z1 (single rocker), ``lumi.switch.acn048``.

Router (with neutral); one relay on endpoint 1 (see _aqara_z1 for the family's facts).
"""

from __future__ import annotations

from ._aqara_z1 import z1_twin

TWIN = z1_twin("lumi.switch.acn048", "ZNQBKG38LM", {1: "main"})
