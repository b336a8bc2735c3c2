"""The radio's lifecycle: start-up, the saved-network check, reconnects and shutdown.

One zigpy ControllerApplication runs at a time. It is started against zigpy's database (and
the simulator, for a simulated radio), refused when the stick holds another network, replaced
with backoff when the link dies, and shut down only after the device work that talks to it
(configure steps, initial reads) has finished or been cancelled.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ConfigEntryError, ConfigEntryNotReady, HomeAssistantError
from homeassistant.helpers import issue_registry as ir
import zigpy.application
import zigpy.device
import zigpy.exceptions
import zigpy.types as zigpy_t
import zigpy.util

from .const import (
    CONF_DEVICE,
    CONF_NETWORK,
    CONF_RADIO_TYPE,
    CONF_SIMULATED_DEVICES,
    CONF_SIMULATION_SPEED,
    DEFAULT_SIMULATION_SPEED,
    DOMAIN,
    LOGGER,
    RadioType,
    SimulatedDevices,
)
from .database_writes import coalesce_database_writes
from .devices.resolver import resolve_device
from .migrate.takeover import CONF_MIGRATION, add_imported_devices
from .network_storage import database_path, register_network_secrets
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

RECONNECT_DELAYS = (1.0, 2.0, 5.0, 10.0, 30.0, 60.0)
# How long a stop waits for configure/read work in flight before cancelling it
DEVICE_WORK_GRACE = 5.0
# How long a stop waits for zigpy's replies to devices in flight (a confirmation takes far less)
REPLY_GRACE = 2.0
# Longest wait for a radio application to shut down before it is abandoned
SHUTDOWN_TIMEOUT = 5.0
INTERVIEW_UNWIND_STEPS = 100

type Application = zigpy.application.ControllerApplication


class RadioLifecycle:
    """Starts, watches, replaces and stops the zigpy application of one config entry.

    ``listener`` receives zigpy's events from every application started; ``on_attached``
    runs once an application is up on the saved network, ``on_detaching`` before it shuts
    down (its devices must no longer be used), ``on_connection_changed`` whenever
    ``connected`` flips outside of a stop.
    """

    def __init__(
        self,
        hass: HomeAssistant,
        entry: ConfigEntry,
        *,
        listener: object,
        on_attached: Callable[[Application], None],
        on_detaching: Callable[[], None],
        on_connection_changed: Callable[[], None],
    ) -> None:
        self._hass = hass
        self._entry = entry
        self._listener = listener
        self._on_attached = on_attached
        self._on_detaching = on_detaching
        self._on_connection_changed = on_connection_changed
        self.radio_type = RadioType(entry.data[CONF_RADIO_TYPE])
        #: the family of the library that drives the radio (the simulated one's too)
        self.library_radio = library_radio(entry.data)
        self.app: Application | None = None
        self.simulator: SimulatedNetwork | None = None
        self.connected = False
        #: learnt from the stick at every start; the entry's unique id until then
        self.coordinator_ieee: str = entry.unique_id or ""
        #: configure / initial-read work per device, finished before the radio goes
        self._device_work: set[asyncio.Task[None]] = set()
        self._reconnect_task: asyncio.Task[None] | None = None
        self._stopping = False

    def running_app(self) -> Application | None:
        """The application, while its radio is connected."""
        return self.app if self.connected else None

    def require_app(self) -> Application:
        """The application for a network operation; raises while the radio is offline."""
        if self.app is None or not self.connected:
            raise HomeAssistantError(translation_domain=DOMAIN, translation_key="radio_offline")
        return self.app

    async def async_start(self) -> None:
        """Connect the radio, check it holds the saved network, attach to it."""
        app = await self._async_connect()
        try:
            self._check_network(app)
        except ConfigEntryError:
            await app.shutdown()
            raise
        self._attach(app)

    async def async_stop(self) -> None:
        """Close permit join and disconnect the radio and simulator (idempotent)."""
        self._stopping = True
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

    def start_device_work(self, work: Coroutine[Any, Any, None], name: str) -> None:
        """Run device work (configure, reads) that must end before the radio shuts down."""
        task = self._entry.async_create_background_task(self._hass, work, name)
        self._device_work.add(task)
        task.add_done_callback(self._device_work.discard)

    def connection_lost(self, exc: Exception) -> None:
        """The radio went away: report it and reconnect with backoff."""
        if self._stopping or not self.connected:
            return
        LOGGER.warning("Connection to the Zigbee radio was lost: %s", exc or "closed")
        self.connected = False
        self._on_connection_changed()
        self._reconnect_task = self._entry.async_create_background_task(
            self._hass, self._async_reconnect(), f"{DOMAIN} reconnect"
        )

    # ------------------------------------------------------------------ internals

    async def _async_connect(self) -> Application:
        device: dict[str, Any] = dict(self._entry.data.get(CONF_DEVICE, {}))
        if self.radio_type is RadioType.SIMULATED:
            if self.simulator is None:
                self.simulator = await start_simulator(
                    simulator_state_dir(Path(self._hass.config.config_dir)),
                    speed=float(
                        self._entry.options.get(CONF_SIMULATION_SPEED, DEFAULT_SIMULATION_SPEED)
                    ),
                    radio=self.library_radio,
                    devices=SimulatedDevices(
                        self._entry.data.get(CONF_SIMULATED_DEVICES, SimulatedDevices.SEED)
                    ),
                )
            device = simulator_device(self.simulator)
        cls = application_class(self.library_radio)
        config = zigpy_config(device, database_path(self._hass, self._entry))
        try:
            app = await cls.new(config, start_radio=False, device_resolver=resolve_device)
        except Exception as exc:  # e.g. an unreadable database
            LOGGER.debug("Could not open zigpy's database", exc_info=True)
            raise _cannot_connect(exc) from exc
        # Reports write zigpy's database coalesced, flushed before it closes
        coalesce_database_writes(app)
        self._prime_coordinator(app)
        if migration := self._entry.data.get(CONF_MIGRATION):
            # Devices taken over from ZHA or Zigbee2MQTT: known before the radio starts
            added = add_imported_devices(app, migration)
            LOGGER.info("Took over %s devices from %s", added, migration.get("source"))
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

    def _prime_coordinator(self, app: Application) -> None:
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

    def _check_network(self, app: Application) -> None:
        """Refuse to run on a stick whose network is not the one this entry was made for."""
        saved = self._entry.data.get(CONF_NETWORK)
        current = describe_network(app)
        self.coordinator_ieee = current.ieee or self.coordinator_ieee
        issue_id = f"network_settings_changed_{self._entry.entry_id}"
        if saved and (
            saved.get("extended_pan_id") != current.extended_pan_id
            or saved.get("pan_id") != current.pan_id
        ):
            ir.async_create_issue(
                self._hass,
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
        ir.async_delete_issue(self._hass, DOMAIN, issue_id)

    def _attach(self, app: Application) -> None:
        self.app = app
        self.connected = True
        app.add_listener(self._listener)
        register_network_secrets(app.state.network_info)
        self._on_attached(app)

    async def _async_release_app(self, app: Application, *, radio_lost: bool = False) -> None:
        """Stop the device work, then shut the application down.

        On an orderly stop, configure/read work in flight gets a grace period to finish
        while the radio still answers; a lost radio fails it at once after the shutdown.
        """
        if not radio_lost and self._device_work:
            await asyncio.wait(set(self._device_work), timeout=DEVICE_WORK_GRACE)
        await _async_cancel_interviews(app)
        self._on_detaching()
        if not radio_lost and (replies := _pending_requests_of(app)):
            # zigpy's replies to the devices still in flight end once the radio confirms
            # them; whatever the grace leaves is cancelled after the shutdown
            await asyncio.wait(replies, timeout=REPLY_GRACE)
        await _shutdown_quietly(app)
        if work := set(self._device_work):
            for task in work:
                task.cancel()
            await asyncio.gather(*work, return_exceptions=True)

    async def _async_reconnect(self) -> None:
        if self.app is not None:
            old, self.app = self.app, None
            old.remove_listener(self._listener)
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
            self._on_connection_changed()
            return


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


async def _async_cancel_interviews(app: Application) -> None:
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


async def _shutdown_quietly(app: Application) -> None:
    """Shut the application down, whatever it raises, within a bound.

    bellows runs the serial link in a thread of its own; when the link died during a
    start-up, its shutdown can wait forever for that thread, and the reconnect with it.
    """
    with contextlib.suppress(Exception):
        async with asyncio.timeout(SHUTDOWN_TIMEOUT):
            await app.shutdown()
    await _cancel_library_leftovers(app)


async def _cancel_library_leftovers(app: Application) -> None:
    """Cancel what a radio library leaves running once its application is shut down.

    bellows lends the manufacturer code of a joining Xiaomi/Aqara device to the
    coordinator for three minutes, in a task its shutdown does not stop: with the radio
    gone, the task could only fail later. So could zigpy's own replies still in flight.
    """
    leftovers = _pending_requests_of(app)
    task = getattr(app, "_mfg_id_task", None)
    if isinstance(task, asyncio.Task) and not task.done():
        leftovers.append(task)
    for task in leftovers:
        task.cancel()
    await asyncio.gather(*leftovers, return_exceptions=True)


def _pending_requests_of(app: Application) -> list[asyncio.Task[Any]]:
    """zigpy's fire-and-forget requests to this network's devices still in flight.

    zigpy answers a device (default responses, read-attribute and OTA replies, leave
    requests) from tasks of the device's clusters and ZDO that nothing awaits and its
    shutdown leaves running: one sent just before the radio went waits for a delivery
    confirmation that can no longer come, for up to zigpy-znp's data-confirm time.
    """
    owners: set[int] = set()
    for device in app.devices.values():
        if not isinstance(device, zigpy.device.Device):
            continue
        owners.add(id(device.zdo))
        for endpoint_id, endpoint in device.endpoints.items():
            if endpoint_id == 0:  # the ZDO itself
                continue
            owners.update(map(id, endpoint.in_clusters.values()))
            owners.update(map(id, endpoint.out_clusters.values()))
    catching = zigpy.util.CatchingTaskMixin.catching_coro.__code__
    pending: list[asyncio.Task[Any]] = []
    for task in asyncio.all_tasks():
        coro = task.get_coro()
        frame = getattr(coro, "cr_frame", None)
        if task.done() or frame is None or frame.f_code is not catching:
            continue
        if id(frame.f_locals.get("self")) in owners:
            pending.append(task)
    return pending
