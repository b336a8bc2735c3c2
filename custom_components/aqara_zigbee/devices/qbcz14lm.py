"""Aqara QBCZ14LM: smart wall outlet T1.

Facts: Zigbee2MQTT's definition (``lumi.plug.sacn02``): power from AnalogInput
presentValue, energy, voltage and current from the heartbeat (149-152), button lock on
0xFCC0 0x0200, overload protection up to 2500 W. Endpoints inferred from the plug T1
ZNCZ15LM and ZNCZ04LM (AnalogInput power on endpoint 21). OTA image type 0x008C from the
Koenkk/zigbee-OTA index.
"""

from __future__ import annotations

from ._aqara_t1_plug import t1_plug

DEFINITION = t1_plug(
    model="QBCZ14LM",
    model_id="lumi.plug.sacn02",
    description="Smart wall outlet T1",
    consumer_connected=False,
    ota_image_type=0x008C,
)
