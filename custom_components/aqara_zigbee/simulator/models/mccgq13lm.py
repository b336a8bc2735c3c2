"""MCCGQ13LM, Aqara door and window sensor P1, ``lumi.magnet.ac01``.

Facts: Zigbee2MQTT's page (contact, battery, voltage, tamper, detection_distance) and
converters (0xFCC0 0x010C detection distance 1-3, also heartbeat index 159; tamper 0xFCC0
0x0140; heartbeat 0xFCC0 0x00F7 with the battery voltage at index 1); ZHA's signature
(endpoint 1: IAS zone device, in 0000 0001 0003 0500, out 0019). Inferred: the contact
and tamper travel as IAS zone notifications, the default distance (20 mm), versions.
"""

from __future__ import annotations

from ..behaviours import Identify, LumiSetting, constant, parent_nwk
from ..behaviours.ias_zone import ALARM_1, CONTACT_SWITCH, TAMPER, IasZone, ZoneBit
from ..clusters import BASIC, IDENTIFY, LUMI_CLUSTER, OTA, POWER_CONFIGURATION
from ..profile import EndpointSpec, Twin
from ..zcl import DataType
from ._aqara_sensor import BATTERY_POWER_SOURCE, aqara_heartbeat, battery_behaviours

DISTANCES = {"10mm": 1, "20mm": 2, "30mm": 3}

TWIN = Twin(
    zigbee_models=("lumi.magnet.ac01",),
    z2m_model="MCCGQ13LM",
    router=False,
    power_source=BATTERY_POWER_SOURCE,
    endpoints=(
        EndpointSpec(
            1,
            0x0402,
            (BASIC, POWER_CONFIGURATION, IDENTIFY, 0x0500),
            (OTA,),
            hidden_clusters=(LUMI_CLUSTER,),
        ),
    ),
    app_version=25,
    date_code="20220214",
    sw_build_id="0.0.0_0025",
    behaviours=lambda: [
        *battery_behaviours(),
        IasZone(
            CONTACT_SWITCH,
            (ZoneBit("contact", ALARM_1, inverted=True), ZoneBit("tamper", TAMPER)),
        ),
        LumiSetting("detection_distance", 0x010C, DataType.UINT8, DISTANCES, default=2),
        Identify(),
        aqara_heartbeat(
            (3, DataType.INT8, constant(25)),
            (5, DataType.UINT16, constant(1)),
            (10, DataType.UINT16, parent_nwk),
            (159, DataType.UINT8, lambda device: device.lumi_setting("detection_distance").raw),
        ),
    ],
)
