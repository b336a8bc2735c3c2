"""Aqara ZNQBKG42LM: Smart wall switch Z1 Pro (single rocker)."""

from __future__ import annotations

from ._aqara_z1 import z1_switch

DEFINITION = z1_switch(
    model="ZNQBKG42LM",
    model_id="lumi.switch.acn056",
    description="Smart wall switch Z1 Pro (single rocker)",
    rockers={1: "single"},
    pro=True,
)
