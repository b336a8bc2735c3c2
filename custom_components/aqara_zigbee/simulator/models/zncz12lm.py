"""ZNCZ12LM, Aqara smart plug US, ``lumi.plug.maus01``.

Router. Facts: a public signature (zha-device-handlers#218): manufacturer code 4447,
endpoint 1 (device type 0x0051) in 0000, 0004, 0003, 0006, 0010, 0005, 000A, 0001, 0002,
0B04, out 0019, 000A; endpoint 2 (0x0009) and 3 (0x0053) AnalogInput; endpoint 100 (0x0107)
BinaryInput. Zigbee2MQTT's library: power from AnalogInput, the 0xFCC0 settings of
ZNCZ04LM (consumer connected, night LED, auto-off, overload protection) on a cluster the
descriptor hides, power-outage memory written as one genBasic 0xFFF0 frame. OTA image
type 0x0101, file version 17 (Koenkk/zigbee-OTA index). Inferred: the genBasic 0xFF01
heartbeat with lumi.plug's layout plus current (index 151, mA) as ZNCZ04LM sends it.
"""

from __future__ import annotations

from ..behaviours import chip_temperature, constant, metering, power_on_count, relay
from ..behaviours.basic_frame_settings import BasicFrameSettings
from ..zcl import DataType
from ._aqara_plug_aq1 import plug_aq1_twin

TWIN = plug_aq1_twin(
    zigbee_models=("lumi.plug.maus01",),
    z2m_model="ZNCZ12LM",
    us_edition=True,
    settings=lambda: [
        BasicFrameSettings(
            {
                "power_outage_memory": (
                    bytes.fromhex("aa8005d14700011001"),
                    bytes.fromhex("aa8005d14701011000"),
                    False,
                ),
            }
        )
    ],
    heartbeat=(
        (100, DataType.BOOL, relay(1)),
        (3, DataType.INT8, chip_temperature),
        (152, DataType.FLOAT, metering.power_w),
        (149, DataType.FLOAT, metering.energy_kwh),
        (150, DataType.UINT32, metering.decivolts),
        (151, DataType.FLOAT, metering.milliamperes),
        (5, DataType.UINT16, power_on_count),
        (154, DataType.UINT8, constant(0)),
        (8, DataType.UINT16, constant(278)),
        (9, DataType.UINT16, constant(0x0400)),
    ),
    firmware=17,
    date_code="05-02-2018",
)
