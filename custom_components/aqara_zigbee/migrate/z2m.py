"""Read Zigbee2MQTT's files without changing them.

* ``coordinator_backup.json``: the network, in the open coordinator backup format;
* ``database.db``: zigbee-herdsman's device list, one JSON object a line (``type`` is
  Coordinator, Router, EndDevice or Group; ``ieeeAddr`` is ``0x`` + 16 hex digits,
  ``nwkAddr`` a number, ``manufName``/``modelId`` what the interview read, ``manufId`` the
  node descriptor's manufacturer code, ``endpoints`` each with ``profId``, ``devId``,
  ``inClusterList`` and ``outClusterList``);
* ``configuration.yaml`` (optional): ``devices`` maps each IEEE to its ``friendly_name``; it
  may name another file (``devices: devices.yaml``) that holds that mapping.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]

from .backup import check_open_backup, ieee_colons, load_json_file
from .model import MigratedDevice, MigratedEndpoint, MigrationError, MigrationSource

BACKUP_FILE = "coordinator_backup.json"
DATABASE_FILE = "database.db"
CONFIGURATION_FILE = "configuration.yaml"
DEVICE_TYPES = {"Router": 1, "EndDevice": 2}


def read_zigbee2mqtt(
    backup_path: Path, database_path: Path, configuration_path: Path | None = None
) -> MigrationSource:
    """The network and devices of a Zigbee2MQTT installation."""
    backup = load_json_file(backup_path)
    network = check_open_backup(backup, str(backup_path))
    records = _database_records(database_path)
    coordinators = [record for record in records if record.get("type") == "Coordinator"]
    if coordinators:
        ieee = _ieee(database_path, coordinators[0].get("ieeeAddr"))
        if ieee != network.coordinator_ieee:
            raise MigrationError(
                "network_mismatch",
                f"{database_path}: belongs to coordinator {ieee}, but {backup_path.name} is "
                f"the network of {network.coordinator_ieee}",
            )
    names = _friendly_names(configuration_path) if configuration_path else {}
    devices = [
        _device(database_path, record, names)
        for record in records
        if record.get("type") in DEVICE_TYPES
    ]
    return MigrationSource(source="zigbee2mqtt", network=network, backup=backup, devices=devices)


def _database_records(path: Path) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as err:
        raise MigrationError("file_missing", f"{path}: no such file") from err
    except (OSError, UnicodeDecodeError) as err:
        raise MigrationError(
            "file_unreadable", f"{path}: cannot be read as Zigbee2MQTT's database ({err})"
        ) from err
    records: list[dict[str, Any]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as err:
            raise MigrationError(
                "invalid_json",
                f"{path}: line {number} is not valid JSON (truncated or damaged?)",
            ) from err
        if not isinstance(record, dict):
            raise MigrationError("invalid_database", f"{path}: line {number} is not an object")
        records.append(record)
    if not records:
        raise MigrationError("invalid_database", f"{path}: holds no device")
    return records


def _ieee(path: Path, value: object) -> str:
    text = value[2:] if isinstance(value, str) and value.startswith("0x") else None
    if text is None or len(text) != 16 or not all(c in "0123456789abcdefABCDEF" for c in text):
        raise MigrationError("invalid_database", f"{path}: {value!r} is not an IEEE address")
    return ieee_colons(text)


def _device(path: Path, record: dict[str, Any], names: dict[str, str]) -> MigratedDevice:
    ieee = _ieee(path, record.get("ieeeAddr"))
    nwk = record.get("nwkAddr")
    if not isinstance(nwk, int) or not 0 <= nwk <= 0xFFF7:
        raise MigrationError("invalid_database", f"{path}: {ieee} has no network address")
    endpoints = []
    for endpoint in (record.get("endpoints") or {}).values():
        try:
            endpoints.append(
                MigratedEndpoint(
                    endpoint_id=int(endpoint["epId"]),
                    profile_id=int(endpoint["profId"]),
                    device_type=int(endpoint["devId"]),
                    in_clusters=tuple(int(c) for c in endpoint.get("inClusterList", ())),
                    out_clusters=tuple(int(c) for c in endpoint.get("outClusterList", ())),
                )
            )
        except (KeyError, TypeError, ValueError) as err:
            raise MigrationError(
                "invalid_database", f"{path}: an endpoint of {ieee} is damaged ({err!r})"
            ) from err
    manufacturer_code = record.get("manufId")
    return MigratedDevice(
        ieee=ieee,
        nwk=nwk,
        manufacturer=_text(record.get("manufName")),
        model=_text(record.get("modelId")),
        name=names.get(ieee),
        manufacturer_code=manufacturer_code if isinstance(manufacturer_code, int) else None,
        logical_type=DEVICE_TYPES[record["type"]],
        endpoints=sorted(endpoints, key=lambda endpoint: endpoint.endpoint_id),
    )


def _text(value: object) -> str | None:
    return value.split("\x00", 1)[0].strip() or None if isinstance(value, str) else None


def _friendly_names(path: Path) -> dict[str, str]:
    """IEEE (aa:bb:...) -> friendly name, from configuration.yaml (or the file it names)."""
    devices = _yaml_file(path).get("devices")
    if isinstance(devices, str):
        # Zigbee2MQTT lets configuration.yaml name the file holding the device section
        devices = _yaml_file(path.parent / devices)
    if devices is None:
        return {}
    if not isinstance(devices, dict):
        raise MigrationError("invalid_configuration", f"{path}: devices is not a mapping")
    names: dict[str, str] = {}
    for key, settings in devices.items():
        name = settings.get("friendly_name") if isinstance(settings, dict) else None
        if isinstance(name, str) and name.strip():
            # an unquoted 0x... key is a number to YAML
            text = f"0x{key:016x}" if isinstance(key, int) else str(key).lower()
            names[_ieee(path, text)] = name.strip()
    return names


class _TolerantLoader(yaml.SafeLoader):  # type: ignore[misc]
    """YAML without Zigbee2MQTT's own tags (``!secret password``): they read as None."""


_TolerantLoader.add_multi_constructor("!", lambda _loader, _suffix, _node: None)


def _yaml_file(path: Path) -> dict[str, Any]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except FileNotFoundError as err:
        raise MigrationError("file_missing", f"{path}: no such file") from err
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise MigrationError(
            "invalid_configuration", f"{path}: not readable YAML ({err})".replace("\n", " ")
        ) from err
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise MigrationError("invalid_configuration", f"{path}: not a YAML mapping")
    return data
