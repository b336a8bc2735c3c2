"""Aqara ZNCZ12LM: smart plug US (lumi.plug.maus01).

Facts: Zigbee2MQTT's definition (lumi.plug's power converters, the 0xFCC0 settings of
ZNCZ04LM, power-outage memory as one genBasic 0xFFF0 frame); endpoints from a public
signature (zha-device-handlers#218: endpoint 1 with 0000/0001/0002/0003/0004/0005/0006/
000A/0010/0B04, AnalogInput on endpoints 2 and 3, BinaryInput on 100; 0xFCC0 undeclared);
OTA image type 0x0101 from the Koenkk/zigbee-OTA index. Its heartbeat is read from genBasic
0xFF01, the generation's (Zigbee2MQTT decodes 0xFCC0's as well; both are decoded here).
"""

from __future__ import annotations

from .. import features as f
from ..features import metering
from ..features.basic_frame_settings import basic_frame_switch
from ..features.relay import POWER_OUTAGE_MEMORY_DESCRIPTION
from ..lumi.const import (
    ANALOG_INPUT,
    BASIC,
    DEVICE_TEMPERATURE,
    GROUPS,
    LUMI_CLUSTER,
    ON_OFF,
)
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="ZNCZ12LM",
    model_ids=("lumi.plug.maus01",),
    vendor="Aqara",
    description="Smart plug US",
    is_router=True,
    features=(
        f.relay(device_class="outlet"),
        f.power(
            metering.analog_power(endpoint=2),
        ),
        f.energy(),
        f.device_temperature(),
        f.voltage(),
        f.current(),
        f.consumer_connected(),
        f.led_disabled_night(),
        basic_frame_switch(
            "power_outage_memory",
            description=POWER_OUTAGE_MEMORY_DESCRIPTION,
            on=bytes.fromhex("aa 80 05 d1 47 00 01 10 01"),
            off=bytes.fromhex("aa 80 05 d1 47 01 01 10 00"),
        ),
        f.auto_off(readable=True),
        f.overload_protection(),
        f.linkquality(),
        f.basic_heartbeat(),
        f.ota(0x0101),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0051,
            in_clusters=(BASIC, DEVICE_TEMPERATURE, 0x0003, GROUPS, 0x0005, ON_OFF, LUMI_CLUSTER),
        ),
        EndpointDecl(endpoint=2, device_type=0x0009, in_clusters=(ANALOG_INPUT,)),
    ),
)
