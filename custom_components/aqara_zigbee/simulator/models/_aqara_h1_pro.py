"""Switches with neutral sharing the H1 Pro heartbeat (QBKG30-32LM, WS-EUK03/04, WS-USC03/04).

Facts from a real QBKG31LM (Koenkk/zigbee2mqtt#15800): the heartbeat layout (relays from
index 100, temperature, power, energy, voltage, current, outage counter...); Green Power on
242. The ZHA quirks' signatures split the family in two endpoint layouts: 0xFCC0 hidden with
Alarms, Metering and ElectricalMeasurement on endpoint 1 (the H1 Pro, WS-EUK03), or 0xFCC0 and
MultistateInput declared on each relay's endpoint (WS-EUK04, WS-USC03/04).

Inferred for the siblings: the H1 Pro's heartbeat layout; a press of several rockers drives
each of their relays; single and double clicks only (the library's actions); event mode off
until written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

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
    PowerOutageMemory,
    PressKind,
    PreventReset,
    Relays,
    chip_temperature,
    constant,
    metering,
    power_on_count,
    relay,
)
from ..behaviours.heartbeat import HeartbeatEntry
from ..clusters import (
    ALARMS,
    ANALOG_INPUT,
    BASIC,
    DEVICE_TEMPERATURE,
    ELECTRICAL_MEASUREMENT,
    GP_PROFILE,
    GREEN_POWER,
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

CLICKS = frozenset({PressKind.SINGLE, PressKind.DOUBLE})


def _endpoints(
    relays: Sequence[int],
    analog_inputs: Sequence[int],
    buttons: Sequence[int],
    *,
    declares_lumi_cluster: bool,
    hidden_clicks: bool,
) -> tuple[EndpointSpec, ...]:
    relay_clusters: tuple[int, ...] = (BASIC, IDENTIFY, GROUPS, SCENES, ON_OFF)
    if declares_lumi_cluster:
        relay_clusters += (MULTISTATE_INPUT, LUMI_CLUSTER)
        first_clusters = (BASIC, DEVICE_TEMPERATURE, *relay_clusters[1:])
    else:
        first_clusters = (
            BASIC,
            DEVICE_TEMPERATURE,
            *relay_clusters[1:],
            ALARMS,
            METERING,
            ELECTRICAL_MEASUREMENT,
        )
    hidden = () if declares_lumi_cluster else (LUMI_CLUSTER,)
    specs = [
        EndpointSpec(
            ep,
            0x0100,
            first_clusters if ep == 1 else relay_clusters,
            (TIME, OTA) if ep == 1 else (),
            hidden_clusters=hidden,
        )
        for ep in relays
    ]
    # Endpoints past the first (31 on the US models) are never heard from
    specs += [EndpointSpec(ep, 0x0100, (ANALOG_INPUT,)) for ep in analog_inputs]
    specs += [
        EndpointSpec(ep, 0x0000, declared=False, hidden_clusters=(MULTISTATE_INPUT,))
        if hidden_clicks
        else EndpointSpec(ep, 0x0100, (MULTISTATE_INPUT,))
        for ep in buttons
    ]
    specs.append(EndpointSpec(242, 0x0061, (), (GREEN_POWER,), profile=GP_PROFILE))
    return tuple(specs)


def _heartbeat(relays: Sequence[int]) -> tuple[HeartbeatEntry, ...]:
    return (
        *((99 + ep, DataType.BOOL, relay(ep)) for ep in relays),
        (3, DataType.INT8, chip_temperature),
        (152, DataType.FLOAT, metering.power_w),
        (149, DataType.FLOAT, metering.energy_kwh),
        (150, DataType.FLOAT, metering.decivolts),
        (151, DataType.FLOAT, metering.milliamperes),
        (5, DataType.UINT16, power_on_count),
        (154, DataType.UINT8, constant(0)),
        (9, DataType.UINT16, constant(0x1502)),
        (13, DataType.UINT32, constant(3891)),
        (14, DataType.UINT32, constant(0)),
        (10, DataType.UINT16, constant(0)),
        (12, DataType.UINT8, constant(1)),
        (17, DataType.UINT32, constant(1)),
    )


def _analog_input_meter(relays: tuple[int, ...]) -> Metering:
    return Metering(
        power_endpoint=21, exposes_mains=True, exposes_current=False, load_relays=relays
    )


def h1_pro_twin(  # a layout has that many facts
    *,
    zigbee_model: str,
    z2m_model: str,
    relays: Mapping[int, str],
    buttons: Mapping[str, ButtonSpec],
    meter: Callable[[], Metering] | None = None,
    analog_inputs: Sequence[int],
    declares_lumi_cluster: bool,
    hidden_clicks: bool = False,
    actions_by_kind: bool = True,
    led_disabled_night: bool = True,
    ota_image_type: int,
    firmware: int,
    date_code: str,
) -> Twin:
    """``relays``: endpoint → Zigbee2MQTT property; ``buttons``: name → where it clicks from.

    ``meter`` builds the model's Metering (else power on AnalogInput 21, metering every
    relay's circuit); ``analog_inputs``: its AnalogInput endpoints;
    ``actions_by_kind``: every single click listed before the double ones (else button by
    button), as each model's action list was written.
    """
    single = len(buttons) == 1
    if single:
        actions: tuple[str, ...] = ("single", "double")
    elif actions_by_kind:
        actions = tuple(f"{kind}_{name}" for kind in ("single", "double") for name in buttons)
    else:
        actions = tuple(f"{kind}_{name}" for name in buttons for kind in ("single", "double"))

    def behaviours() -> Sequence[Behaviour]:
        return [
            Relays(relays),
            Buttons(
                buttons,
                aliases=None if single else {},
                gestures=CLICKS,
                actions=actions,
                decoupling=True,
                default_event_mode=0,
            ),
            ChipTemperature(),
            Groups(),
            Identify(),
            PowerOutageCounter(exposed=True),
            PowerOutageMemory(default=True),
            meter() if meter else _analog_input_meter(tuple(relays)),
            LumiSetting(
                "flip_indicator_light", 0x00F0, DataType.UINT8, {"ON": 1, "OFF": 0}, default=0
            ),
            *(
                [
                    LumiSetting(
                        "led_disabled_night",
                        0x0203,
                        DataType.BOOL,
                        {True: True, False: False},
                        default=False,
                    )
                ]
                if led_disabled_night
                else []
            ),
            PreventReset(),
            Heartbeat(
                LUMI_CLUSTER, LUMI_HEARTBEAT, DataType.OCTET_STRING, _heartbeat(tuple(relays))
            ),
            OtaUpdates(ota_image_type),
        ]

    return Twin(
        zigbee_models=(zigbee_model,),
        z2m_model=z2m_model,
        router=True,  # with neutral
        endpoints=_endpoints(
            tuple(relays),
            analog_inputs,
            tuple(spec.event_endpoint for spec in buttons.values() if spec.event_endpoint),
            declares_lumi_cluster=declares_lumi_cluster,
            hidden_clicks=hidden_clicks,
        ),
        app_version=firmware,
        date_code=date_code,
        sw_build_id=f"0.0.0_{firmware:04d}",
        file_version=firmware,
        behaviours=behaviours,
    )
