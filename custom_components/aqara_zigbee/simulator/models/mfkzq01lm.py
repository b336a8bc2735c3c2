"""MFKZQ01LM, Xiaomi/Aqara cube, ``lumi.sensor_cube`` / ``lumi.sensor_cube.aqgl01``.

Facts: ZHA's signature of lumi.sensor_cube.aqgl01 (endpoint 1, 0x5F01: Basic, Identify,
OTA, MultistateInput; 2, 0x5F02: Identify, MultistateInput; 3, 0x5F03: Identify,
AnalogInput); gestures and rotations as in behaviours.cube; battery, chip temperature and
power-on count in the genBasic 0xFF01 heartbeat (Zigbee2MQTT's lumi_basic). Inferred: the
heartbeat's layout, as the WXKG11LM's.
"""

from __future__ import annotations

from ..behaviours import ChipTemperature, Heartbeat, Identify, PowerOutageCounter
from ..behaviours.cube import MI_CUBE, Cube
from ..behaviours.sleepy import BatteryCell, Sleepy
from ..clusters import ANALOG_INPUT, BASIC, IDENTIFY, MULTISTATE_INPUT, OTA
from ..profile import EndpointSpec, Twin
from ..zcl import DataType
from ._aqara_remote import BATTERY_POWERED, COIN_CELL_PERCENT, XIAOMI_OUI, basic_heartbeat_layout

TWIN = Twin(
    zigbee_models=("lumi.sensor_cube", "lumi.sensor_cube.aqgl01"),
    z2m_model="MFKZQ01LM",
    router=False,
    ieee_oui=XIAOMI_OUI,
    endpoints=(
        EndpointSpec(
            1,
            0x5F01,
            (BASIC, IDENTIFY, OTA, MULTISTATE_INPUT),
            (BASIC, 0x0004, IDENTIFY, 0x0005, OTA, MULTISTATE_INPUT),
        ),
        EndpointSpec(2, 0x5F02, (IDENTIFY, MULTISTATE_INPUT), (0x0004, IDENTIFY, 0x0005)),
        EndpointSpec(3, 0x5F03, (IDENTIFY, ANALOG_INPUT), (0x0004, IDENTIFY, 0x0005)),
    ),
    power_source=BATTERY_POWERED,
    behaviours=lambda: [
        Sleepy(),
        BatteryCell(COIN_CELL_PERCENT),
        Cube(
            MI_CUBE,
            actions=(
                "shake",
                "throw",
                "wakeup",
                "fall",
                "tap",
                "slide",
                "flip180",
                "flip90",
                "rotate_left",
                "rotate_right",
            ),
            side_keys=("side", "action_side", "action_to_side", "action_from_side"),
        ),
        ChipTemperature(),
        PowerOutageCounter(exposed=True),
        Identify(),
        Heartbeat(BASIC, 0xFF01, DataType.CHAR_STRING, basic_heartbeat_layout()),
    ],
)
