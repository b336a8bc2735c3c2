"""WS-EUK04, Aqara smart wall switch H1 EU (with neutral, double rocker), ``lumi.switch.n2aeu1``.

Facts: the ZHA quirk's first signature of ``lumi.switch.n2aeu1`` (WS-USC04's: endpoints 1, 2,
21, 31, 41, 42, 51, 242); Zigbee2MQTT's library (exposes, left = 1, right = 2, clicks from
41/42/51, power as AnalogInput presentValue); the Koenkk/zigbee-OTA index (image type 0x159C,
file version 25 of 2024-07-25).

Inferred: power on endpoint 21 metering both circuits; the heartbeat layout of the H1 Pro
(QBKG31LM's real one); "both" drives both relays; single and double clicks only (the
library's actions); event mode off until written.
"""

from __future__ import annotations

from ..behaviours import ButtonSpec, Metering
from ._aqara_h1_pro import h1_pro_twin

TWIN = h1_pro_twin(
    zigbee_model="lumi.switch.n2aeu1",
    z2m_model="WS-EUK04",
    relays={1: "state_left", 2: "state_right"},
    buttons={
        "left": ButtonSpec(41, (1,)),
        "right": ButtonSpec(42, (2,)),
        "both": ButtonSpec(51, (1, 2)),
    },
    analog_inputs=(21, 31),
    declares_lumi_cluster=True,
    actions_by_kind=False,
    meter=lambda: Metering(power_endpoint=21, load_relays=(1, 2)),
    ota_image_type=0x159C,
    firmware=25,
    date_code="07-25-2024",
)
