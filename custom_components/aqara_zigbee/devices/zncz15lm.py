"""Aqara ZNCZ15LM: smart plug T1, CN.

Facts: Zigbee2MQTT's definition (``lumi.plug.macn01``): power from AnalogInput
presentValue, energy, voltage and current from the heartbeat (149-152), consumer_connected,
button lock on 0xFCC0 0x0200, overload protection up to 2500 W. Endpoints inferred from its
sibling ZNCZ04LM (AnalogInput power on endpoint 21). OTA image type 0x000C from the
Koenkk/zigbee-OTA index.
"""

from __future__ import annotations

from ._aqara_t1_plug import t1_plug

DEFINITION = t1_plug(
    model="ZNCZ15LM",
    model_id="lumi.plug.macn01",
    description="Smart plug T1, CN",
    consumer_connected=True,
    ota_image_type=0x000C,
)
