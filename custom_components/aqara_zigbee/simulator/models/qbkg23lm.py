"""QBKG23LM, Aqara smart wall switch D1 (with neutral, single rocker), ``lumi.switch.b1nacn02``.

Facts: a device dump (sprut/Hub#393: endpoint 1 with Basic, BinaryOutput, Power
Configuration holding the mains voltage, DeviceTemperature, Identify, Groups, Scenes, OnOff
and Time; firmware 61; the genBasic 0xFF01 heartbeat with relay 100, temperature 3, energy
149, power 152, power-ups 5); Zigbee2MQTT lumi.js (a router; power as AnalogInput
presentValue; clicks single and release as MultistateInput; the rocker's mode in genBasic
0xFF22: 0x12 control relay, 0xFE decoupled; OTA support); OTA image type 0x0101 from the
Koenkk/zigbee-OTA index.

Inferred, not seen for this model: AnalogInput on endpoint 2 and clicks from endpoint 5
(its older siblings'); the heartbeat's voltage (index 150, in 0.1 V as the old plug's),
which Zigbee2MQTT exposes though the dump lacks it; hold and double sent too.
"""

from __future__ import annotations

from ..behaviours import (
    ButtonSpec,
    Metering,
    chip_temperature,
    constant,
    metering,
    power_on_count,
    relay,
)
from ..zcl import DataType
from ._aqara_d1_neutral import d1_neutral_twin

TWIN = d1_neutral_twin(
    zigbee_model="lumi.switch.b1nacn02",
    z2m_model="QBKG23LM",
    relays={1: "state"},
    buttons={"main": ButtonSpec(5, (1,))},
    actions=("single", "release"),
    exposes_chip_temperature=True,
    meter=lambda power_endpoint: Metering(
        power_endpoint=power_endpoint,
        mains_in_power_configuration=True,
        exposes_mains=True,
        hidden=frozenset({"current"}),
    ),
    heartbeat=(
        (3, DataType.INT8, chip_temperature),
        (100, DataType.BOOL, relay(1)),
        (149, DataType.FLOAT, metering.energy_kwh),
        (150, DataType.UINT32, metering.decivolts),
        (5, DataType.UINT16, power_on_count),
        (7, DataType.UINT64, constant(0)),
        (152, DataType.FLOAT, metering.power_w),
        (8, DataType.UINT16, constant(4157)),
        (9, DataType.UINT16, constant(1792)),
        (154, DataType.UINT8, constant(0)),
    ),
)
