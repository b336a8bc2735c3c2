"""Aqara ZNQBKG44LM: Smart wall switch Z1 Pro (triple rocker)."""

from __future__ import annotations

from ._aqara_z1 import z1_switch

DEFINITION = z1_switch(
    model="ZNQBKG44LM",
    model_id="lumi.switch.acn058",
    description="Smart wall switch Z1 Pro (triple rocker)",
    rockers={1: "top", 2: "center", 3: "bottom"},
    pro=True,
)
