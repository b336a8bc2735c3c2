"""VOCKQJK11LM, Aqara TVOC air quality monitor, ``lumi.airmonitor.acn01``.

Facts: Zigbee2MQTT's page (device_temperature, battery, voltage, air_quality, voc,
temperature, humidity, display_unit) and converters (VOC as genAnalogInput presentValue in
ppb; 0xFCC0 0x0129 air quality 0-5, 0x0114 display unit 0x00/0x01/0x10/0x11; genPowerCfg
batteryVoltage; the 0xFCC0 0x00F7 heartbeat with voltage 1, chip temperature 3, boots 5
(Zigbee2MQTT reads its outage count there), readings 100/101); ZHA's signature (endpoint 1,
temperature sensor: in 0000 0003 0402 0405 0001 000C, out 0019); OTA image type 9480, file
version 29 (Koenkk/zigbee-OTA). Inferred: the versions before that image.
"""

from __future__ import annotations

from ..behaviours import (
    ChipTemperature,
    Identify,
    LumiSetting,
    OtaUpdates,
    chip_temperature,
    parent_nwk,
    power_on_count,
)
from ..behaviours.measurements import (
    ANALOG_INPUT,
    HUMIDITY,
    TEMPERATURE,
    LumiReading,
    Measured,
    heartbeat_raw,
    humidity,
    hundredths,
    temperature,
)
from ..behaviours.power import PowerOutageCounter
from ..clusters import BASIC, IDENTIFY, LUMI_CLUSTER, OTA, POWER_CONFIGURATION
from ..profile import EndpointSpec, Twin
from ..zcl import DataType
from ._aqara_sensor import BATTERY_POWER_SOURCE, aqara_heartbeat, battery_behaviours

AIR_QUALITY = {"unknown": 0, "excellent": 1, "good": 2, "moderate": 3, "poor": 4, "unhealthy": 5}
DISPLAY_UNITS = {
    "mgm3_celsius": 0x00,
    "ppb_celsius": 0x01,
    "mgm3_fahrenheit": 0x10,
    "ppb_fahrenheit": 0x11,
}


def voc() -> Measured:
    """genAnalogInput presentValue: VOC in ppb (a float the firmware keeps whole)."""
    return Measured(
        "voc", ANALOG_INPUT, 0x0055, DataType.FLOAT, float, initial=120, step=35, low=0,
        high=5000,
    )  # fmt: skip


TWIN = Twin(
    zigbee_models=("lumi.airmonitor.acn01",),
    z2m_model="VOCKQJK11LM",
    router=False,
    power_source=BATTERY_POWER_SOURCE,
    endpoints=(
        EndpointSpec(
            1,
            0x0302,
            (BASIC, IDENTIFY, TEMPERATURE, HUMIDITY, POWER_CONFIGURATION, ANALOG_INPUT),
            (OTA,),
            hidden_clusters=(LUMI_CLUSTER,),
        ),
    ),
    app_version=27,
    date_code="20211117",
    sw_build_id="0.0.0_0027",
    file_version=27,
    behaviours=lambda: [
        *battery_behaviours(power_cfg=True),
        voc(),
        temperature(),
        humidity(),
        LumiReading("air_quality", 0x0129, DataType.UINT8, AIR_QUALITY, initial="good"),
        LumiSetting("display_unit", 0x0114, DataType.UINT8, DISPLAY_UNITS, default=0x00),
        ChipTemperature(),
        PowerOutageCounter(exposed=False),
        Identify(),
        OtaUpdates(9480),
        aqara_heartbeat(
            (3, DataType.INT8, chip_temperature),
            (5, DataType.UINT16, power_on_count),
            (10, DataType.UINT16, parent_nwk),
            (100, DataType.INT16, heartbeat_raw("temperature", hundredths)),
            (101, DataType.UINT16, heartbeat_raw("humidity", hundredths)),
        ),
    ],
)
