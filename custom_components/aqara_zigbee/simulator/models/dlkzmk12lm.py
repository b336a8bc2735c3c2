"""DLKZMK12LM, Aqara single switch module T1 without neutral (CN), ``lumi.switch.l0acn1``.

The CN edition of SSM-U02, its layout inferred from it; Zigbee2MQTT shows no
device_temperature nor power_outage_count for it (the heartbeat still carries both).

End device. The wired wall switch toggles the relay; there are no button events. No OTA
image (SSM-U02's facts: reference/devices.md; Zigbee2MQTT lumi.js, ``lumi.switch.l0agl1``).
"""

from __future__ import annotations

from ..behaviours import (
    Buttons,
    ButtonSpec,
    ChipTemperature,
    Groups,
    Heartbeat,
    Identify,
    LumiSetting,
    PowerOutageCounter,
    PowerOutageMemory,
    Relays,
    chip_temperature,
    constant,
    parent_nwk,
    power_on_count,
    relay,
)
from ..clusters import (
    BASIC,
    DEVICE_TEMPERATURE,
    GROUPS,
    IDENTIFY,
    LUMI_CLUSTER,
    LUMI_HEARTBEAT,
    MULTISTATE_INPUT,
    ON_OFF,
    OTA,
    SCENES,
)
from ..profile import EndpointSpec, Twin
from ..zcl import DataType
from .ssm_u02 import PressedFlag

TWIN = Twin(
    zigbee_models=("lumi.switch.l0acn1",),
    z2m_model="DLKZMK12LM",
    router=False,
    endpoints=(
        EndpointSpec(
            1,
            0x0100,
            (
                BASIC,
                LUMI_CLUSTER,
                DEVICE_TEMPERATURE,
                MULTISTATE_INPUT,
                IDENTIFY,
                GROUPS,
                SCENES,
                ON_OFF,
            ),
            (OTA,),
        ),
    ),
    app_version=25,
    date_code="12-23-2020",
    sw_build_id="0.0.0_0025",
    behaviours=lambda: [
        Relays({1: "state"}),
        Buttons({"main": ButtonSpec(None, (1,))}),
        ChipTemperature(exposed=False),
        Groups(),
        Identify(),
        PowerOutageCounter(exposed=False),
        PowerOutageMemory(default=True),
        LumiSetting(
            "switch_type", 0x000A, DataType.UINT8, {"toggle": 1, "momentary": 2}, default=1
        ),
        PressedFlag(),
        Heartbeat(
            LUMI_CLUSTER,
            LUMI_HEARTBEAT,
            DataType.OCTET_STRING,
            (
                (3, DataType.INT8, chip_temperature),
                (100, DataType.BOOL, relay(1)),
                (5, DataType.UINT16, power_on_count),
                (8, DataType.UINT16, constant(278)),
                (154, DataType.UINT8, constant(0)),
                (10, DataType.UINT16, parent_nwk),
                (11, DataType.UINT8, constant(0)),
            ),
        ),
    ],
)
