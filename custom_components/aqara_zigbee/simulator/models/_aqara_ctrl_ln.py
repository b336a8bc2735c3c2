"""The old Aqara smart wall switches with neutral (QBKG11LM ``lumi.ctrl_ln1``, QBKG12LM ``ln2``).

Routers of the older Lumi generation (ZCL version 1): relays (BinaryOutput mirrored) on
endpoints 1 and 2, power on AnalogInput 3, clicks as MultistateInput from 4 (single rocker)
or 5, 6 and 7 (left, right, both); the rockers' modes in Basic 0xFF22/0xFF23; the
heartbeat in Basic 0xFF01. What each model's facts are and where they come from is in its
own file.
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
    Metering,
    OtaUpdates,
    PlugPowerOutageMemory,
    PowerOutageCounter,
    PressKind,
    Relays,
    chip_temperature,
    constant,
    metering,
    power_on_count,
    relay,
)
from ..behaviours.basic_operation_mode import BasicOperationMode
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

#: what a rocker sends: MultistateInput 1, 2, 0 then 255
GESTURES = frozenset({PressKind.SINGLE, PressKind.DOUBLE, PressKind.HOLD, PressKind.RELEASE})

#: a rocker (Basic attribute) → its Zigbee2MQTT property, relay and mode values
OperationModes = Mapping[int, tuple[str, int, Mapping[str, int]]]


def ctrl_ln_twin(  # a layout has that many facts
    *,
    zigbee_models: tuple[str, ...],
    z2m_model: str,
    relays: Mapping[int, str],
    buttons: Mapping[str, ButtonSpec],
    aliases: Mapping[str, str] | None = None,
    actions: tuple[str, ...],
    operation_modes: OperationModes,
    power_outage_memory: bool,
) -> Twin:
    """``relays``: endpoint → Zigbee2MQTT property; ``buttons``: name → where it clicks from."""

    def behaviours() -> Sequence[Behaviour]:
        return [
            Relays(relays, binary_output=True),
            Buttons(buttons, aliases=aliases, gestures=GESTURES, actions=actions),
            BasicOperationMode(operation_modes),
            ChipTemperature(),
            Groups(),
            Identify(),
            PowerOutageCounter(exposed=False),
            *([PlugPowerOutageMemory(default=False)] if power_outage_memory else []),
            Metering(power_endpoint=3, mains_in_power_configuration=True),
            Heartbeat(
                BASIC,
                0xFF01,
                DataType.CHAR_STRING,
                (
                    (3, DataType.INT8, chip_temperature),
                    *((99 + ep, DataType.BOOL, relay(ep)) for ep in relays),
                    (149, DataType.FLOAT, metering.energy_kwh),
                    (5, DataType.UINT16, power_on_count),
                    (7, DataType.UINT64, constant(0)),
                    (152, DataType.FLOAT, metering.power_w),
                    (8, DataType.UINT16, constant(4128)),
                    (9, DataType.UINT16, constant(1024)),
                    (154, DataType.UINT8, constant(0)),
                ),
            ),
            OtaUpdates(0x0101),
        ]

    return Twin(
        zigbee_models=zigbee_models,
        z2m_model=z2m_model,
        ieee_oui=bytes.fromhex("00158d"),
        server_mask=0x0000,
        endpoints=(
            EndpointSpec(
                1,
                0x0051,
                (
                    BASIC,
                    POWER_CONFIGURATION,
                    DEVICE_TEMPERATURE,
                    IDENTIFY,
                    GROUPS,
                    SCENES,
                    ON_OFF,
                    TIME,
                    BINARY_OUTPUT,
                ),
                (TIME, OTA),
            ),
            *(
                EndpointSpec(ep, 0x0051, (GROUPS, SCENES, ON_OFF, BINARY_OUTPUT))
                for ep in relays
                if ep != 1
            ),
            EndpointSpec(3, 0x0009, (ANALOG_INPUT,), (ANALOG_INPUT,)),
            *(
                EndpointSpec(spec.event_endpoint, 0x0100, (MULTISTATE_INPUT,), (MULTISTATE_INPUT,))
                for spec in buttons.values()
                if spec.event_endpoint
            ),
        ),
        zcl_version=1,
        app_version=32,
        hw_version=18,
        date_code="06-25-2018",
        file_version=32,
        behaviours=behaviours,
    )
