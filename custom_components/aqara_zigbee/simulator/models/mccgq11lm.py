"""MCCGQ11LM, Aqara door and window sensor, ``lumi.sensor_magnet.aq2``.

Facts, from a public Zigbee2MQTT database entry of two units (Koenkk/zigbee2mqtt#13379):
endpoint 1, device type 0x5F01, in 0000 0003 FFFF 0006, out 0000 0004 FFFF; node
manufacturer 0x1037; Basic zcl 1, app 3, stack 2, hw 2, date 20161128, build 3000-0001;
its genBasic 0xFF01 heartbeat {1: 3075 mV, 3: 32 °C, 4: 5032, 5: 9, 6: [0, 1], 10: 0,
100: 1} with the door at 100 as onOff (1: open). Zigbee2MQTT's page adds battery, contact
(genOnOff onOff), device_temperature, power_outage_count, trigger_count and identify.
"""

from __future__ import annotations

from ..behaviours import ChipTemperature, Identify, chip_temperature
from ..behaviours.contact import OnOffContact, door_open
from ..behaviours.power import PowerOutageCounter
from ..clusters import BASIC, IDENTIFY, ON_OFF
from ..profile import EndpointSpec, Twin
from ..zcl import DataType
from ._aqara_sensor import (
    BATTERY_POWER_SOURCE,
    XIAOMI_NODE_MANUFACTURER,
    TriggerCounter,
    battery_behaviours,
    xiaomi_heartbeat,
)

XIAOMI_CLUSTER = 0xFFFF

TWIN = Twin(
    zigbee_models=("lumi.sensor_magnet.aq2",),
    z2m_model="MCCGQ11LM",
    router=False,
    node_manufacturer_code=XIAOMI_NODE_MANUFACTURER,
    power_source=BATTERY_POWER_SOURCE,
    endpoints=(
        EndpointSpec(
            1, 0x5F01, (BASIC, IDENTIFY, XIAOMI_CLUSTER, ON_OFF), (BASIC, 0x0004, XIAOMI_CLUSTER)
        ),
    ),
    zcl_version=1,
    app_version=3,
    hw_version=2,
    date_code="20161128",
    sw_build_id="3000-0001",
    behaviours=lambda: [
        *battery_behaviours(),
        OnOffContact(),
        ChipTemperature(),
        PowerOutageCounter(exposed=True),
        TriggerCounter(),
        Identify(exposed=True),
        xiaomi_heartbeat(
            (100, DataType.BOOL, door_open), chip=(3, DataType.INT8, chip_temperature)
        ),
    ],
)
