"""DLKZMK12LM, Aqara single switch module T1 without neutral (CN), ``lumi.switch.l0acn1``.

The CN edition of SSM-U02, its layout inferred from it; Zigbee2MQTT shows no
device_temperature nor power_outage_count for it (the heartbeat still carries both).

End device. The wired wall switch toggles the relay; there are no button events. No OTA
image (SSM-U02's facts: reference/devices.md; Zigbee2MQTT lumi.js, ``lumi.switch.l0agl1``).
"""

from __future__ import annotations

from ._aqara_t1_module import t1_no_neutral_twin

TWIN = t1_no_neutral_twin(
    zigbee_model="lumi.switch.l0acn1",
    z2m_model="DLKZMK12LM",
    exposes_chip_temperature=False,
    exposes_outage_count=False,
)
