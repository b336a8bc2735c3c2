"""The older Aqara plugs and outlet: ZNCZ11LM ``lumi.plug.aq1``, ZNCZ12LM ``maus01``, QBCZ11LM.

Routers of the older Lumi generation (ZCL version 1): the relay on endpoint 1 (BinaryOutput
mirrored, mains voltage in PowerConfiguration), power on AnalogInput 2 and energy on
AnalogInput 3; the heartbeat in Basic 0xFF01; OTA image type 0x0101. The US plug adds
ElectricalMeasurement and a hidden 0xFCC0 (its LED setting, the protections) and a
BinaryInput on endpoint 100. What each model's facts are and where they come from, its
settings and its heartbeat's layout are in its own file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

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
    Relays,
)
from ..behaviours.heartbeat import HeartbeatEntry
from ..clusters import (
    ANALOG_INPUT,
    BASIC,
    BINARY_OUTPUT,
    DEVICE_TEMPERATURE,
    ELECTRICAL_MEASUREMENT,
    GROUPS,
    IDENTIFY,
    LUMI_CLUSTER,
    ON_OFF,
    OTA,
    POWER_CONFIGURATION,
    SCENES,
    TIME,
)
from ..profile import EndpointSpec, Twin
from ..zcl import DataType

BINARY_INPUT = 0x000F


def plug_aq1_twin(  # a layout has that many facts
    *,
    zigbee_models: tuple[str, ...],
    z2m_model: str,
    us_edition: bool = False,
    settings: Callable[[], Sequence[Behaviour]],
    heartbeat: Sequence[HeartbeatEntry],
    firmware: int,
    hw_version: int = 1,
    date_code: str = "",
) -> Twin:
    """``settings``: the model's own settings (before metering); ``firmware``: OTA file version."""

    def behaviours() -> Sequence[Behaviour]:
        if us_edition:
            meter = Metering(
                power_endpoint=2,
                energy_endpoint=3,
                mains_in_power_configuration=True,
                aqara_protections=True,
                exposes_mains=True,
            )
        else:
            meter = Metering(
                power_endpoint=2,
                energy_endpoint=3,
                mains_in_power_configuration=True,
                exposes_mains=True,
                hidden=frozenset({"current"}),  # the page shows the voltage only
            )
        return [
            Relays({1: "state"}, binary_output=True),
            Buttons({"main": ButtonSpec(None, (1,))}),  # the button toggles the relay
            ChipTemperature(),
            Groups(),
            Identify(),
            PowerOutageCounter(exposed=False),
            *settings(),
            meter,
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
                if us_edition
                else []
            ),
            Heartbeat(BASIC, 0xFF01, DataType.CHAR_STRING, heartbeat),
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
                    GROUPS,
                    IDENTIFY,
                    ON_OFF,
                    BINARY_OUTPUT,
                    SCENES,
                    TIME,
                    POWER_CONFIGURATION,
                    DEVICE_TEMPERATURE,
                    *((ELECTRICAL_MEASUREMENT,) if us_edition else ()),
                ),
                (OTA, TIME),
                hidden_clusters=(LUMI_CLUSTER,) if us_edition else (),
            ),
            EndpointSpec(2, 0x0009, (ANALOG_INPUT,), (ANALOG_INPUT, GROUPS)),
            EndpointSpec(3, 0x0053, (ANALOG_INPUT,), (ANALOG_INPUT,)),
            *(
                (EndpointSpec(100, 0x0107, (BINARY_INPUT,), (BINARY_INPUT, GROUPS)),)
                if us_edition
                else ()
            ),
        ),
        zcl_version=1,
        hw_version=hw_version,
        date_code=date_code,
        file_version=firmware,
        behaviours=behaviours,
    )
