"""WS-K08E, Aqara Light switch H2 EU (double rocker), ``lumi.switch.agl010``.

Router; the rockers' top halves drive the relays on endpoints 1 and 2, their bottom halves
are wireless buttons on endpoints 4 and 5 (see _aqara_h2_eu for the family's facts).
"""

from __future__ import annotations

from ._aqara_h2_eu import h2_eu_twin

TWIN = h2_eu_twin(
    "lumi.switch.agl010",
    "WS-K08E",
    {1: "left", 2: "right"},
    {4: "left_down", 5: "right_down"},
    identify=True,
)
