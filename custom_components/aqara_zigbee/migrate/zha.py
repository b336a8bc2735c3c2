"""Read ZHA's ``zigbee.db`` (zigpy's SQLite database) without changing it.

The database is opened read-only. Its tables carry the schema version as a suffix
(``devices_v15``; ``PRAGMA user_version`` says which is current): devices (IEEE, NWK),
endpoints, clusters, node descriptors, the attribute cache (Basic cluster 0x0000: attribute
0x0004 is the manufacturer name, 0x0005 the model identifier), and network backups (JSON in
zigpy's own backup layout, the newest last). Names and areas are not in the database but in
Home Assistant's registries: read from the ``.storage`` folder next to it when there is one.
"""

from __future__ import annotations

from collections.abc import Iterator
import contextlib
import json
from pathlib import Path
import sqlite3
from typing import Any

import zigpy.backups

from .backup import check_open_backup, load_json_file
from .model import MigratedDevice, MigratedEndpoint, MigrationError, MigrationSource

SQLITE_HEADER = b"SQLite format 3\x00"
#: the oldest schema whose attribute cache has the cluster type column (zigpy, 2023)
OLDEST_SCHEMA = 13
BASIC_CLUSTER = 0x0000
MANUFACTURER_ATTR = 0x0004
MODEL_ATTR = 0x0005
SERVER_CLUSTER = 0  # cluster_type: 0 in (server), 1 out (client)
COORDINATOR_NWK = 0x0000
ZHA_DOMAIN = "zha"
KEY_BYTES = 16


def is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            return file.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


@contextlib.contextmanager
def _read_only(path: Path) -> Iterator[sqlite3.Connection]:
    if not path.is_file():
        raise MigrationError("file_missing", f"{path}: no such file")
    if not is_sqlite(path):
        raise MigrationError("not_sqlite", f"{path}: not an SQLite database (not ZHA's zigbee.db)")
    # A database in WAL mode gets -wal and -shm files when opened, even read-only: with no
    # -wal file beside it (nobody writing), everything is in the main file and SQLite may
    # treat it as immutable, creating nothing. While ZHA runs, its WAL must be read too.
    wal = Path(f"{path}-wal").exists()
    query = "mode=ro" if wal else "mode=ro&immutable=1"
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?{query}", uri=True)
    except sqlite3.Error as err:
        raise MigrationError("file_unreadable", f"{path}: cannot be opened ({err})") from err
    try:
        yield connection
    except sqlite3.DatabaseError as err:
        raise MigrationError("file_unreadable", f"{path}: damaged database ({err})") from err
    finally:
        connection.close()


def read_zha(path: Path) -> MigrationSource:
    """The network and devices of a ZHA ``zigbee.db``."""
    with _read_only(path) as db:
        (version,) = db.execute("PRAGMA user_version").fetchone()
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master")}
        suffix = f"_v{version}"
        if version < OLDEST_SCHEMA or f"devices{suffix}" not in tables:
            raise MigrationError(
                "unsupported_database",
                f"{path}: zigpy database schema {version} is not supported "
                f"(start ZHA once on a current Home Assistant to upgrade it)",
            )
        backup_row = db.execute(
            f"SELECT backup_json FROM network_backups{suffix} ORDER BY id DESC LIMIT 1"
        ).fetchone()
        if backup_row is None:
            raise MigrationError(
                "no_network_backup", f"{path}: holds no network backup (start ZHA once first)"
            )
        open_backup = _open_backup(path, backup_row[0])
        network = check_open_backup(open_backup, str(path))
        devices = _devices(db, suffix)
    coordinator = devices.pop(network.coordinator_ieee, None)
    if coordinator is None or coordinator.nwk != COORDINATOR_NWK:
        raise MigrationError(
            "network_mismatch",
            f"{path}: its devices belong to another coordinator than its network backup's "
            f"({network.coordinator_ieee})",
        )
    _add_registry_names(path.parent / ".storage", devices)
    return MigrationSource(
        source="zha", network=network, backup=open_backup, devices=list(devices.values())
    )


def _open_backup(path: Path, text: str) -> dict[str, Any]:
    """zigpy's stored backup, in the open coordinator backup format."""
    try:
        stored = json.loads(text)
    except ValueError as err:
        raise MigrationError(
            "invalid_json", f"{path}: its network backup is not valid JSON (truncated?)"
        ) from err
    _check_stored_keys(path, stored)
    try:
        backup = zigpy.backups.NetworkBackup.from_dict(stored)
        converted: dict[str, Any] = backup.as_open_coordinator_json()
    except Exception as err:  # any other damage in the stored JSON
        raise MigrationError(
            "invalid_backup",
            f"{path}: its network backup cannot be read ({type(err).__name__}: {err})",
        ) from err
    return converted


def _check_stored_keys(path: Path, stored: object) -> None:
    """Keys in zigpy's own backup layout (``aa:bb:...``) must be 16 bytes long."""
    info = stored.get("network_info") if isinstance(stored, dict) else None
    if not isinstance(info, dict):
        raise MigrationError("invalid_backup", f"{path}: its network backup has no network")
    keys = [("network key", info.get("network_key")), ("TC link key", info.get("tc_link_key"))]
    keys += [("link key", key) for key in info.get("key_table") or []]
    for name, key in keys:
        value = key.get("key") if isinstance(key, dict) else None
        if isinstance(value, str) and len(value.split(":")) != KEY_BYTES:
            raise MigrationError(
                "invalid_key_length",
                f"{path}: {name} in its network backup has {len(value.split(':'))} bytes, "
                f"{KEY_BYTES} expected",
            )


def _devices(db: sqlite3.Connection, suffix: str) -> dict[str, MigratedDevice]:
    devices = {
        str(ieee): MigratedDevice(ieee=str(ieee), nwk=int(nwk))
        for ieee, nwk in db.execute(f"SELECT ieee, nwk FROM devices{suffix}")
    }
    clusters: dict[tuple[str, int, int], list[int]] = {}
    for ieee, endpoint_id, cluster_type, cluster_id in db.execute(
        f"SELECT ieee, endpoint_id, cluster_type, cluster_id FROM clusters{suffix} "
        "ORDER BY cluster_id"
    ):
        clusters.setdefault((str(ieee), endpoint_id, cluster_type), []).append(int(cluster_id))
    for ieee, endpoint_id, profile_id, device_type in db.execute(
        f"SELECT ieee, endpoint_id, profile_id, device_type FROM endpoints{suffix} "
        "ORDER BY endpoint_id"
    ):
        if (device := devices.get(str(ieee))) is not None:
            device.endpoints.append(
                MigratedEndpoint(
                    endpoint_id=int(endpoint_id),
                    profile_id=int(profile_id),
                    device_type=int(device_type),
                    in_clusters=tuple(clusters.get((str(ieee), endpoint_id, 0), ())),
                    out_clusters=tuple(clusters.get((str(ieee), endpoint_id, 1), ())),
                )
            )
    for ieee, logical_type, manufacturer_code in db.execute(
        f"SELECT ieee, logical_type, manufacturer_code FROM node_descriptors{suffix}"
    ):
        if (device := devices.get(str(ieee))) is not None:
            device.logical_type = int(logical_type)
            device.manufacturer_code = int(manufacturer_code)
    for ieee, attr_id, value in db.execute(
        f"SELECT ieee, attr_id, value FROM attributes_cache{suffix} "
        "WHERE cluster_type = ? AND cluster_id = ? AND attr_id IN (?, ?) "
        "ORDER BY endpoint_id DESC",
        (SERVER_CLUSTER, BASIC_CLUSTER, MANUFACTURER_ATTR, MODEL_ATTR),
    ):
        if (device := devices.get(str(ieee))) is None or (text := _text(value)) is None:
            continue
        # the lowest endpoint's value is read last and wins
        if attr_id == MODEL_ATTR:
            device.model = text
        else:
            device.manufacturer = text
    return devices


def _text(value: object) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if not isinstance(value, str):
        return None
    return value.split("\x00", 1)[0].strip() or None


def _add_registry_names(storage: Path, devices: dict[str, MigratedDevice]) -> None:
    """Device names and areas from Home Assistant's registries next to the database."""
    registry = storage / "core.device_registry"
    if not registry.is_file():
        return
    try:
        entries = load_json_file(registry)["data"]["devices"]
        areas_file = storage / "core.area_registry"
        areas = (
            {area["id"]: area["name"] for area in load_json_file(areas_file)["data"]["areas"]}
            if areas_file.is_file()
            else {}
        )
    except (MigrationError, KeyError, TypeError) as err:
        raise MigrationError(
            "file_unreadable", f"{registry}: not a Home Assistant device registry ({err})"
        ) from err
    for entry in entries:
        for domain, ieee in entry.get("identifiers", ()):
            if domain == ZHA_DOMAIN and (device := devices.get(ieee)) is not None:
                device.name = entry.get("name_by_user") or entry.get("name")
                device.area = areas.get(entry.get("area_id"))
