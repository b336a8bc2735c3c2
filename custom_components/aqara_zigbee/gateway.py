"""The gateway: the one object that owns the Zigbee radio for a config entry.

Frames arrive from zigpy (``handle_message`` for every frame, cluster listeners inside each
``DeviceHandle`` for decoded values); the gateway fans decoded values out to the entities that
subscribed to them and keeps Home Assistant's device registry true to the network.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Callable, Coroutine
import contextlib
from datetime import timedelta
from functools import partial
import logging
import math
from pathlib import Path
import shutil
import time
from typing import TYPE_CHECKING, Any
from unicodedata import category

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import EVENT_HOMEASSISTANT_STOP
from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.exceptions import (
    ConfigEntryError,
    ConfigEntryNotReady,
    HomeAssistantError,
    ServiceValidationError,
)
from homeassistant.helpers import device_registry as dr, issue_registry as ir
from homeassistant.helpers.dispatcher import async_dispatcher_send
from homeassistant.helpers.event import async_track_time_interval
from homeassistant.helpers.storage import Store
import zigpy.application
import zigpy.backups
import zigpy.device
import zigpy.exceptions
import zigpy.state
import zigpy.types as zigpy_t
import zigpy.zcl
from zigpy.zdo.types import LogicalType

from . import hardening
from .const import (
    CONF_BATTERY_TIMEOUT,
    CONF_DEVICE,
    CONF_DEVICE_OPTIONS,
    CONF_MAINS_TIMEOUT,
    CONF_NETWORK,
    CONF_RADIO_TYPE,
    CONF_SIMULATION_SPEED,
    DEFAULT_BATTERY_TIMEOUT,
    DEFAULT_MAINS_TIMEOUT,
    DEFAULT_SIMULATION_SPEED,
    DOMAIN,
    LOGGER,
    MAX_PERMIT_JOIN_DURATION,
    SIGNAL_DEVICE_OPTIONS,
    SIGNAL_NEW_DEVICE,
    ZIGPY_DATABASE,
    RadioType,
)
from .devices import get_definition
from .devices.handle import DeviceHandle
from .devices.resolver import resolve_device
from .radio import (
    application_class,
    describe_network,
    library_radio,
    simulator_device,
    simulator_state_dir,
    start_simulator,
    zigpy_config,
)

if TYPE_CHECKING:
    from .simulator import SimulatedNetwork

type AqaraConfigEntry = ConfigEntry[AqaraGateway]

LINKQUALITY = "linkquality"
BACKUP_INTERVAL = timedelta(days=1)
AVAILABILITY_CHECK_INTERVAL = timedelta(minutes=1)
BACKUPS_KEPT = 7
RECONNECT_DELAYS = (1.0, 2.0, 5.0, 10.0, 30.0, 60.0)
# How long a stop waits for configure/read work in flight before cancelling it
DEVICE_WORK_GRACE = 5.0
# Longest wait for a radio application to shut down before it is abandoned
SHUTDOWN_TIMEOUT = 5.0
INTERVIEW_UNWIND_STEPS = 100

ValueCallback = Callable[[object], None]

# Keep the network key out of every log and refuse allocation bombs (see hardening.py).
# Installed on import: the config flow forms networks before any gateway exists.
hardening.install()


def database_path(hass: HomeAssistant, entry: ConfigEntry) -> Path:
    """zigpy's SQLite database for an entry, in HA's config directory."""
    return Path(hass.config.path(f"{DOMAIN}_{entry.entry_id}_{ZIGPY_DATABASE}"))


class AqaraGateway:
    """Owns zigpy's ControllerApplication for one config entry."""

    def __init__(self, hass: HomeAssistant, entry: AqaraConfigEntry) -> None:
        self.hass = hass
        self.entry = entry
        self.radio_type = RadioType(entry.data[CONF_RADIO_TYPE])
        #: the family of the library that drives the radio (the simulated one's too)
        self.library_radio = library_radio(entry.data)
        self.app: zigpy.application.ControllerApplication | None = None
        self.simulator: SimulatedNetwork | None = None
        self.handles: dict[str, DeviceHandle] = {}
        self.connected = False
        self.coordinator_ieee: str = entry.unique_id or ""
        self._subscribers: defaultdict[tuple[str, str], list[ValueCallback]] = defaultdict(list)
        self._availability_subscribers: defaultdict[str, list[CALLBACK_TYPE]] = defaultdict(list)
        self._available: dict[str, bool] = {}
        self._handle_unsubs: dict[str, Callable[[], None]] = {}
        #: configure / initial-read work per device, finished before the radio goes
        self._device_work: set[asyncio.Task[None]] = set()
        self._unsubs: list[CALLBACK_TYPE] = []
        self._reconnect_task: asyncio.Task[None] | None = None
        self._stop_listener: CALLBACK_TYPE | None = None
        self._stopping = False
        #: keys of each device's cumulative counters (total_increasing sensors)
        self._counter_keys: dict[str, frozenset[str]] = {}
        self._rejected: set[tuple[str, str]] = set()
        self._logged_unknown: set[str] = set()
        self._forgotten_listeners: list[Callable[[str], None]] = []
        self._backups: Store[list[dict[str, Any]]] = Store(
            hass, 1, f"{DOMAIN}.{entry.entry_id}.backups", private=True
        )

    # ----------------------------------------------------------------- lifecycle

    async def async_start(self) -> None:
        """Connect the radio, check the network is the saved one, load devices."""
        # The network key is read back at every start: know it before the radio libraries
        # log their NV reads (see hardening.py). Files holding keys are the owner's only.
        await self.hass.async_add_executor_job(hardening.make_private, Path(self._backups.path))
        await self.hass.async_add_executor_job(
            partial(hardening.make_private, database_path(self.hass, self.entry), create=True)
        )
        for backup in await self._backups.async_load() or []:
            _register_secrets_from_dict(backup)
        app = await self._async_connect()
        try:
            self._check_network(app)
        except ConfigEntryError:
            await app.shutdown()
            raise
        self._attach(app)
        # Home Assistant does not unload entries when it stops: release the radio (and flush
        # zigpy's database, close permit join) ourselves
        self._stop_listener = self.hass.bus.async_listen_once(
            EVENT_HOMEASSISTANT_STOP, self._async_on_hass_stop
        )
        self._unsubs.append(
            async_track_time_interval(
                self.hass, self._async_check_availability, AVAILABILITY_CHECK_INTERVAL
            )
        )
        self._unsubs.append(
            async_track_time_interval(self.hass, self._async_backup, BACKUP_INTERVAL)
        )
        if not await self._backups.async_load():
            await self._async_backup()

    async def _async_on_hass_stop(self, _event: Event) -> None:
        self._stop_listener = None  # a fired once-listener must not be removed
        await self.async_stop()

    async def async_stop(self) -> None:
        """Close permit join, detach, and disconnect the radio and simulator (idempotent)."""
        self._stopping = True
        for unsub in self._unsubs:
            unsub()
        self._unsubs.clear()
        if self._stop_listener is not None:
            self._stop_listener()
            self._stop_listener = None
        if self._reconnect_task is not None:
            self._reconnect_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reconnect_task
        if self.app is not None:
            if self.connected:
                with contextlib.suppress(Exception):
                    await self.app.permit(0)
            await self._async_release_app(self.app)
            self.app = None
        self.connected = False
        if self.simulator is not None:
            await self.simulator.stop()
            self.simulator = None

    async def _async_connect(self) -> zigpy.application.ControllerApplication:
        device: dict[str, Any] = dict(self.entry.data.get(CONF_DEVICE, {}))
        if self.radio_type is RadioType.SIMULATED:
            if self.simulator is None:
                self.simulator = await start_simulator(
                    simulator_state_dir(Path(self.hass.config.config_dir)),
                    speed=float(
                        self.entry.options.get(CONF_SIMULATION_SPEED, DEFAULT_SIMULATION_SPEED)
                    ),
                    radio=self.library_radio,
                )
            device = simulator_device(self.simulator)
        cls = application_class(self.library_radio)
        config = zigpy_config(device, database_path(self.hass, self.entry))
        try:
            app = await cls.new(config, start_radio=False, device_resolver=resolve_device)
        except Exception as exc:  # e.g. an unreadable database
            LOGGER.debug("Could not open zigpy's database", exc_info=True)
            raise _cannot_connect(exc) from exc
        self._prime_coordinator(app)
        watch = _ConnectionWatch()
        app.add_listener(watch)
        try:
            await watch.run(app.startup(auto_form=False))
        except zigpy.exceptions.NetworkNotFormed as exc:
            await _shutdown_quietly(app)  # closes the database zigpy opened
            raise ConfigEntryError(
                translation_domain=DOMAIN, translation_key="network_not_formed"
            ) from exc
        except Exception as exc:
            await _shutdown_quietly(app)
            LOGGER.debug("Radio start failed", exc_info=True)
            raise _cannot_connect(exc) from exc
        except BaseException:
            # Cancelled (unload during a reconnect): never leave a half-started application
            # holding the serial port and the database
            await _shutdown_quietly(app)
            raise
        finally:
            app.remove_listener(watch)
        return app

    def _prime_coordinator(self, app: zigpy.application.ControllerApplication) -> None:
        """Let frames that arrive during the start-up find the coordinator's device.

        A stick keeps its network running while we are away, so device frames reach
        zigpy-znp as soon as it reconnects, before it has read the coordinator's identity;
        it looks its own device up for each of them and the lookup fails in a task
        ("Task exception was never retrieved", KeyError ff:ff:ff:ff:ff:ff:ff:ff). The
        database already holds that device: point the fresh application at it.
        """
        with contextlib.suppress(ValueError, KeyError):
            ieee = zigpy_t.EUI64.convert(self.coordinator_ieee)
            if isinstance(app.devices.get(ieee), zigpy.device.Device):
                app.state.node_info.ieee = ieee
                app.state.node_info.nwk = zigpy_t.NWK(0x0000)  # type: ignore[no-untyped-call]

    def _check_network(self, app: zigpy.application.ControllerApplication) -> None:
        """Refuse to run on a stick whose network is not the one this entry was made for."""
        saved = self.entry.data.get(CONF_NETWORK)
        current = describe_network(app)
        self.coordinator_ieee = current.ieee or self.coordinator_ieee
        issue_id = f"network_settings_changed_{self.entry.entry_id}"
        if saved and (
            saved.get("extended_pan_id") != current.extended_pan_id
            or saved.get("pan_id") != current.pan_id
        ):
            ir.async_create_issue(
                self.hass,
                DOMAIN,
                issue_id,
                is_fixable=False,
                severity=ir.IssueSeverity.ERROR,
                translation_key="network_settings_changed",
                translation_placeholders={
                    "saved_pan_id": f"0x{saved.get('pan_id', 0):04X}",
                    "current_pan_id": f"0x{current.pan_id or 0:04X}",
                },
            )
            raise ConfigEntryError(
                translation_domain=DOMAIN, translation_key="network_settings_changed"
            )
        ir.async_delete_issue(self.hass, DOMAIN, issue_id)

    def _attach(self, app: zigpy.application.ControllerApplication) -> None:
        self.app = app
        self.connected = True
        app.add_listener(self)
        _register_secrets(app)
        self._register_coordinator(app)
        for device in list(app.devices.values()):
            if not isinstance(device, zigpy.device.Device):
                continue
            if device.nwk == 0x0000 or not device.is_initialized:
                continue
            self._add_handle(device, configure=False)

    async def _async_release_app(
        self, app: zigpy.application.ControllerApplication, *, radio_lost: bool = False
    ) -> None:
        """Stop the device work, then shut the application down.

        On an orderly stop, configure/read work in flight gets a grace period to finish
        while the radio still answers; a lost radio fails it at once after the shutdown.
        """
        if not radio_lost and self._device_work:
            await asyncio.wait(set(self._device_work), timeout=DEVICE_WORK_GRACE)
        await _async_cancel_interviews(app)
        for ieee in list(self.handles):
            self._drop_handle(ieee)
        await _shutdown_quietly(app)
        if work := set(self._device_work):
            for task in work:
                task.cancel()
            await asyncio.gather(*work, return_exceptions=True)

    # ------------------------------------------------------------ zigpy listener

    def handle_message(  # noqa: PLR0917 - zigpy's listener signature
        self,
        device: zigpy.device.Device,
        profile: int,
        cluster: int,
        src_ep: int,
        dst_ep: int,
        message: bytes,
    ) -> None:
        """Every frame from the network: link quality and availability (hot path)."""
        ieee = str(device.ieee)
        if not self._available.get(ieee, True):
            self._set_available(ieee, True)
        if device.lqi is not None:
            self._publish(ieee, LINKQUALITY, device.lqi)

    def device_joined(self, device: zigpy.device.Device) -> None:
        LOGGER.debug("Device %s joined", device.ieee)

    def raw_device_initialized(self, device: zigpy.device.Device) -> None:
        """Log once when a device without a definition completes its interview."""

    def device_initialized(self, device: zigpy.device.Device) -> None:
        """A device finished its interview: register it and add its entities."""
        self._add_handle(device, configure=True)
        async_dispatcher_send(self.hass, SIGNAL_NEW_DEVICE.format(self.entry.entry_id), device.ieee)

    def device_reinterviewed(self, device: zigpy.device.Device) -> None:
        """zigpy swapped in a new device object (after a firmware update): follow it.

        The old object no longer receives frames nor matches replies, so the handle and the
        entities' listeners must move to the new one.
        """
        self._add_handle(device, configure=False)
        async_dispatcher_send(self.hass, SIGNAL_NEW_DEVICE.format(self.entry.entry_id), device.ieee)

    def device_left(self, device: zigpy.device.Device) -> None:
        """A device left the network on its own: forget it in Home Assistant too."""
        self._forget(str(device.ieee))

    def device_removed(self, device: zigpy.device.Device) -> None:
        self._forget(str(device.ieee))

    def connection_lost(self, exc: Exception) -> None:
        """The radio went away: mark everything unavailable and reconnect with backoff."""
        if self._stopping or not self.connected:
            return
        LOGGER.warning("Connection to the Zigbee radio was lost: %s", exc or "closed")
        self.connected = False
        for ieee in list(self.handles):
            self._notify_availability(ieee)
        self._reconnect_task = self.entry.async_create_background_task(
            self.hass, self._async_reconnect(), f"{DOMAIN} reconnect"
        )

    async def _async_reconnect(self) -> None:
        if self.app is not None:
            old, self.app = self.app, None
            old.remove_listener(self)
            await self._async_release_app(old, radio_lost=True)
        attempt = 0
        foreign_network_logged = False
        while not self._stopping:
            delay = RECONNECT_DELAYS[min(attempt, len(RECONNECT_DELAYS) - 1)]
            await asyncio.sleep(delay)
            attempt += 1
            try:
                app = await self._async_connect()
            except Exception:  # whatever failed, the next attempt may work
                LOGGER.debug("Reconnect attempt %s failed", attempt, exc_info=True)
                continue
            try:
                # The stick may have been swapped while it was away
                self._check_network(app)
            except ConfigEntryError:
                if not foreign_network_logged:  # the repair issue stays up meanwhile
                    foreign_network_logged = True
                    LOGGER.error("The radio now holds another network; not using it")
                await _shutdown_quietly(app)
                continue
            self._attach(app)
            LOGGER.warning("Connection to the Zigbee radio is back after %s attempt(s)", attempt)
            for ieee in list(self.handles):
                self._notify_availability(ieee)
            return

    # ------------------------------------------------------------------ devices

    def _register_coordinator(self, app: zigpy.application.ControllerApplication) -> None:
        registry = dr.async_get(self.hass)
        if self.radio_type is RadioType.SIMULATED:
            kind = "EmberZNet" if self.library_radio is RadioType.EZSP else "Z-Stack"
            manufacturer, model = "Aqara Zigbee", f"Simulated {kind} coordinator"
        elif self.radio_type is RadioType.EZSP:
            manufacturer, model = "Silicon Labs", "EZSP coordinator"
        else:
            manufacturer, model = "Texas Instruments", "Z-Stack coordinator"
        registry.async_get_or_create(
            config_entry_id=self.entry.entry_id,
            identifiers={(DOMAIN, self.coordinator_ieee)},
            connections={(dr.CONNECTION_ZIGBEE, self.coordinator_ieee)},
            manufacturer=manufacturer,
            model=model,
            name="Zigbee coordinator",
            sw_version=str(app.state.node_info.version or "") or None,
        )

    def _add_handle(self, device: zigpy.device.Device, *, configure: bool) -> None:
        ieee = str(device.ieee)
        if ieee in self.handles:
            self._drop_handle(ieee)
        definition = get_definition(device.model)
        if definition is None and ieee not in self._logged_unknown:
            self._logged_unknown.add(ieee)
            LOGGER.info(
                "No definition for %s model %r (%s): only link quality is shown",
                device.manufacturer,
                device.model,
                ieee,
            )
        handle = DeviceHandle(device, definition)
        handle.set_options(self.device_options(ieee))
        self.handles[ieee] = handle
        self._counter_keys[ieee] = frozenset(
            expose.key for expose in handle.exposes if expose.state_class == "total_increasing"
        )
        self._handle_unsubs[ieee] = handle.add_listener(partial(self._publish, ieee))
        handle.start()
        self._available.setdefault(ieee, True)
        registry = dr.async_get(self.hass)
        coordinator = registry.async_get_device_by_identifier(
            (DOMAIN, self.coordinator_ieee), self.entry.entry_id
        )
        registry.async_get_or_create(
            config_entry_id=self.entry.entry_id,
            identifiers={(DOMAIN, ieee)},
            connections={(dr.CONNECTION_ZIGBEE, ieee)},
            # What a device says about itself is untrusted text: no control or bidi
            # characters, bounded length
            manufacturer=_clean(definition.vendor if definition else device.manufacturer),
            model=_clean(definition.model if definition else device.model),
            model_id=_clean(device.model),
            name=(
                f"{definition.vendor} {definition.model}"
                if definition
                else _clean(
                    f"{_clean(device.manufacturer) or 'Zigbee'} {_clean(device.model) or ieee}"
                )
            ),
            sw_version=_clean(_sw_version(device)),
            via_device_id=coordinator.id if coordinator is not None else None,
        )
        if configure and definition is not None:
            self._start_device_work(self._async_configure(handle), f"{DOMAIN} configure {ieee}")
        else:
            self._start_device_work(self._async_initial_read(handle), f"{DOMAIN} read {ieee}")

    def _start_device_work(self, work: Coroutine[Any, Any, None], name: str) -> None:
        task = self.entry.async_create_background_task(self.hass, work, name)
        self._device_work.add(task)
        task.add_done_callback(self._device_work.discard)

    async def _async_configure(self, handle: DeviceHandle) -> None:
        try:
            await handle.async_configure()
        except Exception:
            LOGGER.warning("Configuring %s failed; it will be retried on re-pairing", handle.ieee)
        await self._async_initial_read(handle)

    async def _async_initial_read(self, handle: DeviceHandle) -> None:
        """Read what the device can tell on request, so states do not wait for reports."""
        if handle.exposes:
            try:
                await handle.async_read()
            except Exception:
                LOGGER.debug("Initial read of %s failed", handle.ieee, exc_info=True)
        await self._async_read_sw_version(handle.device)

    async def _async_read_sw_version(self, device: zigpy.device.Device) -> None:
        """Fill the registry's firmware version: zigpy's interview does not read it."""
        if _sw_version(device) is None and (basic := _basic_cluster(device)) is not None:
            try:
                await basic.read_attributes(["sw_build_id", "app_version"], allow_cache=False)
            except Exception:  # a sleeping device answers later, with its next heartbeat
                LOGGER.debug("Reading the firmware version of %s failed", device.ieee)
        version = _clean(_sw_version(device))
        registry = dr.async_get(self.hass)
        entry = registry.async_get_device_by_identifier(
            (DOMAIN, str(device.ieee)), self.entry.entry_id
        )
        if version is not None and entry is not None and entry.sw_version != version:
            registry.async_update_device(entry.id, sw_version=version)

    def _drop_handle(self, ieee: str) -> None:
        handle = self.handles.pop(ieee, None)
        if unsub := self._handle_unsubs.pop(ieee, None):
            unsub()
        if handle is not None:
            handle.stop()

    @callback
    def on_device_forgotten(self, listener: Callable[[str], None]) -> CALLBACK_TYPE:
        """Call ``listener`` with the ieee of each device removed from the network."""
        self._forgotten_listeners.append(listener)
        return lambda: self._forgotten_listeners.remove(listener)

    def _forget(self, ieee: str) -> None:
        self._drop_handle(ieee)
        self._available.pop(ieee, None)
        for listener in list(self._forgotten_listeners):
            listener(ieee)
        registry = dr.async_get(self.hass)
        if device_entry := registry.async_get_device_by_identifier(
            (DOMAIN, ieee), self.entry.entry_id
        ):
            registry.async_update_device(
                device_entry.id, remove_config_entry_id=self.entry.entry_id
            )

    async def async_remove_device(self, ieee: str) -> None:
        """Ask a device to leave the network (removing it in the UI)."""
        app = self._require_app()
        try:
            await app.remove(zigpy_t.EUI64.convert(ieee))
        except Exception as exc:
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="remove_failed",
                translation_placeholders={"ieee": ieee},
            ) from exc

    def device_options(self, ieee: str) -> dict[str, Any]:
        options: dict[str, Any] = self.entry.options.get(CONF_DEVICE_OPTIONS, {}).get(ieee, {})
        return options

    def apply_options(self) -> None:
        """Push changed per-device options to the handles (applied from the next report)."""
        for ieee, handle in self.handles.items():
            handle.set_options(self.device_options(ieee))
        # Entities whose presentation follows an option (display precision, state_action)
        async_dispatcher_send(self.hass, SIGNAL_DEVICE_OPTIONS.format(self.entry.entry_id))

    # ---------------------------------------------------------- availability

    def is_available(self, ieee: str) -> bool:
        return self.connected and self._available.get(ieee, False)

    def _timeout_for(self, device: zigpy.device.Device) -> float:
        node = device.node_desc
        mains = node is None or node.is_mains_powered or node.logical_type != LogicalType.EndDevice
        if mains:
            return float(self.entry.options.get(CONF_MAINS_TIMEOUT, DEFAULT_MAINS_TIMEOUT))
        return float(self.entry.options.get(CONF_BATTERY_TIMEOUT, DEFAULT_BATTERY_TIMEOUT))

    @callback
    def _async_check_availability(self, _now: object = None) -> None:
        if self.app is None:
            return
        now = time.time()
        for ieee in list(self.handles):
            device = self.app.devices.get(zigpy_t.EUI64.convert(ieee))
            if not isinstance(device, zigpy.device.Device):
                continue
            last_seen = device.last_seen
            fresh = last_seen is not None and now - last_seen < self._timeout_for(device)
            if fresh != self._available.get(ieee, True):
                self._set_available(ieee, fresh)

    def _set_available(self, ieee: str, available: bool) -> None:
        self._available[ieee] = available
        if not available:
            LOGGER.info("Device %s is unavailable: no frame within its timeout", ieee)
        self._notify_availability(ieee)

    def _notify_availability(self, ieee: str) -> None:
        for callback_ in list(self._availability_subscribers.get(ieee, ())):
            callback_()

    # ---------------------------------------------------------- subscriptions

    @callback
    def subscribe(self, ieee: str, key: str, on_value: ValueCallback) -> CALLBACK_TYPE:
        """Call ``on_value`` whenever the device confirms a new value for ``key``."""
        subscribers = self._subscribers[(ieee, key)]
        subscribers.append(on_value)
        return lambda: subscribers.remove(on_value)

    @callback
    def subscribe_availability(self, ieee: str, on_change: CALLBACK_TYPE) -> CALLBACK_TYPE:
        subscribers = self._availability_subscribers[ieee]
        subscribers.append(on_change)
        return lambda: subscribers.remove(on_change)

    def _publish(self, ieee: str, key: str, value: object) -> None:
        if not self._plausible(ieee, key, value):
            return
        for on_value in self._subscribers.get((ieee, key), ()):
            on_value(value)

    def _plausible(self, ieee: str, key: str, value: object) -> bool:
        reason = implausible(value, counter=key in self._counter_keys.get(ieee, ()))
        if reason is None:
            return True
        if (ieee, key) not in self._rejected:
            self._rejected.add((ieee, key))
            LOGGER.debug("Ignoring %s of %s: %r is %s (logged once)", key, ieee, value, reason)
        return False

    def current_value(self, ieee: str, key: str) -> object:
        if key == LINKQUALITY:
            device = self.zigpy_device(ieee)
            return device.lqi if device is not None else None
        handle = self.handles.get(ieee)
        value = handle.values.get(key) if handle is not None else None
        return value if self._plausible(ieee, key, value) else None

    def zigpy_device(self, ieee: str) -> zigpy.device.Device | None:
        if self.app is None:
            return None
        device = self.app.devices.get(zigpy_t.EUI64.convert(ieee))
        return device if isinstance(device, zigpy.device.Device) else None

    # ------------------------------------------------------------ network ops

    def _require_app(self) -> zigpy.application.ControllerApplication:
        if self.app is None or not self.connected:
            raise HomeAssistantError(translation_domain=DOMAIN, translation_key="radio_offline")
        return self.app

    async def async_permit_join(self, duration: int, router_ieee: str | None = None) -> None:
        """Open the network for joining, through one router or everywhere."""
        if not 0 <= duration <= MAX_PERMIT_JOIN_DURATION:
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="invalid_duration",
                translation_placeholders={"max": str(MAX_PERMIT_JOIN_DURATION)},
            )
        app = self._require_app()
        node: zigpy_t.EUI64 | None = None
        if router_ieee is not None:
            node = zigpy_t.EUI64.convert(router_ieee)
            if node not in app.devices:
                raise ServiceValidationError(
                    translation_domain=DOMAIN,
                    translation_key="unknown_device",
                    translation_placeholders={"ieee": router_ieee},
                )
        try:
            await app.permit(time_s=duration, node=node)
        except Exception as exc:
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="permit_join_failed",
                translation_placeholders={"error": str(exc) or type(exc).__name__},
            ) from exc

    async def _async_backup(self, _now: object = None) -> None:
        """Keep zigpy network backups in .storage (after formation, then daily)."""
        if self.app is None or not self.connected:
            return
        try:
            backup = await self.app.backups.create_backup(load_devices=True)
        except Exception:
            LOGGER.warning("Network backup failed", exc_info=LOGGER.isEnabledFor(logging.DEBUG))
            return
        stored = await self._backups.async_load() or []
        stored.append(backup.as_dict())
        await self._backups.async_save(stored[-BACKUPS_KEPT:])

    async def async_backups(self) -> list[zigpy.backups.NetworkBackup]:
        stored = await self._backups.async_load() or []
        return [zigpy.backups.NetworkBackup.from_dict(item) for item in stored]


def implausible(value: object, *, counter: bool) -> str | None:
    """Why a decoded value must not reach the entities, or None (the last gate before HA).

    A garbage frame must not put infinity into a sensor, nor a negative reading into a
    cumulative counter (Home Assistant would take the drop for a meter reset and count the
    next real reading again). A lower non-negative reading is published: that is a real
    counter reset, which ``total_increasing`` statistics handle by themselves.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return "not a finite number"
    if counter and value < 0:
        return "a negative cumulative counter"
    return None


class _ConnectionWatch:
    """zigpy listener that ends an application's start-up as soon as its link dies.

    The radio libraries do not fail the request in flight when the link drops: zigpy-znp
    waits for its 15 s / 30 s response timeouts first.
    """

    def __init__(self) -> None:
        self.lost: str | None = None
        self._lost_event = asyncio.Event()

    def connection_lost(self, exc: Exception | None) -> None:
        self.lost = (str(exc) or type(exc).__name__) if exc is not None else "closed"
        self._lost_event.set()

    async def run(self, startup: Coroutine[Any, Any, None]) -> None:
        """Run ``startup``; raise ConnectionError if the link dies during or right after it."""
        started = asyncio.ensure_future(startup)
        lost = asyncio.ensure_future(self._lost_event.wait())
        try:
            await asyncio.wait((started, lost), return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (started, lost):
                task.cancel()
            await asyncio.gather(started, lost, return_exceptions=True)
        # The link may also have died after the last request of the start-up: nothing
        # would tell us again, so that attempt failed too
        if self.lost is not None:
            raise ConnectionError(f"connection lost during start-up: {self.lost}")
        started.result()


async def _async_cancel_interviews(app: zigpy.application.ControllerApplication) -> None:
    """Cancel zigpy's interviews in flight and let them unwind before its shutdown.

    zigpy 2.3's shutdown cancels them itself, then fails in its own bookkeeping ("Error
    doing job: KeyError: <Task cancelled name='initialize'>").
    """
    interviews = [
        device
        for device in app.devices.values()
        if isinstance(device, zigpy.device.Device) and device.initializing
    ]
    for device in interviews:
        device.cancel_initialization()
    # A cancelled interview unwinds within a few loop iterations (zigpy gives no handle
    # to await); one more lets the finished tasks' done callbacks run
    for _ in range(INTERVIEW_UNWIND_STEPS):
        await asyncio.sleep(0)
        if not any(device.initializing for device in interviews):
            break
    await asyncio.sleep(0)


def _cannot_connect(exc: Exception) -> ConfigEntryNotReady:
    return ConfigEntryNotReady(
        translation_domain=DOMAIN,
        translation_key="cannot_connect",
        translation_placeholders={"error": str(exc) or type(exc).__name__},
    )


async def _shutdown_quietly(app: zigpy.application.ControllerApplication) -> None:
    """Shut the application down, whatever it raises, within a bound.

    bellows runs the serial link in a thread of its own; when the link died during a
    start-up, its shutdown can wait forever for that thread, and the reconnect with it.
    """
    with contextlib.suppress(Exception):
        async with asyncio.timeout(SHUTDOWN_TIMEOUT):
            await app.shutdown()
    await _cancel_library_leftovers(app)


async def _cancel_library_leftovers(app: zigpy.application.ControllerApplication) -> None:
    """Cancel what a radio library leaves running once its application is shut down.

    bellows lends the manufacturer code of a joining Xiaomi/Aqara device to the
    coordinator for three minutes, in a task its shutdown does not stop: with the radio
    gone, the task could only fail later.
    """
    task = getattr(app, "_mfg_id_task", None)
    if isinstance(task, asyncio.Task) and not task.done():
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


def _register_secrets(app: zigpy.application.ControllerApplication) -> None:
    """Tell the log redaction about the keys of the running network."""
    _register_secrets_from_info(app.state.network_info)


def _register_secrets_from_dict(backup: dict[str, Any]) -> None:
    """The keys of a stored network backup (``NetworkBackup.as_dict()``)."""
    with contextlib.suppress(Exception):
        _register_secrets_from_info(zigpy.backups.NetworkBackup.from_dict(backup).network_info)


def _register_secrets_from_info(info: zigpy.state.NetworkInfo) -> None:
    with contextlib.suppress(Exception):
        hardening.REDACTOR.add(info.network_key.key.serialize())
        for key in info.key_table:
            hardening.REDACTOR.add(key.key.serialize())
        seed = info.stack_specific.get("zstack", {}).get("tclk_seed")
        if isinstance(seed, str):
            hardening.REDACTOR.add(bytes.fromhex(seed))


async def remove_entry_storage(hass: HomeAssistant, entry: ConfigEntry) -> None:
    """Delete what an entry keeps on disk: network backups and the zigpy database."""
    await Store[list[dict[str, Any]]](hass, 1, f"{DOMAIN}.{entry.entry_id}.backups").async_remove()
    await hass.async_add_executor_job(_unlink_database, database_path(hass, entry))
    if entry.data.get(CONF_RADIO_TYPE) == RadioType.SIMULATED:
        state_dir = simulator_state_dir(Path(hass.config.config_dir))
        await hass.async_add_executor_job(partial(shutil.rmtree, state_dir, True))


def _unlink_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


#: longest text taken from a device for the device registry
MAX_DEVICE_TEXT = 64
_UNPRINTABLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def _clean(text: object) -> str | None:
    """Device-supplied text fit for the UI: printable, single spaced, bounded; None if empty."""
    if text is None:
        return None
    printable = "".join(
        char for char in str(text)[: 4 * MAX_DEVICE_TEXT] if category(char) not in _UNPRINTABLE
    )
    cleaned = " ".join(printable.split())
    if len(cleaned) > MAX_DEVICE_TEXT:
        cleaned = cleaned[: MAX_DEVICE_TEXT - 1] + "…"
    return cleaned or None


def _basic_cluster(device: zigpy.device.Device) -> zigpy.zcl.Cluster | None:
    for endpoint_id, endpoint in device.endpoints.items():
        if endpoint_id != 0 and 0x0000 in getattr(endpoint, "in_clusters", {}):
            cluster: zigpy.zcl.Cluster = endpoint.in_clusters[0x0000]
            return cluster
    return None


def _sw_version(device: zigpy.device.Device) -> str | None:
    """Basic's software build id, else its application version (from zigpy's cache)."""
    if (basic := _basic_cluster(device)) is None:
        return None
    for attribute in ("sw_build_id", "app_version"):
        with contextlib.suppress(Exception):
            value = basic.get(attribute)
            if value not in (None, ""):
                return str(value)
    return None
