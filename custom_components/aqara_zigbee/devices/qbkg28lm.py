"""Aqara QBKG28LM: smart wall switch H1 (no neutral, double rocker).

Facts: Zigbee2MQTT's definition (the exposes: no power_outage_count for this one; left =
endpoint 1, right = endpoint 2; clicks from 41/42/51). No public device signature found: the
endpoints are those of its EU twin WS-EUK02 (``lumi.switch.l2aeu1``). Zigbee2MQTT marks it
OTA-capable, but the Koenkk/zigbee-OTA index has no image of it: no image type is known.
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
    model="QBKG28LM",
    model_ids=("lumi.switch.l2acn1",),
    vendor="Aqara",
    description="Smart wall switch H1 (no neutral, double rocker)",
    is_router=False,  # no neutral: an end device
    features=(
        f.relay(endpoint=1, name="left", description="Left relay."),
        f.relay(endpoint=2, name="right", description="Right relay."),
        f.operation_mode(endpoint=1, name="left", description="Decoupled mode for left button."),
        f.operation_mode(endpoint=2, name="right", description="Decoupled mode for right button."),
        f.mode_switch(),
        f.device_temperature(),
        f.power_outage_memory(),
        f.flip_indicator_light(),
        f.led_disabled_night(),
        f.multistate_clicks(
            {41: "left", 42: "right", 51: "both"},
            clicks=f.SINGLE_DOUBLE,
            state_actions=("on_left", "off_left", "on_right", "off_right"),
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
        # The button endpoints, ready before the first click
        EndpointDecl(endpoint=41, device_type=0x0100, in_clusters=(MULTISTATE_INPUT,)),
        EndpointDecl(endpoint=42, device_type=0x0100, in_clusters=(MULTISTATE_INPUT,)),
        EndpointDecl(endpoint=51, device_type=0x0100, in_clusters=(MULTISTATE_INPUT,)),
    ),
)
