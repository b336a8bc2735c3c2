"""Xiaomi WS-USC02: Aqara smart wall switch (no neutral, double rocker)."""

from __future__ import annotations

from ..lumi.const import (
    ATTR_EVENT_MODE,
    ATTR_FLIP_INDICATOR_LIGHT,
    ATTR_MODE_SWITCH,
    ATTR_OPERATION_MODE,
    ATTR_POWER_OUTAGE_COUNT,
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
    ZCL_UINT16,
)
from .model import (
    FLIP_INDICATOR_LIGHT_DESCRIPTION,
    NUMBER,
    OPERATION_MODE_CODEC,
    OPTION_DEVICE_TEMPERATURE_CALIBRATION,
    OPTION_STATE_ACTION,
    POWER_OUTAGE_MEMORY_DESCRIPTION,
    ActionSource,
    Definition,
    EndpointDecl,
    EnumCodec,
    WriteStep,
    action,
    device_temperature,
    linkquality,
    lumi_attribute,
    lumi_config_switch,
    lumi_heartbeat_read,
    lumi_select,
    power_outage_count,
    relay_switch,
)


def _clicks(suffix: str) -> tuple[tuple[int, str], ...]:
    return ((1, f"single_{suffix}"), (2, f"double_{suffix}"))


DEFINITION = Definition(
    model="WS-USC02",
    model_ids=("lumi.switch.b2laus01",),
    vendor="Xiaomi",
    description="Aqara smart wall switch (no neutral, double rocker)",
    exposes=(
        relay_switch("state_top", endpoint=1, device_class="switch", description="Top relay."),
        relay_switch(
            "state_bottom", endpoint=2, device_class="switch", description="Bottom relay."
        ),
        lumi_select(
            "operation_mode_top",
            ATTR_OPERATION_MODE,
            ZCL_UINT8,
            OPERATION_MODE_CODEC,
            endpoint=1,
            description="Decoupled mode for top button.",
        ),
        lumi_select(
            "operation_mode_bottom",
            ATTR_OPERATION_MODE,
            ZCL_UINT8,
            OPERATION_MODE_CODEC,
            endpoint=2,
            description="Decoupled mode for bottom button.",
        ),
        lumi_select(
            "mode_switch",
            ATTR_MODE_SWITCH,
            ZCL_UINT16,
            EnumCodec(pairs=((4, "anti_flicker_mode"), (1, "quick_mode"))),
            heartbeat=True,
            description=(
                "Anti flicker mode can be used to solve blinking issues of some lights. "
                "Quick mode makes the device respond faster."
            ),
        ),
        power_outage_count(lumi_attribute(ATTR_POWER_OUTAGE_COUNT, NUMBER, readable=False)),
        device_temperature(),
        lumi_config_switch(
            "flip_indicator_light",
            ATTR_FLIP_INDICATOR_LIGHT,
            ZCL_UINT8,
            description=FLIP_INDICATOR_LIGHT_DESCRIPTION,
        ),
        lumi_config_switch(
            "power_outage_memory",
            ATTR_POWER_OUTAGE_MEMORY,
            ZCL_BOOL,
            description=POWER_OUTAGE_MEMORY_DESCRIPTION,
        ),
        action(
            (
                "single_top",
                "single_bottom",
                "single_both",
                "double_top",
                "double_bottom",
                "double_both",
            ),
            (
                ActionSource(endpoint=41, actions=_clicks("top")),
                ActionSource(endpoint=42, actions=_clicks("bottom")),
                ActionSource(endpoint=51, actions=_clicks("both")),
            ),
            state_action_options=("on_top", "off_top", "on_bottom", "off_bottom"),
        ),
        linkquality(),
    ),
    options=(OPTION_STATE_ACTION, OPTION_DEVICE_TEMPERATURE_CALIBRATION),
    ota=True,
    ota_image_type=0x0290,
    is_router=False,  # no neutral: end device, not rx-on-when-idle
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
    configure=(
        # Event mode: without it the hidden button endpoints stay silent in decoupled mode
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
