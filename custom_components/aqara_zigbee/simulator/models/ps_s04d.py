"""PS-S04D, Aqara presence sensor FP300, ``lumi.sensor_occupy.agl8``.

Facts: Zigbee2MQTT's library (presence 0x0142 and PIR detection 0x014D, which sensor
decides 0x0199, absence delay 0x0197, PIR interval 0x014F (s); target distance 0x015F on
request 0x0198; the watched zones 0x019A as a 24-bit mask; presence sensitivity 0x010C;
the FP310's sampling and reporting settings; AI switches 0x015E/0x015D; the night LED
0x0203; the standard illuminance, humidity and temperature clusters; battery voltage and
the device's own % at heartbeat indexes 0x17 and 0x18); OTA image type 0x2640, file
version 16682, from the Koenkk/zigbee-OTA index. Inferred: endpoint 1's clusters, the
settings' defaults, the % following the voltage linearly between 2850 and 3000 mV.
"""

from __future__ import annotations

from ..behaviours import (
    Heartbeat,
    Identify,
    LumiSetting,
    PowerOutageCounter,
    parent_nwk,
    power_on_count,
)
from ..behaviours.measurements import humidity, illuminance, temperature
from ..behaviours.presence import Fp300Radar
from ..behaviours.sleepy import BatteryCell, Sleepy, battery_voltage, linear_percent
from ..clusters import BASIC, IDENTIFY, LUMI_CLUSTER, LUMI_HEARTBEAT, OTA
from ..device import TwinDevice
from ..profile import EndpointSpec, Twin
from ..zcl import DataType
from ._aqara_motion import BATTERY_POWER_SOURCE
from .fp310 import LEVELS, U16, U32, _scaled, sensing_settings

OPTIONS = {"both": 0, "mmwave": 1, "pir": 2}
_PERCENT = linear_percent(2850, 3000)


def _battery_percent(device: TwinDevice) -> object:
    """Index 0x18: the device's own gauge (the same cell as index 0x17)."""
    return _PERCENT(device.behaviour(BatteryCell).millivolts)


TWIN = Twin(
    zigbee_models=("lumi.sensor_occupy.agl8",),
    z2m_model="PS-S04D",
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
    app_version=16682 & 0xFF,
    file_version=16682,
    power_source=BATTERY_POWER_SOURCE,
    behaviours=lambda: [
        Sleepy(),
        BatteryCell(_PERCENT),
        Fp300Radar(),
        illuminance(),
        humidity(),
        temperature(),
        LumiSetting("motion_sensitivity", 0x010C, DataType.UINT8, LEVELS, default=2),
        LumiSetting("presence_detection_options", 0x0199, DataType.UINT8, OPTIONS, default=0),
        _scaled("absence_delay_timer", 0x0197, U32, (1, 1, 300, 1)),
        _scaled("pir_detection_interval", 0x014F, U16, (1, 2, 300, 1)),
        *sensing_settings(),
        Identify(exposed=True),
        PowerOutageCounter(exposed=True),
        Heartbeat(
            LUMI_CLUSTER,
            LUMI_HEARTBEAT,
            DataType.OCTET_STRING,
            (
                (5, DataType.UINT16, power_on_count),
                (10, DataType.UINT16, parent_nwk),
                (0x17, DataType.UINT16, battery_voltage),
                (0x18, DataType.UINT8, _battery_percent),
            ),
        ),
    ],
)
