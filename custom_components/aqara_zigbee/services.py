"""Integration actions: permit_join, export_network_backup, the FP1's regions
(fp1_set_region, fp1_delete_region), and simulate, for simulated networks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
import re
from typing import TYPE_CHECKING, Any

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import (
    HomeAssistant,
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
    callback,
)
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import config_validation as cv, device_registry as dr
import probatio as vol

from .const import DEFAULT_PERMIT_JOIN_DURATION, DOMAIN, MAX_PERMIT_JOIN_DURATION
from .devices.handle import DeviceHandle, WriteFailed, WritePending
from .features.fp1_regions import (
    ACTION_DELETE_REGION,
    ACTION_SET_REGION,
    COLUMNS,
    REGION_DELETE,
    REGION_IDS,
    REGION_UPSERT,
    ROWS,
    Cell,
    Region,
)
from .gateway import AqaraConfigEntry
from .validation import quote_input

if TYPE_CHECKING:
    from .simulator import SimulatedNetwork, TwinDevice

SERVICE_PERMIT_JOIN = "permit_join"
SERVICE_SIMULATE = "simulate"
SERVICE_EXPORT_NETWORK = "export_network_backup"
ATTR_CONFIG_ENTRY_ID = "config_entry_id"
ATTR_DURATION = "duration"
ATTR_IEEE = "ieee"
ATTR_DEVICE_ID = "device_id"
ATTR_ACTION = "action"
ATTR_BUTTON = "button"
ATTR_KIND = "kind"
ATTR_WATTS = "watts"
ATTR_TEMPERATURE = "temperature"
ATTR_HUMIDITY = "humidity"
ATTR_GESTURE = "gesture"
ATTR_REGION_ID = "region_id"
ATTR_ZONES = "zones"

SIMULATE_PRESS = "press"
SIMULATE_SET_LOAD = "set_load"
SIMULATE_POWER_CYCLE = "power_cycle"
SIMULATE_GESTURE = "gesture"


@dataclass(frozen=True, slots=True)
class SensedChange:
    """A simulate action that changes what a sensor senses: a Zigbee2MQTT property of the
    twin set to a fixed value, or to the number in the action's ``field``."""

    prop: str
    not_capable: str  # the translation key of the refusal on a device without ``prop``
    value: object = None
    field: str | None = None
    bounds: tuple[float, float] = (0.0, 0.0)


# The twins change the property as the real unit would and send what it sends (a contact
# report, an occupancy report, an IAS zone change, a measurement).
SENSED_CHANGES: dict[str, SensedChange] = {
    "open": SensedChange("contact", "simulate_not_a_contact", value=False),
    "close": SensedChange("contact", "simulate_not_a_contact", value=True),
    "motion": SensedChange("occupancy", "simulate_not_a_motion_sensor", value=True),
    "leak": SensedChange("water_leak", "simulate_not_a_leak_sensor", value=True),
    "dry": SensedChange("water_leak", "simulate_not_a_leak_sensor", value=False),
    # The widest ranges sensors measure; a twin refuses what its own model cannot.
    "set_temperature": SensedChange(
        "temperature", "simulate_no_temperature", field=ATTR_TEMPERATURE, bounds=(-40, 125)
    ),
    "set_humidity": SensedChange(
        "humidity", "simulate_no_humidity", field=ATTR_HUMIDITY, bounds=(0, 100)
    ),
}
SIMULATE_ACTIONS = (
    SIMULATE_PRESS,
    SIMULATE_SET_LOAD,
    SIMULATE_POWER_CYCLE,
    *SENSED_CHANGES,
    SIMULATE_GESTURE,
)
# Zigbee2MQTT's action values of the cubes' gestures (MFKZQ01LM sends all of them).
CUBE_GESTURES = (
    "shake",
    "tap",
    "slide",
    "flip90",
    "flip180",
    "rotate_left",
    "rotate_right",
    "throw",
    "fall",
    "wakeup",
)
# The gestures of simulator.behaviours.buttons.PressKind ("long" is the ~10 s reset gesture).
PRESS_KINDS = ("single", "double", "triple", "hold", "release", "long")
# A 16 A socket on 230 V mains; the plugs' own overload protection trips well below.
MAX_SIMULATED_LOAD_W = 3680.0

IEEE_PATTERN = r"^([0-9a-fA-F]{2}:){7}[0-9a-fA-F]{2}$"

PERMIT_JOIN_SCHEMA = vol.Schema(
    {
        vol.Optional(ATTR_CONFIG_ENTRY_ID): cv.string,
        # Ranges are checked in the handler so the user gets a translated message.
        vol.Optional(ATTR_DURATION, default=DEFAULT_PERMIT_JOIN_DURATION): object,
        vol.Optional(ATTR_IEEE): cv.string,
    }
)

EXPORT_SCHEMA = vol.Schema({vol.Optional(ATTR_CONFIG_ENTRY_ID): cv.string})

# Values are checked in the handlers so that every mistake gets a translated message.
SET_REGION_SCHEMA = vol.Schema(
    {
        vol.Required(ATTR_DEVICE_ID): cv.string,
        vol.Required(ATTR_REGION_ID): object,
        vol.Required(ATTR_ZONES): object,
    }
)
DELETE_REGION_SCHEMA = vol.Schema(
    {vol.Required(ATTR_DEVICE_ID): cv.string, vol.Required(ATTR_REGION_ID): object}
)

# Values are checked in the handler so that every mistake gets a translated message.
SIMULATE_SCHEMA = vol.Schema(
    {
        vol.Required(ATTR_DEVICE_ID): cv.string,
        vol.Required(ATTR_ACTION): cv.string,
        vol.Optional(ATTR_BUTTON): cv.string,
        vol.Optional(ATTR_KIND, default="single"): cv.string,
        vol.Optional(ATTR_WATTS): vol.Coerce(float),
        vol.Optional(ATTR_TEMPERATURE): vol.Coerce(float),
        vol.Optional(ATTR_HUMIDITY): vol.Coerce(float),
        vol.Optional(ATTR_GESTURE): cv.string,
    }
)


def target_entry(hass: HomeAssistant, call: ServiceCall) -> AqaraConfigEntry:
    """The loaded entry an action is for: the one named, or the only one there is."""
    entry_id = call.data.get(ATTR_CONFIG_ENTRY_ID)
    loaded: list[AqaraConfigEntry] = [
        entry
        for entry in hass.config_entries.async_entries(DOMAIN)
        if entry.state is ConfigEntryState.LOADED
    ]
    if entry_id is not None:
        loaded = [entry for entry in loaded if entry.entry_id == entry_id]
    if len(loaded) == 1:
        return loaded[0]
    raise ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key="entry_not_loaded" if not loaded else "entry_ambiguous",
    )


def _whole_seconds(value: object) -> int | None:
    """A duration in whole seconds: an int, or the digits the UI's text fields send."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():  # never NaN or infinite
        return int(value)
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        return int(value.strip()[:6])
    return None


@callback
def async_setup_services(hass: HomeAssistant) -> None:
    async def permit_join(call: ServiceCall) -> None:
        duration = _whole_seconds(call.data[ATTR_DURATION])
        ieee: str | None = call.data.get(ATTR_IEEE)
        if duration is None or not 1 <= duration <= MAX_PERMIT_JOIN_DURATION:
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="invalid_duration",
                translation_placeholders={"max": str(MAX_PERMIT_JOIN_DURATION)},
            )
        if ieee is not None and not re.fullmatch(IEEE_PATTERN, ieee):
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="invalid_ieee",
                translation_placeholders={"ieee": quote_input(ieee)},
            )
        entry = target_entry(hass, call)
        await entry.runtime_data.async_permit_join(duration, ieee.lower() if ieee else None)

    hass.services.async_register(
        DOMAIN, SERVICE_PERMIT_JOIN, permit_join, schema=PERMIT_JOIN_SCHEMA
    )

    async def export_network_backup(call: ServiceCall) -> ServiceResponse:
        """The way back to Zigbee2MQTT or ZHA: the network in the open backup format."""
        gateway = target_entry(hass, call).runtime_data
        path = await gateway.backups.async_export(gateway.radio.require_app())
        return {"path": str(path)}

    hass.services.async_register(
        DOMAIN,
        SERVICE_EXPORT_NETWORK,
        export_network_backup,
        schema=EXPORT_SCHEMA,
        supports_response=SupportsResponse.OPTIONAL,
    )
    async_setup_region_services(hass)


# --------------------------------------------------------------------------- FP1 regions


def _region_error(translation_key: str, **placeholders: str) -> ServiceValidationError:
    return ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key=translation_key,
        translation_placeholders=placeholders or None,
    )


def _whole_number(value: object) -> int | None:
    """A whole number: an int, a whole float, or digits (the UI's text fields send text)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        return int(value.strip()[:3])
    return None


def _region_id(value: object) -> int:
    number = _whole_number(value)
    if number is None or number not in REGION_IDS:
        raise _region_error(
            "invalid_region_id",
            region_id=quote_input(value),
            min=str(REGION_IDS[0]),
            max=str(REGION_IDS[-1]),
        )
    return number


def _zone_items(value: object) -> list[object]:
    """The zones given: a list, or one text of "x,y" pairs separated by semicolons."""
    if isinstance(value, str):
        return [part for part in value.split(";") if part.strip()]
    if isinstance(value, list | tuple):
        return list(value)
    raise _region_error("invalid_zone", zone=quote_input(value))


def _zone(item: object) -> Cell:
    """One grid cell: ``"x,y"``, ``[x, y]`` or Zigbee2MQTT's ``{"x": x, "y": y}``."""
    parts: list[object]
    if isinstance(item, Mapping):
        parts = [item.get("x"), item.get("y")]
    elif isinstance(item, str):
        parts = [part.strip() for part in item.split(",")]
    elif isinstance(item, list | tuple):
        parts = list(item)
    else:
        parts = []
    numbers = [_whole_number(part) for part in parts]
    if len(numbers) != 2:
        raise _region_error("invalid_zone", zone=quote_input(item))
    x, y = numbers
    if x is None or y is None or x not in COLUMNS or y not in ROWS:
        raise _region_error("invalid_zone", zone=quote_input(item))
    return x, y


def _zones(value: object) -> tuple[Cell, ...]:
    cells = tuple(dict.fromkeys(_zone(item) for item in _zone_items(value)))
    if not cells:
        raise _region_error("zones_empty")
    return cells


def _region_target(hass: HomeAssistant, device_id: str, key: str) -> tuple[DeviceHandle, str]:
    """The handle of a loaded, available device that takes ``key`` (an FP1's regions)."""
    device_entry = dr.async_get(hass).async_get(device_id)
    if device_entry is None:
        raise _region_error("region_unknown_device", device=quote_input(device_id))
    name = device_entry.name_by_user or device_entry.name or device_id
    ieee = next((ident for domain, ident in device_entry.identifiers if domain == DOMAIN), None)
    entry: AqaraConfigEntry | None = hass.config_entries.async_get_entry(
        device_entry.config_entry_id or ""
    )
    if ieee is None or entry is None or entry.domain != DOMAIN:
        raise _region_error("region_unknown_device", device=name)
    if entry.state is not ConfigEntryState.LOADED:
        raise _region_error("entry_not_loaded")
    gateway = entry.runtime_data
    handle = gateway.handles.get(ieee)
    definition = handle.definition if handle is not None else None
    if handle is None or definition is None or not definition.has(key):
        raise _region_error("regions_not_supported", device=name)
    if not gateway.is_available(ieee):
        raise HomeAssistantError(translation_domain=DOMAIN, translation_key="device_offline")
    return handle, name


async def _async_write_region(
    hass: HomeAssistant, device_id: str, key: str, region: Region
) -> None:
    """Write a region as Zigbee2MQTT does; ``configured_regions`` follows the device's
    confirmation."""
    handle, name = _region_target(hass, device_id, key)
    try:
        await handle.async_write(key, region)
    except WritePending as exc:
        raise HomeAssistantError(
            translation_domain=DOMAIN,
            translation_key="region_write_pending",
            translation_placeholders={"device": name},
        ) from exc
    except WriteFailed as exc:
        raise HomeAssistantError(
            translation_domain=DOMAIN,
            translation_key="region_write_failed",
            translation_placeholders={"device": name, "error": exc.reason},
        ) from exc


@callback
def async_setup_region_services(hass: HomeAssistant) -> None:
    """``fp1_set_region`` and ``fp1_delete_region``: Zigbee2MQTT's region_upsert and
    region_delete composites, which no Home Assistant entity takes."""

    async def set_region(call: ServiceCall) -> None:
        region = Region(_region_id(call.data[ATTR_REGION_ID]), _zones(call.data[ATTR_ZONES]))
        await _async_write_region(hass, call.data[ATTR_DEVICE_ID], REGION_UPSERT, region)

    async def delete_region(call: ServiceCall) -> None:
        region = Region(_region_id(call.data[ATTR_REGION_ID]))
        await _async_write_region(hass, call.data[ATTR_DEVICE_ID], REGION_DELETE, region)

    hass.services.async_register(DOMAIN, ACTION_SET_REGION, set_region, schema=SET_REGION_SCHEMA)
    hass.services.async_register(
        DOMAIN, ACTION_DELETE_REGION, delete_region, schema=DELETE_REGION_SCHEMA
    )


# --------------------------------------------------------------------------- simulate


@callback
def async_setup_simulate_service(hass: HomeAssistant) -> None:
    """Offer ``simulate`` while a simulated network is loaded (see the unload below).

    Unlike ``permit_join`` (registered in ``async_setup``), this action only exists while
    there is something to simulate, so it never shows up for users of real radios.
    """
    if not hass.services.has_service(DOMAIN, SERVICE_SIMULATE):
        hass.services.async_register(
            DOMAIN, SERVICE_SIMULATE, _async_simulate, schema=SIMULATE_SCHEMA
        )


@callback
def async_unload_simulate_service(hass: HomeAssistant, unloading: AqaraConfigEntry) -> None:
    """Withdraw ``simulate`` once no other loaded entry runs a simulated network."""
    for entry in hass.config_entries.async_entries(DOMAIN):
        if (
            entry.entry_id != unloading.entry_id
            and entry.state is ConfigEntryState.LOADED
            and entry.runtime_data.simulator is not None
        ):
            return
    hass.services.async_remove(DOMAIN, SERVICE_SIMULATE)


def _simulate_error(*, translation_key: str, **placeholders: str) -> ServiceValidationError:
    return ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key=translation_key,
        translation_placeholders=placeholders or None,
    )


def _simulated_target(
    hass: HomeAssistant, device_id: str
) -> tuple[SimulatedNetwork, TwinDevice, str]:
    """The simulator and simulated device behind a Home Assistant device id."""
    device_entry = dr.async_get(hass).async_get(device_id)
    if device_entry is None:
        raise _simulate_error(
            translation_key="simulate_unknown_device", device=quote_input(device_id)
        )
    name = device_entry.name_by_user or device_entry.name or device_id
    ieee = next((ident for domain, ident in device_entry.identifiers if domain == DOMAIN), None)
    entry: AqaraConfigEntry | None = hass.config_entries.async_get_entry(
        device_entry.config_entry_id
    )
    if (
        ieee is None
        or entry is None
        or entry.domain != DOMAIN
        or entry.state is not ConfigEntryState.LOADED
    ):
        raise _simulate_error(translation_key="simulate_unknown_device", device=name)
    simulator = entry.runtime_data.simulator
    if simulator is None:
        raise _simulate_error(translation_key="simulate_not_simulated", device=name)
    try:
        return simulator, simulator.device(ieee), name
    except KeyError:
        # The coordinator, or a device the simulator does not know.
        raise _simulate_error(translation_key="simulate_not_simulated", device=name) from None


async def _async_simulate(call: ServiceCall) -> None:
    """Act on a simulated device: press a button, change a plug's load, cut its power,
    open a door, move, spill water, change the weather, turn a cube."""
    action: str = call.data[ATTR_ACTION]
    if action not in SIMULATE_ACTIONS:
        raise _simulate_error(
            translation_key="simulate_invalid_action",
            action=quote_input(action),
            actions=", ".join(SIMULATE_ACTIONS),
        )
    simulator, device, name = _simulated_target(call.hass, call.data[ATTR_DEVICE_ID])
    if action == SIMULATE_PRESS:
        kind: str = call.data[ATTR_KIND]
        if kind not in PRESS_KINDS:
            raise _simulate_error(
                translation_key="simulate_invalid_kind",
                kind=quote_input(kind),
                kinds=", ".join(PRESS_KINDS),
            )
        if not device.button_names:
            raise _simulate_error(translation_key="simulate_no_buttons", device=name)
        button: str = call.data.get(ATTR_BUTTON) or device.button_names[0]
        # The device's own button names only: the simulator's aliases (left, top, 1...)
        # would let a single-button switch take a button its error says it lacks
        if button.lower() not in device.button_names:
            raise _simulate_error(
                translation_key="simulate_invalid_button",
                device=name,
                button=quote_input(button),
                buttons=", ".join(device.button_names),
            )
        button = button.lower()
        simulator.press(device.ieee_str, button, kind)
    elif action == SIMULATE_SET_LOAD:
        watts: float | None = call.data.get(ATTR_WATTS)
        if watts is None or not 0 <= watts <= MAX_SIMULATED_LOAD_W:
            raise _simulate_error(
                translation_key="simulate_invalid_watts", max=f"{MAX_SIMULATED_LOAD_W:g}"
            )
        try:
            simulator.set_load(device.ieee_str, watts)
        except TypeError:
            raise _simulate_error(translation_key="simulate_not_a_plug", device=name) from None
    elif action == SIMULATE_POWER_CYCLE:
        simulator.power_cycle(device.ieee_str)
    elif action == SIMULATE_GESTURE:
        _simulate_gesture(simulator, device, name, call.data.get(ATTR_GESTURE))
    else:
        _simulate_sensed(simulator, device, name, SENSED_CHANGES[action], call.data)


def _simulate_gesture(
    simulator: SimulatedNetwork, device: TwinDevice, name: str, gesture: str | None
) -> None:
    """A cube gesture: the twin sends what the cube sends for it (side, angle and all)."""
    if gesture not in CUBE_GESTURES:
        raise _simulate_error(
            translation_key="simulate_invalid_gesture",
            gesture=quote_input(gesture or ""),
            gestures=", ".join(CUBE_GESTURES),
        )
    supported = [value for value in CUBE_GESTURES if value in device.action_values]
    if not supported:
        raise _simulate_error(translation_key="simulate_not_a_cube", device=name)
    if gesture not in supported:
        raise _simulate_error(
            translation_key="simulate_unsupported_gesture",
            device=name,
            gesture=gesture,
            gestures=", ".join(supported),
        )
    simulator.set_property(device.ieee_str, "action", gesture)


def _simulate_sensed(
    simulator: SimulatedNetwork,
    device: TwinDevice,
    name: str,
    change: SensedChange,
    data: Mapping[str, Any],
) -> None:
    """Change what a sensor senses through the twin's property of it."""
    # A multi-endpoint device of another brand names it per endpoint (occupancy_2).
    prop = next(
        (
            candidate
            for candidate in sorted(device.properties)
            if re.fullmatch(rf"{change.prop}(_\d+)?", candidate)
        ),
        None,
    )
    if prop is None:
        raise _simulate_error(translation_key=change.not_capable, device=name)
    value = change.value
    if change.field is not None:
        number: float | None = data.get(change.field)
        low, high = change.bounds
        if number is None or not low <= number <= high:
            raise _simulate_error(
                translation_key=f"simulate_invalid_{change.field}", min=f"{low:g}", max=f"{high:g}"
            )
        value = number
    from .simulator.properties import PropertyError  # noqa: PLC0415 (loaded with the network)

    try:
        simulator.set_property(device.ieee_str, prop, value)
    except PropertyError:
        raise _simulate_error(
            translation_key="simulate_value_refused", device=name, value=quote_input(value)
        ) from None
