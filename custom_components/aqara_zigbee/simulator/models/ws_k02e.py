"""WS-K02E, Aqara Light Switch H2 US (double rocker), ``lumi.switch.agl004``.

Router; the top rocker drives the relay on endpoint 1, the bottom one is a wireless button
on endpoint 4 (see _aqara_h2_us for the family's facts).
"""

from __future__ import annotations

from ._aqara_h2_us import h2_us_twin

TWIN = h2_us_twin("lumi.switch.agl004", "WS-K02E", {1: "top"}, wireless=4)
