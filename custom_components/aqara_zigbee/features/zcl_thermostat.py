"""ZCL Thermostat (an HA ``climate``) and Fan Control (an HA ``fan``).

Temperatures are hundredths of a degree Celsius. Which set points and modes a thermostat
has follows its ControlSequenceOfOperation (0x001B), read before the definition is built;
unknown means heating only, as Zigbee2MQTT assumes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from ..devices.model import (
    RO,
    Access,
    AttributeSource,
    AttributeWrite,
    Codec,
    EnumCodec,
    Expose,
    Feature,
    Platform,
)
from ._zcl import (
    FAN_CONTROL,
    FIRST_ENDPOINT,
    THERMOSTAT,
    ZCL_ENUM8,
    ZCL_INT16,
    Place,
    ScaledCodec,
    reporting,
)

LOCAL_TEMPERATURE: Final = 0x0000
OCCUPIED_COOLING_SETPOINT: Final = 0x0011
OCCUPIED_HEATING_SETPOINT: Final = 0x0012
#: the set point limits the device allows (read once; ZHA's range)
SETPOINT_LIMITS: Final = {
    "heat": (0x0015, 0x0016),  # Min/MaxHeatSetpointLimit
    "cool": (0x0017, 0x0018),  # Min/MaxCoolSetpointLimit
}
CONTROL_SEQUENCE_OF_OPERATION: Final = 0x001B
SYSTEM_MODE: Final = 0x001C
RUNNING_STATE: Final = 0x0029
FAN_MODE: Final = 0x0000

#: SystemMode (ZCL 6.3.2.2.2.10) with Zigbee2MQTT's names
SYSTEM_MODES: Final = EnumCodec(
    pairs=(
        (0x00, "off"),
        (0x01, "auto"),
        (0x03, "cool"),
        (0x04, "heat"),
        (0x05, "emergency_heating"),
        (0x06, "precooling"),
        (0x07, "fan_only"),
        (0x08, "dry"),
        (0x09, "sleep"),
    )
)
FAN_MODES: Final = EnumCodec(
    pairs=((0, "off"), (1, "low"), (2, "medium"), (3, "high"), (4, "on"), (5, "auto"), (6, "smart"))
)
#: set point range Zigbee2MQTT gives generated thermostats (°C)
SETPOINT_RANGE: Final = (7.0, 30.0, 0.5)
_TEMPERATURE: Final = ScaledCodec(0.01, (-0x8000,))


@dataclass(frozen=True, slots=True)
class RunningStateCodec:
    """ThermostatRunningState bitmap: bit 0 heat, bit 1 cool, bit 2 fan; else idle."""

    def decode(self, raw: object) -> object | None:
        if isinstance(raw, bool) or not isinstance(raw, int):
            return None
        for bit, state in ((0, "heat"), (1, "cool"), (2, "fan_only")):
            if raw >> bit & 1:
                return state
        return "idle"

    def encode(self, value: object) -> object:
        raise ValueError("the running state is not written")


def _kind(sequence: int | None) -> tuple[bool, bool]:
    """(heats, cools) for a ControlSequenceOfOperation."""
    if sequence in (0, 1):
        return False, True
    if sequence in (4, 5):
        return True, True
    return True, False


def thermostat(place: Place = FIRST_ENDPOINT, *, sequence: int | None = None) -> Feature:
    heats, cools = _kind(sequence)
    modes = ("off", *(("heat",) if heats else ()), *(("cool",) if cools else ()))
    if heats and cools:
        modes += ("auto",)
    main = place.key("system_mode")
    rw = Access.READ | Access.WRITE | Access.REPORT

    def attribute(attr_id: int, codec: Codec) -> tuple[AttributeSource]:
        return (
            AttributeSource(
                endpoint=place.endpoint, cluster=THERMOSTAT, attribute=attr_id, codec=codec
            ),
        )

    def setpoint(base: str, attr_id: int, description: str) -> Expose:
        return Expose(
            key=place.key(base),
            platform=Platform.CLIMATE,
            access=rw,
            description=description,
            unit="°C",
            kind="numeric",
            native_min=SETPOINT_RANGE[0],
            native_max=SETPOINT_RANGE[1],
            native_step=SETPOINT_RANGE[2],
            sources=attribute(attr_id, _TEMPERATURE),
            write=AttributeWrite(
                endpoint=place.endpoint,
                cluster=THERMOSTAT,
                attribute=attr_id,
                zcl_type=ZCL_INT16,
                codec=_TEMPERATURE,
            ),
            member_of=main,
        )

    exposes = [
        Expose(
            key=main,
            platform=Platform.CLIMATE,
            access=rw,
            description="Mode of this device",
            options=modes,
            kind="enum",
            sources=attribute(SYSTEM_MODE, SYSTEM_MODES),
            write=AttributeWrite(
                endpoint=place.endpoint,
                cluster=THERMOSTAT,
                attribute=SYSTEM_MODE,
                zcl_type=ZCL_ENUM8,
                codec=SYSTEM_MODES,
            ),
            named_after_device=place.label is None,
            translation_key="climate_endpoint" if place.label else None,
            translation_placeholders=place.placeholders(),
        ),
        Expose(
            key=place.key("local_temperature"),
            platform=Platform.CLIMATE,
            access=RO,
            description="Current temperature measured on the device",
            unit="°C",
            kind="numeric",
            sources=attribute(LOCAL_TEMPERATURE, _TEMPERATURE),
            member_of=main,
        ),
        Expose(
            key=place.key("running_state"),
            platform=Platform.CLIMATE,
            access=RO,
            description="The current running state",
            options=("idle", *(("heat",) if heats else ()), *(("cool",) if cools else ())),
            kind="enum",
            sources=attribute(RUNNING_STATE, RunningStateCodec()),
            member_of=main,
        ),
    ]
    configure = [
        *reporting(place, THERMOSTAT, LOCAL_TEMPERATURE, (10, 3600), 10),
        *reporting(place, THERMOSTAT, SYSTEM_MODE, (0, 3600)),
        *reporting(place, THERMOSTAT, RUNNING_STATE, (0, 3600)),
    ]
    for mode, (low, high) in SETPOINT_LIMITS.items():
        if not (heats if mode == "heat" else cools):
            continue
        for bound, attr_id in (("min", low), ("max", high)):
            exposes.append(
                Expose(
                    key=place.key(f"{bound}_{mode}_setpoint_limit"),
                    platform=Platform.CLIMATE,
                    access=Access.READ,
                    description=f"The {'lowest' if bound == 'min' else 'highest'} "
                    f"{'heating' if mode == 'heat' else 'cooling'} set point the device takes",
                    unit="°C",
                    kind="numeric",
                    sources=attribute(attr_id, _TEMPERATURE),
                    member_of=main,
                )
            )
    if heats:
        exposes.append(
            setpoint("occupied_heating_setpoint", OCCUPIED_HEATING_SETPOINT, "Temperature setpoint")
        )
        configure += reporting(place, THERMOSTAT, OCCUPIED_HEATING_SETPOINT, (0, 3600), 10)
    if cools:
        exposes.append(
            setpoint("occupied_cooling_setpoint", OCCUPIED_COOLING_SETPOINT, "Temperature setpoint")
        )
        configure += reporting(place, THERMOSTAT, OCCUPIED_COOLING_SETPOINT, (0, 3600), 10)
    return Feature(exposes=tuple(exposes), configure=tuple(configure))


def fan(place: Place = FIRST_ENDPOINT) -> Feature:
    """FanMode as an HA ``fan``: off/low/medium/high as speeds, on/auto/smart as presets."""
    return Feature(
        exposes=(
            Expose(
                key=place.key("fan_mode"),
                platform=Platform.FAN,
                access=Access.READ | Access.WRITE | Access.REPORT,
                description="Mode of the fan",
                options=FAN_MODES.options,
                kind="enum",
                sources=(
                    AttributeSource(
                        endpoint=place.endpoint,
                        cluster=FAN_CONTROL,
                        attribute=FAN_MODE,
                        codec=FAN_MODES,
                    ),
                ),
                write=AttributeWrite(
                    endpoint=place.endpoint,
                    cluster=FAN_CONTROL,
                    attribute=FAN_MODE,
                    zcl_type=ZCL_ENUM8,
                    codec=FAN_MODES,
                ),
                named_after_device=place.label is None,
                translation_key="fan_endpoint" if place.label else None,
                translation_placeholders=place.placeholders(),
            ),
        ),
        configure=reporting(place, FAN_CONTROL, FAN_MODE, (0, 3600)),
    )
