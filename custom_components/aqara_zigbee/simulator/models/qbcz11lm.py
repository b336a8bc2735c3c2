"""QBCZ11LM, Aqara smart wall outlet, ``lumi.ctrl_86plug`` / ``lumi.ctrl_86plug.aq1``.

Router (some units announce themselves as end devices with manufacturer code 4151,
zigbee2mqtt#17994; they still route). Facts, from that issue's database entry: endpoint 1
(device type 0x0051) in 0000, 0004, 0003, 0006, 0010, 0005, 000A, 0001, 0002, out 0019,
000A; endpoint 2 (0x0009) AnalogInput in, AnalogInput and Groups out; endpoint 3; the
genBasic 0xFF01 heartbeat ``{3: 32, 5: 376, 8: 4446, 9: 2817, 100: 0, 149: 202.95,
152: 0, 154: 0}``; date code 07-22-2022, hardware version 18. Zigbee2MQTT: power in
AnalogInput, power_outage_memory as lumi.plug's genBasic 0xFFF0 handshake, voltage.
Inferred: the voltage at heartbeat index 150 (as lumi.plug sends it; that unit's heartbeat
lacks it), endpoint 3 as lumi.plug's energy endpoint. OTA image type 0x0101 (zigbee-OTA).
"""

from __future__ import annotations

from ..behaviours import (
    PlugPowerOutageMemory,
    chip_temperature,
    constant,
    metering,
    power_on_count,
    relay,
)
from ..zcl import DataType
from ._aqara_plug_aq1 import plug_aq1_twin

TWIN = plug_aq1_twin(
    zigbee_models=("lumi.ctrl_86plug", "lumi.ctrl_86plug.aq1"),
    z2m_model="QBCZ11LM",
    settings=lambda: [PlugPowerOutageMemory(default=False)],
    heartbeat=(
        (3, DataType.INT8, chip_temperature),
        (5, DataType.UINT16, power_on_count),
        (8, DataType.UINT16, constant(4446)),
        (9, DataType.UINT16, constant(2817)),
        (100, DataType.BOOL, relay(1)),
        (149, DataType.FLOAT, metering.energy_kwh),
        (150, DataType.UINT32, metering.decivolts),
        (152, DataType.FLOAT, metering.power_w),
        (154, DataType.UINT8, constant(0)),
    ),
    firmware=94,
    hw_version=18,
    date_code="07-22-2022",
)
