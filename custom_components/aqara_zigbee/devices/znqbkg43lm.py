"""Aqara ZNQBKG43LM: Smart wall switch Z1 Pro (double rocker)."""

from __future__ import annotations

from ._aqara_z1 import z1_switch

DEFINITION = z1_switch(
    model="ZNQBKG43LM",
    model_id="lumi.switch.acn057",
    description="Smart wall switch Z1 Pro (double rocker)",
    rockers={1: "top", 2: "bottom"},
    pro=True,
)
