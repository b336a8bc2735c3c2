"""Xiaomi ZNCZ03LM: Mi smart plug TW (lumi.plug.mitw01).

Facts: Zigbee2MQTT's definition (lumi.plug's converters, plus voltage, no power-outage
memory, no OTA). The layout (power on endpoint 2's AnalogInput, genBasic 0xFF01
heartbeat) is inferred from lumi.plug, of which this is the Taiwanese (type C) version.
"""

from __future__ import annotations

from .. import features as f
from ..features import metering
from ..lumi.const import ANALOG_INPUT, BASIC, DEVICE_TEMPERATURE, GROUPS, ON_OFF
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="ZNCZ03LM",
    model_ids=("lumi.plug.mitw01",),
    vendor="Xiaomi",
    description="Mi smart plug TW",
    is_router=True,
    features=(
        f.relay(device_class="outlet"),
        f.power(
            metering.analog_power(endpoint=2),
        ),
        f.energy(),
        f.device_temperature(),
        f.voltage(),
        f.linkquality(),
        # Inferred from lumi.plug: the old plugs answer group 0 broadcasts
        f.leave_group(0),
        f.basic_heartbeat(),
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
