"""Aqara QBKG11LM: smart wall switch, with neutral, single rocker (lumi.ctrl_ln1[.aq1]).

Facts: Zigbee2MQTT's definition (relay and clicks, operation mode in genBasic 0xFF22,
power-outage memory as lumi.plug's genBasic 0xFFF0 sequence, power in AnalogInput, the
genBasic 0xFF01 heartbeat); the heartbeat's and endpoint 1's content as its double-rocker
sibling lumi.ctrl_ln2 shows them (sprut/Hub#953); OTA image type 0x0101 (zigbee-OTA index).
Inferred: AnalogInput on endpoint 3 (the old plugs' metering endpoint layout).
"""

from __future__ import annotations

from .. import features as f
from ..features import metering
from ..features.basic_operation_mode import basic_operation_mode
from ..lumi.const import (
    ANALOG_INPUT,
    BASIC,
    DEVICE_TEMPERATURE,
    GROUPS,
    MULTISTATE_DOUBLE,
    MULTISTATE_HOLD,
    MULTISTATE_INPUT,
    MULTISTATE_RELEASE,
    MULTISTATE_SINGLE,
    ON_OFF,
)
from .model import ANY_ENDPOINT, Definition, EndpointDecl

#: MultistateInput presentValue → click, in the order of Zigbee2MQTT's action values
CLICKS = {
    MULTISTATE_SINGLE: "single",
    MULTISTATE_DOUBLE: "double",
    MULTISTATE_RELEASE: "release",
    MULTISTATE_HOLD: "hold",
}

DEFINITION = Definition(
    model="QBKG11LM",
    model_ids=("lumi.ctrl_ln1.aq1", "lumi.ctrl_ln1"),
    vendor="Aqara",
    description="Smart wall switch (with neutral, single rocker)",
    is_router=True,
    features=(
        f.relay(state_action=False),
        f.power(
            metering.analog_power(endpoint=3),
        ),
        f.device_temperature(),
        f.energy(),
        # One button: its endpoint is undocumented, any counts (Zigbee2MQTT does not look).
        # The oldest firmware's OnOff clicks (always "single") are not decoded here.
        f.multistate_clicks({ANY_ENDPOINT: None}, clicks=CLICKS),
        basic_operation_mode(description="Decoupled mode"),
        f.plug_power_outage_memory(readable=False),
        f.linkquality(),
        f.basic_heartbeat(),
        f.ota(0x0101),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0051,
            in_clusters=(BASIC, DEVICE_TEMPERATURE, 0x0003, GROUPS, 0x0005, ON_OFF),
        ),
        EndpointDecl(endpoint=3, device_type=0x0009, in_clusters=(ANALOG_INPUT,)),
        EndpointDecl(endpoint=4, device_type=0x0100, in_clusters=(MULTISTATE_INPUT,)),
    ),
)
