"""Xiaomi QBKG40LM: Aqara E1 1 gang switch (with neutral)."""

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
    model="QBKG40LM",
    model_ids=("lumi.switch.b1nc01",),
    vendor="Xiaomi",
    description="Aqara E1 1 gang switch (with neutral)",
    is_router=True,  # with neutral (unverified)
    features=(
        f.relay(),
        # One button, endpoint undocumented: no QBKG40LM click log found (Z2M maps
        # lumi_action_multistate by endpoint only for multi-button models), so any counts
        f.multistate_clicks(
            {ANY_ENDPOINT: None}, clicks=f.SINGLE_DOUBLE, state_actions=("on", "off")
        ),
        f.power_outage_memory(),
        f.device_temperature(precision_option=True),
        f.flip_indicator_light(),
        f.operation_mode(description="Decoupled mode."),
        f.event_mode(),
        f.linkquality(),
        f.lumi_heartbeat(),
        f.ota(0x1888),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0100,
            in_clusters=(BASIC, DEVICE_TEMPERATURE, 0x0003, GROUPS, 0x0005, ON_OFF, LUMI_CLUSTER),
            out_clusters=(0x000A, OTA),
        ),
        # The E1 family's button endpoint, ready before the first click; a click from any
        # other endpoint is declared on the fly by LumiDevice
        EndpointDecl(endpoint=41, device_type=0x0000, in_clusters=(MULTISTATE_INPUT,)),
    ),
)
