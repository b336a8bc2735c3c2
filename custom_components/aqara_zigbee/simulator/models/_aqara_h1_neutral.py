"""The H1-generation switches with neutral (H1M lumi.switch.acn029-031, E1 acn040).

Facts from an H1 with neutral interview (lumi.switch.n2acn1, zigbee2mqtt#15800): relays
on endpoints 1-3; endpoint 1 serves Basic, DeviceTemperature, Identify, Groups, Scenes,
OnOff, Alarms and, metered, Metering and ElectricalMeasurement (0xFCC0 hidden); power as
AnalogInput on 21; Green Power on 242. Buttons click from hidden endpoints 41-43, rockers
pressed together from 51-53 and all three from 61 (Zigbee2MQTT's button lookup of these
models). Its heartbeat: relays 100-102, temperature 3, power/energy/voltage/current
152/149/150/151, boots 5, parent 10. The H1M and E1 are inferred to follow it.
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
    PowerOutageMemory,
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

GESTURES = frozenset({PressKind.SINGLE, PressKind.DOUBLE, PressKind.HOLD, PressKind.RELEASE})


def _endpoints(
    relays: Sequence[int], buttons: Sequence[int], metered: bool
) -> tuple[EndpointSpec, ...]:
    first_clusters: tuple[int, ...] = (
        BASIC,
        DEVICE_TEMPERATURE,
        IDENTIFY,
        GROUPS,
        SCENES,
        ON_OFF,
        ALARMS,
    )
    if metered:
        first_clusters += (METERING, ELECTRICAL_MEASUREMENT)
    specs = [EndpointSpec(1, 0x0100, first_clusters, (TIME, OTA), hidden_clusters=(LUMI_CLUSTER,))]
    # Each relay's operation mode lives in 0xFCC0 of its own endpoint
    specs += [
        EndpointSpec(ep, 0x0100, (GROUPS, SCENES, ON_OFF), hidden_clusters=(LUMI_CLUSTER,))
        for ep in relays
        if ep != 1
    ]
    if metered:
        specs.append(EndpointSpec(21, 0x0000, (ANALOG_INPUT,)))
    specs += [
        EndpointSpec(ep, 0x0000, declared=False, hidden_clusters=(MULTISTATE_INPUT,))
        for ep in buttons
    ]
    specs.append(EndpointSpec(242, 0x0061, (), (GREEN_POWER,), profile=GP_PROFILE))
    return tuple(specs)


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
        (9, DataType.UINT16, constant(0x1502)),
        (10, DataType.UINT16, parent_nwk),
        (12, DataType.UINT8, constant(1)),
    )


def h1_neutral_twin(  # a layout has that many facts
    *,
    zigbee_model: str,
    z2m_model: str,
    relays: Mapping[int, str],
    buttons: Mapping[str, ButtonSpec],
    metered: bool,
    led_disabled_night: bool,
    ota_image_type: int,
    firmware: int,
) -> Twin:
    """``relays``: endpoint → Zigbee2MQTT property; ``buttons``: name → where it clicks from."""
    single = len(buttons) == 1

    def behaviours() -> Sequence[Behaviour]:
        return [
            Relays(relays),
            Buttons(
                buttons,
                aliases=None if single else {},
                gestures=GESTURES,
                # The page lists single and double clicks, button by button
                actions=tuple(
                    kind if single else f"{kind}_{name}"
                    for name in buttons
                    for kind in ("single", "double")
                ),
                decoupling=True,
            ),
            ChipTemperature(),
            Groups(),
            Identify(),
            PowerOutageCounter(exposed=False),
            PowerOutageMemory(default=True),
            *(
                [Metering(power_endpoint=21, exposes_mains=True, exposes_current=False)]
                if metered
                else []
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
            LumiSetting(
                "flip_indicator_light", 0x00F0, DataType.UINT8, {"ON": 1, "OFF": 0}, default=0
            ),
            PreventReset(),
            Heartbeat(
                LUMI_CLUSTER,
                LUMI_HEARTBEAT,
                DataType.OCTET_STRING,
                _heartbeat(tuple(relays), metered),
            ),
            OtaUpdates(ota_image_type),
        ]

    return Twin(
        zigbee_models=(zigbee_model,),
        z2m_model=z2m_model,
        endpoints=_endpoints(
            tuple(relays),
            tuple(spec.event_endpoint for spec in buttons.values() if spec.event_endpoint),
            metered,
        ),
        app_version=firmware,
        date_code="20220902",
        sw_build_id=f"0.0.0_{firmware:04d}",
        file_version=firmware,
        behaviours=behaviours,
    )
