"""SJCGQ11LM, Aqara water leak sensor, ``lumi.sensor_wleak.aq1``.

Facts: Zigbee2MQTT's page (battery, voltage, device_temperature, power_outage_count,
trigger_count, water_leak, battery_low) and converters (IAS zone notifications; genBasic
0xFF01 heartbeat); ZHA's signature (endpoint 1, device type 0x0402: in 0000 0003 0001, out
0019; node manufacturer 0x1037; the IAS zone cluster answers though undeclared). The
heartbeat layout is that of its door-sensor sibling (a public log of lumi.sensor_magnet.aq2,
inferred to be shared).
"""

from __future__ import annotations

from ..behaviours import ChipTemperature, Identify, chip_temperature
from ..behaviours.ias_zone import ALARM_1, BATTERY_LOW, WATER_SENSOR, IasZone, ZoneBit
from ..behaviours.power import PowerOutageCounter
from ..clusters import BASIC, IDENTIFY, OTA, POWER_CONFIGURATION
from ..profile import EndpointSpec, Twin
from ..zcl import DataType
from ._aqara_sensor import (
    BATTERY_POWER_SOURCE,
    XIAOMI_NODE_MANUFACTURER,
    TriggerCounter,
    battery_behaviours,
    xiaomi_heartbeat,
)

TWIN = Twin(
    zigbee_models=("lumi.sensor_wleak.aq1",),
    z2m_model="SJCGQ11LM",
    router=False,
    node_manufacturer_code=XIAOMI_NODE_MANUFACTURER,
    power_source=BATTERY_POWER_SOURCE,
    endpoints=(
        EndpointSpec(
            1,
            0x0402,
            (BASIC, IDENTIFY, POWER_CONFIGURATION),
            (OTA,),
            hidden_clusters=(0x0500,),
        ),
    ),
    zcl_version=1,
    app_version=2,
    hw_version=2,
    date_code="20170721",
    sw_build_id="3000-0001",
    behaviours=lambda: [
        *battery_behaviours(),
        IasZone(
            WATER_SENSOR, (ZoneBit("water_leak", ALARM_1), ZoneBit("battery_low", BATTERY_LOW))
        ),
        ChipTemperature(),
        PowerOutageCounter(exposed=True),
        TriggerCounter(),
        Identify(),
        xiaomi_heartbeat(
            (100, DataType.BOOL, lambda device: bool(device.behaviour(IasZone).status & ALARM_1)),
            chip=(3, DataType.INT8, chip_temperature),
        ),
    ],
)
