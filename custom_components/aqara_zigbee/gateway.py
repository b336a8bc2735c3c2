"""The gateway: the one object that owns the Zigbee radio for a config entry.

It composes the radio's lifecycle (``radio_lifecycle``), the value bus (``value_bus``),
device availability (``availability``), the device registry (``registry_sync``) and the
network backups (``network_storage``), and is zigpy's listener: it keeps one
``DeviceHandle`` per device, whose decoded values it puts on the bus for the entities.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any, Final

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import EVENT_HOMEASSISTANT_STOP
from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers.dispatcher import async_dispatcher_send
import zigpy.application
import zigpy.backups
import zigpy.device
import zigpy.types as zigpy_t

from . import features, hardening
from .availability import DeviceAvailability
from .const import (
    CONF_DEVICE_OPTIONS,
    DOMAIN,
    LOGGER,
    MAX_PERMIT_JOIN_DURATION,
    SIGNAL_DEVICE_OPTIONS,
    SIGNAL_NEW_DEVICE,
)
from .devices import get_definition
from .devices.generated import async_probe, generate_definition, signature_of
from .devices.handle import DeviceHandle
from .devices.model import Definition
from .network_storage import NetworkBackups
from .radio_lifecycle import RadioLifecycle
from .registry_sync import DeviceRegistrySync
from .value_bus import ValueBus, ValueCallback

if TYPE_CHECKING:
    from .simulator import SimulatedNetwork

type AqaraConfigEntry = ConfigEntry[AqaraGateway]

#: link quality has one source: zigpy's record of the last frame, published per frame here
LINKQUALITY: Final = features.LINKQUALITY.key

# Keep the network key out of every log and refuse allocation bombs (see hardening.py).
# Installed on import: the config flow forms networks before any gateway exists.
hardening.install()


class AqaraGateway:
    """Owns zigpy's ControllerApplication for one config entry."""

    def __init__(self, hass: HomeAssistant, entry: AqaraConfigEntry) -> None:
        self.hass = hass
        self.entry = entry
        self.handles: dict[str, DeviceHandle] = {}
        self._last_lqi: dict[str, int] = {}
        self.value_bus = ValueBus()
        self.availability = DeviceAvailability(
            hass, entry, self._watched_devices, is_sleepy=self._is_sleepy
        )
        self.registry_sync = DeviceRegistrySync(hass, entry)
        self.radio = RadioLifecycle(
            hass,
            entry,
            listener=self,
            on_attached=self._on_radio_attached,
            on_detaching=self._drop_handles,
            on_connection_changed=self._on_connection_changed,
        )
        self.backups = NetworkBackups(hass, entry, self.radio.running_app)
        self._handle_unsubs: dict[str, Callable[[], None]] = {}
        self._unsubs: list[CALLBACK_TYPE] = []
        self._stop_listener: CALLBACK_TYPE | None = None
        self._logged_unknown: set[str] = set()
        #: ieee → the platforms that added the device's entities: one dict for all platforms
        #: rather than a set of every device in each, the values shared (the same few sets)
        self._entity_platforms: dict[str, frozenset[Hashable]] = {}
        self._shared_platform_sets: dict[frozenset[Hashable], frozenset[Hashable]] = {}

    # The radio's state, as the platforms, services and diagnostics read it
    @property
    def app(self) -> zigpy.application.ControllerApplication | None:
        return self.radio.app

    @property
    def connected(self) -> bool:
        return self.radio.connected

    @property
    def simulator(self) -> SimulatedNetwork | None:
        return self.radio.simulator

    @property
    def coordinator_ieee(self) -> str:
        return self.radio.coordinator_ieee

    # ----------------------------------------------------------------- lifecycle

    async def async_start(self) -> None:
        """Connect the radio, check the network is the saved one, load devices."""
        await self.backups.async_protect()
        await self.radio.async_start()
        # Home Assistant does not unload entries when it stops: release the radio (and flush
        # zigpy's database, close permit join) ourselves
        self._stop_listener = self.hass.bus.async_listen_once(
            EVENT_HOMEASSISTANT_STOP, self._async_on_hass_stop
        )
        self._unsubs.append(self.availability.async_schedule())
        self._unsubs.append(self.backups.async_schedule())
        await self.backups.async_backup_if_none()

    async def _async_on_hass_stop(self, _event: Event) -> None:
        self._stop_listener = None  # a fired once-listener must not be removed
        await self.async_stop()

    async def async_stop(self) -> None:
        """Close permit join, detach, and disconnect the radio and simulator (idempotent)."""
        for unsub in self._unsubs:
            unsub()
        self._unsubs.clear()
        if self._stop_listener is not None:
            self._stop_listener()
            self._stop_listener = None
        await self.radio.async_stop()

    def _on_radio_attached(self, app: zigpy.application.ControllerApplication) -> None:
        self.registry_sync.register_coordinator(
            app,
            self.radio.radio_type,
            self.coordinator_ieee,
            library_radio=self.radio.library_radio,
        )
        for device in list(app.devices.values()):
            if not isinstance(device, zigpy.device.Device):
                continue
            if device.nwk == 0x0000 or not device.is_initialized:
                continue
            self._add_handle(device, configure=False)

    def _on_connection_changed(self) -> None:
        """The radio went or came back: every device's availability follows."""
        self.availability.notify(list(self.handles))

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
        self.availability.frame_received(ieee)
        handle = self.handles.get(ieee)
        if handle is not None:
            handle.device_heard()  # a sleeping device is awake right after it sent
        # zigpy records the frame's LQI on the device only after telling its listeners
        self.hass.loop.call_soon(self._publish_linkquality, ieee, device)

    def _publish_linkquality(self, ieee: str, device: zigpy.device.Device) -> None:
        lqi = device.lqi
        if lqi is not None and self._last_lqi.get(ieee) != lqi:
            self._last_lqi[ieee] = lqi
            self.value_bus.publish(ieee, LINKQUALITY, lqi)

    def device_joined(self, device: zigpy.device.Device) -> None:
        LOGGER.debug("Device %s joined", device.ieee)

    def device_initialized(self, device: zigpy.device.Device) -> None:
        """A device finished its interview: register it and add its entities.

        A device without a model definition is first asked the few attributes that shape
        its generated one (zone type, colour capabilities...), so that its entities are
        right from the start.
        """
        if get_definition(device.model) is None:
            self.radio.start_device_work(
                self._async_probe_then_add(device), f"{DOMAIN} probe {device.ieee}"
            )
            return
        self._add_new_device(device)

    async def _async_probe_then_add(self, device: zigpy.device.Device) -> None:
        await async_probe(device)
        self._add_new_device(device)

    def _add_new_device(self, device: zigpy.device.Device) -> None:
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
        """The radio went away: the lifecycle reconnects it."""
        self.radio.connection_lost(exc)

    # ------------------------------------------------------------------ devices

    def _add_handle(self, device: zigpy.device.Device, *, configure: bool) -> None:
        ieee = str(device.ieee)
        if ieee in self.handles:
            self._drop_handle(ieee)
        definition = self._definition(device)
        if definition.generated and ieee not in self._logged_unknown:
            self._logged_unknown.add(ieee)
            LOGGER.info(
                "No model definition for %s model %r (%s): entities generated from its clusters",
                device.manufacturer,
                device.model,
                ieee,
            )
        handle = DeviceHandle(device, definition)
        handle.set_options(self._device_options(ieee))
        self.handles[ieee] = handle
        self.value_bus.set_counters(
            ieee,
            (expose.key for expose in handle.exposes if expose.state_class == "total_increasing"),
        )
        self._handle_unsubs[ieee] = handle.add_listener(partial(self.value_bus.publish, ieee))
        handle.start()
        self.availability.track(ieee)
        self.registry_sync.register_device(device, definition, self.coordinator_ieee)
        if configure:
            self.radio.start_device_work(
                self._async_configure(handle), f"{DOMAIN} configure {ieee}"
            )
        elif handle.sleepy:
            # A sleeping battery device would not hear a read now (its parent gives the frame
            # up after seconds): it is read when it next talks, awake for a few seconds
            handle.when_awake(
                lambda: self.radio.start_device_work(
                    self._async_initial_read(handle), f"{DOMAIN} read {ieee}"
                )
            )
        else:
            self.radio.start_device_work(self._async_initial_read(handle), f"{DOMAIN} read {ieee}")

    @staticmethod
    def _definition(device: zigpy.device.Device) -> Definition:
        """The model's definition; else one generated from the device's clusters."""
        return get_definition(device.model) or generate_definition(signature_of(device))

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
        await self.registry_sync.async_read_sw_version(handle.device)

    def _drop_handle(self, ieee: str) -> None:
        handle = self.handles.pop(ieee, None)
        self._last_lqi.pop(ieee, None)
        if unsub := self._handle_unsubs.pop(ieee, None):
            unsub()
        if handle is not None:
            handle.stop()

    def _drop_handles(self) -> None:
        for ieee in list(self.handles):
            self._drop_handle(ieee)

    def _forget(self, ieee: str) -> None:
        self._drop_handle(ieee)
        self.availability.forget(ieee)
        self._entity_platforms.pop(ieee, None)
        self.registry_sync.remove_device(ieee)

    async def async_remove_device(self, ieee: str) -> None:
        """Ask a device to leave the network (removing it in the UI)."""
        app = self.radio.require_app()
        try:
            await app.remove(zigpy_t.EUI64.convert(ieee))
        except Exception as exc:
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="remove_failed",
                translation_placeholders={"ieee": ieee},
            ) from exc

    def _device_options(self, ieee: str) -> dict[str, Any]:
        options: dict[str, Any] = self.entry.options.get(CONF_DEVICE_OPTIONS, {}).get(ieee, {})
        return options

    def apply_options(self) -> None:
        """Push changed per-device options to the handles (applied from the next report)."""
        for ieee, handle in self.handles.items():
            handle.set_options(self._device_options(ieee))
        # Entities whose presentation follows an option (display precision, state_action)
        async_dispatcher_send(self.hass, SIGNAL_DEVICE_OPTIONS.format(self.entry.entry_id))

    def zigpy_device(self, ieee: str) -> zigpy.device.Device | None:
        if self.app is None:
            return None
        device = self.app.devices.get(zigpy_t.EUI64.convert(ieee))
        return device if isinstance(device, zigpy.device.Device) else None

    def _is_sleepy(self, ieee: str) -> bool:
        handle = self.handles.get(ieee)
        return handle is not None and handle.sleepy

    def _watched_devices(self) -> Iterator[tuple[str, zigpy.device.Device]]:
        """The zigpy device of every handle, for the availability check."""
        if (app := self.app) is None:
            return
        for ieee in list(self.handles):
            device = app.devices.get(zigpy_t.EUI64.convert(ieee))
            if isinstance(device, zigpy.device.Device):
                yield ieee, device

    # ------------------------------------------------------- entities' interface

    def claim_entities(self, ieee: str, platform: Hashable) -> bool:
        """Whether ``platform`` (a key naming it) is to add the device's entities now: once
        until the device is forgotten (re-interviews and re-joins announce it again)."""
        claimed = self._entity_platforms.get(ieee, frozenset())
        if platform in claimed:
            return False
        platforms = claimed | {platform}
        self._entity_platforms[ieee] = self._shared_platform_sets.setdefault(platforms, platforms)
        return True

    def is_available(self, ieee: str) -> bool:
        return self.connected and self.availability.heard_from(ieee)

    @callback
    def subscribe(self, ieee: str, key: str, on_value: ValueCallback) -> CALLBACK_TYPE:
        """Call ``on_value`` whenever the device confirms a new value for ``key``."""
        return self.value_bus.subscribe(ieee, key, on_value)

    def current_value(self, ieee: str, key: str) -> object:
        value: object
        if key == LINKQUALITY:
            device = self.zigpy_device(ieee)
            value = device.lqi if device is not None else None
        else:
            handle = self.handles.get(ieee)
            value = handle.values.get(key) if handle is not None else None
        return value if self.value_bus.plausible(ieee, key, value) else None

    # ------------------------------------------------------------ network ops

    async def async_permit_join(self, duration: int, router_ieee: str | None = None) -> None:
        """Open the network for joining, through one router or everywhere."""
        if not 0 <= duration <= MAX_PERMIT_JOIN_DURATION:
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="invalid_duration",
                translation_placeholders={"max": str(MAX_PERMIT_JOIN_DURATION)},
            )
        app = self.radio.require_app()
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

    async def async_backups(self) -> list[zigpy.backups.NetworkBackup]:
        return await self.backups.async_list()
