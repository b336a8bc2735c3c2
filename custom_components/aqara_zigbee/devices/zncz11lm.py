"""Aqara ZNCZ11LM: smart plug (lumi.plug.aq1).

Facts: Zigbee2MQTT's definition (lumi.plug's converters plus voltage; power-outage memory,
the night LED and auto-off each written as one genBasic 0xFFF0 frame); OTA image type
0x0101 from the Koenkk/zigbee-OTA index. The endpoints (power on endpoint 2's AnalogInput)
and the genBasic 0xFF01 heartbeat are inferred from lumi.plug's generation.
"""

from __future__ import annotations

from .. import features as f
from ..features import metering
from ..features.basic_frame_settings import basic_frame_switch
from ..features.relay import POWER_OUTAGE_MEMORY_DESCRIPTION
from ..lumi.const import ANALOG_INPUT, BASIC, DEVICE_TEMPERATURE, GROUPS, ON_OFF
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="ZNCZ11LM",
    model_ids=("lumi.plug.aq1",),
    vendor="Aqara",
    description="Smart plug",
    is_router=True,
    features=(
        f.relay(device_class="outlet"),
        f.power(
            metering.analog_power(endpoint=2),
        ),
        f.energy(),
        f.device_temperature(),
        f.voltage(),
        basic_frame_switch(
            "power_outage_memory",
            description=POWER_OUTAGE_MEMORY_DESCRIPTION,
            on=bytes.fromhex("aa 80 05 d1 47 00 01 10 01"),
            off=bytes.fromhex("aa 80 05 d1 47 01 01 10 00"),
        ),
        basic_frame_switch(
            "led_disabled_night",
            description="Enable/disable the LED at night.",
            # The LED setting is inverted on the wire: 0 disables it at night
            on=bytes.fromhex("aa 80 05 d1 47 00 03 10 00"),
            off=bytes.fromhex("aa 80 05 d1 47 01 03 10 01"),
        ),
        basic_frame_switch(
            "auto_off",
            description=(
                "Turn the device automatically off when attached device consumes less "
                "than 2W for 30 minutes."
            ),
            on=bytes.fromhex("aa 80 05 d1 47 00 02 10 01"),
            off=bytes.fromhex("aa 80 05 d1 47 01 02 10 00"),
        ),
        f.linkquality(),
        f.basic_heartbeat(),
        f.ota(0x0101),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0051,
            in_clusters=(BASIC, DEVICE_TEMPERATURE, 0x0003, GROUPS, 0x0005, ON_OFF),
        ),
        EndpointDecl(endpoint=2, device_type=0x0009, in_clusters=(ANALOG_INPUT,)),
    ),
)
