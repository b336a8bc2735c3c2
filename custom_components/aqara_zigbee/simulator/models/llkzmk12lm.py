"""LLKZMK12LM, Aqara dual relay module T2, ``lumi.switch.acn047``.

Router. Facts: the zha-device-handlers quirk (switch_acn047): manufacturer ``Aqara``;
endpoint 1 (device 0) in 0000, 0003, 0004, 0005, 0006, 0012, 0702, 0B04, FCC0, out 000A,
0019; endpoint 2 in 0003, 0004, 0005, 0006, 0012, FCC0; endpoint 21 in 000C; FCC0
0x000A switch type (1 toggle, 2 momentary, 3 none), 0x0517 power-on state (0 on,
1 previous, 2 off, 3 toggle), 0x0200 decoupled mode per relay, 0x02D0 interlock, 0x0289
work mode (0 power, 1 pulse, 3 dry), 0x00EB impulse length; a click is MultistateInput
presentValue 1 from the relay's endpoint. Zigbee2MQTT lumi.js: power as AnalogInput
presentValue, the heartbeat's energy in Wh. The Koenkk/zigbee-OTA index: image type
0x1910, build 35.

Inferred, not seen: the load is measured behind relay l1 only; the heartbeat layout
(relays at 100/101, as on the other Aqara two-relay modules); the Basic versions.
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
    PressKind,
    Relays,
    chip_temperature,
    constant,
    metering,
    power_on_count,
    relay,
)
from ..behaviours.interlock import Interlock
from ..behaviours.power_on_behavior import PowerOnBehavior
from ..behaviours.relay_work_mode import RelayWorkMode
from ..clusters import (
    ANALOG_INPUT,
    BASIC,
    ELECTRICAL_MEASUREMENT,
    GROUPS,
    IDENTIFY,
    LUMI_CLUSTER,
    LUMI_HEARTBEAT,
    METERING,
    MULTISTATE_INPUT,
    ON_OFF,
    OTA,
    SCENES,
    TIME,
)
from ..device import TwinDevice
from ..profile import EndpointSpec, Twin
from ..zcl import DataType


def _watt_hours(device: TwinDevice) -> object:
    """Index 149 of this model: energy in Wh."""
    return float(metering.energy_kwh(device)) * 1000.0  # type: ignore[arg-type]


TWIN = Twin(
    zigbee_models=("lumi.switch.acn047",),
    z2m_model="LLKZMK12LM",
    manufacturer="Aqara",
    endpoints=(
        EndpointSpec(
            1,
            0x0000,
            (
                BASIC,
                IDENTIFY,
                GROUPS,
                SCENES,
                ON_OFF,
                MULTISTATE_INPUT,
                METERING,
                ELECTRICAL_MEASUREMENT,
                LUMI_CLUSTER,
            ),
            (TIME, OTA),
        ),
        EndpointSpec(2, 0x0000, (IDENTIFY, GROUPS, SCENES, ON_OFF, MULTISTATE_INPUT, LUMI_CLUSTER)),
        EndpointSpec(21, 0x0000, (ANALOG_INPUT,)),
    ),
    app_version=35,
    date_code="01-05-2026",
    sw_build_id="0.0.0_0035",
    file_version=35,
    behaviours=lambda: [
        Relays({1: "state_l1", 2: "state_l2"}),
        Buttons(
            {"l1": ButtonSpec(1, (1,)), "l2": ButtonSpec(2, (2,))},
            aliases={"1": "l1", "left": "l1", "2": "l2", "right": "l2"},
            gestures=frozenset({PressKind.SINGLE}),
            actions=("single_l1", "single_l2"),
            decoupling=True,
        ),
        ChipTemperature(),
        Groups(),
        Identify(),
        PowerOutageCounter(exposed=False),
        PowerOnBehavior(opposite="toggle"),
        Metering(power_endpoint=21, exposes_mains=True),
        LumiSetting(
            "switch_type",
            0x000A,
            DataType.UINT8,
            {"toggle": 1, "momentary": 2, "none": 3},
            default=1,
        ),
        Interlock(),
        RelayWorkMode(),
        Heartbeat(
            LUMI_CLUSTER,
            LUMI_HEARTBEAT,
            DataType.OCTET_STRING,
            (
                (100, DataType.BOOL, relay(1)),
                (101, DataType.BOOL, relay(2)),
                (3, DataType.INT8, chip_temperature),
                (152, DataType.FLOAT, metering.power_w),
                (149, DataType.FLOAT, _watt_hours),
                (150, DataType.FLOAT, metering.decivolts),
                (151, DataType.FLOAT, metering.milliamperes),
                (5, DataType.UINT16, power_on_count),
                (154, DataType.UINT8, constant(0)),
                (11, DataType.UINT8, constant(0)),
            ),
        ),
        OtaUpdates(0x1910),
    ],
)
