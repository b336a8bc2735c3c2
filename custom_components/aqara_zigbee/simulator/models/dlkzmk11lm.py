"""DLKZMK11LM, Aqara single switch module T1 with neutral (CN), ``lumi.switch.n0acn2``.

Router. The CN edition of SSM-U01: zha-device-handlers' switch_t1 quirk matches both
models with one signature, so the layout below is SSM-U01's. Its own facts: Zigbee2MQTT
lumi.js (power readable, led_disabled_night, no power_outage_count, the event-mode write
at configure) and the Koenkk/zigbee-OTA index (image type 0x0581). SSM-U01's facts:

* A public interview (Koenkk/zigbee2mqtt#22491): endpoints 1, 21, 31, 41, 242; endpoint 1
  in 0000, 0002, 0003, 0004, 0005, 0009, 000A, FCC0 (OnOff served, undeclared), out 0019;
  Basic application version 21, date code ``Aug  8 2020``, power source 0; the heartbeat
  ``100, 3, 152, 149, 150, 151, 5, 154, 11, 8, 9`` with its types; FCC0 0x000A (switch
  type) 1 and 0x0201 (power outage memory) 1.
* zha-device-handlers' switch_t1 quirk: AnalogInput on 21 (power, W) and 31,
  MultistateInput on 41, Green Power on 242.
* Zigbee2MQTT lumi.js: power from AnalogInput presentValue; energy, voltage and current
  from the heartbeat; Metering/ElectricalMeasurement ignored (unreliable).

Inferred, not seen: endpoint 31's AnalogInput carries nothing the hub uses; the wired
switch toggles the relay and sends no click the hub sees.
"""

from __future__ import annotations

from ..behaviours import (
    Buttons,
    ButtonSpec,
    ChipTemperature,
    Groups,
    Heartbeat,
    Identify,
    LumiSetting,
    Metering,
    OtaUpdates,
    PowerOutageCounter,
    PowerOutageMemory,
    Relays,
    chip_temperature,
    constant,
    metering,
    power_on_count,
    relay,
)
from ..clusters import (
    ALARMS,
    ANALOG_INPUT,
    BASIC,
    DEVICE_TEMPERATURE,
    GP_PROFILE,
    GREEN_POWER,
    GROUPS,
    IDENTIFY,
    LUMI_CLUSTER,
    LUMI_HEARTBEAT,
    MULTISTATE_INPUT,
    ON_OFF,
    OTA,
    SCENES,
    TIME,
)
from ..profile import EndpointSpec, Twin
from ..zcl import DataType

TWIN = Twin(
    zigbee_models=("lumi.switch.n0acn2",),
    z2m_model="DLKZMK11LM",
    endpoints=(
        EndpointSpec(
            1,
            0x0100,
            (BASIC, DEVICE_TEMPERATURE, IDENTIFY, GROUPS, SCENES, ALARMS, TIME, LUMI_CLUSTER),
            (OTA,),
            hidden_clusters=(ON_OFF,),
        ),
        EndpointSpec(21, 0x0100, (ANALOG_INPUT,)),
        EndpointSpec(31, 0x0100, (ANALOG_INPUT,)),
        EndpointSpec(41, 0x0100, (MULTISTATE_INPUT,)),
        EndpointSpec(242, 0x0061, (), (GREEN_POWER,), profile=GP_PROFILE),
    ),
    app_version=21,
    stack_version=0,
    date_code="Aug  8 2020",
    power_source=0x00,
    file_version=21,
    behaviours=lambda: [
        Relays({1: "state"}),
        Buttons({"main": ButtonSpec(None, (1,))}),
        ChipTemperature(),
        Groups(),
        Identify(),
        PowerOutageCounter(exposed=False),
        PowerOutageMemory(default=True),
        Metering(power_endpoint=21, exposes_mains=True),
        LumiSetting(
            "led_disabled_night", 0x0203, DataType.BOOL, {True: True, False: False}, default=False
        ),
        LumiSetting(
            "switch_type", 0x000A, DataType.UINT8, {"toggle": 1, "momentary": 2}, default=1
        ),
        Heartbeat(
            LUMI_CLUSTER,
            LUMI_HEARTBEAT,
            DataType.OCTET_STRING,
            (
                (100, DataType.BOOL, relay(1)),
                (3, DataType.INT8, chip_temperature),
                (152, DataType.FLOAT, metering.power_w),
                (149, DataType.FLOAT, metering.energy_kwh),
                (150, DataType.FLOAT, metering.decivolts),
                (151, DataType.FLOAT, metering.milliamperes),
                (5, DataType.UINT16, power_on_count),
                (154, DataType.UINT8, constant(0)),
                (11, DataType.UINT8, constant(0)),
                (8, DataType.UINT16, constant(277)),
                (9, DataType.UINT16, constant(4096)),
            ),
        ),
        OtaUpdates(0x0581),
    ],
)
