"""The Aqara Z1 wall switches (lumi.switch.acn048/049/054/055) and Z1 Pro (acn056-059).

Facts: a lumi.switch.acn057 (Z1 Pro, same hardware line) interview in
zigbee-herdsman-converters#10288: endpoint 1 serves Basic, Identify, Groups, Scenes, OnOff,
MultistateInput, Metering, ElectricalMeasurement and 0xFCC0 (Time and OTA out), every other
rocker OnOff and MultistateInput, endpoints 3-4 0xFCC0, endpoint 21 AnalogInput (power).
Clicks arrive as MultistateInput presentValue from the rocker's own endpoint (hold 0,
single 1, double 2, release 255); a button without relay uses endpoint 4. The heartbeat
layout is inferred from the H1 with neutral (lumi.switch.n2acn1, zigbee2mqtt#15800), and
the shipped firmware 0.0.0_0031 from the Z1's OTA listing (zigbee-OTA#433). The Pro adds a
touch slider reporting on 0xFCC0 of endpoint 1 (see behaviours/slider.py) and mode_switch.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..behaviours import (
    Behaviour,
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
    PreventReset,
    Relays,
    chip_temperature,
    constant,
    metering,
    parent_nwk,
    power_on_count,
    relay,
)
from ..behaviours.power_on_behavior import PowerOnBehavior
from ..behaviours.slider import SliderButtons
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
from ..profile import EndpointSpec, Twin
from ..zcl import DataType

OTA_IMAGE_TYPE = 0x1918
FIRMWARE = 31
PRO_FIRMWARE = 40
LOCK_RELAY = 0x0285
LED_DISABLED_NIGHT = 0x0203
CLICK_MODE = 0x0286
MODE_SWITCH = 0x0004
MULTI_ROCKER_GESTURES = frozenset(
    {PressKind.HOLD, PressKind.SINGLE, PressKind.DOUBLE, PressKind.RELEASE}
)


def _endpoints(rockers: Mapping[int, str], wireless: int | None) -> tuple[EndpointSpec, ...]:
    specs = [
        EndpointSpec(
            1,
            0x0100,
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
        )
    ]
    specs += [
        EndpointSpec(ep, 0x0100, (MULTISTATE_INPUT, SCENES, GROUPS, ON_OFF, LUMI_CLUSTER))
        for ep in rockers
        if ep != 1
    ]
    specs += [
        EndpointSpec(
            ep, 0x0100, (MULTISTATE_INPUT, LUMI_CLUSTER) if ep == wireless else (LUMI_CLUSTER,)
        )
        for ep in range(len(rockers) + 1, 5)
    ]
    specs.append(EndpointSpec(21, 0x0000, (ANALOG_INPUT,)))
    return tuple(specs)


def _buttons(rockers: Mapping[int, str], wireless: int | None, pro: bool) -> Buttons:
    kind = SliderButtons if pro else Buttons
    if len(rockers) == 1:
        # The single rocker's page lists single clicks only
        return kind(
            {"main": ButtonSpec(1, (1,))},
            gestures=frozenset({PressKind.SINGLE}),
            actions=("single",),
            decoupling=True,
        )
    specs = {name: ButtonSpec(ep, (ep,)) for ep, name in rockers.items()}
    if wireless is not None:
        specs["wireless"] = ButtonSpec(wireless, ())
    return kind(
        specs,
        aliases={},
        gestures=MULTI_ROCKER_GESTURES,
        actions=tuple(
            f"{kind}_{button}"
            for kind in ("hold", "single", "double", "release")
            for button in specs
        ),
        decoupling=True,
    )


def _behaviours(rockers: Mapping[int, str], wireless: int | None, pro: bool) -> Sequence[Behaviour]:
    single = len(rockers) == 1
    relay_names = {ep: "state" if single else f"state_{name}" for ep, name in rockers.items()}
    return [
        Relays(relay_names),
        _buttons(rockers, wireless, pro),
        ChipTemperature(),
        Groups(),
        Identify(),
        PowerOutageCounter(exposed=True),
        PowerOnBehavior(),
        *(
            LumiSetting(
                "lock_relay" if single else f"lock_relay_{name}",
                LOCK_RELAY,
                DataType.UINT8,
                {True: 1, False: 0},
                default=0,
                endpoint=ep,
            )
            for ep, name in rockers.items()
        ),
        Metering(power_endpoint=21, exposes_mains=True),
        LumiSetting(
            "led_disabled_night",
            LED_DISABLED_NIGHT,
            DataType.BOOL,
            {True: True, False: False},
            default=False,
        ),
        LumiSetting("click_mode", CLICK_MODE, DataType.UINT8, {"fast": 1, "multi": 2}, default=2),
        *(
            [
                LumiSetting(
                    "mode_switch",
                    MODE_SWITCH,
                    DataType.UINT16,
                    {"quick_mode": 1, "anti_flicker_mode": 4},
                    default=4,
                )
            ]
            if pro
            else []
        ),
        PreventReset(),
        Heartbeat(
            LUMI_CLUSTER,
            LUMI_HEARTBEAT,
            DataType.OCTET_STRING,
            (
                *((99 + ep, DataType.BOOL, relay(ep)) for ep in rockers),
                (3, DataType.INT8, chip_temperature),
                (152, DataType.FLOAT, metering.power_w),
                (149, DataType.FLOAT, metering.energy_kwh),
                (150, DataType.FLOAT, metering.decivolts),
                (151, DataType.FLOAT, metering.milliamperes),
                (5, DataType.UINT16, power_on_count),
                (154, DataType.UINT8, constant(0)),
                (9, DataType.UINT16, constant(0x1502)),
                (10, DataType.UINT16, parent_nwk),
                (12, DataType.UINT8, constant(1)),
            ),
        ),
        OtaUpdates(OTA_IMAGE_TYPE),
    ]


def z1_twin(
    zigbee_model: str,
    z2m_model: str,
    rockers: Mapping[int, str],
    wireless: int | None = None,
    *,
    pro: bool = False,
) -> Twin:
    """A Z1 unit: ``rockers`` relay endpoint → rocker name, ``wireless`` a relay-less button;
    ``pro``: a Z1 Pro (slider on endpoint 1, mode switch, firmware 0.0.0_0040)."""
    firmware = PRO_FIRMWARE if pro else FIRMWARE
    return Twin(
        zigbee_models=(zigbee_model,),
        z2m_model=z2m_model,
        endpoints=_endpoints(rockers, wireless),
        app_version=firmware,
        date_code="20231102",
        sw_build_id=f"0.0.0_00{firmware}",
        file_version=firmware,
        behaviours=lambda: _behaviours(rockers, wireless, pro),
    )
