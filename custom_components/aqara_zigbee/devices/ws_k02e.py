"""Aqara WS-K02E: Light Switch H2 US (double rocker): one relay, a wireless rocker."""

from __future__ import annotations

from ._aqara_h2_us import h2_us_switch

DEFINITION = h2_us_switch(
    model="WS-K02E",
    model_id="lumi.switch.agl004",
    description="Light Switch H2 US (double rocker)",
    relays={1: "top"},
    wireless=4,
)
