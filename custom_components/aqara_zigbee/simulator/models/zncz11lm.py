"""ZNCZ11LM, Aqara smart plug (CN), ``lumi.plug.aq1``.

Router. Zigbee2MQTT's library: lumi.plug's converters (power from AnalogInput, the genBasic
0xFF01 heartbeat) plus voltage; power-outage memory, the night LED and auto-off are each
written as one genBasic 0xFFF0 frame; the unit asks the hub for the local time. OTA image
type 0x0101, file version 30 (Koenkk/zigbee-OTA index). No public signature was found: the
endpoints, the heartbeat layout and the factory settings are inferred from lumi.plug and
QBCZ11LM of the same generation.
"""

from __future__ import annotations

from ..behaviours import chip_temperature, constant, metering, power_on_count, relay
from ..behaviours.basic_frame_settings import BasicFrameSettings
from ..zcl import DataType
from ._aqara_plug_aq1 import plug_aq1_twin

TWIN = plug_aq1_twin(
    zigbee_models=("lumi.plug.aq1",),
    z2m_model="ZNCZ11LM",
    settings=lambda: [
        BasicFrameSettings(
            {
                "power_outage_memory": (
                    bytes.fromhex("aa8005d14700011001"),
                    bytes.fromhex("aa8005d14701011000"),
                    False,
                ),
                # the LED frame carries 0 for "disabled at night"
                "led_disabled_night": (
                    bytes.fromhex("aa8005d14700031000"),
                    bytes.fromhex("aa8005d14701031001"),
                    False,
                ),
                "auto_off": (
                    bytes.fromhex("aa8005d14700021001"),
                    bytes.fromhex("aa8005d14701021000"),
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
        (5, DataType.UINT16, power_on_count),
        (154, DataType.UINT8, constant(0)),
        (8, DataType.UINT16, constant(4446)),
        (9, DataType.UINT16, constant(2817)),
    ),
    firmware=30,
)
