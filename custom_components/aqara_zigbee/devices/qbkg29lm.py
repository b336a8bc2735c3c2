"""Aqara QBKG29LM: smart wall switch H1 (no neutral, triple rocker).

Facts: Zigbee2MQTT's definition (the exposes; left, center, right = endpoints 1, 2, 3; clicks
from 41/42/43, two rockers together from 51/52/53, all three from 61). No public device
signature found: the endpoints follow its double-rocker sibling WS-EUK02 with a third
rocker. No OTA in Zigbee2MQTT's definition nor in the Koenkk/zigbee-OTA index.
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
    model="QBKG29LM",
    model_ids=("lumi.switch.l3acn1",),
    vendor="Aqara",
    description="Smart wall switch H1 (no neutral, triple rocker)",
    is_router=False,  # no neutral: an end device
    features=(
        f.relay(endpoint=1, name="left", description="Left relay."),
        f.relay(endpoint=2, name="center", description="Center relay."),
        f.relay(endpoint=3, name="right", description="Right relay."),
        f.operation_mode(endpoint=1, name="left", description="Decoupled mode for left button."),
        f.operation_mode(
            endpoint=2, name="center", description="Decoupled mode for center button."
        ),
        f.operation_mode(endpoint=3, name="right", description="Decoupled mode for right button."),
        f.mode_switch(),
        f.power_outage_count(),
        f.device_temperature(),
        f.power_outage_memory(),
        f.flip_indicator_light(),
        f.led_disabled_night(),
        f.multistate_clicks(
            {
                41: "left",
                42: "center",
                43: "right",
                51: "left_center",
                52: "left_right",
                53: "center_right",
                61: "all",
            },
            clicks=f.SINGLE_DOUBLE,
            state_actions=(
                "on_left",
                "off_left",
                "on_center",
                "off_center",
                "on_right",
                "off_right",
            ),
            by_button=True,
        ),
        f.event_mode(),
        f.linkquality(),
        f.lumi_heartbeat(),
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
            endpoint=2, device_type=0x0100, in_clusters=(GROUPS, 0x0005, ON_OFF, LUMI_CLUSTER)
        ),
        EndpointDecl(
            endpoint=3, device_type=0x0100, in_clusters=(GROUPS, 0x0005, ON_OFF, LUMI_CLUSTER)
        ),
        # The button endpoints, ready before the first click
        EndpointDecl(endpoint=41, device_type=0x0100, in_clusters=(MULTISTATE_INPUT,)),
        EndpointDecl(endpoint=42, device_type=0x0100, in_clusters=(MULTISTATE_INPUT,)),
        EndpointDecl(endpoint=43, device_type=0x0100, in_clusters=(MULTISTATE_INPUT,)),
        EndpointDecl(endpoint=51, device_type=0x0100, in_clusters=(MULTISTATE_INPUT,)),
        EndpointDecl(endpoint=52, device_type=0x0100, in_clusters=(MULTISTATE_INPUT,)),
        EndpointDecl(endpoint=53, device_type=0x0100, in_clusters=(MULTISTATE_INPUT,)),
        EndpointDecl(endpoint=61, device_type=0x0100, in_clusters=(MULTISTATE_INPUT,)),
    ),
)
