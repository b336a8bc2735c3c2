"""DJT12LM, Aqara vibration sensor T1, ``lumi.vibration.agl01``.

Facts: Zigbee2MQTT's library (shake: IAS zone attribute 0x002D = 1; triple strike:
MultistateInput presentValue 1; movement: 0xFCC0 0x0118 = 1; sensitivity_adjustment
0x010E and report_interval 0x0110 written by the hub; 0xFCC0 0x00F7 heartbeat with the
voltage); OTA image type 0x2308, file version 25, from the Koenkk/zigbee-OTA index.
Inferred: endpoint 1's clusters (an IAS zone device with the Lumi cluster hidden), the
settings' defaults (medium, 5 s), no power outage count or chip temperature shown.
"""

from __future__ import annotations

from ..behaviours import LumiSetting
from ..behaviours.remote_clicks import RemoteClicks, Report
from ..clusters import (
    BASIC,
    IDENTIFY,
    LUMI_CLUSTER,
    MULTISTATE_INPUT,
    OTA,
    POWER_CONFIGURATION,
    PRESENT_VALUE,
)
from ..profile import EndpointSpec, Twin
from ..zcl import LUMI_MANUFACTURER_CODE, AttributeValue, DataType
from ._aqara_motion import BATTERY_POWER_SOURCE, lumi_heartbeat, sensor_behaviours

IAS_ZONE = 0x0500

TWIN = Twin(
    zigbee_models=("lumi.vibration.agl01",),
    z2m_model="DJT12LM",
    router=False,
    endpoints=(
        EndpointSpec(
            1,
            0x0402,
            (BASIC, POWER_CONFIGURATION, IDENTIFY, IAS_ZONE, MULTISTATE_INPUT),
            (IDENTIFY, OTA),
            hidden_clusters=(LUMI_CLUSTER,),
        ),
    ),
    app_version=25,
    file_version=25,
    power_source=BATTERY_POWER_SOURCE,
    behaviours=lambda: sensor_behaviours(
        RemoteClicks(
            {
                "shake": (Report(1, IAS_ZONE, (AttributeValue(0x002D, DataType.UINT16, 1),)),),
                "triple_strike": (
                    Report(
                        1, MULTISTATE_INPUT, (AttributeValue(PRESENT_VALUE, DataType.UINT16, 1),)
                    ),
                ),
                "movement": (
                    Report(
                        1,
                        LUMI_CLUSTER,
                        (AttributeValue(0x0118, DataType.UINT8, 1),),
                        manufacturer=LUMI_MANUFACTURER_CODE,
                    ),
                ),
            }
        ),
        LumiSetting(
            "sensitivity_adjustment",
            0x010E,
            DataType.UINT8,
            {"high": 1, "medium": 2, "low": 3},
            default=2,
        ),
        LumiSetting(
            "report_interval", 0x0110, DataType.UINT8, {"1s": 1, "5s": 2, "10s": 3}, default=2
        ),
        heartbeat=lumi_heartbeat(),
        temperature_exposed=False,
        outages_exposed=False,
    ),
)
