"""Aqara DLKZMK11LM: single switch module T1 (with neutral), CN.

Facts: Zigbee2MQTT's definition (``lumi.switch.n0acn2``): power from AnalogInput
presentValue (readable), energy, voltage and current from the heartbeat (149-152), the
event-mode write at configure. Endpoints as its global twin SSM-U01 has them
(zha-device-handlers' switch_t1 quirk matches both models with one signature). OTA image
type 0x0581 from the Koenkk/zigbee-OTA index.
"""

from __future__ import annotations

from .. import features as f
from ..features import metering
from ..lumi.const import (
    ANALOG_INPUT,
    BASIC,
    DEVICE_TEMPERATURE,
    GROUPS,
    LUMI_CLUSTER,
    MULTISTATE_INPUT,
    ON_OFF,
    OTA,
)
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="DLKZMK11LM",
    model_ids=("lumi.switch.n0acn2",),
    vendor="Aqara",
    description="Single switch module T1 (with neutral), CN",
    is_router=True,  # with neutral: a router
    features=(
        f.relay(description="On/off state of the switch."),
        f.power(metering.analog_power()),
        f.energy(),
        f.device_temperature(),
        f.voltage(),
        f.current(),
        f.power_outage_memory(),
        f.led_disabled_night(),
        f.switch_type(),
        f.event_mode(),
        f.linkquality(),
        f.lumi_heartbeat(),
        f.ota(0x0581),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0100,
            in_clusters=(
                BASIC,
                DEVICE_TEMPERATURE,
                0x0003,
                GROUPS,
                0x0005,
                ON_OFF,
                0x0009,
                0x000A,
                LUMI_CLUSTER,
            ),
            out_clusters=(0x000A, OTA),
        ),
        EndpointDecl(endpoint=21, device_type=0x0100, in_clusters=(ANALOG_INPUT,)),
        EndpointDecl(endpoint=41, device_type=0x0100, in_clusters=(MULTISTATE_INPUT,)),
    ),
)
