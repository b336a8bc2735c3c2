"""QBKG31LM, Aqara smart wall switch H1 Pro (with neutral, double rocker), ``lumi.switch.n2acn1``.

Facts: a real unit's Zigbee2MQTT database entry (Koenkk/zigbee2mqtt#15800): endpoints 1, 2,
21, 41, 42, 51, 242; endpoint 1 with Alarms, Metering and ElectricalMeasurement, 0xFCC0
undeclared; firmware 51 of 2022-02-17; its heartbeat layout (relays, temperature, power,
energy, voltage, current, outage counter...); 0xFCC0 0x00F0 = 1, 0x0200 = 0, 0x0201 = 1,
0x0203 = 1. Zigbee2MQTT's library: the exposes, power as AnalogInput presentValue. The
Koenkk/zigbee-OTA index: image type 0x0A8C (a newer image, 59, is offered).

Inferred: power on endpoint 21 metering both circuits; endpoint 2's clusters (WS-USC04's);
"both" drives both relays; single and double clicks only (the library's actions); event mode
off until written.
"""

from __future__ import annotations

from ..behaviours import ButtonSpec
from ._aqara_h1_pro import h1_pro_twin

TWIN = h1_pro_twin(
    zigbee_model="lumi.switch.n2acn1",
    z2m_model="QBKG31LM",
    relays={1: "state_left", 2: "state_right"},
    buttons={
        "left": ButtonSpec(41, (1,)),
        "right": ButtonSpec(42, (2,)),
        "both": ButtonSpec(51, (1, 2)),
    },
    analog_inputs=(21,),
    declares_lumi_cluster=False,
    ota_image_type=0x0A8C,
    firmware=51,
    date_code="02-17-2022",
)
