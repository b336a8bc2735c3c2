"""The contract ``python -m custom_components.aqara_zigbee.devices describe FILE``."""

from __future__ import annotations

import json
from pathlib import Path
import subprocess
import sys

import pytest

from custom_components.aqara_zigbee.devices.__main__ import main

SIGNATURES = Path(__file__).parent / "signatures"
ROOT = Path(__file__).parents[2]


def _describe(path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    assert main(["describe", str(path)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    result: dict[str, object] = json.loads(out)
    return result


def _exposes(result: dict[str, object]) -> dict[str, dict[str, object]]:
    exposes = result["exposes"]
    assert isinstance(exposes, list)
    return {expose["name"]: expose for expose in exposes}


def test_bulb(capsys: pytest.CaptureFixture[str]) -> None:
    result = _describe(SIGNATURES / "ikea_ws_bulb.json", capsys)
    assert result["definition"] == "generated"
    assert result["manufacturer"] == "IKEA of Sweden"
    exposes = _exposes(result)
    assert exposes["state"] == {
        "name": "state",
        "type": "binary",
        "access": 7,
        "endpoint": 1,
        "unit": None,
        "values": None,
        "entity": "light",
        "part_of": None,
        "device_class": None,
        "category": None,
    }
    assert exposes["color_temp"]["unit"] == "mired"
    assert exposes["color_temp"]["part_of"] == "state"
    assert exposes["power_on_behavior"]["values"] == ["off", "on", "toggle", "previous"]
    assert exposes["power_on_behavior"]["type"] == "enum"


def test_sensor(capsys: pytest.CaptureFixture[str]) -> None:
    exposes = _exposes(_describe(SIGNATURES / "sonoff_th.json", capsys))
    assert exposes["temperature"]["type"] == "numeric"
    assert exposes["temperature"]["access"] == 5  # published and gettable, not settable
    assert exposes["humidity"]["entity"] == "sensor"
    assert exposes["battery"]["unit"] == "%"


def test_aqara_model(capsys: pytest.CaptureFixture[str]) -> None:
    result = _describe(SIGNATURES / "aqara_zncz04lm.json", capsys)
    assert result["definition"] == "model"
    assert result["served_by"] == "Xiaomi ZNCZ04LM"
    exposes = _exposes(result)
    assert exposes["state"]["entity"] == "switch"
    assert exposes["power"]["endpoint"] == 21
    assert exposes["linkquality"]["endpoint"] is None  # no endpoint: the last frame's LQI


def test_integer_ids_are_accepted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads((SIGNATURES / "sonoff_contact.json").read_text())
    data["endpoints"] = {
        1: {
            "profile_id": 260,
            "device_type": 1026,
            "input_clusters": [0, 1, 1280],
            "output_clusters": [3],
        }
    }
    path = tmp_path / "ints.json"
    path.write_text(json.dumps(data))
    exposes = _exposes(_describe(path, capsys))
    assert {"alarm_1", "tamper", "battery_low", "battery"} <= set(exposes)


def test_older_zha_keys_and_cluster_maps_are_accepted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Older ZHA writes ``in_clusters``/``out_clusters``; its diagnostics key clusters by id."""
    data = {
        "manufacturer": "eWeLink",
        "model": "TH01",
        "endpoints": {
            "1": {
                "profile_id": 260,
                "device_type": "0x0302",
                "in_clusters": {"0x0000": {}, "0x0402": {"attributes": {}}},
                "out_clusters": ["0x0003"],
            }
        },
    }
    path = tmp_path / "older.json"
    path.write_text(json.dumps(data))
    assert "temperature" in _exposes(_describe(path, capsys))


def test_zha_diagnostics_download_is_accepted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ZHA's device diagnostics hold the signature under ``data.signature``."""
    signature = json.loads((SIGNATURES / "sonoff_th.json").read_text())
    path = tmp_path / "diagnostics.json"
    path.write_text(
        json.dumps({"home_assistant": {}, "data": {"ieee": "x", "signature": signature}})
    )
    result = _describe(path, capsys)
    assert result["model"] == "TH01"
    assert "temperature" in _exposes(result)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "is not JSON"),
        ("[1, 2]", "a device signature is a JSON object"),
        ('{"manufacturer": "x", "model": "y"}', "the signature has no 'endpoints' object"),
        ('{"endpoints": {"1": {"input_clusters": ["0xZZ"]}}}', "not a valid id"),
        ('{"endpoints": {"300": {"input_clusters": []}}}', "an endpoint is not a valid id"),
        ('{"endpoints": {"1": {"input_clusters": "0x0006"}}}', "must be a list"),
        ('{"endpoints": {"1": {}}, "model": 5}', "model must be a string"),
    ],
)
def test_broken_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    path = tmp_path / "broken.json"
    path.write_text(content)
    assert main(["describe", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("error: ")
    assert message in err


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["describe", str(tmp_path / "nope.json")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_run_as_a_module() -> None:
    """The documented command, in a fresh interpreter: JSON on stdout, exit 0; a broken
    file: one line on stderr, non-zero."""
    command = [sys.executable, "-m", "custom_components.aqara_zigbee.devices", "describe"]
    good = subprocess.run(
        [*command, str(SIGNATURES / "ikea_remote.json")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert good.returncode == 0, good.stderr
    assert "action" in {expose["name"] for expose in json.loads(good.stdout)["exposes"]}
    bad = subprocess.run(
        [*command, str(ROOT / "README.md")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert bad.returncode != 0
    assert bad.stdout == ""
    assert len(bad.stderr.strip().splitlines()) == 1
