"""MCCGQ14LM, Aqara door and window sensor E1, ``lumi.magnet.acn001``.

Facts: Zigbee2MQTT's page (contact, battery, battery_low, voltage) and converters (IAS
zone notifications, genPowerCfg batteryVoltage read at pairing, heartbeat 0xFCC0 0x00F7:
voltage at index 1, the door at index 100 (0: closed), a constant 25 °C at index 3);
ZHA's signature (endpoint 1: IAS zone device, in 0000 0001 0003 0500, out 0003 0019).
Its OTA image type (10635, from a Zigbee2MQTT comment) has no image: no OTA client.
Inferred: the other heartbeat indexes, versions.
"""

from __future__ import annotations

from ..behaviours import Identify, constant, parent_nwk
from ..behaviours.ias_zone import ALARM_1, BATTERY_LOW, CONTACT_SWITCH, IasZone, ZoneBit
from ..clusters import BASIC, IDENTIFY, LUMI_CLUSTER, OTA, POWER_CONFIGURATION
from ..profile import EndpointSpec, Twin
from ..zcl import DataType
from ._aqara_sensor import BATTERY_POWER_SOURCE, aqara_heartbeat, battery_behaviours

TWIN = Twin(
    zigbee_models=("lumi.magnet.acn001",),
    z2m_model="MCCGQ14LM",
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
    app_version=28,
    date_code="20220418",
    sw_build_id="0.0.0_0028",
    behaviours=lambda: [
        *battery_behaviours(power_cfg=True),
        IasZone(
            CONTACT_SWITCH,
            (ZoneBit("contact", ALARM_1, inverted=True), ZoneBit("battery_low", BATTERY_LOW)),
        ),
        Identify(),
        aqara_heartbeat(
            (3, DataType.INT8, constant(25)),
            (5, DataType.UINT16, constant(1)),
            (10, DataType.UINT16, parent_nwk),
            (100, DataType.UINT8, lambda device: device.behaviour(IasZone).status & ALARM_1),
        ),
    ],
)
