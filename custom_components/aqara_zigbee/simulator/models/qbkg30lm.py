"""QBKG30LM, Aqara smart wall switch H1 Pro (with neutral, single rocker), ``lumi.switch.n1acn1``.

Written as its double-rocker sibling QBKG31LM (a real unit, Koenkk/zigbee2mqtt#15800) with one
rocker: endpoints 1, 21, 41, 242, the heartbeat layout and firmware 51 of 2022-02-17 are
inferred from it. Zigbee2MQTT's library: the exposes, power as AnalogInput presentValue. The
Koenkk/zigbee-OTA index: image type 0x0A0C (a newer image, 59, is offered).

Inferred: power on endpoint 21; single and double clicks only (the library's actions); event
mode off until written.
"""

from __future__ import annotations

from ..behaviours import ButtonSpec
from ._aqara_h1_pro import h1_pro_twin

TWIN = h1_pro_twin(
    zigbee_model="lumi.switch.n1acn1",
    z2m_model="QBKG30LM",
    relays={1: "state"},
    buttons={"main": ButtonSpec(41, (1,))},
    analog_inputs=(21,),
    declares_lumi_cluster=False,
    ota_image_type=0x0A0C,
    firmware=51,
    date_code="02-17-2022",
)
