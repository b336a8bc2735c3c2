"""Aqara ZNQBKG38LM: Smart wall switch Z1 (single rocker)."""

from __future__ import annotations

from ._aqara_z1 import z1_switch

DEFINITION = z1_switch(
    model="ZNQBKG38LM",
    model_id="lumi.switch.acn048",
    description="Smart wall switch Z1 (single rocker)",
    rockers={1: "single"},
)
