"""``python -m custom_components.aqara_zigbee.migrate inspect``: the contract.

The fixtures are files real ZHA and real zigbee-herdsman wrote while pairing the simulated
seed twins (script/migrate-fixtures); the broken files are made from them here.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
import shutil
import sqlite3
import subprocess
import sys
from typing import Any

import pytest

from custom_components.aqara_zigbee.migrate.__main__ import main
from custom_components.aqara_zigbee.simulator.models import DEFAULT_MODELS
from custom_components.aqara_zigbee.simulator.network import SimulatedNetwork

FIXTURES = Path(__file__).parent.parent / "fixtures" / "migrate"
ZHA = FIXTURES / "zha"
Z2M = FIXTURES / "zigbee2mqtt"
ROOT = Path(__file__).parent.parent.parent


def _twins() -> dict[str, str]:
    """IEEE -> model of the simulated seed twins (the devices the fixtures paired)."""
    network = SimulatedNetwork(None, devices=DEFAULT_MODELS)
    return {ieee: device.zigbee_model for ieee, device in network.devices.items()}


def _snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    return {
        str(path.relative_to(folder)): (
            hashlib.sha256(path.read_bytes()).hexdigest(),
            path.stat().st_mtime_ns,
        )
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _inspect(capsys: pytest.CaptureFixture[str], *paths: Path) -> dict[str, Any]:
    assert main(["inspect", *map(str, paths)]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    result: dict[str, Any] = json.loads(captured.out)
    return result


def _fails(capsys: pytest.CaptureFixture[str], *paths: Path) -> str:
    assert main(["inspect", *map(str, paths)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("error: ")
    return lines[0]


def _stored_backup(db: Path) -> dict[str, Any]:
    with sqlite3.connect(db) as connection:
        (text,) = connection.execute(
            "SELECT backup_json FROM network_backups_v15 ORDER BY id DESC LIMIT 1"
        ).fetchone()
    stored: dict[str, Any] = json.loads(text)
    return stored


def test_zha_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "config"
    shutil.copytree(ZHA, folder)
    before = _snapshot(folder)
    result = _inspect(capsys, folder / "zigbee.db")
    assert _snapshot(folder) == before  # read-only: not even a journal appeared

    stored = _stored_backup(folder / "zigbee.db")
    info, node = stored["network_info"], stored["node_info"]
    assert result["source"] == "zha"
    assert result["network"] == {
        "channel": info["channel"],
        "pan_id": f"0x{int(info['pan_id'], 16):04x}",
        "extended_pan_id": "0x" + info["extended_pan_id"].replace(":", ""),
        "coordinator_ieee": node["ieee"],
    }
    twins = _twins()
    devices = {device["ieee"]: device for device in result["devices"]}
    assert {ieee: device["model"] for ieee, device in devices.items()} == twins
    assert all(device["manufacturer"] == "LUMI" for device in devices.values())
    assert all(device["supported"] for device in devices.values())
    registry = json.loads((folder / ".storage" / "core.device_registry").read_text())
    with sqlite3.connect(folder / "zigbee.db") as connection:
        nwks = dict(connection.execute("SELECT ieee, nwk FROM devices_v15").fetchall())
    for entry in registry["data"]["devices"]:
        ((_domain, ieee),) = entry["identifiers"]
        if ieee in devices:
            # The name the user sees in Home Assistant: the one they gave, else ZHA's
            assert devices[ieee]["name"] == (entry["name_by_user"] or entry["name"])
            assert devices[ieee]["nwk"] == f"0x{nwks[ieee]:04x}"
    named = {device["name"] for device in devices.values()}
    assert {"Kitchen plug", "Hall switch"} <= named


def test_zigbee2mqtt_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "zigbee2mqtt"
    shutil.copytree(Z2M, folder)
    before = _snapshot(folder)
    files = [folder / name for name in ("coordinator_backup.json", "database.db")]
    with_names = _inspect(capsys, *files, folder / "configuration.yaml")
    assert _inspect(capsys, folder) == with_names  # the folder stands for its files
    without_names = _inspect(capsys, *reversed(files))
    assert _snapshot(folder) == before

    backup = json.loads(files[0].read_text())
    assert with_names["source"] == "zigbee2mqtt"
    assert with_names["network"] == {
        "channel": backup["channel"],
        "pan_id": f"0x{int(backup['pan_id'], 16):04x}",
        "extended_pan_id": "0x" + backup["extended_pan_id"],
        "coordinator_ieee": ":".join(
            backup["coordinator_ieee"][i : i + 2] for i in range(0, 16, 2)
        ),
    }
    records = [json.loads(line) for line in files[1].read_text().splitlines()]
    nwks = {record["ieeeAddr"]: record["nwkAddr"] for record in records}
    devices = {device["ieee"]: device for device in with_names["devices"]}
    assert {ieee: device["model"] for ieee, device in devices.items()} == _twins()
    for ieee, device in devices.items():
        assert device["nwk"] == f"0x{nwks['0x' + ieee.replace(':', '')]:04x}"
        assert device["supported"]
    names = {device["model"]: device["name"] for device in devices.values()}
    assert names["lumi.plug.mmeu01"] == "Kitchen plug"
    assert names["lumi.switch.b2laus01"] == "Hall switch"
    assert names["lumi.plug"] is None
    assert all(device["name"] is None for device in without_names["devices"])


def test_a_device_section_in_its_own_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """configuration.yaml may keep its devices in another file (and unquoted IEEE keys)."""
    shutil.copytree(Z2M, tmp_path, dirs_exist_ok=True)
    devices = tmp_path / "configuration.yaml"
    (tmp_path / "devices.yaml").write_text(
        devices.read_text()
        .split("devices:\n", 1)[1]
        .replace("  '", "")
        .replace("':", ":")
        .replace("\n    ", "\n  ")
    )
    devices.write_text("mqtt:\n  password: !secret mqtt_password\ndevices: devices.yaml\n")
    names = {device["name"] for device in _inspect(capsys, tmp_path)["devices"]}
    assert {"Kitchen plug", "Hall switch"} <= names


def _z2m_copy(tmp_path: Path) -> tuple[Path, Path]:
    shutil.copytree(Z2M, tmp_path, dirs_exist_ok=True)
    return tmp_path / "coordinator_backup.json", tmp_path / "database.db"


def _edit_backup(path: Path, edit: Any) -> None:
    backup = json.loads(path.read_text())
    edit(backup)
    path.write_text(json.dumps(backup))


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda b: b["network_key"].update(key=b["network_key"]["key"][:30]), "30 hex digits"),
        (lambda b: b.update(extended_pan_id=b["extended_pan_id"] + "00"), "extended_pan_id"),
        (lambda b: b["devices"][0]["link_key"].update(key="00" * 15), "link key"),
        (lambda b: b["stack_specific"]["zstack"].update(tclk_seed="ab"), "seed"),
        (lambda b: b.update(channel=30), "channel 30"),
        (lambda b: b["metadata"].update(version=2), "version 2"),
        (lambda b: b.update(coordinator_ieee="zz" * 8), "not a hex string"),
    ],
)
def test_a_damaged_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], edit: Any, message: str
) -> None:
    backup, database = _z2m_copy(tmp_path)
    _edit_backup(backup, edit)
    line = _fails(capsys, backup, database)
    assert str(backup) in line
    assert message in line


def test_a_truncated_backup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    backup, database = _z2m_copy(tmp_path)
    backup.write_text(backup.read_text()[:700])
    assert "not valid JSON (truncated" in _fails(capsys, backup, database)


def test_another_coordinators_backup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Zigbee2MQTT's old Z-Stack NV dump, or any other format, is not taken for ours."""
    backup, database = _z2m_copy(tmp_path)
    backup.write_text(json.dumps({"adapterType": "zStack", "time": "x", "meta": {}, "data": {}}))
    assert "zStack backup in Zigbee2MQTT's old format" in _fails(capsys, backup, database)
    backup.write_text(json.dumps({"deconz": {"nwk": 1}}))
    assert "another coordinator's backup format" in _fails(capsys, backup, database)


def test_a_database_of_another_network(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    backup, database = _z2m_copy(tmp_path)
    database.write_text(
        database.read_text().replace('"ieeeAddr":"0x00124b', '"ieeeAddr":"0x00124c')
    )
    line = _fails(capsys, backup, database)
    assert "belongs to coordinator 00:12:4c" in line


def test_a_damaged_zigbee2mqtt_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    backup, database = _z2m_copy(tmp_path)
    text = database.read_text()
    database.write_text(text[: len(text) // 2])
    assert "is not valid JSON" in _fails(capsys, backup, database)
    database.write_text(text.replace('"nwkAddr":3939', '"nwkAddr":"x"'))
    assert "has no network address" in _fails(capsys, backup, database)


def test_missing_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    backup, database = _z2m_copy(tmp_path)
    assert "database.db is needed" in _fails(capsys, backup)
    assert "coordinator_backup.json is needed" in _fails(capsys, database)
    assert "no such file" in _fails(capsys, tmp_path / "nothing.db")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert "holds neither" in _fails(capsys, empty)


def _zha_copy(tmp_path: Path) -> Path:
    db = tmp_path / "zigbee.db"
    shutil.copy(ZHA / "zigbee.db", db)
    return db


def test_not_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "zigbee.db"
    db.write_text("{}")
    assert "not an SQLite database" in _fails(capsys, db)
    db.write_bytes((ZHA / "zigbee.db").read_bytes()[:5000])
    assert "damaged database" in _fails(capsys, db)


def test_a_zha_database_of_another_network(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The devices' coordinator is not the one of the network backup."""
    db = _zha_copy(tmp_path)
    coordinator = _stored_backup(db)["node_info"]["ieee"]
    with sqlite3.connect(db) as connection:
        connection.execute(
            "UPDATE devices_v15 SET ieee = '00:12:4b:00:00:00:00:01' WHERE ieee = ?",
            (coordinator,),
        )
    assert f"another coordinator than its network backup's ({coordinator})" in _fails(capsys, db)


def test_a_zha_database_without_backup_or_with_a_bad_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _zha_copy(tmp_path)
    stored = _stored_backup(db)
    stored["network_info"]["network_key"]["key"] = "00:" * 15 + "00:00"
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE network_backups_v15 SET backup_json = ?", (json.dumps(stored),))
    assert "network key in its network backup has 17 bytes, 16 expected" in _fails(capsys, db)
    with sqlite3.connect(db) as connection:
        connection.execute("DELETE FROM network_backups_v15")
    assert "holds no network backup" in _fails(capsys, db)
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA user_version = 12")
    assert "schema 12 is not supported" in _fails(capsys, db)


def test_zha_and_zigbee2mqtt_files_together(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup, _database = _z2m_copy(tmp_path)
    assert "give it alone" in _fails(capsys, ZHA / "zigbee.db", backup)


def test_the_command_line() -> None:
    """The module runs as documented (one process: the import is what it costs)."""
    command = [sys.executable, "-m", "custom_components.aqara_zigbee.migrate", "inspect"]
    done = subprocess.run(
        [*command, str(Z2M)], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["source"] == "zigbee2mqtt"
    failed = subprocess.run(
        [*command, str(Z2M / "database.db")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert failed.returncode == 1
    assert failed.stdout == ""
    assert len(failed.stderr.splitlines()) == 1


def test_a_zha_database_in_use(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """While ZHA runs, its last writes may still be in the WAL file: they are read too."""
    db = _zha_copy(tmp_path)
    writer = sqlite3.connect(db)
    try:
        assert writer.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        writer.execute(
            "INSERT INTO devices_v15 (ieee, nwk, status, last_seen) VALUES (?, ?, 2, 0)",
            ("00:15:8d:00:00:00:00:99", 0x1234),
        )
        writer.commit()
        assert Path(f"{db}-wal").stat().st_size > 0  # the row is in the WAL only
        devices = {device["ieee"]: device for device in _inspect(capsys, db)["devices"]}
    finally:
        writer.close()
    assert devices["00:15:8d:00:00:00:00:99"]["nwk"] == "0x1234"
    assert devices["00:15:8d:00:00:00:00:99"]["supported"] is False
