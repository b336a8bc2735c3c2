"""Xiaomi SSM-U02: Aqara single switch module T1 (without neutral)."""

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
    model="SSM-U02",
    model_ids=("lumi.switch.l0agl1",),
    vendor="Xiaomi",
    description=(
        "Aqara single switch module T1 (without neutral). "
        "Doesn't work as a router and doesn't support power meter"
    ),
    is_router=False,
    features=(
        f.relay(description="On/off state of the switch."),
        f.report_relay(),
        f.power_outage_memory(),
        f.switch_type(),
        f.power_outage_count(),
        f.device_temperature(),
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
                MULTISTATE_INPUT,
                LUMI_CLUSTER,
            ),
            out_clusters=(OTA,),
        ),
    ),
)
