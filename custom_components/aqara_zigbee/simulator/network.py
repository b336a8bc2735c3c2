"""A simulated Zigbee network: the emulated coordinator plus simulated Aqara devices.

This is the control surface tests, demos and the CLI use: start it, point the radio
library at ``network.url`` (zigpy-znp for the Z-Stack coordinator, bellows for the
EmberZNet one), then act on the devices (press buttons, attach loads, cut power, spoil
links) and watch what the integration makes of it.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable, Coroutine, Sequence
import contextlib
import json
import logging
from pathlib import Path
from typing import Any, Final, Protocol

from .air import COORDINATOR_NWK, ApsFrame, DeliveryStatus, SimulatedDevice
from .behaviours.buttons import PressKind
from .clock import SimClock
from .device import TwinDevice
from .models import DEFAULT_MODELS, create_device, resolve_model, stable_ieee, stable_nwk
from .zcl import Neighbor
from .zdo_responder import ieee_from_str, ieee_to_str

_LOGGER = logging.getLogger(__name__)

DEVICES_FILE = "devices.json"
STATE_VERSION = 1
# Real seconds between background saves of the devices' state (only when it changed).
SAVE_INTERVAL_S = 2.0
#: the coordinators the devices can be put behind: TI Z-Stack or Silicon Labs EmberZNet
RADIOS: Final = ("znp", "ezsp")


class Coordinator(Protocol):
    """What the network needs of an emulated coordinator (both kinds provide it)."""

    hardware_ieee: bytes
    frames_in: int
    frames_dropped: int
    busy_seconds: float

    @property
    def url(self) -> str: ...

    @property
    def permit_join_open(self) -> bool: ...

    async def start(self, host: str = ..., port: int = ...) -> int: ...

    async def stop(self) -> None: ...

    def add_device(self, device: SimulatedDevice) -> None: ...

    def remove_device(self, nwk: int) -> None: ...

    def transmit(self, frame: ApsFrame) -> None: ...

    def add_permit_join_listener(self, callback: Callable[[int], None]) -> Callable[[], None]: ...

    async def join(self, device: SimulatedDevice) -> None: ...

    async def leave(self, nwk: int) -> None: ...

    def is_joined(self, ieee: bytes) -> bool: ...

    def fail_next(self, nwk: int, count: int, status: DeliveryStatus) -> None: ...

    async def drop_connection(self) -> None: ...


def create_coordinator(radio: str, state_dir: Path | None) -> Coordinator:
    """A Z-Stack (``znp``) or EmberZNet (``ezsp``) coordinator emulator.

    Imported on demand: each pulls in only what its own protocol needs.
    """
    if radio == "ezsp":
        from .ezsp import EzspEmulator  # noqa: PLC0415

        return EzspEmulator(state_dir)
    if radio == "znp":
        from .zstack import ZStackEmulator  # noqa: PLC0415

        return ZStackEmulator(state_dir)
    raise ValueError(f"unknown radio {radio!r}: choose one of {', '.join(RADIOS)}")


class SimulatedNetwork:
    """A coordinator emulator with simulated Aqara devices on its air."""

    def __init__(
        self,
        state_dir: Path | None,
        *,
        devices: Sequence[str] | None = None,
        auto_join: bool = False,
        clock: SimClock | None = None,
        heartbeat_interval: float | None = None,
        radio: str = "znp",
    ) -> None:
        """Create the network (nothing listens until :meth:`start`).

        ``devices`` are model ids (``lumi.plug``) or Z2M names (``ZNCZ02LM``); the default is
        one of each of the five seed models. Addresses are stable per model and index.
        ``state_dir`` keeps the coordinator's NVRAM and the devices' own state.
        ``radio`` picks the coordinator: ``znp`` (Z-Stack) or ``ezsp`` (EmberZNet).
        """
        self.state_dir = state_dir
        if state_dir is not None:
            state_dir.mkdir(parents=True, exist_ok=True)
        self.clock = clock or SimClock()
        self.auto_join = auto_join
        self.radio = radio
        self.coordinator = create_coordinator(radio, state_dir)
        self.devices: dict[str, TwinDevice] = {}
        self._dirty = False
        self._save_task: asyncio.Task[None] | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self._unsubscribe_permit: Callable[[], None] | None = None

        counts: Counter[str] = Counter()
        taken: set[int] = set()
        for name in devices if devices is not None else DEFAULT_MODELS:
            zigbee_model = resolve_model(name).zigbee_model
            index = counts[zigbee_model]
            counts[zigbee_model] += 1
            nwk = stable_nwk(zigbee_model, index, taken)
            taken.add(nwk)
            device = create_device(
                name,  # a firmware variant keeps its own layout
                stable_ieee(zigbee_model, index),
                nwk,
                self.coordinator.transmit,
                self.clock,
                heartbeat_interval=heartbeat_interval,
            )
            device.on_state_change = self._mark_dirty
            device.on_leave = self._leave_callback(device)
            device.resolve_nwk = self._nwk_of
            self.devices[device.ieee_str] = device
        self._load_state()

    @classmethod
    async def create(cls, state_dir: Path | None, **kwargs: Any) -> SimulatedNetwork:
        """Create the network off the event loop (it reads and writes ``state_dir``)."""
        return await asyncio.to_thread(cls, state_dir, **kwargs)

    # -- lifecycle --------------------------------------------------------------------

    @property
    def url(self) -> str:
        """``socket://127.0.0.1:PORT`` for the radio library."""
        return self.coordinator.url

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Start listening; return the URL the radio library should open."""
        await self.coordinator.start(host, port)
        for device in self.devices.values():
            if device.joined:
                self.coordinator.add_device(device)
        self._refresh_neighbors()
        if not self.clock.manual:
            self.clock.start()
        if self.auto_join and self._unsubscribe_permit is None:
            self._unsubscribe_permit = self.coordinator.add_permit_join_listener(
                self._permit_changed
            )
        self._save_task = asyncio.create_task(self._save_periodically())
        return self.url

    async def stop(self) -> None:
        """Stop serving and persist everything."""
        if self._unsubscribe_permit is not None:
            self._unsubscribe_permit()
            self._unsubscribe_permit = None
        tasks = [*self._tasks, *([self._save_task] if self._save_task else [])]
        self._save_task = None
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await self.async_save()
        await self.coordinator.stop()
        self.clock.stop()

    async def __aenter__(self) -> SimulatedNetwork:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    # -- joining ----------------------------------------------------------------------

    async def join(self, ieee: str) -> None:
        """Let one device join (permit join is not checked: the caller decides)."""
        await self._join(self.device(ieee))

    async def join_all(self) -> None:
        """Let every powered device that is not on the network join, one after another."""
        for device in list(self.devices.values()):
            if not device.joined and device.powered:
                await self._join(device)

    async def _join(self, device: TwinDevice) -> None:
        # The device must answer the interview as soon as the coordinator announces it.
        device.on_joined()
        await self.coordinator.join(device)
        self._refresh_neighbors()

    def _nwk_of(self, ieee: bytes) -> int | None:
        """The NWK address of a joined simulated device (None: it is not on the network);
        any other address is the coordinator's, the only other node on the air (its IEEE
        is whatever the host configured)."""
        device = self.devices.get(ieee_to_str(ieee))
        if device is None:
            return COORDINATOR_NWK
        return device.nwk if device.joined else None

    def _permit_changed(self, duration: int) -> None:
        if duration > 0:
            self._spawn(self.join_all())

    def _leave_callback(self, device: TwinDevice) -> Callable[[], None]:
        def left() -> None:
            # Mgmt_Leave is completed by the coordinator itself; a reset leave is not.
            if self.coordinator.is_joined(device.ieee):
                self._spawn(self.coordinator.leave(device.nwk))
            self.coordinator.remove_device(device.nwk)
            self._refresh_neighbors()

        return left

    def _refresh_neighbors(self) -> None:
        """Neighbor tables of the routers (answers to Mgmt_Lqi_req)."""
        joined = [device for device in self.devices.values() if device.joined]
        routers = [device for device in joined if device.twin.router]
        coordinator = Neighbor(
            extended_pan_id=bytes(8),
            ieee=self.coordinator.hardware_ieee,
            nwk=0x0000,
            device_type=0,
            rx_on_when_idle=True,
            relationship=0,
            depth=0,
            lqi=255,
        )
        for router in routers:
            router.neighbors = [coordinator] + [
                Neighbor(
                    extended_pan_id=bytes(8),
                    ieee=other.ieee,
                    nwk=other.nwk,
                    device_type=1,
                    rx_on_when_idle=True,
                    relationship=2,
                    depth=1,
                    lqi=min(router.lqi, other.lqi),
                )
                for other in routers
                if other is not router
            ]

    # -- device actions ---------------------------------------------------------------

    def device(self, ident: str) -> TwinDevice:
        """A device by IEEE (``54:ef:44:...`` or ``0x54ef44...``), model id or Z2M name.

        A model id or name must match exactly one device.
        """
        with contextlib.suppress(ValueError):
            ieee = ieee_to_str(ieee_from_str(ident))
            if ieee in self.devices:
                return self.devices[ieee]
        with contextlib.suppress(ValueError):
            zigbee_model = resolve_model(ident).zigbee_model
            matches = [d for d in self.devices.values() if zigbee_model == d.zigbee_model]
            if len(matches) == 1:
                return matches[0]
            if len(matches) > 1:
                raise KeyError(f"{ident!r} matches {len(matches)} devices: use the IEEE")
        raise KeyError(f"no simulated device {ident!r}")

    def press(
        self, ieee: str, button: str = "left", kind: str | PressKind = PressKind.SINGLE
    ) -> None:
        """Press a physical button (``top``/``bottom``/``both``/``left``...)."""
        self.device(ieee).press(button, kind)

    def set_load(self, ieee: str, watts: float) -> None:
        """Attach a load drawing ``watts`` to a plug (TypeError for other devices)."""
        self.device(ieee).set_load(watts)

    def set_property(self, ieee: str, prop: str, value: object) -> object:
        """Change what is behind a device's Zigbee2MQTT property, as the real unit would
        (a sensor measures, a contact opens, a remote's button is used); returns the new
        value. ``action`` on a remote sends the commands of that action."""
        return self.device(ieee).exercise(prop, value)

    def power_cycle(self, ieee: str) -> None:
        """Cut and restore the device's mains power."""
        self.device(ieee).power_cycle()

    def set_temperature(self, ieee: str, celsius: float) -> None:
        """Set the device's chip temperature."""
        self.device(ieee).set_temperature(celsius)

    def set_link_quality(self, ieee: str, lqi: int) -> None:
        """LQI stamped on the device's frames."""
        self.device(ieee).set_link_quality(lqi)

    def send_heartbeat(self, ieee: str) -> None:
        """Make the device send its heartbeat now."""
        self.device(ieee).send_heartbeat()

    def fail_next(
        self, ieee: str, n: int, status: str | DeliveryStatus = DeliveryStatus.MAC_NO_ACK
    ) -> None:
        """Fail the next ``n`` unicasts from the coordinator to the device."""
        delivery = status if isinstance(status, DeliveryStatus) else DeliveryStatus[status.upper()]
        self.coordinator.fail_next(self.device(ieee).nwk, n, delivery)

    async def drop_connection(self) -> None:
        """Abruptly close zigpy's connection (it may reconnect)."""
        await self.coordinator.drop_connection()

    # -- persistence ------------------------------------------------------------------

    @property
    def _state_file(self) -> Path | None:
        return None if self.state_dir is None else self.state_dir / DEVICES_FILE

    def _mark_dirty(self) -> None:
        self._dirty = True

    def save(self) -> None:
        """Write the devices' state (relays, counters, energy, settings) to ``state_dir``."""
        path = self._state_file
        text = self._state_text()
        if path is not None:
            _write_state(path, text)

    async def async_save(self) -> None:
        """:meth:`save`, with the file written off the event loop."""
        path = self._state_file
        text = self._state_text()
        if path is not None:
            await asyncio.to_thread(_write_state, path, text)

    def _state_text(self) -> str:
        """The devices' state as JSON (read on the loop that changes it); marks it clean."""
        self._dirty = False
        data = {
            "version": STATE_VERSION,
            "devices": {ieee: device.export_state() for ieee, device in self.devices.items()},
        }
        return json.dumps(data, indent=2, sort_keys=True)

    def _load_state(self) -> None:
        path = self._state_file
        saved: dict[str, Any] = {}
        if path is not None and path.exists():
            try:
                saved = dict(json.loads(path.read_text()).get("devices", {}))
            except (ValueError, OSError) as err:
                _LOGGER.warning("Ignoring unreadable %s: %s", path, err)
        for ieee, device in self.devices.items():
            state = saved.get(ieee)
            if isinstance(state, dict) and state.get("model") == device.zigbee_model:
                device.import_state(state)
            # The coordinator's NVRAM is the authority on who is on the network.
            device.joined = self.coordinator.is_joined(device.ieee)

    async def _save_periodically(self) -> None:
        while True:
            await asyncio.sleep(SAVE_INTERVAL_S)
            if self._dirty:
                try:
                    await self.async_save()
                except OSError:
                    _LOGGER.exception("Could not save the simulated devices' state")

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            # Driven from synchronous code (a test advancing a manual clock): nothing can
            # run the coroutine, and the coordinator is not serving anyway.
            coro.close()
            _LOGGER.debug("No running loop: dropped %s", coro)
            return
        task = loop.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)


def _write_state(path: Path, text: str) -> None:
    """Replace ``path`` atomically with ``text`` (never a truncated state file)."""
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text)
    tmp.replace(path)
