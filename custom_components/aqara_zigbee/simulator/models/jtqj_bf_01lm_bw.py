"""JTQJ-BF-01LM/BW, Mijia Honeywell gas leak detector, ``lumi.sensor_natgas``.

Facts: ZHA device signatures (endpoint 1, device type 0x0402, in 0000 0003 0012 0500 000C,
out 0019); Zigbee2MQTT's library (IAS zone status: bit 0 gas, bit 2 tamper; the density at
index 100 of the genBasic 0xFF01 heartbeat; commands written to ssIasZone 0xFFF1; mains
powered, a router); Xiaomi's old OUI and manufacturer code 0x1037.
"""

from __future__ import annotations

from ..behaviours import ChipTemperature, Heartbeat, Identify
from ..behaviours.heartbeat import chip_temperature, parent_nwk
from ..behaviours.ias_zone import ALARM_1, TAMPER, IasZone, ZoneBit
from ..behaviours.smoke_gas import HoneywellDetector, honeywell_density
from ..clusters import ANALOG_INPUT, BASIC, IDENTIFY, MULTISTATE_INPUT, OTA
from ..profile import EndpointSpec, Twin
from ..zcl import DataType

GAS_SENSOR = 0x002B  # ZCL zone type: gas sensor

TWIN = Twin(
    zigbee_models=("lumi.sensor_natgas",),
    z2m_model="JTQJ-BF-01LM/BW",
    router=True,
    ieee_oui=bytes.fromhex("00158d"),
    node_manufacturer_code=0x1037,
    endpoints=(
        EndpointSpec(1, 0x0402, (BASIC, IDENTIFY, MULTISTATE_INPUT, 0x0500, ANALOG_INPUT), (OTA,)),
    ),
    app_version=1,
    behaviours=lambda: [
        IasZone(GAS_SENSOR, (ZoneBit("gas", ALARM_1), ZoneBit("tamper", TAMPER))),
        HoneywellDetector("gas_density"),
        ChipTemperature(exposed=False),
        Identify(),
        Heartbeat(
            BASIC,
            0xFF01,
            DataType.CHAR_STRING,
            (
                (3, DataType.INT8, chip_temperature),
                (10, DataType.UINT16, parent_nwk),
                (100, DataType.UINT8, honeywell_density),
            ),
        ),
    ],
)
