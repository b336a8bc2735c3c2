"""Aqara ZNQBKG45LM: Smart wall switch Z1 Pro (quadruple rocker)."""

from __future__ import annotations

from ._aqara_z1 import z1_switch

DEFINITION = z1_switch(
    model="ZNQBKG45LM",
    model_id="lumi.switch.acn059",
    description="Smart wall switch Z1 Pro (quadruple rocker)",
    rockers={1: "top", 2: "center", 3: "bottom"},
    wireless=4,
    pro=True,
)
