"""DJT11LM, Aqara vibration sensor, ``lumi.vibration.aq1``.

Facts: ZHA device signatures (endpoint 1, device type 0x000A, in 0000 0003 0019 FFFF 0101,
out 0000 0004 0003 0005 0019 FFFF 0101); Zigbee2MQTT's library (events, strength and axes
on the DoorLock cluster; sensitivity genBasic 0xFF0D; genBasic 0xFF01 heartbeat with the
voltage, chip temperature and boots); Xiaomi's old OUI and manufacturer code 0x1037.
"""

from __future__ import annotations

from ..behaviours.remote_clicks import RemoteClicks, Report
from ..behaviours.vibration import DOOR_LOCK, EVENT, EVENTS, Accelerometer
from ..clusters import BASIC, GROUPS, IDENTIFY, OTA, SCENES
from ..profile import EndpointSpec, Twin
from ..zcl import AttributeValue, DataType
from ._aqara_motion import BATTERY_POWER_SOURCE, old_heartbeat, sensor_behaviours

TWIN = Twin(
    zigbee_models=("lumi.vibration.aq1",),
    z2m_model="DJT11LM",
    router=False,
    ieee_oui=bytes.fromhex("00158d"),
    node_manufacturer_code=0x1037,
    endpoints=(
        EndpointSpec(
            1,
            0x000A,
            (BASIC, IDENTIFY, OTA, 0xFFFF, DOOR_LOCK),
            (BASIC, GROUPS, IDENTIFY, SCENES, OTA, 0xFFFF, DOOR_LOCK),
        ),
    ),
    app_version=2,
    power_source=BATTERY_POWER_SOURCE,
    behaviours=lambda: sensor_behaviours(
        Accelerometer(),
        RemoteClicks(
            {
                event: (Report(1, DOOR_LOCK, (AttributeValue(EVENT, DataType.UINT16, raw),)),)
                for event, raw in EVENTS.items()
            }
        ),
        heartbeat=old_heartbeat(),
    ),
)
