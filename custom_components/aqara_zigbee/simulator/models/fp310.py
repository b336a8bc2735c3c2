"""FP310, Aqara presence sensor FP310, ``lumi.sensor_occupy.acn1``.

Facts: Zigbee2MQTT's library (presence 0x0142; target distance 0x015F on request 0x0198;
the watched zones 0x019A; presence sensitivity 0x010C; absence delay 0x0197; sampling and
reporting settings 0x0162-0x0196 in ms, 1/100 °C and 1/100 %; AI switches 0x015E/0x015D;
the night LED 0x0203 and its schedule 0x023E; the standard illuminance, humidity and
temperature clusters; the battery voltage at heartbeat index 0x17); OTA image type 0x2641,
file version 27, from the Koenkk/zigbee-OTA index. Inferred: endpoint 1's clusters, the
settings' defaults.
"""

from __future__ import annotations

from ..behaviours import Heartbeat, Identify, LumiSetting, parent_nwk
from ..behaviours.base import Behaviour
from ..behaviours.led_schedule import NightLedSchedule
from ..behaviours.measurements import humidity, illuminance, temperature
from ..behaviours.presence import Fp310Radar, ScaledSetting
from ..behaviours.sleepy import BatteryCell, Sleepy, battery_voltage, linear_percent
from ..clusters import BASIC, IDENTIFY, LUMI_CLUSTER, LUMI_HEARTBEAT, OTA
from ..profile import EndpointSpec, Twin
from ..zcl import DataType
from ._aqara_motion import BATTERY_POWER_SOURCE

LEVELS = {"low": 1, "medium": 2, "high": 3}
SAMPLING = {"off": 0, "low": 1, "medium": 2, "high": 3, "custom": 4}
MODES = {"threshold": 1, "reporting interval": 2, "threshold and interval": 3}
SWITCH = {"ON": 1, "OFF": 0}
FLAG = {True: 1, False: 0}
U16, U32 = DataType.UINT16, DataType.UINT32


def _scaled(
    name: str, attribute: int, type_id: int, limits: tuple[float, float, float, float]
) -> ScaledSetting:
    """``limits``: scale (raw per page unit), minimum, maximum, step."""
    scale, low, high, step = limits
    return ScaledSetting(
        name,
        attribute,
        type_id,
        scale=scale,
        minimum=low,
        maximum=high,
        step=step,
        default=low,
    )


def sensing_settings() -> list[Behaviour]:
    """The AI switches, the climate and light sampling and reporting settings and the night
    LED with its schedule, which the FP300 shares with the FP310."""
    return [
        LumiSetting(
            "ai_interference_source_selfidentification", 0x015E, DataType.UINT8, SWITCH, default=0
        ),
        LumiSetting("ai_sensitivity_adaptive", 0x015D, DataType.UINT8, SWITCH, default=0),
        LumiSetting("temp_and_humidity_sampling", 0x0170, DataType.UINT8, SAMPLING, default=2),
        _scaled("temp_and_humidity_sampling_period", 0x0162, U32, (1000, 0.5, 3600, 0.5)),
        _scaled("temp_reporting_interval", 0x0163, U32, (1000, 600, 3600, 600)),
        _scaled("temp_reporting_threshold", 0x0164, U16, (100, 0.2, 3, 0.1)),
        LumiSetting("temp_reporting_mode", 0x0165, DataType.UINT8, MODES, default=1),
        _scaled("humidity_reporting_interval", 0x016A, U32, (1000, 600, 3600, 600)),
        _scaled("humidity_reporting_threshold", 0x016B, U16, (100, 2, 15, 0.5)),
        LumiSetting("humidity_report_mode", 0x016C, DataType.UINT8, MODES, default=1),
        LumiSetting("light_sampling", 0x0192, DataType.UINT8, SAMPLING, default=2),
        _scaled("light_sampling_period", 0x0193, U32, (1000, 0.5, 3600, 0.5)),
        _scaled("light_reporting_interval", 0x0194, U32, (1000, 20, 3600, 20)),
        _scaled("light_reporting_threshold", 0x0195, U16, (100, 3, 20, 0.5)),
        LumiSetting("light_report_mode", 0x0196, DataType.UINT8, MODES, default=1),
        LumiSetting("led_disabled_night", 0x0203, DataType.BOOL, FLAG, default=False),
        NightLedSchedule(),
    ]


TWIN = Twin(
    zigbee_models=("lumi.sensor_occupy.acn1",),
    z2m_model="FP310",
    router=False,
    endpoints=(
        EndpointSpec(
            1,
            0x0107,
            (BASIC, IDENTIFY, 0x0400, 0x0402, 0x0405),
            (IDENTIFY, OTA),
            hidden_clusters=(LUMI_CLUSTER,),
        ),
    ),
    app_version=27,
    file_version=27,
    power_source=BATTERY_POWER_SOURCE,
    behaviours=lambda: [
        Sleepy(),
        BatteryCell(linear_percent(2850, 3000)),
        Fp310Radar(),
        illuminance(),
        humidity(),
        temperature(),
        LumiSetting("presence_sensitivity", 0x010C, DataType.UINT8, LEVELS, default=2),
        _scaled("absence_delay_timer", 0x0197, U32, (1, 10, 300, 5)),
        *sensing_settings(),
        Identify(exposed=True),
        Heartbeat(
            LUMI_CLUSTER,
            LUMI_HEARTBEAT,
            DataType.OCTET_STRING,
            ((10, DataType.UINT16, parent_nwk), (0x17, DataType.UINT16, battery_voltage)),
        ),
    ],
)
