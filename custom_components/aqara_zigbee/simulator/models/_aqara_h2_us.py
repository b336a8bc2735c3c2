"""The Aqara Light Switch H2 US (lumi.switch.agl004/005/006): the family's firmware.

Zigbee2MQTT names endpoints 1-3 as relays and 4 as a relay-less "wireless" rocker
(zigbee-herdsman-converters#9150 corrected agl004 to two endpoints, 1 and 4). No public
interview: the clusters (OnOff, MultistateInput and 0xFCC0 per endpoint, AnalogInput
power on 21), the heartbeat and the shipped firmware are inferred from the Z1 family
(lumi.switch.acn057, zigbee-herdsman-converters#10288). Clicks (hold 0, single 1,
double 2, release 255) come from each button's endpoint.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

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
from ..clusters import (
    ANALOG_INPUT,
    BASIC,
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

OTA_IMAGE_TYPE = 0x1920
FIRMWARE = 20
GESTURES = frozenset({PressKind.HOLD, PressKind.SINGLE, PressKind.DOUBLE, PressKind.RELEASE})
_BOOL: Mapping[Any, int] = {True: 1, False: 0}


def lock_settings(
    locks: Mapping[int, str], *, prefix: str = "lock_relay", values: Mapping[Any, int] = _BOOL
) -> list[LumiSetting]:
    """0xFCC0 0x0285 per endpoint (``lock_relay_top``; an outlet's ``child_lock_1``)."""
    return [
        LumiSetting(f"{prefix}_{name}", 0x0285, DataType.UINT8, values, default=0, endpoint=ep)
        for ep, name in locks.items()
    ]


def click_mode_settings(buttons: Mapping[int, str]) -> list[LumiSetting]:
    """0xFCC0 0x0286 per button endpoint: multi-click (2, the default) or single (1)."""
    return [
        LumiSetting(
            f"multi_click_{name}",
            0x0286,
            DataType.UINT8,
            {True: 2, False: 1},
            default=2,
            endpoint=ep,
        )
        for ep, name in buttons.items()
    ]


def _endpoints(relays: Mapping[int, str], wireless: int | None) -> tuple[EndpointSpec, ...]:
    specs = [
        EndpointSpec(
            1,
            0x0100,
            (BASIC, IDENTIFY, GROUPS, SCENES, ON_OFF, MULTISTATE_INPUT, LUMI_CLUSTER),
            (TIME, OTA),
        )
    ]
    specs += [
        EndpointSpec(ep, 0x0100, (MULTISTATE_INPUT, SCENES, GROUPS, ON_OFF, LUMI_CLUSTER))
        for ep in relays
        if ep != 1
    ]
    if wireless is not None:
        specs.append(EndpointSpec(wireless, 0x0000, (MULTISTATE_INPUT, LUMI_CLUSTER)))
    specs.append(EndpointSpec(21, 0x0000, (ANALOG_INPUT,)))
    return tuple(specs)


def _behaviours(relays: Mapping[int, str], wireless: int | None) -> Sequence[Behaviour]:
    buttons = {name: ButtonSpec(ep, (ep,)) for ep, name in relays.items()}
    if wireless is not None:
        buttons["wireless"] = ButtonSpec(wireless, ())
    return [
        Relays({ep: f"state_{name}" for ep, name in relays.items()}),
        Buttons(
            buttons,
            aliases={},
            gestures=GESTURES,
            actions=tuple(
                f"{kind}_{name}"
                for kind in ("hold", "single", "double", "release")
                for name in buttons
            ),
            decoupling=True,
        ),
        ChipTemperature(),
        Groups(),
        Identify(),
        PowerOutageCounter(exposed=True),
        PowerOnBehavior(),
        *lock_settings(relays),
        *click_mode_settings({} if wireless is None else {wireless: "wireless"}),
        Metering(power_endpoint=21, exposes_energy=False),
        LumiSetting(
            "led_disabled_night", 0x0203, DataType.BOOL, {True: True, False: False}, default=False
        ),
        LumiSetting("flip_indicator_light", 0x00F0, DataType.UINT8, {"ON": 1, "OFF": 0}, default=0),
        LumiSetting(
            "mode_switch",
            0x0004,
            DataType.UINT16,
            {"quick_mode": 1, "anti_flicker_mode": 4},
            default=4,
        ),
        PreventReset(),
        Heartbeat(
            LUMI_CLUSTER,
            LUMI_HEARTBEAT,
            DataType.OCTET_STRING,
            (
                *((99 + ep, DataType.BOOL, relay(ep)) for ep in relays),
                (3, DataType.INT8, chip_temperature),
                (152, DataType.FLOAT, metering.power_w),
                (5, DataType.UINT16, power_on_count),
                (154, DataType.UINT8, constant(0)),
                (10, DataType.UINT16, parent_nwk),
                (12, DataType.UINT8, constant(1)),
            ),
        ),
        OtaUpdates(OTA_IMAGE_TYPE),
    ]


def h2_us_twin(
    zigbee_model: str, z2m_model: str, relays: Mapping[int, str], wireless: int | None = None
) -> Twin:
    """An H2 US unit: ``relays`` endpoint → rocker name, ``wireless`` a relay-less rocker."""
    return Twin(
        zigbee_models=(zigbee_model,),
        z2m_model=z2m_model,
        endpoints=_endpoints(relays, wireless),
        app_version=FIRMWARE,
        date_code="20240520",
        sw_build_id=f"0.0.0_00{FIRMWARE}",
        file_version=FIRMWARE,
        behaviours=lambda: _behaviours(relays, wireless),
    )
