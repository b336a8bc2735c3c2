"""WS-K03E, Aqara Light Switch H2 US (2 Buttons, 2 Channels), ``lumi.switch.agl005``.

Router; up and down buttons drive relays on endpoints 1 and 2 (see _aqara_h2_us).
"""

from __future__ import annotations

from ._aqara_h2_us import h2_us_twin

TWIN = h2_us_twin("lumi.switch.agl005", "WS-K03E", {1: "up", 2: "down"})
