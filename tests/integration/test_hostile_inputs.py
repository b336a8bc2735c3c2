"""Issue #21: no blocking I/O in the event loop, secrets 0600, hostile radios at the probe."""

from __future__ import annotations

import builtins
from collections.abc import Generator
import importlib
import logging
import os
from pathlib import Path
import stat
import sys
import threading
from typing import Any
from unittest.mock import patch

from homeassistant import block_async_io
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.helpers.storage import Store
from homeassistant.util import loop as loop_util
import pytest

from custom_components.aqara_zigbee import devices
from custom_components.aqara_zigbee.const import DOMAIN
from custom_components.aqara_zigbee.gateway import AqaraConfigEntry
from custom_components.aqara_zigbee.network_storage import database_path
from custom_components.aqara_zigbee.radio import simulator_state_dir

from .conftest import SEED_MODELS, configure_simulated, join_all
from .test_config_flow import picker_choices, radio_entry, register_device, start_options

# The checks Home Assistant skips under pytest (``skip_for_tests``): file opens, reads and
# writes, imports. A running HA has them; here they are installed for the test.
_CHECKED = (
    (builtins, "open"),
    (Path, "open"),
    (Path, "read_text"),
    (Path, "read_bytes"),
    (Path, "write_text"),
    (Path, "write_bytes"),
    (importlib, "import_module"),
    (os, "listdir"),
    (os, "scandir"),
)


@pytest.fixture
def detect_blocking_calls() -> Generator[None]:
    """Install HA's in-loop detection of file I/O and imports (warn, never raise)."""
    loop_thread = threading.get_ident()
    originals = {(obj, name): getattr(obj, name) for obj, name in _CHECKED}
    by_function = {(call.object, call.function): call for call in block_async_io._BLOCKING_CALLS}
    for (obj, name), original in originals.items():
        call = by_function[(obj, name)]
        setattr(
            obj,
            name,
            loop_util.protect_loop(
                original,
                strict=False,
                strict_core=False,
                check_allowed=call.check_allowed,
                loop_thread_id=loop_thread,
            ),
        )
    loop_util._PREVIOUSLY_REPORTED.clear()
    try:
        yield
    finally:
        for (obj, name), original in originals.items():
            setattr(obj, name, original)
        loop_util._PREVIOUSLY_REPORTED.clear()


def _blocking_reports(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        record.getMessage().split("\n")[0]
        for record in caplog.records
        if "Detected blocking call" in record.getMessage()
    ]


async def test_set_up_and_reload_do_no_blocking_io_in_the_loop(
    hass: HomeAssistant, detect_blocking_calls: None, caplog: pytest.LogCaptureFixture
) -> None:
    """Setting up and reloading the simulated entry logs no 'Detected blocking call'."""
    caplog.set_level(logging.DEBUG, logger="homeassistant.util.loop")
    entry = await configure_simulated(hass)
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()
    assert _blocking_reports(caplog) == []


@pytest.fixture
def fresh_definitions() -> Generator[None]:
    """The definitions as in a fresh Home Assistant: not discovered, model modules not imported.

    Put back as they were afterwards (the modules, and the package's attributes for them).
    """
    prefix = f"{devices.__name__}."
    infrastructure = {f"{prefix}{name}" for name in ("model", "resolver", "handle")}
    saved = {
        name: module
        for name, module in sys.modules.items()
        if name.startswith(prefix) and name not in infrastructure
    }
    attributes = {name: getattr(devices, name.removeprefix(prefix), None) for name in saved}
    devices._definitions.cache_clear()
    for name in saved:
        del sys.modules[name]
    try:
        yield
    finally:
        devices._definitions.cache_clear()
        sys.modules.update(saved)
        for name, module in attributes.items():
            if module is not None:
                setattr(devices, name.removeprefix(prefix), module)


async def test_definitions_are_discovered_off_the_loop(
    hass: HomeAssistant,
    fresh_definitions: None,
    detect_blocking_calls: None,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Set-up discovers the device definitions in the executor; lookups in the loop are free.

    Before, the first device resolved in the event loop listed the package and imported
    its model modules there ("Detected blocking call to listdir/import_module").
    """
    caplog.set_level(logging.DEBUG, logger="homeassistant.util.loop")
    assert not devices.definitions_loaded()
    entry = await configure_simulated(hass)
    assert devices.definitions_loaded()
    await join_all(hass, entry)  # the seed devices are resolved to their definitions
    assert {
        definition.model
        for model_id in SEED_MODELS
        if (definition := devices.get_definition(model_id)) is not None
    } == set(SEED_MODELS.values())
    assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()
    assert _blocking_reports(caplog) == []


async def test_options_of_an_entry_not_loaded_discover_off_the_loop(
    hass: HomeAssistant,
    fresh_definitions: None,
    detect_blocking_calls: None,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The per-device options of an entry that is not loaded (radio away) load them too."""
    caplog.set_level(logging.DEBUG, logger="homeassistant.util.loop")
    entry = radio_entry(hass)
    ieee = "54:ef:44:10:00:00:00:01"
    register_device(hass, entry, ieee, "lumi.plug", "Kitchen")
    result = await start_options(hass, entry, "device")
    assert picker_choices(result) == [("Kitchen", ieee)]
    assert _blocking_reports(caplog) == []


def _key_files(hass: HomeAssistant, entry: AqaraConfigEntry) -> list[Path]:
    """Every file of the entry that holds the network key (or keys derived from it)."""
    database = database_path(hass, entry)
    return [
        Path(hass.config.path(".storage", f"{DOMAIN}.{entry.entry_id}.backups")),
        database,
        *(
            sibling
            for suffix in ("-wal", "-shm", "-journal")
            if (sibling := database.with_name(database.name + suffix)).exists()
        ),
        simulator_state_dir(Path(hass.config.config_dir)) / "nvram.json",
    ]


def _modes(files: list[Path]) -> dict[str, str]:
    return {file.name: oct(stat.S_IMODE(file.stat().st_mode)) for file in files}


async def test_files_holding_keys_are_private(hass: HomeAssistant) -> None:
    """Backups, zigpy's database and the simulator's NVRAM are 0600, also once 0644."""
    mocked_write = Store._async_write_data

    async def write_ours_to_disk(store: Store[Any], data: dict[str, Any]) -> None:
        if store.key.startswith(f"{DOMAIN}."):
            await hass.async_add_executor_job(store._write_data, data)
        else:
            await mocked_write(store, data)

    with patch.object(Store, "_async_write_data", write_ours_to_disk):
        entry = await configure_simulated(hass)
        files = _key_files(hass, entry)
        assert all(file.exists() for file in files), files
        assert set(_modes(files).values()) == {"0o600"}, _modes(files)

        # Files left readable by an older version are made private at the next start
        for file in files:
            file.chmod(0o644)
        assert await hass.config_entries.async_reload(entry.entry_id)
        await hass.async_block_till_done()
        assert set(_modes(files).values()) == {"0o600"}, _modes(files)
        assert await hass.config_entries.async_unload(entry.entry_id)
        await hass.async_block_till_done()
        files = [file for file in files if file.exists()]  # SQLite's -wal goes at close
        assert set(_modes(files).values()) == {"0o600"}, _modes(files)
