"""Aqara WS-K03E: Light Switch H2 US (2 Buttons, 2 Channels)."""

from __future__ import annotations

from ._aqara_h2_us import h2_us_switch

DEFINITION = h2_us_switch(
    model="WS-K03E",
    model_id="lumi.switch.agl005",
    description="Light Switch H2 US (2 Buttons, 2 Channels)",
    relays={1: "up", 2: "down"},
)
