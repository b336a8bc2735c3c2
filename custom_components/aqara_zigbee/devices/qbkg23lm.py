"""Aqara QBKG23LM: smart wall switch D1 (with neutral, single rocker), ``lumi.switch.b1nacn02``.

Facts: Zigbee2MQTT's definition (a router; relay on endpoint 1, power as AnalogInput
presentValue, energy/voltage/temperature from the genBasic 0xFF01 heartbeat, clicks single
and release as MultistateInput from any endpoint, operation mode in genBasic 0xFF22); a
device dump (sprut/Hub#393: the heartbeat carries relay 100, temperature 3, energy 149,
power 152); OTA image type 0x0101 from the Koenkk/zigbee-OTA index.
Inferred from its older siblings (QBKG11LM): AnalogInput on endpoint 2, clicks from 5.
"""

from __future__ import annotations

from .. import features as f
from ..features import basic_operation_mode, metering
from ..lumi.const import (
    ANALOG_INPUT,
    BASIC,
    DEVICE_TEMPERATURE,
    GROUPS,
    MULTISTATE_INPUT,
    MULTISTATE_RELEASE,
    MULTISTATE_SINGLE,
    ON_OFF,
    OTA,
)
from .model import ANY_ENDPOINT, Definition, EndpointDecl

_POWER_ENDPOINT = 2

DEFINITION = Definition(
    model="QBKG23LM",
    model_ids=("lumi.switch.b1nacn02",),
    vendor="Aqara",
    description="Smart wall switch D1 (with neutral, single rocker)",
    is_router=True,  # Zigbee2MQTT forces Router
    features=(
        f.relay(),
        f.power(metering.analog_power(endpoint=_POWER_ENDPOINT)),
        f.energy(),
        f.device_temperature(),
        f.voltage(),
        # One button, no buttonLookup in Zigbee2MQTT: any endpoint counts
        f.multistate_clicks(
            {ANY_ENDPOINT: None},
            clicks={MULTISTATE_SINGLE: "single", MULTISTATE_RELEASE: "release"},
            state_actions=("on", "off"),
        ),
        basic_operation_mode.basic_operation_mode(description="Decoupled mode."),
        f.linkquality(),
        f.basic_heartbeat(),
        f.ota(0x0101),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0051,
            in_clusters=(BASIC, 0x0001, DEVICE_TEMPERATURE, 0x0003, GROUPS, 0x0005, ON_OFF),
            out_clusters=(0x000A, OTA),
        ),
        EndpointDecl(endpoint=_POWER_ENDPOINT, device_type=0x0002, in_clusters=(ANALOG_INPUT,)),
        EndpointDecl(endpoint=5, device_type=0x0000, in_clusters=(MULTISTATE_INPUT,)),
    ),
)
