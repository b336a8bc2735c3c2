"""What an entry keeps on disk about its network, and the keys those files hold.

zigpy's database and the network backups (in ``.storage``) both hold the network key: they
are made private to the owner, their keys are taught to the log redaction before the radio
libraries start logging, and removing the entry deletes them.
"""

from __future__ import annotations

from collections.abc import Callable
import contextlib
from datetime import timedelta
from functools import partial
import json
import logging
from pathlib import Path
import shutil
from typing import Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers.event import async_track_time_interval
from homeassistant.helpers.storage import Store
import zigpy.application
import zigpy.backups
import zigpy.state

from . import hardening
from .const import CONF_RADIO_TYPE, DOMAIN, LOGGER, ZIGPY_DATABASE, RadioType
from .radio import simulator_state_dir

BACKUP_INTERVAL = timedelta(days=1)
#: the export's name, after the file Zigbee2MQTT restores from
EXPORT_FILE = "coordinator_backup.json"
BACKUPS_KEPT = 7

type StoredBackups = list[dict[str, Any]]


def database_path(hass: HomeAssistant, entry: ConfigEntry) -> Path:
    """zigpy's SQLite database for an entry, in HA's config directory."""
    return Path(hass.config.path(f"{DOMAIN}_{entry.entry_id}_{ZIGPY_DATABASE}"))


def _backups_store(hass: HomeAssistant, entry: ConfigEntry) -> Store[StoredBackups]:
    return Store(hass, 1, f"{DOMAIN}.{entry.entry_id}.backups", private=True)


class NetworkBackups:
    """zigpy network backups of one entry, kept in ``.storage`` (the last ``BACKUPS_KEPT``)."""

    def __init__(
        self,
        hass: HomeAssistant,
        entry: ConfigEntry,
        running_app: Callable[[], zigpy.application.ControllerApplication | None],
    ) -> None:
        self._hass = hass
        self._entry = entry
        self._running_app = running_app
        self._store = _backups_store(hass, entry)

    async def async_protect(self) -> None:
        """Make the files holding the key private and learn the keys of the stored backups.

        The network key is read back at every start: know it before the radio libraries
        log their NV reads (see hardening.py). Files holding keys are the owner's only.
        """
        await self._hass.async_add_executor_job(hardening.make_private, Path(self._store.path))
        await self._hass.async_add_executor_job(
            partial(hardening.make_private, database_path(self._hass, self._entry), create=True)
        )
        for backup in await self._store.async_load() or []:
            _register_secrets_from_dict(backup)

    @callback
    def async_schedule(self) -> CALLBACK_TYPE:
        """Back the network up daily (while the radio runs)."""
        return async_track_time_interval(self._hass, self.async_backup, BACKUP_INTERVAL)

    async def async_backup_if_none(self) -> None:
        """The first backup, right after the network was formed or adopted."""
        if not await self._store.async_load():
            await self.async_backup()

    async def async_backup(self, _now: object = None) -> None:
        """Add a backup of the running network (failures are logged, not raised)."""
        if (app := self._running_app()) is None:
            return
        try:
            backup = await app.backups.create_backup(load_devices=True)
        except Exception:
            LOGGER.warning("Network backup failed", exc_info=LOGGER.isEnabledFor(logging.DEBUG))
            return
        stored = await self._store.async_load() or []
        stored.append(backup.as_dict())
        await self._store.async_save(stored[-BACKUPS_KEPT:])

    async def async_export(self, app: zigpy.application.ControllerApplication) -> Path:
        """Write the running network as an open coordinator backup (what Zigbee2MQTT and
        ZHA restore) to the config folder, readable by the owner only; its path."""
        backup = await app.backups.create_backup(load_devices=True)
        path = Path(self._hass.config.path(f"{DOMAIN}_{EXPORT_FILE}"))
        text = json.dumps(backup.as_open_coordinator_json(), indent=2)
        await self._hass.async_add_executor_job(_write_private, path, text)
        return path

    async def async_list(self) -> list[zigpy.backups.NetworkBackup]:
        stored = await self._store.async_load() or []
        return [zigpy.backups.NetworkBackup.from_dict(item) for item in stored]


def register_network_secrets(info: zigpy.state.NetworkInfo) -> None:
    """Tell the log redaction about the keys of a network (network, link and TCLK seed)."""
    with contextlib.suppress(Exception):
        hardening.REDACTOR.add(info.network_key.key.serialize())
        for key in info.key_table:
            hardening.REDACTOR.add(key.key.serialize())
        seed = info.stack_specific.get("zstack", {}).get("tclk_seed")
        if isinstance(seed, str):
            hardening.REDACTOR.add(bytes.fromhex(seed))


def _register_secrets_from_dict(backup: dict[str, Any]) -> None:
    """The keys of a stored network backup (``NetworkBackup.as_dict()``)."""
    with contextlib.suppress(Exception):
        register_network_secrets(zigpy.backups.NetworkBackup.from_dict(backup).network_info)


async def remove_entry_storage(hass: HomeAssistant, entry: ConfigEntry) -> None:
    """Delete what an entry keeps on disk: network backups and the zigpy database."""
    await _backups_store(hass, entry).async_remove()
    await hass.async_add_executor_job(_unlink_database, database_path(hass, entry))
    if entry.data.get(CONF_RADIO_TYPE) == RadioType.SIMULATED:
        state_dir = simulator_state_dir(Path(hass.config.config_dir))
        await hass.async_add_executor_job(partial(shutil.rmtree, state_dir, True))


def _write_private(path: Path, text: str) -> None:
    path.unlink(missing_ok=True)
    hardening.make_private(path, create=True)
    path.write_text(text, encoding="utf-8")


def _unlink_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
