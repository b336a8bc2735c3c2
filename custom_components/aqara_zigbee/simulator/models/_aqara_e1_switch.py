"""The Aqara smart wall switches E1: without neutral (QBKG38/39LM) and with (QBKG40/41LM).

Endpoint 1 hides 0xFCC0 and serves Alarms; a second relay serves Groups, Scenes and
OnOff; every rocker clicks from a hidden endpoint (41, 42, both from 51). The 0xFCC0
heartbeat: temperature, relays from index 100, (without neutral) the mode switch, outage
counter, parent. Without neutral: an end device whose event mode is off until written.
What each model's facts are and where they come from is in its own file.
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
    OtaUpdates,
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


def _heartbeat(
    relays: Sequence[int], neutral: bool, index_9: int | None
) -> tuple[HeartbeatEntry, ...]:
    return (
        (3, DataType.INT8, chip_temperature),
        *((99 + ep, DataType.BOOL, relay(ep)) for ep in relays),
        *(() if neutral else ((4, DataType.UINT16, setting("mode_switch")),)),
        (5, DataType.UINT16, power_on_count),
        (8, DataType.UINT16, constant(276)),
        *(() if index_9 is None else ((9, DataType.UINT16, constant(index_9)),)),
        (154, DataType.UINT8, constant(0)),
        (10, DataType.UINT16, parent_nwk),
        (11, DataType.UINT8, constant(0)),
    )


def e1_switch_twin(  # a layout has that many facts
    *,
    zigbee_model: str,
    z2m_model: str,
    seed: int | None = None,
    neutral: bool,
    relays: Mapping[int, str],
    buttons: Mapping[str, ButtonSpec],
    aliases: Mapping[str, str] | None = None,
    gestures: frozenset[PressKind],
    first_endpoint_hides_multistate: bool = True,
    second_relay_clusters: tuple[int, ...] = (GROUPS, SCENES, ON_OFF),
    heartbeat_index_9: int | None = None,
    ota_image_type: int,
    firmware: int,
    date_code: str,
) -> Twin:
    """``relays``: endpoint → Zigbee2MQTT property; ``buttons``: name → where it clicks from.

    ``aliases``: other names of the buttons (None: the single rocker's defaults).
    """
    single = len(buttons) == 1

    def behaviours() -> Sequence[Behaviour]:
        return [
            Relays(relays),
            Buttons(
                buttons,
                aliases=aliases,
                gestures=gestures,
                # Zigbee2MQTT's action strings: the gesture, then the rocker
                actions=("single", "double")
                if single
                else tuple(f"{kind}_{name}" for name in buttons for kind in ("single", "double")),
                decoupling=True,
                default_event_mode=1 if neutral else 0,
            ),
            ChipTemperature(),
            Groups(),
            Identify(),
            PowerOutageCounter(exposed=False),
            PowerOutageMemory(default=True),
            *(
                []
                if neutral
                else [
                    LumiSetting(
                        "mode_switch",
                        0x0004,
                        DataType.UINT16,
                        {"anti_flicker_mode": 4, "quick_mode": 1},
                        default=4,
                    )
                ]
            ),
            LumiSetting(
                "flip_indicator_light", 0x00F0, DataType.UINT8, {"ON": 1, "OFF": 0}, default=0
            ),
            PreventReset(),
            Heartbeat(
                LUMI_CLUSTER,
                LUMI_HEARTBEAT,
                DataType.OCTET_STRING,
                _heartbeat(tuple(relays), neutral, heartbeat_index_9),
            ),
            OtaUpdates(ota_image_type),
        ]

    return Twin(
        zigbee_models=(zigbee_model,),
        z2m_model=z2m_model,
        seed=seed,
        router=neutral,
        endpoints=(
            EndpointSpec(
                1,
                0x0100,
                (BASIC, DEVICE_TEMPERATURE, IDENTIFY, GROUPS, SCENES, ON_OFF, ALARMS),
                (TIME, OTA),
                hidden_clusters=(LUMI_CLUSTER, MULTISTATE_INPUT)
                if first_endpoint_hides_multistate
                else (LUMI_CLUSTER,),
            ),
            *(
                EndpointSpec(ep, 0x0100, second_relay_clusters, hidden_clusters=(LUMI_CLUSTER,))
                for ep in relays
                if ep != 1
            ),
            *(
                EndpointSpec(
                    spec.event_endpoint, 0x0000, declared=False, hidden_clusters=(MULTISTATE_INPUT,)
                )
                for spec in buttons.values()
                if spec.event_endpoint
            ),
        ),
        app_version=firmware,
        date_code=date_code,
        sw_build_id=f"0.0.0_{firmware:04d}",
        file_version=firmware,
        behaviours=behaviours,
    )
