"""SJCGQ13LM, Aqara water leak sensor E1, ``lumi.flood.acn001``.

Facts: Zigbee2MQTT's page (water_leak, battery, battery_low, voltage, device_temperature,
power_outage_count) and converters (IAS zone notifications; genPowerCfg batteryVoltage;
0xFCC0 0x00F7 heartbeat: voltage 1, chip temperature 3, boots 5, the leak at 100); ZHA's
signature (endpoint 1: IAS zone device, in 0000 0001 0003 0500, out 0003 0019). No OTA
image is published: no OTA client. Inferred: the Basic versions.
"""

from __future__ import annotations

from ..behaviours import ChipTemperature, Identify, chip_temperature, parent_nwk, power_on_count
from ..behaviours.ias_zone import ALARM_1, BATTERY_LOW, WATER_SENSOR, IasZone, ZoneBit
from ..behaviours.power import PowerOutageCounter
from ..clusters import BASIC, IDENTIFY, LUMI_CLUSTER, OTA, POWER_CONFIGURATION
from ..profile import EndpointSpec, Twin
from ..zcl import DataType
from ._aqara_sensor import BATTERY_POWER_SOURCE, aqara_heartbeat, battery_behaviours

TWIN = Twin(
    zigbee_models=("lumi.flood.acn001",),
    z2m_model="SJCGQ13LM",
    router=False,
    power_source=BATTERY_POWER_SOURCE,
    endpoints=(
        EndpointSpec(
            1,
            0x0402,
            (BASIC, POWER_CONFIGURATION, IDENTIFY, 0x0500),
            (IDENTIFY, OTA),
            hidden_clusters=(LUMI_CLUSTER,),
        ),
    ),
    app_version=27,
    date_code="20220316",
    sw_build_id="0.0.0_0027",
    behaviours=lambda: [
        *battery_behaviours(power_cfg=True),
        IasZone(
            WATER_SENSOR, (ZoneBit("water_leak", ALARM_1), ZoneBit("battery_low", BATTERY_LOW))
        ),
        ChipTemperature(),
        PowerOutageCounter(exposed=True),
        Identify(),
        aqara_heartbeat(
            (3, DataType.INT8, chip_temperature),
            (5, DataType.UINT16, power_on_count),
            (10, DataType.UINT16, parent_nwk),
            (100, DataType.UINT8, lambda device: device.behaviour(IasZone).status & ALARM_1),
        ),
    ],
)
