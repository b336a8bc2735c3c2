"""Aqara DLKZMK12LM: single switch module T1 (no neutral), CN.

Facts: Zigbee2MQTT's definition (``lumi.switch.l0acn1``: state, power_outage_memory,
switch_type; OnOff bound and reported at configure; no OTA image). Endpoint 1's clusters
as its global twin SSM-U02 declares them (inferred).
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
    model="DLKZMK12LM",
    model_ids=("lumi.switch.l0acn1",),
    vendor="Aqara",
    description="Single switch module T1 (no neutral), CN",
    is_router=False,  # no neutral: an end device
    features=(
        f.relay(description="On/off state of the switch."),
        f.report_relay(),
        f.power_outage_memory(),
        f.switch_type(),
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
