"""QBKG40LM, Aqara E1 1 gang switch with neutral, ``lumi.switch.b1nc01``.

Router. Relay on endpoint 1; clicks (single, double; hold and release too) from hidden
endpoint 41; 0xFCC0 undeclared (reference/devices.md; Zigbee2MQTT lumi.js,
``lumi.switch.b1nc01``).
"""

from __future__ import annotations

from ..behaviours import ButtonSpec, PressKind
from ._aqara_e1_switch import e1_switch_twin

TWIN = e1_switch_twin(
    zigbee_model="lumi.switch.b1nc01",
    z2m_model="QBKG40LM",
    seed=5,
    neutral=True,
    relays={1: "state"},
    buttons={"main": ButtonSpec(41, (1,))},
    gestures=frozenset({PressKind.SINGLE, PressKind.DOUBLE, PressKind.HOLD, PressKind.RELEASE}),
    first_endpoint_hides_multistate=False,
    ota_image_type=0x1888,
    firmware=29,
    date_code="06-09-2021",
)
