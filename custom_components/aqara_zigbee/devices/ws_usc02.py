"""Xiaomi WS-USC02: Aqara smart wall switch (no neutral, double rocker)."""

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
    model="WS-USC02",
    model_ids=("lumi.switch.b2laus01",),
    vendor="Xiaomi",
    description="Aqara smart wall switch (no neutral, double rocker)",
    is_router=False,  # no neutral: end device, not rx-on-when-idle
    features=(
        f.relay(endpoint=1, name="top", description="Top relay."),
        f.relay(endpoint=2, name="bottom", description="Bottom relay."),
        f.operation_mode(endpoint=1, name="top", description="Decoupled mode for top button."),
        f.operation_mode(
            endpoint=2, name="bottom", description="Decoupled mode for bottom button."
        ),
        f.mode_switch(),
        f.power_outage_count(),
        f.device_temperature(),
        f.flip_indicator_light(),
        f.power_outage_memory(),
        f.multistate_clicks(
            {41: "top", 42: "bottom", 51: "both"},
            clicks=f.SINGLE_DOUBLE,
            state_actions=("on_top", "off_top", "on_bottom", "off_bottom"),
        ),
        f.event_mode(),
        f.linkquality(),
        f.lumi_heartbeat(),
        f.ota(0x0290),
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
        EndpointDecl(endpoint=41, device_type=0x0000, in_clusters=(MULTISTATE_INPUT,)),
        EndpointDecl(endpoint=42, device_type=0x0000, in_clusters=(MULTISTATE_INPUT,)),
        EndpointDecl(endpoint=51, device_type=0x0000, in_clusters=(MULTISTATE_INPUT,)),
    ),
)
