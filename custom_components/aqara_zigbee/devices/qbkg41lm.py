"""Aqara QBKG41LM: smart wall switch E1 (with neutral, double rocker).

Facts: Zigbee2MQTT's definition (``lumi.switch.b2nc01``: left relay on endpoint 1, right on
2, heartbeat 100/101); endpoint clusters and heartbeat from public device signatures
(sprut/Hub#741, zha-device-handlers#2514); button endpoints 41 (left), 42 (right),
51 (both) inferred from the E1/H1 family; OTA image type 0x1908 from the Koenkk/zigbee-OTA
index.
"""

from __future__ import annotations

from .. import features as f
from ..lumi.const import (
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
    model="QBKG41LM",
    model_ids=("lumi.switch.b2nc01",),
    vendor="Aqara",
    description="Smart wall switch E1 (with neutral, double rocker)",
    is_router=True,  # with neutral: a router
    features=(
        f.relay(endpoint=1, name="left", description="On/off state of the switch."),
        f.relay(endpoint=2, name="right", description="On/off state of the switch."),
        f.operation_mode(endpoint=1, name="left", description="Decoupled mode for left button."),
        f.operation_mode(endpoint=2, name="right", description="Decoupled mode for right button."),
        f.multistate_clicks(
            {41: "left", 42: "right", 51: "both"},
            clicks=f.SINGLE_DOUBLE,
            state_actions=("on_left", "off_left", "on_right", "off_right"),
            by_button=True,
        ),
        f.power_outage_memory(),
        f.device_temperature(),
        f.flip_indicator_light(),
        f.event_mode(),
        f.linkquality(),
        f.lumi_heartbeat(),
        f.ota(0x1908),
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
                MULTISTATE_INPUT,
                LUMI_CLUSTER,
            ),
            out_clusters=(0x000A, OTA),
        ),
        EndpointDecl(
            endpoint=2,
            device_type=0x0100,
            in_clusters=(BASIC, 0x0003, GROUPS, 0x0005, ON_OFF, LUMI_CLUSTER),
        ),
        EndpointDecl(endpoint=41, device_type=0x0000, in_clusters=(MULTISTATE_INPUT,)),
        EndpointDecl(endpoint=42, device_type=0x0000, in_clusters=(MULTISTATE_INPUT,)),
        EndpointDecl(endpoint=51, device_type=0x0000, in_clusters=(MULTISTATE_INPUT,)),
    ),
)
