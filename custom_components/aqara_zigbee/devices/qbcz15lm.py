"""Aqara QBCZ15LM: smart wall outlet H1 (USB).

Facts: Zigbee2MQTT's definition (``lumi.plug.sacn03``: the relay on endpoint 1, the USB
ports on 2, heartbeat 100/101; power from AnalogInput presentValue, energy, voltage and
current from the heartbeat; button lock on 0xFCC0 0x0200, button_switch_mode on 0x0226,
overload protection up to 2500 W). Endpoints from a public interview
(Koenkk/zigbee2mqtt#8322: 1, 2, 21 with AnalogInput undeclared, 242). OTA image type 0x1408
from the Koenkk/zigbee-OTA index.
"""

from __future__ import annotations

from .. import features as f
from ..features import button_lock, button_switch_mode, metering
from ..lumi.const import (
    ANALOG_INPUT,
    BASIC,
    DEVICE_TEMPERATURE,
    ELECTRICAL_MEASUREMENT,
    GROUPS,
    LUMI_CLUSTER,
    METERING,
    ON_OFF,
    OTA,
)
from .model import Access, Definition, EndpointDecl

DEFINITION = Definition(
    model="QBCZ15LM",
    model_ids=("lumi.plug.sacn03",),
    vendor="Aqara",
    description="Smart wall outlet H1 (USB)",
    is_router=True,
    features=(
        f.relay(endpoint=1, name="relay", device_class="outlet", description="The outlet's relay."),
        f.relay(
            endpoint=2,
            name="usb",
            label="USB",
            device_class="outlet",
            description="The USB ports' power.",
        ),
        f.power(
            metering.analog_power(),
            access=Access.REPORT,
        ),
        f.energy(),
        f.device_temperature(),
        f.voltage(),
        f.current(),
        f.power_outage_memory(),
        f.led_disabled_night(),
        button_lock.button_lock(),
        button_switch_mode.button_switch_mode(),
        f.overload_protection(maximum=2500),
        f.linkquality(),
        f.lumi_heartbeat(),
        f.ota(0x1408),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0051,
            in_clusters=(
                BASIC,
                DEVICE_TEMPERATURE,
                0x0003,
                GROUPS,
                0x0005,
                ON_OFF,
                0x0009,
                METERING,
                ELECTRICAL_MEASUREMENT,
                LUMI_CLUSTER,
            ),
            out_clusters=(0x000A, OTA),
        ),
        EndpointDecl(
            endpoint=2, device_type=0x0051, in_clusters=(BASIC, 0x0003, GROUPS, 0x0005, ON_OFF)
        ),
        # Power's endpoint: its descriptor declares no cluster
        EndpointDecl(endpoint=21, device_type=0x0051, in_clusters=(ANALOG_INPUT,)),
    ),
)
