"""RTCGQ11LM, Aqara motion sensor, ``lumi.sensor_motion.aq2``.

Facts: Zigbee2MQTT's library (OccupancySensing "occupied", then the lux as
IlluminanceMeasurement measuredValue in plain lux; genBasic 0xFF01 heartbeat with the lux
at index 11); ZHA device signatures: endpoint 1, device type 0x0107, in 0000 FFFF 0406 0400
0500 0001 0003, out 0000 0019; Xiaomi's old OUI and manufacturer code 0x1037. The 60 s
blind time after a detection is the hardware's.
"""

from __future__ import annotations

from ..behaviours.occupancy import (
    ILLUMINANCE_MEASUREMENT,
    OCCUPANCY_SENSING,
    Detection,
    MotionDetector,
)
from ..clusters import BASIC, IDENTIFY, OTA, POWER_CONFIGURATION
from ..device import TwinDevice
from ..profile import EndpointSpec, Twin
from ..zcl import DataType
from ._aqara_motion import BATTERY_POWER_SOURCE, old_heartbeat, sensor_behaviours


def _lux(device: TwinDevice) -> object:
    return device.behaviour(MotionDetector).lux


TWIN = Twin(
    zigbee_models=("lumi.sensor_motion.aq2",),
    z2m_model="RTCGQ11LM",
    router=False,
    ieee_oui=bytes.fromhex("00158d"),
    node_manufacturer_code=0x1037,
    endpoints=(
        EndpointSpec(
            1,
            0x0107,
            (
                BASIC,
                0xFFFF,
                OCCUPANCY_SENSING,
                ILLUMINANCE_MEASUREMENT,
                0x0500,  # IAS zone, unused by the firmware's reports
                POWER_CONFIGURATION,
                IDENTIFY,
            ),
            (BASIC, OTA),
        ),
    ),
    app_version=5,
    power_source=BATTERY_POWER_SOURCE,
    behaviours=lambda: sensor_behaviours(
        MotionDetector(Detection.OCCUPANCY_AND_LUX),
        heartbeat=old_heartbeat((11, DataType.UINT16, _lux)),
    ),
)
