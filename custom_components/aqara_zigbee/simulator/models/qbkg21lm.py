"""QBKG21LM, Aqara smart wall switch D1 (no neutral, single rocker), ``lumi.switch.b1lacn02``.

Facts: its descriptors (zha-device-handlers#492: endpoint 1 of device type 6 with Basic,
Identify, PowerConfiguration, DeviceTemperature, OTA and Time; 2 and 3 with BinaryOutput,
OnOff, Groups and Scenes; 4-6 with MultistateInput and OnOff); a dump (sprut/Hub#463/#547:
application version 26, hardware 54, power source 4, the genBasic 0xFF01 heartbeat with
1, 3, 100, 101, 5, 8, 153, 10, 155, 110, 111, the prevent-reset query in 0xFFF0, 0xFF22
= 18); Zigbee2MQTT lumi.js (an end device; the relay on endpoint 2; clicks as OnOff
reports of endpoint 4; the rocker's mode in genBasic 0xFF22; no OTA image).

Inferred, not seen for this model: endpoint 3's relay unused; the heartbeat's 100 is the
relay's state.
"""

from __future__ import annotations

from ..behaviours import (
    ButtonSpec,
    ChipTemperature,
    Groups,
    Heartbeat,
    Identify,
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
    zigbee_models=("lumi.switch.b1lacn02",),
    z2m_model="QBKG21LM",
    router=False,
    ieee_oui=bytes.fromhex("00158d"),
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
    app_version=26,
    hw_version=54,
    power_source=0x04,  # what the firmware says (DC), although it runs on mains
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
                (101, DataType.BOOL, constant(False)),
                (5, DataType.UINT16, power_on_count),
                (8, DataType.UINT16, constant(13850)),
                (153, DataType.UINT8, constant(0)),
                (10, DataType.UINT16, parent_nwk),
                (155, DataType.UINT8, constant(0)),
                (110, DataType.UINT8, constant(0)),
                (111, DataType.UINT8, constant(255)),
            ),
        ),
    ],
)
