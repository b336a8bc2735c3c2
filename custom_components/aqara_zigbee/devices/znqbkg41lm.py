"""Aqara ZNQBKG41LM: Smart wall switch Z1 (quadruple rocker)."""

from __future__ import annotations

from ._aqara_z1 import z1_switch

DEFINITION = z1_switch(
    model="ZNQBKG41LM",
    model_id="lumi.switch.acn055",
    description="Smart wall switch Z1 (quadruple rocker)",
    rockers={1: "top", 2: "center", 3: "bottom"},
    wireless=4,
)
