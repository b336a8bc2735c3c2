"""JTYJ-GD-01LM/BW, Mijia Honeywell smoke detector, ``lumi.sensor_smoke``.

Facts: ZHA device signatures (endpoint 1, device type 0x0402, in 0000 0003 0012 0500 000C
0001, out 0019); Zigbee2MQTT's library (IAS zone status change notifications: bit 0 smoke,
1 self-test, 2 tamper, 3 low battery; genBasic 0xFF01 heartbeat with the voltage and the
density at index 100; commands written to ssIasZone 0xFFF1); Xiaomi's old OUI and
manufacturer code 0x1037. Inferred: a self-test sounds for a few seconds.
"""

from __future__ import annotations

from ..behaviours.ias_zone import ALARM_1, BATTERY_LOW, FIRE_SENSOR, TAMPER, IasZone, ZoneBit
from ..behaviours.smoke_gas import IAS_TEST_BIT, HoneywellDetector, honeywell_density
from ..clusters import ANALOG_INPUT, BASIC, IDENTIFY, MULTISTATE_INPUT, OTA, POWER_CONFIGURATION
from ..profile import EndpointSpec, Twin
from ..zcl import DataType
from ._aqara_motion import BATTERY_POWER_SOURCE, old_heartbeat, sensor_behaviours

TWIN = Twin(
    zigbee_models=("lumi.sensor_smoke",),
    z2m_model="JTYJ-GD-01LM/BW",
    router=False,
    ieee_oui=bytes.fromhex("00158d"),
    node_manufacturer_code=0x1037,
    endpoints=(
        EndpointSpec(
            1,
            0x0402,
            (BASIC, IDENTIFY, MULTISTATE_INPUT, 0x0500, ANALOG_INPUT, POWER_CONFIGURATION),
            (OTA,),
        ),
    ),
    app_version=1,
    power_source=BATTERY_POWER_SOURCE,
    behaviours=lambda: sensor_behaviours(
        IasZone(
            FIRE_SENSOR,
            (
                ZoneBit("smoke", ALARM_1),
                ZoneBit("test", IAS_TEST_BIT),
                ZoneBit("tamper", TAMPER),
                ZoneBit("battery_low", BATTERY_LOW),
            ),
        ),
        HoneywellDetector("smoke_density"),
        heartbeat=old_heartbeat((100, DataType.UINT8, honeywell_density)),
    ),
)
