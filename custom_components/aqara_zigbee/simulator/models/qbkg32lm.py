"""QBKG32LM, Aqara smart wall switch H1 Pro (with neutral, triple rocker), ``lumi.switch.n3acn1``.

Written as its double-rocker sibling QBKG31LM (a real unit, Koenkk/zigbee2mqtt#15800) with a
third rocker: endpoints 1-3, 21, the button endpoints, the heartbeat layout (relays in
indexes 100-102) and firmware 51 of 2022-02-17 are inferred from it. Zigbee2MQTT's library:
the exposes; clicks from 41/42/43 (one rocker), 51/52/53 (two) and 61 (all three); power as
AnalogInput presentValue. The Koenkk/zigbee-OTA index: image type 0x0B0C (a newer image, 59,
is offered).

Inferred: power on endpoint 21 metering every circuit; a press of several rockers drives
each of their relays; single and double clicks only (the library's actions); event mode off
until written.
"""

from __future__ import annotations

from ..behaviours import ButtonSpec
from ._aqara_h1_pro import h1_pro_twin

TWIN = h1_pro_twin(
    zigbee_model="lumi.switch.n3acn1",
    z2m_model="QBKG32LM",
    relays={1: "state_left", 2: "state_center", 3: "state_right"},
    buttons={
        "left": ButtonSpec(41, (1,)),
        "center": ButtonSpec(42, (2,)),
        "right": ButtonSpec(43, (3,)),
        "left_center": ButtonSpec(51, (1, 2)),
        "left_right": ButtonSpec(52, (1, 3)),
        "center_right": ButtonSpec(53, (2, 3)),
        "all": ButtonSpec(61, (1, 2, 3)),
    },
    analog_inputs=(21,),
    declares_lumi_cluster=False,
    actions_by_kind=False,
    ota_image_type=0x0B0C,
    firmware=51,
    date_code="02-17-2022",
)
