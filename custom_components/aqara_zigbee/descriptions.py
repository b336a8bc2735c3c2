"""Home Assistant's shape of an expose: the entity description of its platform.

The one place where an :class:`Expose`'s presentation fields become Home Assistant's
(translation key and placeholders, category, classes, unit, range, options); the platform
files only instantiate entities from these descriptions. Each description also carries its
expose: the entity reads, writes and subscribes by it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Final, TypedDict

from homeassistant.components.binary_sensor import BinarySensorEntityDescription
from homeassistant.components.binary_sensor.const import BinarySensorDeviceClass
from homeassistant.components.button import ButtonEntityDescription
from homeassistant.components.button.const import ButtonDeviceClass
from homeassistant.components.climate import ClimateEntityDescription
from homeassistant.components.cover import CoverEntityDescription
from homeassistant.components.event import EventDeviceClass, EventEntityDescription
from homeassistant.components.fan import FanEntityDescription
from homeassistant.components.light import LightEntityDescription
from homeassistant.components.lock import LockEntityDescription
from homeassistant.components.number import (
    NumberDeviceClass,
    NumberEntityDescription,
    NumberMode,
)
from homeassistant.components.select import SelectEntityDescription
from homeassistant.components.sensor import (
    SensorDeviceClass,
    SensorEntityDescription,
    SensorStateClass,
)
from homeassistant.components.switch import SwitchEntityDescription
from homeassistant.components.switch.const import SwitchDeviceClass
from homeassistant.components.time import TimeEntityDescription
from homeassistant.const import EntityCategory
from homeassistant.helpers.entity import EntityDescription
from homeassistant.helpers.typing import UNDEFINED, UndefinedType

from .devices.model import Expose, Platform


@dataclass(frozen=True, kw_only=True)
class AqaraEntityDescription(EntityDescription):
    """An entity description plus the expose it shows."""

    expose: Expose


@dataclass(frozen=True, kw_only=True)
class AqaraSwitchEntityDescription(AqaraEntityDescription, SwitchEntityDescription):
    """A relay or a config toggle."""


@dataclass(frozen=True, kw_only=True)
class AqaraBinarySensorEntityDescription(AqaraEntityDescription, BinarySensorEntityDescription):
    """A boolean the device reports."""


@dataclass(frozen=True, kw_only=True)
class AqaraSensorEntityDescription(AqaraEntityDescription, SensorEntityDescription):
    """A measurement or counter."""


@dataclass(frozen=True, kw_only=True)
class AqaraSelectEntityDescription(AqaraEntityDescription, SelectEntityDescription):
    """An enumerated setting."""


@dataclass(frozen=True, kw_only=True)
class AqaraNumberEntityDescription(AqaraEntityDescription, NumberEntityDescription):
    """A numeric setting."""


@dataclass(frozen=True, kw_only=True)
class AqaraEventEntityDescription(AqaraEntityDescription, EventEntityDescription):
    """Actions (clicks, relay changes)."""


@dataclass(frozen=True, kw_only=True)
class AqaraLightEntityDescription(AqaraEntityDescription, LightEntityDescription):
    """A light: On/Off with its Level and Colour Control members."""


@dataclass(frozen=True, kw_only=True)
class AqaraCoverEntityDescription(AqaraEntityDescription, CoverEntityDescription):
    """A window covering with its position and tilt members."""


@dataclass(frozen=True, kw_only=True)
class AqaraClimateEntityDescription(AqaraEntityDescription, ClimateEntityDescription):
    """A thermostat: its system mode, with temperatures and set points as members."""


@dataclass(frozen=True, kw_only=True)
class AqaraFanEntityDescription(AqaraEntityDescription, FanEntityDescription):
    """A fan's mode."""


@dataclass(frozen=True, kw_only=True)
class AqaraLockEntityDescription(AqaraEntityDescription, LockEntityDescription):
    """A door lock's state."""


@dataclass(frozen=True, kw_only=True)
class AqaraButtonEntityDescription(AqaraEntityDescription, ButtonEntityDescription):
    """A command without a state (identify)."""


@dataclass(frozen=True, kw_only=True)
class AqaraTimeEntityDescription(AqaraEntityDescription, TimeEntityDescription):
    """A time of day (a night LED schedule's start or end)."""


class _Shared(TypedDict):
    """The fields every platform's description takes from an expose alike."""

    expose: Expose
    key: str
    name: str | UndefinedType | None
    translation_key: str | None
    translation_placeholders: Mapping[str, str] | None
    entity_category: EntityCategory | None
    entity_registry_enabled_default: bool


def _shared(expose: Expose) -> _Shared:
    primary = expose.named_after_device
    return _Shared(
        expose=expose,
        key=expose.key,
        name=None if primary else UNDEFINED,
        translation_key=None if primary else (expose.translation_key or expose.key),
        translation_placeholders=expose.translation_placeholders or None,
        entity_category=(
            EntityCategory(expose.entity_category) if expose.entity_category else None
        ),
        entity_registry_enabled_default=expose.enabled_by_default,
    )


def _member[E: StrEnum](kind: type[E], value: str | None) -> E | None:
    """The enum member for a class the expose names as a string."""
    return None if value is None else kind(value)


def switch_description(expose: Expose) -> AqaraSwitchEntityDescription:
    return AqaraSwitchEntityDescription(
        **_shared(expose), device_class=_member(SwitchDeviceClass, expose.device_class)
    )


def binary_sensor_description(expose: Expose) -> AqaraBinarySensorEntityDescription:
    return AqaraBinarySensorEntityDescription(
        **_shared(expose), device_class=_member(BinarySensorDeviceClass, expose.device_class)
    )


def sensor_description(expose: Expose) -> AqaraSensorEntityDescription:
    return AqaraSensorEntityDescription(
        **_shared(expose),
        device_class=_member(SensorDeviceClass, expose.device_class),
        state_class=_member(SensorStateClass, expose.state_class),
        native_unit_of_measurement=expose.unit,
        # Home Assistant would force hPa on metric systems: keep the unit of the device's page
        suggested_unit_of_measurement=(
            expose.unit if expose.device_class == SensorDeviceClass.ATMOSPHERIC_PRESSURE else None
        ),
        suggested_display_precision=expose.suggested_display_precision,
        # An enum sensor (a device's own grading, e.g. air quality) lists its states
        options=list(expose.options) if expose.options else None,
    )


def select_description(expose: Expose) -> AqaraSelectEntityDescription:
    return AqaraSelectEntityDescription(**_shared(expose), options=list(expose.options))


def number_description(expose: Expose) -> AqaraNumberEntityDescription:
    return AqaraNumberEntityDescription(
        **_shared(expose),
        device_class=_member(NumberDeviceClass, expose.device_class),
        native_unit_of_measurement=expose.unit,
        native_min_value=expose.native_min,
        native_max_value=expose.native_max,
        native_step=expose.native_step,
        mode=NumberMode.BOX,
    )


def event_description(expose: Expose) -> AqaraEventEntityDescription:
    device_class = _member(EventDeviceClass, expose.device_class)
    if device_class is None and expose.options:
        # Zigbee2MQTT's action values are button clicks; the relay on/off events that
        # stand in for it on a model without buttons (state_action only) are not
        device_class = EventDeviceClass.BUTTON
    return AqaraEventEntityDescription(
        **_shared(expose), device_class=device_class, event_types=list(expose.event_types)
    )


def light_description(expose: Expose) -> AqaraLightEntityDescription:
    return AqaraLightEntityDescription(**_shared(expose))


def cover_description(expose: Expose) -> AqaraCoverEntityDescription:
    return AqaraCoverEntityDescription(**_shared(expose))


def climate_description(expose: Expose) -> AqaraClimateEntityDescription:
    return AqaraClimateEntityDescription(**_shared(expose))


def fan_description(expose: Expose) -> AqaraFanEntityDescription:
    return AqaraFanEntityDescription(**_shared(expose))


def lock_description(expose: Expose) -> AqaraLockEntityDescription:
    return AqaraLockEntityDescription(**_shared(expose))


def button_description(expose: Expose) -> AqaraButtonEntityDescription:
    return AqaraButtonEntityDescription(
        **_shared(expose), device_class=_member(ButtonDeviceClass, expose.device_class)
    )


def time_description(expose: Expose) -> AqaraTimeEntityDescription:
    return AqaraTimeEntityDescription(**_shared(expose))


DESCRIBE: Final[Mapping[Platform, Callable[[Expose], AqaraEntityDescription]]] = MappingProxyType(
    {
        Platform.LIGHT: light_description,
        Platform.COVER: cover_description,
        Platform.CLIMATE: climate_description,
        Platform.FAN: fan_description,
        Platform.LOCK: lock_description,
        Platform.BUTTON: button_description,
        Platform.SWITCH: switch_description,
        Platform.BINARY_SENSOR: binary_sensor_description,
        Platform.SENSOR: sensor_description,
        Platform.SELECT: select_description,
        Platform.NUMBER: number_description,
        Platform.EVENT: event_description,
        Platform.BUTTON: button_description,
        Platform.TIME: time_description,
    }
)


def describe(expose: Expose) -> AqaraEntityDescription:
    """The entity description of an expose, of its platform's description class."""
    return DESCRIBE[expose.platform](expose)
