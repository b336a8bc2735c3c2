"""Aqara WS-K07E: Light switch H2 EU (single rocker): one relay, a wireless "down" button."""

from __future__ import annotations

from ._aqara_h2_eu import h2_eu_switch

DEFINITION = h2_eu_switch(
    model="WS-K07E",
    model_id="lumi.switch.agl009",
    description="Light switch H2 EU (single rocker)",
    relays={1: "up"},
    buttons={4: "down"},
    with_identify=False,
)
