"""QBKG38LM, Aqara smart wall switch E1 (no neutral, single rocker), ``lumi.switch.b1lc04``.

Facts: Zigbee2MQTT lumi.js (single/double clicks, operation_mode, mode_switch — carried in
the heartbeat at index 4 —, flip_indicator_light, power_outage_memory, the event-mode write
at configure, prevent reset); the Koenkk/zigbee-OTA index (image type 0x1988, build 23).
Endpoint 1 as the double-rocker QBKG39LM declares it (zha-device-handlers#991: in 0000,
0002, 0003, 0004, 0005, 0006, 0009, out 000A, 0019; 0xFCC0 and 0x0012 served undeclared).

Inferred from its siblings, not seen for this model: an end device (no neutral); clicks
from hidden endpoint 41; hold and release sent too; the heartbeat's layout.
"""

from __future__ import annotations

from ..behaviours import ButtonSpec, PressKind
from ._aqara_e1_switch import e1_switch_twin

TWIN = e1_switch_twin(
    zigbee_model="lumi.switch.b1lc04",
    z2m_model="QBKG38LM",
    neutral=False,
    relays={1: "state"},
    buttons={"main": ButtonSpec(41, (1,))},
    gestures=frozenset({PressKind.SINGLE, PressKind.DOUBLE, PressKind.HOLD, PressKind.RELEASE}),
    ota_image_type=0x1988,
    firmware=23,
    date_code="07-01-2022",
)
