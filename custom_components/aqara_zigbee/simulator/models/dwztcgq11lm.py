"""DWZTCGQ11LM, Aqara multi-state sensor P100, ``lumi.vibration.agl002``.

Facts: Zigbee2MQTT's library (settings on 0xFCC0 reported when they change: 0x0116 mode,
0x01EB door/window type, 0x010C sensitivity 1-10, 0x01EC report interval, the detection
switches 0x01F0 0x01ED 0x01D8 0x0107 0x01EF; orientation 0x01F1, posture 0x01EE; gestures
as DoorLock 0x0055 (0 triple tap, 1 movement, 2 vibration, 3 orientation, 4 fall) and
0xFCC0 0x01F3 = 1 static; genOnOff contact; heartbeat with the voltage at 0x17 and the
% at 0x18); OTA image type 0x2642, file version 24, from the Koenkk/zigbee-OTA index.
Inferred: endpoint 1's clusters, the settings' defaults.
"""

from __future__ import annotations

from typing import Final

from ..behaviours import Heartbeat, Identify, LumiSetting, parent_nwk
from ..behaviours.contact import OnOffContact
from ..behaviours.remote_clicks import RemoteClicks, Report
from ..behaviours.sensor_settings import LumiNumber
from ..behaviours.sleepy import BatteryCell, Sleepy, battery_voltage, linear_percent
from ..clusters import BASIC, IDENTIFY, LUMI_CLUSTER, LUMI_HEARTBEAT, ON_OFF, OTA
from ..device import TwinDevice
from ..profile import EndpointSpec, Twin
from ..zcl import LUMI_MANUFACTURER_CODE, AttributeValue, DataType
from ._aqara_motion import BATTERY_POWER_SOURCE

DOOR_LOCK: Final = 0x0101
SWITCH = {"ON": 1, "OFF": 0}
PERCENT = linear_percent(2850, 3000)  # inferred: the family's coin cell span


def _battery_percent(device: TwinDevice) -> object:
    return device.behaviour(BatteryCell).percent


def _event(raw: int) -> tuple[Report, ...]:
    return (Report(1, DOOR_LOCK, (AttributeValue(0x0055, DataType.UINT16, raw),)),)


TWIN = Twin(
    zigbee_models=("lumi.vibration.agl002",),
    z2m_model="DWZTCGQ11LM",
    router=False,
    endpoints=(
        EndpointSpec(
            1,
            0x0402,
            (BASIC, IDENTIFY, ON_OFF, DOOR_LOCK),
            (IDENTIFY, OTA),
            hidden_clusters=(LUMI_CLUSTER,),
        ),
    ),
    app_version=24,
    file_version=24,
    power_source=BATTERY_POWER_SOURCE,
    behaviours=lambda: [
        Sleepy(),
        BatteryCell(PERCENT),
        OnOffContact(),
        LumiSetting(
            "device_mode", 0x0116, DataType.UINT8, {"door_window": 3, "object": 5}, default=5
        ),
        LumiSetting(
            "door_window_type",
            0x01EB,
            DataType.UINT8,
            {"casement_window": 1, "hopper_window": 2, "composite_window": 3, "hinged_door": 4},
            default=4,
        ),
        LumiNumber("sensitivity", 0x010C, DataType.UINT8, minimum=1, maximum=10, default=5),
        LumiNumber("report_interval", 0x01EC, DataType.UINT32, minimum=5, maximum=300, default=60),
        LumiSetting("orientation_detection", 0x01F0, DataType.BOOL, SWITCH, default=True),
        LumiSetting("movement_detection", 0x01ED, DataType.BOOL, SWITCH, default=True),
        LumiSetting("fall_detection", 0x01D8, DataType.BOOL, SWITCH, default=True),
        LumiSetting("vibration_detection", 0x0107, DataType.BOOL, SWITCH, default=True),
        LumiSetting("triple_tap_detection", 0x01EF, DataType.BOOL, SWITCH, default=True),
        LumiSetting(
            "orientation",
            0x01F1,
            DataType.UINT8,
            {"face_up": 1, "face_down": 2, "vertical": 3, "tilt": 4},
            default=1,
        ),
        LumiSetting(
            "device_posture", 0x01EE, DataType.UINT8, {"normal": 1, "abnormal": 2}, default=1
        ),
        RemoteClicks(
            {
                "triple_tap": _event(0),
                "movement": _event(1),
                "vibration": _event(2),
                "orientation": _event(3),
                "fall": _event(4),
                "static": (
                    Report(
                        1,
                        LUMI_CLUSTER,
                        (AttributeValue(0x01F3, DataType.UINT8, 1),),
                        manufacturer=LUMI_MANUFACTURER_CODE,
                    ),
                ),
            }
        ),
        Identify(exposed=True),
        Heartbeat(
            LUMI_CLUSTER,
            LUMI_HEARTBEAT,
            DataType.OCTET_STRING,
            (
                (10, DataType.UINT16, parent_nwk),
                (0x17, DataType.UINT16, battery_voltage),
                (0x18, DataType.UINT8, _battery_percent),
            ),
        ),
    ],
)
