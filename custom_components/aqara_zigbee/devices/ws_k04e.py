"""Aqara WS-K04E: Light Switch H2 US (quadruple rocker): three relays, a wireless rocker."""

from __future__ import annotations

from ._aqara_h2_us import h2_us_switch

DEFINITION = h2_us_switch(
    model="WS-K04E",
    model_id="lumi.switch.agl006",
    description="Light Switch H2 US (quadruple rocker)",
    relays={1: "top", 2: "center", 3: "bottom"},
    wireless=4,
)
