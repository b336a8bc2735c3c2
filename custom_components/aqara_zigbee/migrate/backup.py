"""Checks of a network in the open coordinator backup format, before anything uses it.

The format (zigpy/open-coordinator-backup, version 1) is what Zigbee2MQTT writes to
``coordinator_backup.json`` and what zigpy can export and restore. Every field the restore
writes to the stick is checked here, so a damaged file fails with a clear reason instead of
half-way through a restore.
"""

from __future__ import annotations

import json
from pathlib import Path
import re
from typing import Any

from .model import MigrationError, NetworkSummary

OPEN_BACKUP_FORMAT = "zigpy/open-coordinator-backup"
OPEN_BACKUP_VERSION = 1
# Zigbee 2.4 GHz channels
CHANNELS = range(11, 27)

_HEX = re.compile(r"[0-9a-fA-F]+")


def load_json_file(path: Path) -> Any:
    """A JSON file; a missing, unreadable or truncated one is a MigrationError."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as err:
        raise MigrationError("file_missing", f"{path}: no such file") from err
    except (OSError, UnicodeDecodeError) as err:
        raise MigrationError("file_unreadable", f"{path}: cannot be read ({err})") from err
    try:
        return json.loads(text)
    except ValueError as err:
        raise MigrationError(
            "invalid_json", f"{path}: not valid JSON (truncated or damaged?): {err}"
        ) from err


def ieee_colons(hex_digits: str) -> str:
    """``00124b...`` (most significant byte first) as ``00:12:4b:...``."""
    text = hex_digits.lower()
    return ":".join(text[i : i + 2] for i in range(0, 16, 2))


def _hex_field(where: str, name: str, value: object, digits: int, *, exact: bool = True) -> str:
    text = value.removeprefix("0x") if isinstance(value, str) else None
    if text is None or not _HEX.fullmatch(text):
        raise MigrationError("invalid_backup", f"{where}: {name} is not a hex string: {value!r}")
    if (len(text) != digits) if exact else (len(text) > digits):
        raise MigrationError(
            "invalid_key_length" if "key" in name or "seed" in name else "invalid_backup",
            f"{where}: {name} has {len(text)} hex digits, {digits} expected",
        )
    return text.lower()


def _int_field(where: str, name: str, value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise MigrationError("invalid_backup", f"{where}: {name} is not a number: {value!r}")
    return value


def check_open_backup(backup: object, where: str) -> NetworkSummary:
    """Check an open coordinator backup; the network it holds.

    ``where`` names the file in messages. Raises MigrationError: a foreign format (another
    coordinator software's own backup), an unknown version, a field of the wrong kind, or a
    key, address or identifier of the wrong length.
    """
    if not isinstance(backup, dict):
        raise MigrationError("foreign_backup", f"{where}: not a coordinator backup")
    metadata = backup.get("metadata")
    if not isinstance(metadata, dict) or metadata.get("format") != OPEN_BACKUP_FORMAT:
        kind = backup.get("adapterType")
        detail = (
            f"a {kind} backup in Zigbee2MQTT's old format (start Zigbee2MQTT once to rewrite it)"
            if isinstance(kind, str)
            else "another coordinator's backup format"
        )
        raise MigrationError("foreign_backup", f"{where}: not an open coordinator backup: {detail}")
    if metadata.get("version") != OPEN_BACKUP_VERSION:
        raise MigrationError(
            "foreign_backup",
            f"{where}: open coordinator backup version {metadata.get('version')!r} "
            f"(only {OPEN_BACKUP_VERSION} is known)",
        )
    stack = backup.get("stack_specific") or {}
    if not isinstance(stack, dict):
        raise MigrationError("invalid_backup", f"{where}: stack_specific is not an object")
    seed = (stack.get("zstack") or {}).get("tclk_seed")
    if seed is not None:
        _hex_field(where, "Z-Stack trust centre key seed", seed, 32)
    hashed = (stack.get("ezsp") or {}).get("hashed_tclk")
    if hashed is not None:
        _hex_field(where, "EmberZNet hashed trust centre key", hashed, 32)

    coordinator = _hex_field(where, "coordinator_ieee", backup.get("coordinator_ieee"), 16)
    pan_id = int(_hex_field(where, "pan_id", backup.get("pan_id"), 4, exact=False), 16)
    extended_pan_id = _hex_field(where, "extended_pan_id", backup.get("extended_pan_id"), 16)
    channel = _int_field(where, "channel", backup.get("channel"))
    if channel not in CHANNELS:
        raise MigrationError("invalid_backup", f"{where}: channel {channel} is not 11..26")
    mask = backup.get("channel_mask")
    if not isinstance(mask, list) or not all(
        isinstance(item, int) and item in CHANNELS for item in mask
    ):
        raise MigrationError("invalid_backup", f"{where}: channel_mask is not a channel list")
    for name in ("nwk_update_id", "security_level"):
        _int_field(where, name, backup.get(name))
    key = backup.get("network_key")
    if not isinstance(key, dict):
        raise MigrationError("invalid_backup", f"{where}: no network_key")
    _hex_field(where, "network key", key.get("key"), 32)
    for name in ("sequence_number", "frame_counter"):
        _int_field(where, f"network_key.{name}", key.get(name))
    devices = backup.get("devices")
    if not isinstance(devices, list):
        raise MigrationError("invalid_backup", f"{where}: devices is not a list")
    for index, device in enumerate(devices):
        _check_backup_device(f"{where}: devices[{index}]", device)
    return NetworkSummary(
        channel=channel,
        pan_id=pan_id,
        extended_pan_id=extended_pan_id,
        coordinator_ieee=ieee_colons(coordinator),
    )


def _check_backup_device(where: str, device: object) -> None:
    if not isinstance(device, dict):
        raise MigrationError("invalid_backup", f"{where}: not an object")
    _hex_field(where, "ieee_address", device.get("ieee_address"), 16)
    if device.get("nwk_address") is not None:
        _hex_field(where, "nwk_address", device.get("nwk_address"), 4, exact=False)
    link_key = device.get("link_key")
    if link_key is not None:
        if not isinstance(link_key, dict):
            raise MigrationError("invalid_backup", f"{where}: link_key is not an object")
        _hex_field(where, "link key", link_key.get("key"), 32)
