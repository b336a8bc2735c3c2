"""SSM-U02, Aqara single switch module T1 without neutral, ``lumi.switch.l0agl1``.

End device. The wired wall switch toggles the relay; there are no button events. No OTA
image (reference/devices.md; Zigbee2MQTT lumi.js, ``lumi.switch.l0agl1``).
"""

from __future__ import annotations

from ._aqara_t1_module import t1_no_neutral_twin

TWIN = t1_no_neutral_twin(
    zigbee_model="lumi.switch.l0agl1",
    z2m_model="SSM-U02",
    seed=3,
    exposes_chip_temperature=True,
    exposes_outage_count=True,
)
