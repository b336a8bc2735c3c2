"""Take over a network from ZHA or Zigbee2MQTT: read their files, never change them.

``read_source(paths)`` finds out what the given files are (ZHA's ``zigbee.db``, or
Zigbee2MQTT's ``coordinator_backup.json`` + ``database.db`` [+ ``configuration.yaml``], or
the folder holding them) and reads the network and devices. ``python -m
custom_components.aqara_zigbee.migrate inspect PATH...`` prints what it read as JSON.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..devices import get_definition
from .model import (
    MigratedDevice,
    MigratedEndpoint,
    MigrationError,
    MigrationSource,
    NetworkSummary,
)
from .z2m import BACKUP_FILE, CONFIGURATION_FILE, DATABASE_FILE, read_zigbee2mqtt
from .zha import is_sqlite, read_zha

ZHA_DATABASE_FILE = "zigbee.db"
YAML_SUFFIXES = (".yaml", ".yml")

__all__ = [
    "MigratedDevice",
    "MigratedEndpoint",
    "MigrationError",
    "MigrationSource",
    "NetworkSummary",
    "read_source",
]


def read_source(paths: Sequence[Path]) -> MigrationSource:
    """Read the files of ZHA or Zigbee2MQTT (blocking: run it in an executor)."""
    source = _read(_expand(paths))
    for device in source.devices:
        device.supported = get_definition(device.model) is not None
    return source


def _expand(paths: Sequence[Path]) -> list[Path]:
    """The files named, with a folder standing for the files it holds."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = [
                path / name
                for name in (ZHA_DATABASE_FILE, BACKUP_FILE, DATABASE_FILE, CONFIGURATION_FILE)
                if (path / name).is_file()
            ]
            if not found:
                raise MigrationError(
                    "file_missing",
                    f"{path}: holds neither ZHA's {ZHA_DATABASE_FILE} nor Zigbee2MQTT's "
                    f"{BACKUP_FILE}",
                )
            files += found
        elif not path.exists():
            raise MigrationError("file_missing", f"{path}: no such file")
        else:
            files.append(path)
    if not files:
        raise MigrationError("file_missing", "no file given")
    return files


def _read(files: list[Path]) -> MigrationSource:
    sqlite = [path for path in files if is_sqlite(path)]
    if sqlite:
        if len(files) > 1:
            others = ", ".join(str(path) for path in files if path != sqlite[0])
            raise MigrationError(
                "mixed_files", f"{sqlite[0]} is ZHA's database; give it alone (also got {others})"
            )
        return read_zha(sqlite[0])
    configuration = [path for path in files if path.suffix.lower() in YAML_SUFFIXES]
    rest = [path for path in files if path not in configuration]
    if len(configuration) > 1:
        raise MigrationError("mixed_files", "more than one configuration.yaml given")
    if len(rest) == 1 and rest[0].name == ZHA_DATABASE_FILE:
        return read_zha(rest[0])  # says why it is not a usable SQLite database
    backup = [path for path in rest if path.name == BACKUP_FILE or path.suffix == ".json"]
    database = [path for path in rest if path not in backup]
    if len(backup) != 1:
        raise MigrationError(
            "file_missing",
            f"Zigbee2MQTT's {BACKUP_FILE} is needed (exactly one), got {len(backup)}",
        )
    if len(database) != 1:
        raise MigrationError(
            "file_missing",
            f"Zigbee2MQTT's {DATABASE_FILE} is needed next to {backup[0].name} (exactly one)",
        )
    return read_zigbee2mqtt(backup[0], database[0], configuration[0] if configuration else None)
