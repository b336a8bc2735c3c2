"""Aqara WS-USC01: smart wall switch (no neutral, single rocker), US.

Facts: Zigbee2MQTT's definition (same converters as WS-USC02, one rocker); endpoint 1's
clusters from public device signatures; OTA image type 0x0210 from the Koenkk/zigbee-OTA index.
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
from .model import ANY_ENDPOINT, Definition, EndpointDecl

DEFINITION = Definition(
    model="WS-USC01",
    model_ids=("lumi.switch.b1laus01",),
    vendor="Aqara",
    description="Smart wall switch (no neutral, single rocker), US",
    is_router=False,  # no neutral: end device
    features=(
        f.relay(),
        # One button: which endpoint its clicks come from is undocumented, any counts
        f.multistate_clicks(
            {ANY_ENDPOINT: None}, clicks=f.SINGLE_DOUBLE, state_actions=("on", "off")
        ),
        f.flip_indicator_light(),
        f.power_outage_memory(),
        f.operation_mode(description="Decoupled mode"),
        f.mode_switch(),
        f.power_outage_count(),
        f.device_temperature(),
        f.event_mode(),
        f.linkquality(),
        f.lumi_heartbeat(),
        f.ota(0x0210),
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
        # The button endpoint of the sibling WS-USC02's first rocker, ready before a click
        EndpointDecl(endpoint=41, device_type=0x0000, in_clusters=(MULTISTATE_INPUT,)),
    ),
)
