"""Aqara ZNCZ15LM: smart plug T1, CN.

Facts: Zigbee2MQTT's definition (``lumi.plug.macn01``): power from AnalogInput
presentValue, energy, voltage and current from the heartbeat (149-152), consumer_connected,
button lock on 0xFCC0 0x0200, overload protection up to 2500 W. Endpoints inferred from its
sibling ZNCZ04LM (AnalogInput power on endpoint 21). OTA image type 0x000C from the
Koenkk/zigbee-OTA index.
"""

from __future__ import annotations

from .. import features as f
from ..features import button_lock, metering
from ..lumi.const import (
    BASIC,
    DEVICE_TEMPERATURE,
    GROUPS,
    LUMI_CLUSTER,
    ON_OFF,
)
from .model import Access, Definition, EndpointDecl

DEFINITION = Definition(
    model="ZNCZ15LM",
    model_ids=("lumi.plug.macn01",),
    vendor="Aqara",
    description="Smart plug T1, CN",
    is_router=True,
    features=(
        f.relay(device_class="outlet", description="On/off state of the switch."),
        f.power(
            metering.analog_power(),
            access=Access.REPORT,
        ),
        f.energy(),
        f.device_temperature(),
        f.voltage(),
        f.current(),
        f.consumer_connected(),
        f.power_outage_memory(),
        f.led_disabled_night(),
        button_lock.button_lock(),
        f.overload_protection(maximum=2500),
        f.linkquality(),
        f.lumi_heartbeat(),
        f.ota(0x000C),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0051,
            in_clusters=(BASIC, DEVICE_TEMPERATURE, 0x0003, GROUPS, 0x0005, ON_OFF, LUMI_CLUSTER),
        ),
    ),
)
