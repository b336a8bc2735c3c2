"""QBKG24LM, Aqara smart wall switch D1 (with neutral, double rocker), ``lumi.switch.b2nacn02``.

Facts: a device dump (sprut/Hub#337: endpoint 1 with Basic, BinaryOutput, Power
Configuration, DeviceTemperature, Identify, Groups, Scenes, OnOff and Time; firmware 61;
the genBasic 0xFF01 heartbeat with relays 100/101, temperature 3, energy 149, power 152,
power-ups 5); Zigbee2MQTT lumi.js (relays on endpoints 1 left and 2 right; power as
AnalogInput presentValue; clicks as MultistateInput from endpoints 5 left, 6 right, 7 both;
the rockers' modes in genBasic 0xFF22 / 0xFF23: 0x12 control left relay, 0x22 control
right relay, 0xFE decoupled; OTA support); OTA image type 0x0101 from the Koenkk/zigbee-OTA
index; a router (ZHA signature, zha-device-handlers#423: mac capability 142).

Inferred, not seen for this model: AnalogInput on endpoint 3 (its older sibling's); the
load metered behind the left relay; hold, release and double sent for every rocker.
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
    zigbee_model="lumi.switch.b2nacn02",
    z2m_model="QBKG24LM",
    relays={1: "state_left", 2: "state_right"},
    buttons={
        "left": ButtonSpec(5, (1,)),
        "right": ButtonSpec(6, (2,)),
        "both": ButtonSpec(7, (1, 2)),
    },
    aliases={"1": "left", "2": "right"},
    # Zigbee2MQTT's list: hold named for the left rocker only
    actions=(
        "hold_left",
        "single_left",
        "double_left",
        "single_right",
        "double_right",
        "single_both",
        "double_both",
    ),
    exposes_chip_temperature=False,
    meter=lambda power_endpoint: Metering(power_endpoint=power_endpoint),
    heartbeat=(
        (3, DataType.INT8, chip_temperature),
        (100, DataType.BOOL, relay(1)),
        (101, DataType.BOOL, relay(2)),
        (149, DataType.FLOAT, metering.energy_kwh),
        (5, DataType.UINT16, power_on_count),
        (7, DataType.UINT64, constant(0)),
        (152, DataType.FLOAT, metering.power_w),
        (8, DataType.UINT16, constant(4157)),
        (9, DataType.UINT16, constant(1280)),
        (154, DataType.UINT8, constant(0)),
    ),
)
