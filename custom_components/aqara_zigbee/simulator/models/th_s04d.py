"""TH-S04D, Aqara Climate Sensor W100, ``lumi.sensor_ht.agl001``.

Facts: ZHA's signature (zigpy/zha-device-handlers#4094: endpoint 1 temperature sensor with
0000 0001 0003 0012 0402 0405 FCC0, out 0019; endpoints 2 and 3 with 0012) and the database
entry of Koenkk/zigbee2mqtt#27262 (its 0xFCC0 settings: sampling period 0x0162 = 1000 ms,
reporting periods 0x0163/0x016A = 30000 ms, thresholds 0x0164 = 50, 0x016B = 300, modes
0x0165/0x016C = 1, alerts 0x0166 = -2000, 0x0167 = 6000, 0x016D = 0, 0x016E = 9999,
sampling 0x0170 = 2, 0x0172 = 0, 0x0173 = 0; a heartbeat with chip temperature 3, boots 5,
parent 10, readings 100/101 and the battery % at 102); Zigbee2MQTT's library (the +, centre
and - buttons' MultistateInput 0 hold, 1 single, 2 double, 255 release; the 0xFFF2 frames,
see behaviours/w100.py); OTA image type 9744, file version 4137 (Koenkk/zigbee-OTA).
Inferred: the battery's curve (the unit computes its %), the older firmware it ships with.
"""

from __future__ import annotations

from ..behaviours import (
    ChipTemperature,
    Heartbeat,
    Identify,
    LumiSetting,
    OtaUpdates,
    chip_temperature,
)
from ..behaviours.heartbeat import parent_nwk, power_on_count
from ..behaviours.measurements import heartbeat_raw, humidity, hundredths, temperature
from ..behaviours.power import PowerOutageCounter
from ..behaviours.presence import ScaledSetting
from ..behaviours.remote_clicks import RemoteClicks, Report
from ..behaviours.sleepy import BatteryCell, Sleepy, linear_percent
from ..behaviours.w100 import (
    FRAME,
    REQUEST_END,
    LocalTemperature,
    OwnBatteryPercent,
    W100Display,
    battery_percent,
    header,
)
from ..clusters import (
    BASIC,
    IDENTIFY,
    LUMI_CLUSTER,
    LUMI_HEARTBEAT,
    MULTISTATE_INPUT,
    OTA,
    POWER_CONFIGURATION,
)
from ..profile import EndpointSpec, Twin
from ..zcl import LUMI_MANUFACTURER_CODE, AttributeValue, DataType
from ._aqara_remote import BATTERY_POWERED, multistate_gestures

TEMPERATURE_MEASUREMENT = 0x0402
HUMIDITY_MEASUREMENT = 0x0405
BUTTONS = {1: "plus", 2: "center", 3: "minus"}
CLICKS = {"hold": 0, "single": 1, "double": 2, "release": 255}
SAMPLING = {"low": 1, "standard": 2, "high": 3, "custom": 4}
REPORT_MODES = {"no": 0, "threshold": 1, "period": 2, "threshold_period": 3}
U16, U32, I16 = DataType.UINT16, DataType.UINT32, DataType.INT16

#: the unit's request for its thermostat state (a frame ending 08 00 08 44)
_BODY = bytes(8) + REQUEST_END
STATE_REQUEST = Report(
    1,
    LUMI_CLUSTER,
    (AttributeValue(FRAME, DataType.OCTET_STRING, header(0x31, len(_BODY), 0x05) + _BODY),),
    manufacturer=LUMI_MANUFACTURER_CODE,
)


def _scaled(name: str, attribute: int, type_id: int, limits: tuple[float, ...]) -> ScaledSetting:
    """``limits``: scale (raw per page unit), minimum, maximum, step, the unit's value."""
    scale, low, high, step, default = limits
    return ScaledSetting(
        name, attribute, type_id, scale=scale, minimum=low, maximum=high, step=step,
        default=default,
    )  # fmt: skip


TWIN = Twin(
    zigbee_models=("lumi.sensor_ht.agl001",),
    z2m_model="TH-S04D",
    router=False,
    endpoints=(
        EndpointSpec(
            1,
            0x0302,
            (
                BASIC,
                POWER_CONFIGURATION,
                IDENTIFY,
                MULTISTATE_INPUT,
                TEMPERATURE_MEASUREMENT,
                HUMIDITY_MEASUREMENT,
                LUMI_CLUSTER,
            ),
            (OTA,),
        ),
        EndpointSpec(2, 0x0000, (MULTISTATE_INPUT,)),
        EndpointSpec(3, 0x0000, (MULTISTATE_INPUT,)),
    ),
    manufacturer="Aqara",  # the unit's Basic manufacturer name (its database entry)
    power_source=BATTERY_POWERED,
    app_version=40,
    file_version=4100,
    behaviours=lambda: [
        Sleepy(),
        BatteryCell(linear_percent(2850, 3000), exposed=False),
        OwnBatteryPercent(),
        temperature(),
        LocalTemperature(),
        humidity(),
        W100Display(),
        RemoteClicks(
            {"W100_PMTSD_request": (STATE_REQUEST,), **multistate_gestures(BUTTONS, CLICKS)}
        ),
        LumiSetting(
            "auto_hide_middle_line", 0x0173, DataType.BOOL, {True: 0, False: 1}, default=False
        ),
        _scaled("high_temperature", 0x0167, I16, (100, 26, 60, 0.5, 60)),
        _scaled("low_temperature", 0x0166, I16, (100, -20, 20, 0.5, -20)),
        _scaled("high_humidity", 0x016E, I16, (100, 65, 100, 1, 99.99)),
        _scaled("low_humidity", 0x016D, I16, (100, 0, 30, 1, 0)),
        LumiSetting("sampling", 0x0170, DataType.UINT8, SAMPLING, default=2),
        _scaled("period", 0x0162, U32, (1000, 0.5, 600, 0.5, 1)),
        LumiSetting("temp_report_mode", 0x0165, DataType.UINT8, REPORT_MODES, default=1),
        _scaled("temp_period", 0x0163, U32, (1000, 1, 600, 1, 30)),
        _scaled("temp_threshold", 0x0164, U16, (100, 0.2, 3, 0.1, 0.5)),
        LumiSetting("humi_report_mode", 0x016C, DataType.UINT8, REPORT_MODES, default=1),
        _scaled("humi_period", 0x016A, U32, (1000, 1, 600, 1, 30)),
        _scaled("humi_threshold", 0x016B, U16, (100, 2, 10, 0.5, 3)),
        ChipTemperature(exposed=False),
        PowerOutageCounter(exposed=False),
        Identify(exposed=True),
        OtaUpdates(9744),
        Heartbeat(
            LUMI_CLUSTER,
            LUMI_HEARTBEAT,
            DataType.OCTET_STRING,
            (
                (3, DataType.INT8, chip_temperature),
                (5, DataType.UINT16, power_on_count),
                (10, DataType.UINT16, parent_nwk),
                (100, DataType.INT16, heartbeat_raw("temperature", hundredths)),
                (101, DataType.UINT16, heartbeat_raw("humidity", hundredths)),
                (102, DataType.UINT8, battery_percent),
            ),
        ),
    ],
)
