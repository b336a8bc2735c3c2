"""Xiaomi ZNCZ02LM: Mi power plug ZigBee (lumi.plug)."""

from __future__ import annotations

from .. import features as f
from ..features import metering
from ..lumi.const import ANALOG_INPUT, BASIC, DEVICE_TEMPERATURE, GROUPS, ON_OFF
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="ZNCZ02LM",
    model_ids=("lumi.plug",),
    vendor="Xiaomi",
    description="Mi power plug ZigBee",
    is_router=True,
    features=(
        f.relay(device_class="outlet"),
        f.power(
            metering.analog_power(endpoint=2),
        ),
        f.energy(),
        f.device_temperature(precision_option=True),
        f.plug_power_outage_memory(),
        f.linkquality(),
        f.leave_group(0),
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
