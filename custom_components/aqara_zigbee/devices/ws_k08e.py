"""Aqara WS-K08E: Light switch H2 EU (double rocker): two relays, two wireless buttons."""

from __future__ import annotations

from ._aqara_h2_eu import h2_eu_switch

DEFINITION = h2_eu_switch(
    model="WS-K08E",
    model_id="lumi.switch.agl010",
    description="Light switch H2 EU (double rocker)",
    relays={1: "left", 2: "right"},
    buttons={4: "left_down", 5: "right_down"},
    with_identify=True,
)
