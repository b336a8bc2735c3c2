"""Aqara WS-K01D: Smart wall switch H1 20A (with neutral, single rocker)."""

from __future__ import annotations

from .. import features as f
from ..features import metering
from ..lumi.const import (
    ANALOG_INPUT,
    BASIC,
    DEVICE_TEMPERATURE,
    ELECTRICAL_MEASUREMENT,
    GROUPS,
    LUMI_CLUSTER,
    METERING,
    MULTISTATE_INPUT,
    ON_OFF,
    OTA,
)
from .model import ANY_ENDPOINT, Access, Definition, EndpointDecl

DEFINITION = Definition(
    model="WS-K01D",
    model_ids=("lumi.switch.acn061",),
    vendor="Aqara",
    description="Smart wall switch H1 20A (with neutral, single rocker)",
    is_router=True,  # with neutral
    features=(
        f.relay(description="On/off state of the switch."),
        f.report_relay(max_interval=65000),  # Zigbee2MQTT's onOff reporting, "MAX"
        f.device_temperature(),
        f.power_outage_count(),
        f.power_outage_memory(),
        f.operation_mode(description="Decoupled mode for a button.", decoupled_first=True),
        f.energy(),
        f.voltage(),
        f.current(),
        f.power(metering.analog_power(), access=Access.REPORT, entity_category="diagnostic"),
        metering.report_analog_power(),
        f.led_disabled_night(),
        f.event_mode(),
        f.flip_indicator_light(),
        # One button, endpoint undocumented (lumiAction without endpoint names): any counts
        f.multistate_clicks(
            {ANY_ENDPOINT: None}, clicks=f.SINGLE_DOUBLE, state_actions=("on", "off")
        ),
        f.linkquality(),
        f.lumi_heartbeat(),
        # No OTA: Koenkk/zigbee-OTA lists no image for lumi.switch.acn061
    ),
    endpoints=(
        # Inferred from the H1 with neutral (lumi.switch.n2acn1): meters on 1, power on 21
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
                METERING,
                ELECTRICAL_MEASUREMENT,
                LUMI_CLUSTER,
            ),
            out_clusters=(0x000A, OTA),
        ),
        EndpointDecl(endpoint=21, device_type=0x0000, in_clusters=(ANALOG_INPUT,)),
        EndpointDecl(endpoint=41, device_type=0x0000, in_clusters=(MULTISTATE_INPUT,)),
    ),
)
