"""WS-K04E, Aqara Light Switch H2 US (quadruple rocker), ``lumi.switch.agl006``.

Router; top, center and bottom drive relays on endpoints 1-3, a fourth rocker is a wireless
button on endpoint 4 (see _aqara_h2_us for the family's facts).
"""

from __future__ import annotations

from ._aqara_h2_us import h2_us_twin

TWIN = h2_us_twin("lumi.switch.agl006", "WS-K04E", {1: "top", 2: "center", 3: "bottom"}, wireless=4)
