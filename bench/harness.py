"""A real Home Assistant core with the integration on a simulated network of N devices.

No pytest and no mocks of Home Assistant: a ``HomeAssistant`` object with its registries and
config entries on disk (so a second process can start from the saved state), the integration
set up through its config flow, and the simulated coordinator + devices running in the same
event loop, reached by zigpy-znp over loopback TCP like a network-attached stick.

The only patch is where the integration starts its simulator: the bench decides how many
devices the simulated network has (the integration's own default is the five seed models).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
import contextlib
import gc
import logging
import os
from pathlib import Path
import time
from typing import TYPE_CHECKING, Any
from unittest.mock import patch

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigEntry
    from homeassistant.core import HomeAssistant

    from custom_components.aqara_zigbee.gateway import AqaraGateway
    from custom_components.aqara_zigbee.simulator import SimulatedNetwork

DOMAIN = "aqara_zigbee"
# ZNCZ04LM (lumi.plug.mmeu01) in its ElectricalMeasurement layout: the one of the twin's
# layouts whose signature zha-quirks 2.3.0 knows (PlugMMEU01), so ZHA runs it quirked
# (power, heartbeat) like a user's plug, and both integrations get the same device.
PLUG_MODEL = "ZNCZ04LM-legacy"
STOP_TIMEOUT = 60.0

_PATCH_TARGETS = (
    "custom_components.aqara_zigbee.config_flow.start_simulator",
    "custom_components.aqara_zigbee.radio_lifecycle.start_simulator",
)


def pin_to_one_core() -> int:
    """Run this process (and every thread it starts later) on a single CPU; returns it."""
    cpu = max(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


def rss_bytes() -> int:
    """Resident set size of this process, after a full garbage collection."""
    gc.collect()
    with Path("/proc/self/statm").open() as statm:
        resident_pages = int(statm.read().split()[1])
    return resident_pages * os.sysconf("SC_PAGE_SIZE")


def quiet_logging() -> None:
    """Warnings and errors only: the bench's own output is the table."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    for name in ("homeassistant", "zigpy", "zigpy_znp", "custom_components", "aiosqlite"):
        logging.getLogger(name).setLevel(logging.WARNING)
    # Home Assistant nags once per start about custom integrations and deprecated calls.
    logging.getLogger("homeassistant.loader").setLevel(logging.ERROR)
    logging.getLogger("homeassistant.helpers.frame").setLevel(logging.ERROR)


def make_network(state_dir: Path, models: Sequence[str]) -> SimulatedNetwork:
    """The simulated network the integration would start, with ``models`` as devices."""
    from custom_components.aqara_zigbee.simulator import SimulatedNetwork
    from custom_components.aqara_zigbee.simulator.clock import SimClock

    return SimulatedNetwork(state_dir, devices=list(models), auto_join=True, clock=SimClock())


@contextlib.contextmanager
def simulated_devices(
    models: Sequence[str], *, prestarted: SimulatedNetwork | None = None
) -> Iterator[None]:
    """Make the integration's simulated radio carry ``models`` (or a started network)."""

    # ``radio`` and ``devices`` (the entry's simulated coordinator and device set) are the
    # bench's own: an emulated Z-Stack carrying ``models``
    async def start_simulator(
        state_dir: Path, *, speed: float = 1.0, **_entry_choices: object
    ) -> SimulatedNetwork:
        if prestarted is not None:
            return prestarted  # already listening; built before the memory baseline
        network = make_network(state_dir, models)
        network.clock.speed = speed
        await network.start(host="127.0.0.1", port=0)
        return network

    with contextlib.ExitStack() as stack:
        for target in _PATCH_TARGETS:
            stack.enter_context(patch(target, start_simulator))
        yield


@contextlib.asynccontextmanager
async def home_assistant(
    config_dir: Path, integration: str = DOMAIN
) -> AsyncIterator[HomeAssistant]:
    """A running Home Assistant core on ``config_dir`` (registries and entries on disk).

    ``integration`` other than ours (``zha``): custom integrations are not scanned.
    """
    from homeassistant import bootstrap, config_entries, loader
    from homeassistant.core import HomeAssistant

    await asyncio.to_thread(config_dir.mkdir, parents=True, exist_ok=True)
    hass = HomeAssistant(str(config_dir))
    hass.config.skip_pip = True
    loader.async_setup(hass)
    hass.config_entries = config_entries.ConfigEntries(hass, {})
    if integration == DOMAIN:
        await loader.async_get_custom_components(hass)
    if not await bootstrap.async_load_base_functionality(hass):
        raise RuntimeError("Home Assistant's registries did not load")
    # The integration depends on "usb" only for USB discovery of sticks and on "file_upload"
    # only for the Zigbee2MQTT move; both pull in the HTTP server and websocket API, which a
    # benchmark has no use for.
    hass.config.components.update(("usb", "file_upload"))
    await hass.async_start()
    try:
        yield hass
    finally:
        async with asyncio.timeout(STOP_TIMEOUT):
            await hass.async_stop()


def the_entry(hass: HomeAssistant) -> ConfigEntry[AqaraGateway]:
    entries = hass.config_entries.async_entries(DOMAIN)
    if len(entries) != 1:
        raise RuntimeError(f"expected one {DOMAIN} entry, found {len(entries)}")
    entry: ConfigEntry[AqaraGateway] = entries[0]
    return entry


async def wait_until(
    predicate: Callable[[], bool], within: float, what: str, poll: float = 0.05
) -> None:
    """Poll ``predicate`` (state the simulated network changes, no event to wait on)."""
    try:
        async with asyncio.timeout(within):
            while not predicate():  # noqa: ASYNC110
                await asyncio.sleep(poll)
    except TimeoutError:
        raise TimeoutError(f"timed out after {within:.0f} s waiting for {what}") from None


async def form_and_join(hass: HomeAssistant, count: int) -> tuple[ConfigEntry[AqaraGateway], float]:
    """Config flow (simulated radio), then permit join until ``count`` devices are in.

    Also returns the config flow's seconds: from the first step until the entry is loaded.
    """
    from homeassistant.config_entries import SOURCE_USER, ConfigEntryState

    flow_started = time.perf_counter()
    result: Any = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"radio_type": "simulated"}
    )
    if result.get("type") != "create_entry":
        raise RuntimeError(f"config flow did not create an entry: {result}")
    await hass.async_block_till_done()
    setup_s = time.perf_counter() - flow_started
    entry = the_entry(hass)
    if entry.state is not ConfigEntryState.LOADED:
        raise RuntimeError(f"entry not loaded: {entry.state}")
    gateway = entry.runtime_data
    await hass.services.async_call(DOMAIN, "permit_join", {"duration": 254}, blocking=True)
    await wait_until(
        lambda: len(gateway.handles) >= count, 30 + count * 0.5, f"{count} devices to join"
    )
    await gateway.async_permit_join(0)  # the action accepts 1..254 s only
    await hass.async_block_till_done()
    await settle(entry)
    return entry, setup_s


async def settle(entry: ConfigEntry[AqaraGateway], quiet: float = 1.0, within: float = 90) -> None:
    """Wait for the integration's background work (initial reads, configure) to finish.

    Done when the entry has no background task left and the coordinator saw no frame for
    ``quiet`` seconds.
    """
    simulator = entry.runtime_data.simulator
    deadline = time.monotonic() + within
    last = -1
    quiet_since = time.monotonic()
    while time.monotonic() < deadline:
        frames = simulator.coordinator.frames_in if simulator is not None else 0
        if frames != last:
            last = frames
            quiet_since = time.monotonic()
        tasks = getattr(entry, "_background_tasks", ())
        busy = any(not task.done() for task in tasks)
        if not busy and time.monotonic() - quiet_since >= quiet:
            return
        await asyncio.sleep(0.1)
    raise TimeoutError("the integration's background work did not settle")


async def wait_available(
    hass: HomeAssistant, platform: str, since: float, within: float = 120
) -> float:
    """Seconds from ``since`` (perf_counter) until no entity of ``platform`` is unavailable.

    Disabled entities write no state and do not count.
    """
    from homeassistant.const import STATE_UNAVAILABLE
    from homeassistant.helpers import entity_registry as er

    registry = er.async_get(hass)

    def all_available() -> bool:
        entity_ids = [
            entry.entity_id
            for entry in registry.entities.values()
            if entry.platform == platform and entry.disabled_by is None
        ]
        states = [hass.states.get(entity_id) for entity_id in entity_ids]
        return bool(entity_ids) and all(
            state is not None and state.state != STATE_UNAVAILABLE for state in states
        )

    await wait_until(all_available, within, f"{platform} entities to be available", poll=0.01)
    return time.perf_counter() - since
