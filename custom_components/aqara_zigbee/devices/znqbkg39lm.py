"""Aqara ZNQBKG39LM: Smart wall switch Z1 (double rocker)."""

from __future__ import annotations

from ._aqara_z1 import z1_switch

DEFINITION = z1_switch(
    model="ZNQBKG39LM",
    model_id="lumi.switch.acn049",
    description="Smart wall switch Z1 (double rocker)",
    rockers={1: "top", 2: "bottom"},
)
