"""The no-neutral switches clicking through OnOff (QBKG03/04LM ``ctrl_neutral``, D1 QBKG21/22LM).

End devices: endpoint 1 serves Basic, Identify, PowerConfiguration, DeviceTemperature, OTA
and Time; relays on endpoints 2 and 3 (BinaryOutput, OnOff, Groups, Scenes); the rockers
click from endpoints 4 (left), 5 (right) and 6 (both), as OnOff and MultistateInput; the
rockers' modes in Basic 0xFF22/0xFF23; the heartbeat in Basic 0xFF01. The D1 generation
(``lumi.switch.b*lacn02``) adds Basic versions and more heartbeat indexes, and has no OTA
client. What each model's facts are and where they come from is in its own file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..behaviours import (
    Behaviour,
    ButtonSpec,
    ChipTemperature,
    Groups,
    Heartbeat,
    Identify,
    OtaUpdates,
    PowerOutageCounter,
    PreventReset,
    Relays,
    chip_temperature,
    constant,
    parent_nwk,
    power_on_count,
    relay,
)
from ..behaviours.basic_operation_mode import (
    CONTROL_LEFT_RELAY,
    CONTROL_RIGHT_RELAY,
    DECOUPLED,
    LEFT_ROCKER,
    RIGHT_ROCKER,
    BasicOperationMode,
)
from ..behaviours.heartbeat import HeartbeatEntry
from ..behaviours.onoff_clicks import OnOffClicks
from ..clusters import (
    BASIC,
    BINARY_OUTPUT,
    DEVICE_TEMPERATURE,
    GROUPS,
    IDENTIFY,
    MULTISTATE_INPUT,
    ON_OFF,
    OTA,
    POWER_CONFIGURATION,
    SCENES,
    TIME,
)
from ..profile import EndpointSpec, Twin
from ..zcl import DataType

#: every gesture Zigbee2MQTT's converter publishes, in its order
KINDS = ("release", "hold", "double", "single", "hold_release")


def _operation_modes(relays: Sequence[int]) -> BasicOperationMode:
    if len(relays) == 1:
        return BasicOperationMode(
            {
                LEFT_ROCKER: (
                    "operation_mode",
                    relays[0],
                    {"control_relay": CONTROL_LEFT_RELAY, "decoupled": DECOUPLED},
                )
            }
        )
    left, right = relays
    return BasicOperationMode(
        {
            LEFT_ROCKER: (
                "operation_mode_left",
                left,
                {
                    "control_left_relay": CONTROL_LEFT_RELAY,
                    "control_right_relay": CONTROL_RIGHT_RELAY,
                    "decoupled": DECOUPLED,
                },
            ),
            RIGHT_ROCKER: (
                "operation_mode_right",
                right,
                {
                    "control_right_relay": CONTROL_RIGHT_RELAY,
                    "control_left_relay": CONTROL_LEFT_RELAY,
                    "decoupled": DECOUPLED,
                },
            ),
        }
    )


def _heartbeat(relays: Sequence[int], d1: bool) -> tuple[HeartbeatEntry, ...]:
    if not d1:
        return (
            (1, DataType.UINT16, constant(3300)),
            (3, DataType.INT8, chip_temperature),
            *((98 + ep, DataType.BOOL, relay(ep)) for ep in relays),
            (5, DataType.UINT16, power_on_count),
            (10, DataType.UINT16, parent_nwk),
        )
    return (
        (1, DataType.UINT16, constant(3300)),
        (3, DataType.INT8, chip_temperature),
        (100, DataType.BOOL, relay(2)),
        # the right relay's state, reported off by the single rocker too
        (101, DataType.BOOL, relay(3) if 3 in relays else constant(False)),
        (5, DataType.UINT16, power_on_count),
        (8, DataType.UINT16, constant(13850)),
        (153, DataType.UINT8, constant(0)),
        (10, DataType.UINT16, parent_nwk),
        (155, DataType.UINT8, constant(0)),
        (110, DataType.UINT8, constant(0)),
        (111, DataType.UINT8, constant(255)),
    )


def onoff_clicks_twin(  # a layout has that many facts
    *,
    zigbee_model: str,
    z2m_model: str,
    relays: Mapping[int, str],
    buttons: Mapping[str, ButtonSpec],
    aliases: Mapping[str, str] | None = None,
    exposes_chip_temperature: bool,
    d1: bool,
    firmware: int,
) -> Twin:
    """``relays``: endpoint → Zigbee2MQTT property; ``buttons``: name → where it clicks from.

    ``d1``: the D1 generation, ``firmware`` its Basic application version; else the older
    ``ctrl_neutral``, ``firmware`` its OTA file version.
    """
    single = len(buttons) == 1

    def behaviours() -> Sequence[Behaviour]:
        return [
            Relays(relays),
            OnOffClicks(
                buttons,
                aliases=aliases,
                actions=KINDS
                if single
                else tuple(f"{kind}_{name}" for kind in KINDS for name in buttons),
            ),
            _operation_modes(tuple(relays)),
            ChipTemperature(exposed=exposes_chip_temperature),
            Groups(),
            Identify(),
            PowerOutageCounter(exposed=False),
            PreventReset(),
            Heartbeat(BASIC, 0xFF01, DataType.CHAR_STRING, _heartbeat(tuple(relays), d1)),
            *([] if d1 else [OtaUpdates(0x0101)]),
        ]

    endpoints = (
        EndpointSpec(
            1,
            0x0006,
            (BASIC, IDENTIFY, POWER_CONFIGURATION, DEVICE_TEMPERATURE, OTA, TIME),
            (BASIC, TIME, OTA),
        ),
        *(
            EndpointSpec(endpoint, 0x0100, (BINARY_OUTPUT, ON_OFF, GROUPS, SCENES))
            for endpoint in (2, 3)
        ),
        *(EndpointSpec(endpoint, 0x0000, (MULTISTATE_INPUT, ON_OFF)) for endpoint in (4, 5, 6)),
    )
    if d1:
        return Twin(
            zigbee_models=(zigbee_model,),
            z2m_model=z2m_model,
            router=False,
            ieee_oui=bytes.fromhex("00158d"),
            endpoints=endpoints,
            app_version=firmware,
            hw_version=54,
            power_source=0x04,  # what the firmware says (DC), although it runs on mains
            behaviours=behaviours,
        )
    return Twin(
        zigbee_models=(zigbee_model,),
        z2m_model=z2m_model,
        router=False,
        ieee_oui=bytes.fromhex("00158d"),
        server_mask=0x0000,
        endpoints=endpoints,
        zcl_version=1,
        power_source=0x04,  # inferred from QBKG21LM: DC, although it runs on mains
        file_version=firmware,
        behaviours=behaviours,
    )
