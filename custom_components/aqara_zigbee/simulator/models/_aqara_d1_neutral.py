"""The Aqara smart wall switches D1 with neutral, single (QBKG23LM) and double (QBKG24LM) rocker.

Routers of the older Lumi generation (ZCL version 1, firmware 61): endpoint 1 with Basic,
BinaryOutput, PowerConfiguration, DeviceTemperature, Identify, Groups, Scenes, OnOff and
Time; the right relay on 2; power on AnalogInput of the endpoint after the relays; clicks
as MultistateInput from 5 (left), 6 (right), 7 (both); the rockers' modes in Basic
0xFF22/0xFF23; the heartbeat in Basic 0xFF01; OTA image type 0x0101. What each model's
facts are, its metering and its heartbeat's layout are in its own file.
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
    Metering,
    OtaUpdates,
    PowerOutageCounter,
    PressKind,
    PreventReset,
    Relays,
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
from ..clusters import (
    ANALOG_INPUT,
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

GESTURES = frozenset({PressKind.SINGLE, PressKind.DOUBLE, PressKind.HOLD, PressKind.RELEASE})


def _operation_modes(single: bool) -> BasicOperationMode:
    if single:
        return BasicOperationMode(
            {
                LEFT_ROCKER: (
                    "operation_mode",
                    1,
                    {"control_relay": CONTROL_LEFT_RELAY, "decoupled": DECOUPLED},
                )
            }
        )
    return BasicOperationMode(
        {
            LEFT_ROCKER: (
                "operation_mode_left",
                1,
                {"control_left_relay": CONTROL_LEFT_RELAY, "decoupled": DECOUPLED},
            ),
            RIGHT_ROCKER: (
                "operation_mode_right",
                2,
                {"control_right_relay": CONTROL_RIGHT_RELAY, "decoupled": DECOUPLED},
            ),
        }
    )


def d1_neutral_twin(  # a layout has that many facts
    *,
    zigbee_model: str,
    z2m_model: str,
    relays: Mapping[int, str],
    buttons: Mapping[str, ButtonSpec],
    aliases: Mapping[str, str] | None = None,
    actions: tuple[str, ...],
    exposes_chip_temperature: bool,
    meter: Callable[[int], Metering],
    heartbeat: Sequence[HeartbeatEntry],
) -> Twin:
    """``meter`` builds the model's Metering from its power endpoint."""
    single = len(buttons) == 1
    power_endpoint = len(relays) + 1

    def behaviours() -> Sequence[Behaviour]:
        return [
            Relays(relays, binary_output=True),
            Buttons(buttons, aliases=aliases, gestures=GESTURES, actions=actions),
            _operation_modes(single),
            ChipTemperature(exposed=exposes_chip_temperature),
            Groups(),
            Identify(),
            PowerOutageCounter(exposed=False),
            meter(power_endpoint),
            PreventReset(),
            Heartbeat(BASIC, 0xFF01, DataType.CHAR_STRING, heartbeat),
            OtaUpdates(0x0101),
        ]

    return Twin(
        zigbee_models=(zigbee_model,),
        z2m_model=z2m_model,
        ieee_oui=bytes.fromhex("00158d"),
        endpoints=(
            EndpointSpec(
                1,
                0x0051,
                (
                    BASIC,
                    BINARY_OUTPUT,
                    POWER_CONFIGURATION,
                    DEVICE_TEMPERATURE,
                    IDENTIFY,
                    GROUPS,
                    SCENES,
                    ON_OFF,
                    TIME,
                ),
                (OTA, TIME),
            ),
            *(EndpointSpec(ep, 0x0100, (GROUPS, SCENES, ON_OFF)) for ep in relays if ep != 1),
            EndpointSpec(power_endpoint, 0x0002, (ANALOG_INPUT,)),
            *(
                EndpointSpec(spec.event_endpoint, 0x0000, (MULTISTATE_INPUT,))
                for spec in buttons.values()
                if spec.event_endpoint
            ),
        ),
        zcl_version=1,
        app_version=61,
        hw_version=18,
        file_version=61,
        behaviours=behaviours,
    )
