"""The H1-generation switches without neutral (WS-EUK01/02, QBKG27LM-29LM): end devices.

Facts: the ZHA quirk's signatures of ``lumi.switch.l1aeu1`` (endpoint 1 without 0xFCC0
declared, clicks from hidden endpoint 41, Green Power on 242) and ``lumi.switch.l2aeu1``
(endpoints 1, 2, 41, 42, 51, 242; 0xFCC0 and MultistateInput declared on each relay's
endpoint); zha-device-handlers#2270: end devices; Zigbee2MQTT's library (exposes,
mode_switch in heartbeat index 4, relays in 100 onwards).

Inferred from WS-USC01/02 (the same no-neutral generation): the rest of the heartbeat
layout; a press of several rockers drives each of their relays; event mode off until
written. Single and double clicks only (the library's actions). Basic versions unknown:
the defaults. No OTA image in the Koenkk/zigbee-OTA index: no OTA client.
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
    PowerOutageCounter,
    PowerOutageMemory,
    PressKind,
    PreventReset,
    Relays,
    chip_temperature,
    constant,
    parent_nwk,
    power_on_count,
    relay,
    setting,
)
from ..behaviours.heartbeat import HeartbeatEntry
from ..clusters import (
    ALARMS,
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

CLICKS = frozenset({PressKind.SINGLE, PressKind.DOUBLE})


def _endpoints(relays: Sequence[int], buttons: Sequence[int]) -> tuple[EndpointSpec, ...]:
    specs: list[EndpointSpec]
    if len(relays) == 1:
        # The single rocker hides 0xFCC0 and its click endpoint
        specs = [
            EndpointSpec(
                1,
                0x0100,
                (BASIC, DEVICE_TEMPERATURE, IDENTIFY, GROUPS, SCENES, ON_OFF, ALARMS),
                (TIME, OTA),
                hidden_clusters=(LUMI_CLUSTER,),
            ),
            *(
                EndpointSpec(ep, 0x0000, declared=False, hidden_clusters=(MULTISTATE_INPUT,))
                for ep in buttons
            ),
        ]
    else:
        relay_clusters = (BASIC, IDENTIFY, GROUPS, SCENES, ON_OFF, MULTISTATE_INPUT, LUMI_CLUSTER)
        specs = [
            EndpointSpec(
                ep,
                0x0100,
                (BASIC, DEVICE_TEMPERATURE, *relay_clusters[1:]) if ep == 1 else relay_clusters,
                (TIME, OTA) if ep == 1 else (),
            )
            for ep in relays
        ]
        specs += [EndpointSpec(ep, 0x0100, (MULTISTATE_INPUT,)) for ep in buttons]
    specs.append(EndpointSpec(242, 0x0061, (), (GREEN_POWER,), profile=GP_PROFILE))
    return tuple(specs)


def _heartbeat(relays: Sequence[int]) -> tuple[HeartbeatEntry, ...]:
    return (
        *((99 + ep, DataType.BOOL, relay(ep)) for ep in relays),
        (3, DataType.INT8, chip_temperature),
        (4, DataType.UINT16, setting("mode_switch")),
        (5, DataType.UINT16, power_on_count),
        (154, DataType.UINT8, constant(0)),
        (8, DataType.UINT16, constant(288)),
        (10, DataType.UINT16, parent_nwk),
        (11, DataType.UINT8, constant(0)),
    )


def h1_no_neutral_twin(
    *,
    zigbee_model: str,
    z2m_model: str,
    relays: Mapping[int, str],
    buttons: Mapping[str, ButtonSpec],
    exposes_outage_count: bool,
) -> Twin:
    """``relays``: endpoint → Zigbee2MQTT property; ``buttons``: name → where it clicks from."""
    single = len(buttons) == 1

    def behaviours() -> Sequence[Behaviour]:
        return [
            Relays(relays),
            Buttons(
                buttons,
                aliases=None if single else {},
                gestures=CLICKS,
                actions=tuple(
                    kind if single else f"{kind}_{name}"
                    for name in buttons
                    for kind in ("single", "double")
                ),
                decoupling=True,
                default_event_mode=0,
            ),
            ChipTemperature(),
            Groups(),
            Identify(),
            PowerOutageCounter(exposed=exposes_outage_count),
            PowerOutageMemory(default=True),
            LumiSetting(
                "mode_switch",
                0x0004,
                DataType.UINT16,
                {"anti_flicker_mode": 4, "quick_mode": 1},
                default=4,
            ),
            LumiSetting(
                "flip_indicator_light", 0x00F0, DataType.UINT8, {"ON": 1, "OFF": 0}, default=0
            ),
            LumiSetting(
                "led_disabled_night",
                0x0203,
                DataType.BOOL,
                {True: True, False: False},
                default=False,
            ),
            PreventReset(),
            Heartbeat(
                LUMI_CLUSTER, LUMI_HEARTBEAT, DataType.OCTET_STRING, _heartbeat(tuple(relays))
            ),
        ]

    return Twin(
        zigbee_models=(zigbee_model,),
        z2m_model=z2m_model,
        router=False,  # no neutral: an end device
        endpoints=_endpoints(
            tuple(relays),
            tuple(spec.event_endpoint for spec in buttons.values() if spec.event_endpoint),
        ),
        behaviours=behaviours,
    )
