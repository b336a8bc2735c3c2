"""QBKG04LM, Aqara smart wall switch (no neutral, single rocker), ``lumi.ctrl_neutral1``.

End device (no neutral). Facts: Zigbee2MQTT's library (the relay on endpoint 2; clicks as
OnOff reports of endpoint 4: 0 held, 1 released, 2 double-clicked; the rocker's mode in
genBasic 0xFF22, 0x12 control_relay / 0xFE decoupled; prevent-reset); a unit switched
through endpoint 2 (TedTolboom/com.xiaomi-mi-zigbee#214); OTA image type 0x0101, file
version 22 (zigbee-OTA index). Inferred from its successor QBKG21LM, whose descriptors
are the same (zha-device-handlers#492): endpoints 1-6 and their clusters, the genBasic
0xFF01 heartbeat's layout.
"""

from __future__ import annotations

from ..behaviours import (
    ButtonSpec,
    ChipTemperature,
    Groups,
    Heartbeat,
    Identify,
    OtaUpdates,
    PowerOutageCounter,
    PreventReset,
    Relays,
    chip_temperature,
    constant,
    parent_nwk,
    power_on_count,
    relay,
)
from ..behaviours.basic_operation_mode import (
    CONTROL_LEFT_RELAY,
    DECOUPLED,
    LEFT_ROCKER,
    BasicOperationMode,
)
from ..behaviours.onoff_clicks import OnOffClicks
from ..clusters import (
    BASIC,
    BINARY_OUTPUT,
    DEVICE_TEMPERATURE,
    GROUPS,
    IDENTIFY,
    MULTISTATE_INPUT,
    ON_OFF,
    OTA,
    POWER_CONFIGURATION,
    SCENES,
    TIME,
)
from ..profile import EndpointSpec, Twin
from ..zcl import DataType

TWIN = Twin(
    zigbee_models=("lumi.ctrl_neutral1",),
    z2m_model="QBKG04LM",
    router=False,
    ieee_oui=bytes.fromhex("00158d"),
    server_mask=0x0000,
    endpoints=(
        EndpointSpec(
            1,
            0x0006,
            (BASIC, IDENTIFY, POWER_CONFIGURATION, DEVICE_TEMPERATURE, OTA, TIME),
            (BASIC, TIME, OTA),
        ),
        *(
            EndpointSpec(endpoint, 0x0100, (BINARY_OUTPUT, ON_OFF, GROUPS, SCENES))
            for endpoint in (2, 3)
        ),
        *(EndpointSpec(endpoint, 0x0000, (MULTISTATE_INPUT, ON_OFF)) for endpoint in (4, 5, 6)),
    ),
    zcl_version=1,
    power_source=0x04,  # inferred from QBKG21LM: DC, although it runs on mains
    file_version=22,
    behaviours=lambda: [
        Relays({2: "state"}),
        OnOffClicks(
            {"main": ButtonSpec(4, (2,))},
            actions=("release", "hold", "double", "single", "hold_release"),
        ),
        BasicOperationMode(
            {
                LEFT_ROCKER: (
                    "operation_mode",
                    2,
                    {"control_relay": CONTROL_LEFT_RELAY, "decoupled": DECOUPLED},
                )
            }
        ),
        ChipTemperature(exposed=False),
        Groups(),
        Identify(),
        PowerOutageCounter(exposed=False),
        PreventReset(),
        Heartbeat(
            BASIC,
            0xFF01,
            DataType.CHAR_STRING,
            (
                (1, DataType.UINT16, constant(3300)),
                (3, DataType.INT8, chip_temperature),
                (100, DataType.BOOL, relay(2)),
                (5, DataType.UINT16, power_on_count),
                (10, DataType.UINT16, parent_nwk),
            ),
        ),
        OtaUpdates(0x0101),
    ],
)
