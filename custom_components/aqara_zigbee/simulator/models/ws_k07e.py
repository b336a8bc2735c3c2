"""WS-K07E, Aqara Light switch H2 EU (single rocker), ``lumi.switch.agl009``.

Router; the rocker's top half drives the relay on endpoint 1, its bottom half is a
wireless button on endpoint 4 (see _aqara_h2_eu for the family's facts).
"""

from __future__ import annotations

from ._aqara_h2_eu import h2_eu_twin

TWIN = h2_eu_twin("lumi.switch.agl009", "WS-K07E", {1: "up"}, {4: "down"}, identify=False)
