"""The Aqara smart wall switches T1 (QBKG17-20LM, QBKG33/34LM): one layout, each model its rockers.

Endpoint 1 hides 0xFCC0; each further relay serves Groups, Scenes and OnOff; every button
clicks from a hidden endpoint (41-43 one rocker, 51-53 two, 61 all three: Zigbee2MQTT's
buttonLookup). The heartbeat: relays from index 100, temperature, (with neutral) power,
energy, voltage and current, then outage counter and parent. What each model's facts are
and where they come from is in its own file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..behaviours import (
    ALL_GESTURES,
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
    PowerOutageMemory,
    PreventReset,
    Relays,
    chip_temperature,
    constant,
    metering,
    parent_nwk,
    power_on_count,
    relay,
)
from ..behaviours.heartbeat import HeartbeatEntry
from ..clusters import (
    ANALOG_INPUT,
    BASIC,
    DEVICE_TEMPERATURE,
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


def _endpoints(
    relays: Sequence[int], power_endpoint: int | None, buttons: Sequence[int]
) -> tuple[EndpointSpec, ...]:
    return (
        EndpointSpec(
            1,
            0x0100,
            (BASIC, DEVICE_TEMPERATURE, IDENTIFY, GROUPS, SCENES, ON_OFF),
            (TIME, OTA),
            hidden_clusters=(LUMI_CLUSTER,),
        ),
        *(
            EndpointSpec(ep, 0x0100, (GROUPS, SCENES, ON_OFF), hidden_clusters=(LUMI_CLUSTER,))
            for ep in relays
            if ep != 1
        ),
        *(
            ()
            if power_endpoint is None
            else (EndpointSpec(power_endpoint, 0x0100, (ANALOG_INPUT,)),)
        ),
        *(
            EndpointSpec(ep, 0x0000, declared=False, hidden_clusters=(MULTISTATE_INPUT,))
            for ep in buttons
        ),
    )


def _heartbeat(relays: Sequence[int], metered: bool) -> tuple[HeartbeatEntry, ...]:
    meters: tuple[HeartbeatEntry, ...] = (
        (152, DataType.FLOAT, metering.power_w),
        (149, DataType.FLOAT, metering.energy_kwh),
        (150, DataType.FLOAT, metering.decivolts),
        (151, DataType.FLOAT, metering.milliamperes),
    )
    return (
        *((99 + ep, DataType.BOOL, relay(ep)) for ep in relays),
        (3, DataType.INT8, chip_temperature),
        *(meters if metered else ()),
        (5, DataType.UINT16, power_on_count),
        (154, DataType.UINT8, constant(0)),
        (8, DataType.UINT16, constant(288)),
        (10, DataType.UINT16, parent_nwk),
        (11, DataType.UINT8, constant(0)),
    )


def t1_switch_twin(  # a layout has that many facts
    *,
    zigbee_model: str,
    z2m_model: str,
    relays: Mapping[int, str],
    buttons: Mapping[str, ButtonSpec],
    neutral: bool,
    power_endpoint: int | None = None,
    ota_image_type: int,
    firmware: int,
) -> Twin:
    """``relays``: endpoint → Zigbee2MQTT property; ``buttons``: name → where it clicks from.

    With ``neutral``: a router metering its load, power on AnalogInput ``power_endpoint``
    (none: the heartbeat's energy, voltage and current only, no power property).
    """
    single = len(buttons) == 1

    def behaviours() -> Sequence[Behaviour]:
        if power_endpoint is None:
            meter = Metering(exposes_mains=True, hidden=frozenset({"power"}))
        else:
            meter = Metering(power_endpoint=power_endpoint, exposes_mains=True)
        return [
            Relays(relays),
            Buttons(
                buttons,
                # A rocker's own number names it too
                aliases=None
                if single
                else {
                    str(spec.relay_endpoints[0]): name
                    for name, spec in buttons.items()
                    if len(spec.relay_endpoints) == 1
                },
                gestures=ALL_GESTURES,
                # What Zigbee2MQTT publishes (gesture, then the button of its buttonLookup)
                actions=("single", "double")
                if single
                else tuple(f"{kind}_{name}" for kind in ("single", "double") for name in buttons),
                decoupling=True,
                default_event_mode=0,
            ),
            ChipTemperature(),
            Groups(),
            Identify(),
            PowerOutageCounter(exposed=True),
            PowerOutageMemory(default=True),
            *([meter] if neutral else []),
            LumiSetting(
                "led_disabled_night",
                0x0203,
                DataType.BOOL,
                {True: True, False: False},
                default=False,
            ),
            LumiSetting(
                "flip_indicator_light", 0x00F0, DataType.UINT8, {"ON": 1, "OFF": 0}, default=0
            ),
            PreventReset(),
            Heartbeat(
                LUMI_CLUSTER,
                LUMI_HEARTBEAT,
                DataType.OCTET_STRING,
                _heartbeat(tuple(relays), metered=neutral),
            ),
            OtaUpdates(ota_image_type),
        ]

    return Twin(
        zigbee_models=(zigbee_model,),
        z2m_model=z2m_model,
        router=neutral,
        endpoints=_endpoints(
            tuple(relays),
            power_endpoint if neutral else None,
            tuple(spec.event_endpoint for spec in buttons.values() if spec.event_endpoint),
        ),
        app_version=firmware,
        sw_build_id=f"0.0.0_{firmware:04d}",
        file_version=firmware,
        behaviours=behaviours,
    )
