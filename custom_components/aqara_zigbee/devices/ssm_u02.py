"""Xiaomi SSM-U02: Aqara single switch module T1 (without neutral)."""

from __future__ import annotations

from ..lumi.const import (
    ATTR_POWER_OUTAGE_COUNT,
    ATTR_POWER_OUTAGE_MEMORY,
    ATTR_SWITCH_TYPE,
    BASIC,
    DEVICE_TEMPERATURE,
    GROUPS,
    LUMI_CLUSTER,
    MULTISTATE_INPUT,
    ON_OFF,
    ON_OFF_ATTR,
    OTA,
    ZCL_BOOL,
    ZCL_UINT8,
)
from .model import (
    NUMBER,
    OPTION_DEVICE_TEMPERATURE_CALIBRATION,
    OPTION_STATE_ACTION,
    POWER_OUTAGE_MEMORY_DESCRIPTION,
    BindStep,
    Definition,
    EndpointDecl,
    EnumCodec,
    ReportStep,
    device_temperature,
    linkquality,
    lumi_attribute,
    lumi_config_switch,
    lumi_heartbeat_read,
    lumi_select,
    power_outage_count,
    relay_switch,
)

DEFINITION = Definition(
    model="SSM-U02",
    model_ids=("lumi.switch.l0agl1",),
    vendor="Xiaomi",
    description=(
        "Aqara single switch module T1 (without neutral). "
        "Doesn't work as a router and doesn't support power meter"
    ),
    exposes=(
        relay_switch(
            "state", endpoint=1, device_class="switch", description="On/off state of the switch."
        ),
        lumi_config_switch(
            "power_outage_memory",
            ATTR_POWER_OUTAGE_MEMORY,
            ZCL_BOOL,
            description=POWER_OUTAGE_MEMORY_DESCRIPTION,
        ),
        lumi_select(
            "switch_type",
            ATTR_SWITCH_TYPE,
            ZCL_UINT8,
            EnumCodec(pairs=((1, "toggle"), (2, "momentary"))),
            description="Wall switch type.",
        ),
        power_outage_count(lumi_attribute(ATTR_POWER_OUTAGE_COUNT, NUMBER, readable=False)),
        device_temperature(),
        linkquality(),
    ),
    options=(OPTION_STATE_ACTION, OPTION_DEVICE_TEMPERATURE_CALIBRATION),
    ota=False,
    is_router=False,
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
    configure=(
        BindStep(endpoint=1, cluster=ON_OFF),
        ReportStep(
            endpoint=1, cluster=ON_OFF, attribute=ON_OFF_ATTR, min_interval=0, max_interval=3600
        ),
    ),
    heartbeat_read=lumi_heartbeat_read(),
)
