"""Config flow: choose a radio, probe it, then keep or form its network."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack
from functools import partial
from pathlib import Path
import shutil
import tempfile
from typing import TYPE_CHECKING, Any

from homeassistant.components import usb
from homeassistant.components.file_upload import process_uploaded_file
from homeassistant.config_entries import (
    ConfigEntry,
    ConfigEntryDisabler,
    ConfigEntryState,
    ConfigFlow,
    ConfigFlowResult,
    OptionsFlowWithReload,
)
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import (
    area_registry as ar,
    device_registry as dr,
    entity_registry as er,
    selector,
)
from homeassistant.helpers.service_info.usb import UsbServiceInfo
import probatio as vol

from .const import (
    AVAILABILITY_TIMEOUT_RANGE,
    BAUDRATE_RANGE,
    CONF_BATTERY_TIMEOUT,
    CONF_BAUDRATE,
    CONF_DEVICE,
    CONF_DEVICE_OPTIONS,
    CONF_DEVICE_PATH,
    CONF_FLOW_CONTROL,
    CONF_MAINS_TIMEOUT,
    CONF_NETWORK,
    CONF_NETWORK_ACTION,
    CONF_OTA_FOLDER,
    CONF_OTA_Z2M_INDEX,
    CONF_OTA_Z2M_INDEX_URL,
    CONF_PERMIT_JOIN_DURATION,
    CONF_RADIO_TYPE,
    CONF_SIMULATED_DEVICES,
    CONF_SIMULATED_RADIO,
    CONF_SIMULATION_SPEED,
    DEFAULT_BATTERY_TIMEOUT,
    DEFAULT_MAINS_TIMEOUT,
    DEFAULT_OTA_FOLDER,
    DEFAULT_PERMIT_JOIN_DURATION,
    DEFAULT_SIMULATION_SPEED,
    DOMAIN,
    LOGGER,
    MAX_PERMIT_JOIN_DURATION,
    SERIAL_DEFAULTS,
    SIMULATED_RADIOS,
    SIMULATION_SPEED_RANGE,
    FlowControl,
    RadioType,
    SimulatedDevices,
)
from .devices import async_load_definitions, get_definition
from .devices.model import OPTION_SPECS, Definition
from .migrate import MigrationError, MigrationSource, read_source
from .migrate.takeover import (
    CONF_MIGRATION,
    EntityNames,
    async_restore_network,
    migration_data,
)
from .migrate.z2m import BACKUP_FILE, CONFIGURATION_FILE, DATABASE_FILE
from .ota import async_validate_ota_folder
from .radio import (
    ProbeResult,
    RadioError,
    form_network,
    normalized_path,
    probe,
    simulator_device,
    simulator_state_dir,
    start_simulator,
    valid_device_path,
)
from .validation import StrictNumberSelector, accepted, option_selector

if TYPE_CHECKING:
    from .gateway import AqaraConfigEntry

NETWORK_KEEP = "keep"
NETWORK_FORM = "form_new"
CONF_DEVICE_IEEE = "device_ieee"
#: restore a Zigbee2MQTT network onto the chosen stick instead of keeping or forming one
CONF_FROM_ZIGBEE2MQTT = "from_zigbee2mqtt"
CONF_ZIGBEE2MQTT_BACKUP = "zigbee2mqtt_backup"
CONF_ZIGBEE2MQTT_DATABASE = "zigbee2mqtt_database"
CONF_ZIGBEE2MQTT_CONFIGURATION = "zigbee2mqtt_configuration"
#: instead of uploading: a folder holding Zigbee2MQTT's files, on this machine
CONF_ZIGBEE2MQTT_PATH = "zigbee2mqtt_path"
#: upload field -> the name Zigbee2MQTT gives that file (the readers go by these names)
ZIGBEE2MQTT_UPLOADS = {
    CONF_ZIGBEE2MQTT_BACKUP: BACKUP_FILE,
    CONF_ZIGBEE2MQTT_DATABASE: DATABASE_FILE,
    CONF_ZIGBEE2MQTT_CONFIGURATION: CONFIGURATION_FILE,
}
ZIGBEE2MQTT_REQUIRED_UPLOADS = (CONF_ZIGBEE2MQTT_BACKUP, CONF_ZIGBEE2MQTT_DATABASE)
ZHA_DOMAIN = "zha"
#: ZHA's database, in Home Assistant's config folder unless its YAML moved it
ZHA_DATABASE = "zigbee.db"
#: ZHA's radio types that our radio libraries drive
ZHA_RADIO_TYPES = {"znp": RadioType.ZNP, "ezsp": RadioType.EZSP}
#: devices listed by name on a confirmation form (the rest are counted)
LISTED_DEVICES = 30

# Vendor/product ids whose chip family is known, for USB discovery (others are probed).
USB_EZSP_HINTS = ("55D4", "zbt-2", "skyconnect", "zbdongle-e", "efr32")


def _guess_radio_type(info: UsbServiceInfo) -> RadioType:
    text = f"{info.pid} {info.description or ''} {info.manufacturer or ''}".lower()
    if any(hint.lower() in text for hint in USB_EZSP_HINTS):
        return RadioType.EZSP
    return RadioType.ZNP


def _serial_schema(radio_type: RadioType, current: dict[str, Any] | None = None) -> vol.Schema:
    baudrate, flow_control = SERIAL_DEFAULTS[radio_type]
    current = current or {}
    return vol.Schema(
        {
            vol.Required(
                CONF_DEVICE_PATH, default=current.get(CONF_DEVICE_PATH, vol.UNDEFINED)
            ): selector.SerialPortSelector(),
            vol.Required(
                CONF_BAUDRATE, default=str(current.get(CONF_BAUDRATE, baudrate))
            ): _BaudrateSelector(
                selector.SelectSelectorConfig(
                    options=["38400", "57600", "115200", "230400", "460800"],
                    mode=selector.SelectSelectorMode.DROPDOWN,
                    custom_value=True,
                )
            ),
            vol.Required(
                CONF_FLOW_CONTROL, default=current.get(CONF_FLOW_CONTROL, flow_control)
            ): selector.SelectSelector(
                selector.SelectSelectorConfig(
                    options=[mode.value for mode in FlowControl],
                    translation_key=CONF_FLOW_CONTROL,
                )
            ),
        }
    )


class _BaudrateSelector(selector.SelectSelector):
    """Common rates in a dropdown, any typed rate, as text or a number (the step checks it)."""

    def __call__(self, data: Any) -> Any:
        if isinstance(data, int) and not isinstance(data, bool):
            return str(data)
        return super().__call__(data)


def _parse_baudrate(value: str) -> int | None:
    text = value.strip()
    if not (text.isascii() and text.isdigit() and len(text) <= 7):
        return None
    rate = int(text)
    return rate if BAUDRATE_RANGE[0] <= rate <= BAUDRATE_RANGE[1] else None


def _device_settings(user_input: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """The port settings of a form, and the form errors of the fields that are not usable."""
    errors: dict[str, str] = {}
    path = str(user_input[CONF_DEVICE_PATH]).strip()
    if not valid_device_path(path):
        errors[CONF_DEVICE_PATH] = "invalid_path"
    baudrate = _parse_baudrate(str(user_input[CONF_BAUDRATE]))
    if baudrate is None:
        errors[CONF_BAUDRATE] = "invalid_baudrate"
    device = {
        CONF_DEVICE_PATH: path,
        CONF_BAUDRATE: baudrate,
        CONF_FLOW_CONTROL: str(user_input[CONF_FLOW_CONTROL]),
    }
    return device, errors


def _network_data(result: ProbeResult) -> dict[str, Any]:
    return {
        "pan_id": result.pan_id,
        "extended_pan_id": result.extended_pan_id,
        "channel": result.channel,
    }


class AqaraZigbeeConfigFlow(ConfigFlow, domain=DOMAIN):
    """Set up a Zigbee coordinator for Aqara devices."""

    VERSION = 1

    def __init__(self) -> None:
        self._radio_type = RadioType.ZNP
        self._simulated_radio = RadioType.ZNP
        self._simulated_devices = SimulatedDevices.SEED
        self._device: dict[str, Any] = {}
        self._probe: ProbeResult | None = None
        self._from_zigbee2mqtt = False
        self._migration: MigrationSource | None = None
        self._zha_entity_names: EntityNames = {}

    @staticmethod
    @callback
    def async_get_options_flow(config_entry: AqaraConfigEntry) -> AqaraZigbeeOptionsFlow:
        return AqaraZigbeeOptionsFlow()

    async def async_step_user(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Pick the radio family (or the simulated network); offer ZHA's network if any."""
        if user_input is None and self._zha_entry() is not None:
            return self.async_show_menu(
                step_id="user", menu_options=["zha_takeover", "choose_radio"]
            )
        return await self.async_step_choose_radio(user_input, step_id="user")

    async def async_step_choose_radio(
        self, user_input: dict[str, Any] | None = None, *, step_id: str = "choose_radio"
    ) -> ConfigFlowResult:
        """The radio family, and whether to restore a Zigbee2MQTT network onto it."""
        if user_input is not None:
            self._from_zigbee2mqtt = bool(user_input.get(CONF_FROM_ZIGBEE2MQTT, False))
            self._radio_type = RadioType(user_input[CONF_RADIO_TYPE])
            if self._radio_type is RadioType.SIMULATED:
                self._simulated_radio = RadioType(
                    user_input.get(CONF_SIMULATED_RADIO, RadioType.ZNP)
                )
                self._simulated_devices = SimulatedDevices(
                    user_input.get(CONF_SIMULATED_DEVICES, SimulatedDevices.SEED)
                )
                return await self.async_step_simulated()
            return await self.async_step_serial()
        return self.async_show_form(
            step_id=step_id,
            data_schema=vol.Schema(
                {
                    vol.Required(CONF_RADIO_TYPE, default=RadioType.ZNP.value): (
                        selector.SelectSelector(
                            selector.SelectSelectorConfig(
                                options=[kind.value for kind in RadioType],
                                translation_key=CONF_RADIO_TYPE,
                                mode=selector.SelectSelectorMode.LIST,
                            )
                        )
                    ),
                    # Only read for the simulated network: the coordinator it emulates.
                    vol.Required(CONF_SIMULATED_RADIO, default=RadioType.ZNP.value): (
                        selector.SelectSelector(
                            selector.SelectSelectorConfig(
                                options=[kind.value for kind in SIMULATED_RADIOS],
                                translation_key=CONF_SIMULATED_RADIO,
                                mode=selector.SelectSelectorMode.DROPDOWN,
                            )
                        )
                    ),
                    # Only read for the simulated network: which devices are on its air.
                    vol.Required(
                        CONF_SIMULATED_DEVICES, default=SimulatedDevices.SEED.value
                    ): selector.SelectSelector(
                        selector.SelectSelectorConfig(
                            options=[devices.value for devices in SimulatedDevices],
                            translation_key=CONF_SIMULATED_DEVICES,
                            mode=selector.SelectSelectorMode.DROPDOWN,
                        )
                    ),
                    vol.Required(CONF_FROM_ZIGBEE2MQTT, default=False): (
                        selector.BooleanSelector()
                    ),
                }
            ),
        )

    async def async_step_simulated(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Start the built-in simulated network and form a fresh network on it."""
        self._async_abort_entries_match({CONF_RADIO_TYPE: RadioType.SIMULATED.value})
        state_dir = simulator_state_dir(Path(self.hass.config.config_dir))
        # No entry owns the simulator: whatever state is left belongs to a removed entry
        # whose devices zigpy no longer knows, so start over.
        await self.hass.async_add_executor_job(partial(shutil.rmtree, state_dir, True))
        if self._from_zigbee2mqtt:
            self._radio_type = RadioType.SIMULATED
            self._probe = ProbeResult(ieee=None, network_formed=False)  # blank: wiped above
            return await self.async_step_zigbee2mqtt()
        network = await start_simulator(state_dir, radio=self._simulated_radio)
        try:
            # The state is gone, so the stick is blank: form its network straight away.
            result = await form_network(self._simulated_radio, simulator_device(network))
        except RadioError as err:
            return self.async_abort(reason=err.reason)
        finally:
            await network.stop()
        await self.async_set_unique_id(result.ieee)
        self._abort_if_unique_id_configured()
        return self.async_create_entry(
            title="Simulated Aqara network",
            data={
                CONF_RADIO_TYPE: RadioType.SIMULATED.value,
                CONF_SIMULATED_RADIO: self._simulated_radio.value,
                CONF_SIMULATED_DEVICES: self._simulated_devices.value,
                CONF_DEVICE: {},
                CONF_NETWORK: _network_data(result),
            },
        )

    async def async_step_serial(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Choose the serial port (or socket://host:port) and probe the radio there."""
        errors: dict[str, str] = {}
        if user_input is not None:
            device, errors = _device_settings(user_input)
            if not errors:
                self._device = device
                # Probing a port a configured entry uses would disturb its running radio
                if await self._async_path_configured(device[CONF_DEVICE_PATH]):
                    return self.async_abort(reason="already_configured")
                try:
                    self._probe = await probe(self._radio_type, self._device)
                except RadioError as err:
                    errors["base"] = err.reason
                else:
                    return await self._async_after_probe()
        return self.async_show_form(
            step_id="serial",
            data_schema=self.add_suggested_values_to_schema(
                _serial_schema(self._radio_type), user_input or self._device
            ),
            errors=errors,
            description_placeholders={"radio": self._radio_type.value},
        )

    async def _async_path_configured(self, path: str) -> bool:
        """True when an entry of this integration already drives the port at ``path``."""
        paths = [
            str(entry.data[CONF_DEVICE][CONF_DEVICE_PATH])
            for entry in self._async_current_entries(include_ignore=False)
            if entry.data.get(CONF_DEVICE, {}).get(CONF_DEVICE_PATH)
        ]
        if not paths:
            return False

        def normalized() -> tuple[str, set[str]]:
            return normalized_path(path), {normalized_path(other) for other in paths}

        wanted, configured = await self.hass.async_add_executor_job(normalized)
        return wanted in configured

    async def _async_after_probe(self) -> ConfigFlowResult:
        assert self._probe is not None
        if self._probe.ieee:
            await self.async_set_unique_id(self._probe.ieee)
            entry = self.hass.config_entries.async_entry_for_domain_unique_id(
                DOMAIN, self._probe.ieee
            )
            if entry is not None and entry.state is ConfigEntryState.LOADED:
                # The coordinator runs under that entry already: never move it from here
                return self.async_abort(reason="already_configured")
            self._abort_if_unique_id_configured(updates={CONF_DEVICE: self._device})
        if self._from_zigbee2mqtt:
            return await self.async_step_zigbee2mqtt()
        if self._probe.network_formed:
            return await self.async_step_network()
        # A blank stick holds nothing to overwrite: form straight away.
        return await self._async_form_and_create()

    async def async_step_network(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """The stick already holds a network: keep it, or form a new one."""
        assert self._probe is not None
        if user_input is not None:
            if user_input[CONF_NETWORK_ACTION] == NETWORK_KEEP:
                return self._async_create(self._probe)
            return await self.async_step_confirm_overwrite()
        return self.async_show_form(
            step_id="network",
            data_schema=vol.Schema(
                {
                    vol.Required(CONF_NETWORK_ACTION, default=NETWORK_KEEP): (
                        selector.SelectSelector(
                            selector.SelectSelectorConfig(
                                options=[NETWORK_KEEP, NETWORK_FORM],
                                translation_key=CONF_NETWORK_ACTION,
                                mode=selector.SelectSelectorMode.LIST,
                            )
                        )
                    )
                }
            ),
            description_placeholders={
                "pan_id": f"0x{self._probe.pan_id or 0:04X}",
                "channel": str(self._probe.channel),
            },
        )

    async def async_step_confirm_overwrite(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Forming erases the network on the stick: ask once more."""
        if user_input is not None:
            return await self._async_form_and_create()
        return self.async_show_form(step_id="confirm_overwrite")

    async def _async_form_and_create(self) -> ConfigFlowResult:
        try:
            result = await form_network(self._radio_type, self._device)
        except RadioError as err:
            return self.async_abort(reason=err.reason)
        if not self.unique_id and result.ieee:
            await self.async_set_unique_id(result.ieee)
            self._abort_if_unique_id_configured()
        return self._async_create(result)

    @callback
    def _async_create(
        self, result: ProbeResult, migration: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        data: dict[str, Any] = {
            CONF_RADIO_TYPE: self._radio_type.value,
            CONF_DEVICE: self._device,
            CONF_NETWORK: _network_data(result),
        }
        title = f"Zigbee coordinator ({self._device.get(CONF_DEVICE_PATH)})"
        if self._radio_type is RadioType.SIMULATED:
            data[CONF_SIMULATED_RADIO] = self._simulated_radio.value
            title = "Simulated Aqara network"
        if migration is not None:
            data[CONF_MIGRATION] = migration
        return self.async_create_entry(title=title, data=data)

    # ------------------------------------------------------------ moving in from elsewhere

    async def async_step_zigbee2mqtt(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Zigbee2MQTT's coordinator_backup.json and database.db: uploaded, or in a folder."""
        errors: dict[str, str] = {}
        suggested = dict(user_input or {})
        if user_input is not None:
            uploads = {
                field: str(user_input[field])
                for field in ZIGBEE2MQTT_UPLOADS
                if user_input.get(field)
            }
            folder = str(user_input.get(CONF_ZIGBEE2MQTT_PATH) or "").strip()
            read: Callable[[], MigrationSource] | None = None
            if uploads and folder:
                errors["base"] = "upload_or_folder"
            elif folder:
                read = partial(_read_zigbee2mqtt, Path(self.hass.config.path(folder)))
            else:
                errors |= {
                    field: "file_missing"
                    for field in ZIGBEE2MQTT_REQUIRED_UPLOADS
                    if field not in uploads
                }
                if not errors:
                    read = partial(_read_zigbee2mqtt_uploads, self.hass, uploads)
                    # Reading consumes the uploads: an error asks for them again
                    for field in uploads:
                        suggested.pop(field)
            if read is not None:
                try:
                    source = await self.hass.async_add_executor_job(read)
                except _UploadGoneError as err:
                    errors[err.field] = err.reason
                except MigrationError as err:
                    LOGGER.warning("Zigbee2MQTT's files cannot be taken over: %s", err)
                    errors["base"] = err.reason
                else:
                    self._migration = source
                    return await self.async_step_zigbee2mqtt_confirm()
        return self.async_show_form(
            step_id="zigbee2mqtt",
            data_schema=self.add_suggested_values_to_schema(
                vol.Schema(
                    {
                        vol.Optional(CONF_ZIGBEE2MQTT_BACKUP): selector.FileSelector(
                            selector.FileSelectorConfig(accept=".json,application/json")
                        ),
                        vol.Optional(CONF_ZIGBEE2MQTT_DATABASE): selector.FileSelector(
                            selector.FileSelectorConfig(accept=".db")
                        ),
                        vol.Optional(CONF_ZIGBEE2MQTT_CONFIGURATION): selector.FileSelector(
                            selector.FileSelectorConfig(accept=".yaml,.yml")
                        ),
                        vol.Optional(CONF_ZIGBEE2MQTT_PATH): selector.TextSelector(),
                    }
                ),
                suggested,
            ),
            errors=errors,
            description_placeholders={"config_dir": self.hass.config.config_dir},
        )

    async def async_step_zigbee2mqtt_confirm(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Show what moves in, and what on the stick it overwrites; restore on confirmation."""
        assert self._migration is not None
        assert self._probe is not None
        source, probe = self._migration, self._probe
        network = source.network
        same = probe.network_formed and _same_network(probe, network.extended_pan_id)
        if user_input is not None:
            if not same:
                try:
                    probe = await self._async_restore(source.backup)
                except RadioError as err:
                    return self.async_abort(reason=err.reason)
            if probe.ieee:
                await self.async_set_unique_id(probe.ieee)
                self._abort_if_unique_id_configured()
            return self._async_create(probe, migration_data(source))
        overwrite = ""
        if probe.network_formed and not same:
            overwrite = f"0x{probe.pan_id or 0:04X} (channel {probe.channel})"
        return self.async_show_form(
            step_id="zigbee2mqtt_confirm" if not overwrite else "zigbee2mqtt_overwrite",
            description_placeholders=_summary(source) | {"current": overwrite},
        )

    async def async_step_zigbee2mqtt_overwrite(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """The stick holds another network: the same confirmation, with that warning."""
        return await self.async_step_zigbee2mqtt_confirm(user_input)

    async def _async_restore(self, backup: dict[str, Any]) -> ProbeResult:
        if self._radio_type is not RadioType.SIMULATED:
            return await async_restore_network(self._radio_type, self._device, backup)
        state_dir = simulator_state_dir(Path(self.hass.config.config_dir))
        network = await start_simulator(state_dir, radio=self._simulated_radio)
        try:
            return await async_restore_network(
                self._simulated_radio, simulator_device(network), backup
            )
        finally:
            await network.stop()

    def _zha_entry(self) -> ConfigEntry | None:
        """ZHA's entry, when Home Assistant has one that is not ignored."""
        for entry in self.hass.config_entries.async_entries(ZHA_DOMAIN, include_ignore=False):
            return entry
        return None

    async def async_step_zha_takeover(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Take ZHA's network and devices over, on the same stick."""
        zha = self._zha_entry()
        if zha is None:
            return self.async_abort(reason="zha_not_found")
        radio_type = ZHA_RADIO_TYPES.get(str(zha.data.get("radio_type")))
        zha_device = zha.data.get("device") or {}
        if radio_type is None or not zha_device.get("path"):
            return self.async_abort(reason="zha_radio_not_supported")
        if self._migration is None:
            database = Path(self.hass.config.path(ZHA_DATABASE))
            try:
                self._migration = await self.hass.async_add_executor_job(read_source, [database])
            except MigrationError as err:
                LOGGER.warning("ZHA's database cannot be taken over: %s", err)
                return self.async_abort(reason=err.reason)
            _zha_registry_names(self.hass, zha, self._migration)
            self._zha_entity_names = _zha_entity_names(self.hass, zha)
        # Checked before ZHA lets go of the stick: this coordinator may be set up here already
        await self.async_set_unique_id(self._migration.network.coordinator_ieee)
        self._abort_if_unique_id_configured()
        if user_input is None:
            return self.async_show_form(
                step_id="zha_takeover", description_placeholders=_summary(self._migration)
            )
        self._radio_type = radio_type
        self._device = {
            CONF_DEVICE_PATH: str(zha_device["path"]),
            CONF_BAUDRATE: int(zha_device.get("baudrate") or SERIAL_DEFAULTS[radio_type][0]),
            CONF_FLOW_CONTROL: str(zha_device.get("flow_control") or FlowControl.NONE),
        }
        # ZHA lets go of the stick; disabled, never deleted: enabling it again goes back
        await self.hass.config_entries.async_set_disabled_by(zha.entry_id, ConfigEntryDisabler.USER)
        reason: str | None = None
        try:
            probe_result = await probe(radio_type, self._device)
        except RadioError as err:
            reason = err.reason
        else:
            if (
                not probe_result.network_formed
                or probe_result.ieee != self._migration.network.coordinator_ieee
                or not _same_network(probe_result, self._migration.network.extended_pan_id)
            ):
                reason = "zha_network_mismatch"
        if reason is not None:
            # Nothing was changed on the stick: give it back to ZHA
            await self.hass.config_entries.async_set_disabled_by(zha.entry_id, None)
            return self.async_abort(reason=reason)
        return self._async_create(
            probe_result, migration_data(self._migration, self._zha_entity_names)
        )

    async def async_step_usb(self, discovery_info: UsbServiceInfo) -> ConfigFlowResult:
        """A known Zigbee stick was plugged in."""
        path = await self.hass.async_add_executor_job(usb.get_serial_by_id, discovery_info.device)
        for entry in self._async_current_entries(include_ignore=False):
            if entry.data.get(CONF_DEVICE, {}).get(CONF_DEVICE_PATH) in (
                path,
                discovery_info.device,
            ):
                return self.async_abort(reason="already_configured")
        self._radio_type = _guess_radio_type(discovery_info)
        baudrate, flow_control = SERIAL_DEFAULTS[self._radio_type]
        self._device = {
            CONF_DEVICE_PATH: path,
            CONF_BAUDRATE: baudrate,
            CONF_FLOW_CONTROL: flow_control.value,
        }
        self.context["title_placeholders"] = {"name": discovery_info.description or path}
        return await self.async_step_usb_confirm()

    async def async_step_usb_confirm(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        errors: dict[str, str] = {}
        if user_input is not None:
            try:
                self._probe = await probe(self._radio_type, self._device)
            except RadioError as err:
                errors["base"] = err.reason
            else:
                return await self._async_after_probe()
        self._set_confirm_only()
        return self.async_show_form(
            step_id="usb_confirm",
            description_placeholders={"path": self._device[CONF_DEVICE_PATH]},
            errors=errors,
        )

    async def async_step_reconfigure(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Point an entry at a new port or address for the same coordinator."""
        entry = self._get_reconfigure_entry()
        self._radio_type = RadioType(entry.data[CONF_RADIO_TYPE])
        if self._radio_type is RadioType.SIMULATED:
            return self.async_abort(reason="reconfigure_simulated")
        errors: dict[str, str] = {}
        if user_input is not None:
            device, errors = _device_settings(user_input)
            if not errors:
                try:
                    result = await probe(self._radio_type, device)
                except RadioError as err:
                    errors["base"] = err.reason
                else:
                    await self.async_set_unique_id(result.ieee)
                    self._abort_if_unique_id_mismatch(reason="wrong_coordinator")
                    if entry.update_listeners:
                        # A loaded entry's update listener schedules its reload
                        return self.async_update_and_abort(
                            entry, data_updates={CONF_DEVICE: device}
                        )
                    return self.async_update_reload_and_abort(
                        entry, data_updates={CONF_DEVICE: device}
                    )
        return self.async_show_form(
            step_id="reconfigure",
            data_schema=self.add_suggested_values_to_schema(
                _serial_schema(self._radio_type, entry.data.get(CONF_DEVICE)),
                user_input or entry.data.get(CONF_DEVICE, {}),
            ),
            errors=errors,
        )


def _read_zigbee2mqtt(path: Path) -> MigrationSource:
    """Zigbee2MQTT's files in a folder (or beside the file named); never ZHA's database."""
    folder = path.parent if path.is_file() else path
    source = read_source([folder])
    if source.source != "zigbee2mqtt":
        raise MigrationError("not_zigbee2mqtt", f"{folder}: holds ZHA's database")
    return source


class _UploadGoneError(MigrationError):
    """An upload field names no file (never uploaded, or consumed by an earlier read)."""

    def __init__(self, field: str) -> None:
        super().__init__("file_missing", f"{field}: no such uploaded file")
        self.field = field


def _read_zigbee2mqtt_uploads(hass: HomeAssistant, uploads: dict[str, str]) -> MigrationSource:
    """Zigbee2MQTT's uploaded files (upload field -> file id); blocking, for the executor.

    The browser keeps the user's file name ("coordinator_backup (1).json"), so each upload is
    copied under the name Zigbee2MQTT gives it into a private folder and read as a data
    folder is. The copies and the uploads (they hold the network key) are removed after.
    """
    with tempfile.TemporaryDirectory(prefix="aqara_zigbee_z2m_") as temp, ExitStack() as files:
        folder = Path(temp)
        for field, file_id in uploads.items():
            try:
                uploaded = files.enter_context(process_uploaded_file(hass, file_id))
            except ValueError as err:
                raise _UploadGoneError(field) from err
            try:
                shutil.copyfile(uploaded, folder / ZIGBEE2MQTT_UPLOADS[field])
            except OSError as err:
                raise MigrationError("file_unreadable", f"{uploaded}: {err}") from err
        return _read_zigbee2mqtt(folder)


def _same_network(result: ProbeResult, extended_pan_id: str) -> bool:
    """Whether a probed stick runs the network of that extended PAN id (16 hex digits)."""
    return (result.extended_pan_id or "").replace(":", "").lower() == extended_pan_id


def _summary(source: MigrationSource) -> dict[str, str]:
    """Placeholders of a confirmation form: the network and the devices it brings."""
    lines = []
    for device in source.devices[:LISTED_DEVICES]:
        line = f"- {device.name or device.ieee} ({device.model or 'unknown model'})"
        if device.area:
            line += f", {device.area}"
        if not device.supported:
            line += " *"
        lines.append(line)
    if len(source.devices) > LISTED_DEVICES:
        lines.append(f"- ... {len(source.devices) - LISTED_DEVICES} more")
    network = source.network
    return {
        "pan_id": f"0x{network.pan_id:04X}",
        "channel": str(network.channel),
        "count": str(len(source.devices)),
        "devices": "\n".join(lines),
    }


def _zha_entity_names(hass: HomeAssistant, zha: ConfigEntry) -> EntityNames:
    """The entity names a user gave in ZHA: IEEE -> (platform, name ZHA gave, user's name)."""
    devices = dr.async_get(hass)
    entities = er.async_get(hass)
    names: EntityNames = {}
    for device in dr.async_entries_for_config_entry(devices, zha.entry_id):
        ieee = next((i for domain, i in device.identifiers if domain == ZHA_DOMAIN), None)
        if ieee is None:
            continue
        for entity in er.async_entries_for_device(entities, device.id, True):
            if entity.platform == ZHA_DOMAIN and entity.name:
                names.setdefault(ieee, []).append(
                    (entity.domain, entity.original_name, entity.name)
                )
    return names


def _zha_registry_names(hass: HomeAssistant, zha: ConfigEntry, source: MigrationSource) -> None:
    """Device names and areas as Home Assistant shows them now (its registry on disk may lag)."""
    devices = dr.async_get(hass)
    areas = ar.async_get(hass)
    by_ieee = {device.ieee: device for device in source.devices}
    for entry in dr.async_entries_for_config_entry(devices, zha.entry_id):
        for domain, ieee in entry.identifiers:
            if domain == ZHA_DOMAIN and (device := by_ieee.get(ieee)) is not None:
                device.name = entry.name_by_user or entry.name
                area = areas.async_get_area(entry.area_id) if entry.area_id else None
                device.area = area.name if area else None


class AqaraZigbeeOptionsFlow(OptionsFlowWithReload):
    """Network-wide options, and the per-device options of the device pages.

    A loaded entry applies new options live through its update listener; an entry whose
    setup failed has no listener, and Home Assistant reloads it with the new options.
    """

    def __init__(self) -> None:
        self._device_ieee: str | None = None

    @callback
    def _async_save(self, options: dict[str, Any]) -> ConfigFlowResult:
        self.automatic_reload = not self.config_entry.update_listeners and (
            self.config_entry.state in (ConfigEntryState.SETUP_ERROR, ConfigEntryState.SETUP_RETRY)
        )
        return self.async_create_entry(data=options)

    async def async_step_init(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        return self.async_show_menu(step_id="init", menu_options=["network", "device", "ota"])

    async def async_step_network(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Permit-join duration and availability timeouts."""
        if user_input is not None:
            return self._async_save({**self.config_entry.options, **user_input})
        options = self.config_entry.options
        fields: dict[vol.Marker, Any] = {
            vol.Required(
                CONF_PERMIT_JOIN_DURATION,
                default=options.get(CONF_PERMIT_JOIN_DURATION, DEFAULT_PERMIT_JOIN_DURATION),
            ): StrictNumberSelector(
                selector.NumberSelectorConfig(
                    min=1, max=MAX_PERMIT_JOIN_DURATION, step=1, unit_of_measurement="s"
                )
            ),
            vol.Required(
                CONF_MAINS_TIMEOUT,
                default=options.get(CONF_MAINS_TIMEOUT, DEFAULT_MAINS_TIMEOUT),
            ): StrictNumberSelector(
                selector.NumberSelectorConfig(
                    min=AVAILABILITY_TIMEOUT_RANGE[0],
                    max=AVAILABILITY_TIMEOUT_RANGE[1],
                    step=1,
                    unit_of_measurement="s",
                    mode=selector.NumberSelectorMode.BOX,
                )
            ),
            vol.Required(
                CONF_BATTERY_TIMEOUT,
                default=options.get(CONF_BATTERY_TIMEOUT, DEFAULT_BATTERY_TIMEOUT),
            ): StrictNumberSelector(
                selector.NumberSelectorConfig(
                    min=AVAILABILITY_TIMEOUT_RANGE[0],
                    max=AVAILABILITY_TIMEOUT_RANGE[1],
                    step=1,
                    unit_of_measurement="s",
                    mode=selector.NumberSelectorMode.BOX,
                )
            ),
        }
        if self.config_entry.data.get(CONF_RADIO_TYPE) == RadioType.SIMULATED:
            fields[
                vol.Required(
                    CONF_SIMULATION_SPEED,
                    default=options.get(CONF_SIMULATION_SPEED, DEFAULT_SIMULATION_SPEED),
                )
            ] = StrictNumberSelector(
                selector.NumberSelectorConfig(
                    min=SIMULATION_SPEED_RANGE[0],
                    max=SIMULATION_SPEED_RANGE[1],
                    step=1,
                    mode=selector.NumberSelectorMode.BOX,
                )
            )
        return self.async_show_form(step_id="network", data_schema=vol.Schema(fields))

    async def async_step_ota(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Where firmware images come from (nothing is ever installed on its own)."""
        errors: dict[str, str] = {}
        if user_input is not None and not await async_validate_ota_folder(
            self.hass, user_input.get(CONF_OTA_FOLDER)
        ):
            errors[CONF_OTA_FOLDER] = "invalid_ota_folder"
        elif user_input is not None:
            updated = {**self.config_entry.options}
            for key in (CONF_OTA_FOLDER, CONF_OTA_Z2M_INDEX_URL):
                value = str(user_input.get(key) or "").strip()
                if value and not (key == CONF_OTA_FOLDER and value == DEFAULT_OTA_FOLDER):
                    updated[key] = value
                else:
                    updated.pop(key, None)
            updated[CONF_OTA_Z2M_INDEX] = bool(user_input.get(CONF_OTA_Z2M_INDEX, False))
            return self._async_save(updated)
        options = self.config_entry.options
        schema = vol.Schema(
            {
                vol.Optional(CONF_OTA_FOLDER): selector.TextSelector(),
                vol.Required(
                    CONF_OTA_Z2M_INDEX, default=bool(options.get(CONF_OTA_Z2M_INDEX, False))
                ): selector.BooleanSelector(),
                vol.Optional(CONF_OTA_Z2M_INDEX_URL): selector.TextSelector(
                    selector.TextSelectorConfig(type=selector.TextSelectorType.URL)
                ),
            }
        )
        return self.async_show_form(
            step_id="ota",
            data_schema=self.add_suggested_values_to_schema(
                schema,
                {
                    CONF_OTA_FOLDER: options.get(CONF_OTA_FOLDER, DEFAULT_OTA_FOLDER),
                    CONF_OTA_Z2M_INDEX_URL: options.get(CONF_OTA_Z2M_INDEX_URL),
                }
                | (user_input or {}),
            ),
            errors=errors,
        )

    async def async_step_device(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Pick the device whose options to change."""
        # The entry may not be loaded (a radio away): nothing has loaded the definitions
        await async_load_definitions(self.hass.async_add_executor_job)
        registry = dr.async_get(self.hass)
        devices = {
            identifier: device.name_by_user or device.name or identifier
            for device in dr.async_entries_for_config_entry(registry, self.config_entry.entry_id)
            for domain, identifier in device.identifiers
            if domain == DOMAIN and _has_device_options(device.model_id)
        }
        if not devices:
            return self.async_abort(reason="no_configurable_devices")
        # A device removed while the picker was open is offered no more (picker shown again).
        if user_input is not None and user_input[CONF_DEVICE_IEEE] in devices:
            self._device_ieee = user_input[CONF_DEVICE_IEEE]
            return await self.async_step_device_options()
        return self.async_show_form(
            step_id="device",
            data_schema=vol.Schema(
                {
                    vol.Required(CONF_DEVICE_IEEE): selector.SelectSelector(
                        selector.SelectSelectorConfig(
                            options=[
                                selector.SelectOptionDict(value=ieee, label=name)
                                for ieee, name in sorted(devices.items(), key=lambda i: i[1])
                            ]
                        )
                    )
                }
            ),
        )

    async def async_step_device_options(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """The options the device's page lists (applied from its next report on)."""
        assert self._device_ieee is not None
        await async_load_definitions(self.hass.async_add_executor_job)
        registry = dr.async_get(self.hass)
        device = registry.async_get_device_by_identifier(
            (DOMAIN, self._device_ieee), self.config_entry.entry_id
        )
        definition = get_definition(device.model_id if device else None)
        all_options = dict(self.config_entry.options.get(CONF_DEVICE_OPTIONS, {}))
        current = all_options.get(self._device_ieee, {})
        if user_input is not None:
            all_options[self._device_ieee] = user_input
            return self._async_save({**self.config_entry.options, CONF_DEVICE_OPTIONS: all_options})
        assert definition is not None  # the picker offers only devices of known models
        return self.async_show_form(
            step_id="device_options",
            data_schema=_device_options_schema(definition, current),
            description_placeholders={"device": device.name if device and device.name else ""},
        )


def _device_options_schema(definition: Definition, saved: dict[str, Any]) -> vol.Schema:
    """The model's options (``OPTION_SPECS``), each starting from its saved value.

    A saved value the field would refuse (edited by hand, or saved under older bounds)
    starts from the default instead, so the form never opens on a value it rejects.
    """
    fields: dict[vol.Marker, Any] = {}
    for key in definition.options:
        spec = OPTION_SPECS[key]
        field = option_selector(definition, spec)
        current = accepted(field, saved[key]) if key in saved else None
        if spec.default is None:
            # Unset means "as the device reports it": an optional field, pre-filled when set
            fields[vol.Optional(key, description={"suggested_value": current})] = field
        else:
            fields[vol.Required(key, default=spec.default if current is None else current)] = field
    return vol.Schema(fields)


def _has_device_options(model_id: str | None) -> bool:
    """Whether a model's page lists options to set (a door sensor may list none)."""
    definition = get_definition(model_id) if model_id else None
    return definition is not None and bool(definition.options)
