"""Xiaomi QBKG40LM: Aqara E1 1 gang switch (with neutral)."""

from __future__ import annotations

from ..lumi.const import (
    ATTR_EVENT_MODE,
    ATTR_FLIP_INDICATOR_LIGHT,
    ATTR_OPERATION_MODE,
    ATTR_POWER_OUTAGE_MEMORY,
    BASIC,
    DEVICE_TEMPERATURE,
    GROUPS,
    LUMI_CLUSTER,
    LUMI_MANUFACTURER_CODE,
    MULTISTATE_INPUT,
    ON_OFF,
    OTA,
    ZCL_BOOL,
    ZCL_UINT8,
)
from .model import (
    ANY_ENDPOINT,
    FLIP_INDICATOR_LIGHT_DESCRIPTION,
    OPERATION_MODE_CODEC,
    OPTION_DEVICE_TEMPERATURE_CALIBRATION,
    OPTION_DEVICE_TEMPERATURE_PRECISION,
    OPTION_STATE_ACTION,
    POWER_OUTAGE_MEMORY_DESCRIPTION,
    ActionSource,
    Definition,
    EndpointDecl,
    WriteStep,
    action,
    device_temperature,
    linkquality,
    lumi_config_switch,
    lumi_heartbeat_read,
    lumi_select,
    relay_switch,
)

DEFINITION = Definition(
    model="QBKG40LM",
    model_ids=("lumi.switch.b1nc01",),
    vendor="Xiaomi",
    description="Aqara E1 1 gang switch (with neutral)",
    exposes=(
        relay_switch("state", endpoint=1, device_class="switch", description="Relay."),
        action(
            ("single", "double"),
            # One button, endpoint undocumented: no QBKG40LM click log found (Z2M maps
            # lumi_action_multistate by endpoint only for multi-button models), so any counts
            (ActionSource(endpoint=ANY_ENDPOINT, actions=((1, "single"), (2, "double"))),),
            state_action_options=("on", "off"),
        ),
        lumi_config_switch(
            "power_outage_memory",
            ATTR_POWER_OUTAGE_MEMORY,
            ZCL_BOOL,
            description=POWER_OUTAGE_MEMORY_DESCRIPTION,
        ),
        device_temperature(),
        lumi_config_switch(
            "flip_indicator_light",
            ATTR_FLIP_INDICATOR_LIGHT,
            ZCL_UINT8,
            description=FLIP_INDICATOR_LIGHT_DESCRIPTION,
        ),
        lumi_select(
            "operation_mode",
            ATTR_OPERATION_MODE,
            ZCL_UINT8,
            OPERATION_MODE_CODEC,
            endpoint=1,
            description="Decoupled mode.",
        ),
        linkquality(),
    ),
    options=(
        OPTION_STATE_ACTION,
        OPTION_DEVICE_TEMPERATURE_PRECISION,
        OPTION_DEVICE_TEMPERATURE_CALIBRATION,
    ),
    ota=True,
    ota_image_type=0x1888,
    is_router=True,  # with neutral (unverified)
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
    configure=(
        WriteStep(
            endpoint=1,
            cluster=LUMI_CLUSTER,
            attribute=ATTR_EVENT_MODE,
            zcl_type=ZCL_UINT8,
            value=1,
            manufacturer=LUMI_MANUFACTURER_CODE,
        ),
    ),
    heartbeat_read=lumi_heartbeat_read(),
)
