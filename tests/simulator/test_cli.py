"""The simulator CLI: ``serve`` prints its contract lines and shuts down cleanly."""

from __future__ import annotations

from pathlib import Path
import queue
import re
import signal
import socket
import subprocess
import sys
import threading

import pytest

from custom_components.aqara_zigbee.simulator.models import (
    DEFAULT_MODELS,
    HOUSE_MODELS,
    resolve_model,
)

ROOT = Path(__file__).resolve().parents[2]
LISTENING = re.compile(r"^listening socket://127\.0\.0\.1:(\d+)$")
DEVICE = re.compile(r"^device (.+) ((?:[0-9a-f]{2}:){7}[0-9a-f]{2})$")


class Simulator:
    """The CLI in a subprocess; a thread collects stdout lines (readline with a timeout)."""

    def __init__(self, *args: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "custom_components.aqara_zigbee.simulator", "serve", *args],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def readline(self, timeout: float = 20.0) -> str:
        try:
            return self.lines.get(timeout=timeout)
        except queue.Empty:
            pytest.fail("the simulator printed nothing in time")

    def send(self, *commands: str) -> None:
        assert self.process.stdin is not None
        for command in commands:
            self.process.stdin.write(command + "\n")
        self.process.stdin.flush()

    def wait(self, timeout: float = 20.0) -> int:
        code = self.process.wait(timeout=timeout)
        self._reader.join(timeout=5)
        return code

    def stop(self, sig: int = signal.SIGTERM) -> None:
        self.process.send_signal(sig)
        try:
            assert self.process.wait(timeout=20) == 0
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            self._reader.join(timeout=5)


def _serve_lines(process: Simulator, count: int) -> tuple[int, list[tuple[str, str]]]:
    match = LISTENING.match(process.readline())
    assert match, "first line must be 'listening socket://127.0.0.1:PORT'"
    devices = []
    for _ in range(count):
        line = process.readline()
        device = DEVICE.match(line)
        assert device, line
        devices.append((device.group(1), device.group(2)))
    return int(match.group(1)), devices


@pytest.mark.usefixtures("socket_enabled")
def test_serve_prints_contract_lines_and_stops_on_sigterm(tmp_path: Path) -> None:
    process = Simulator("--port", "0", "--state", str(tmp_path / "state"))
    try:
        port, devices = _serve_lines(process, len(DEFAULT_MODELS))
        assert [model for model, _ieee in devices] == list(DEFAULT_MODELS)
        assert len({ieee for _model, ieee in devices}) == len(devices)
        with socket.create_connection(("127.0.0.1", port), timeout=5):
            pass  # the coordinator emulator accepts TCP connections
    finally:
        process.stop()
    assert (tmp_path / "state" / "devices.json").exists()

    # Same state directory, same addresses.
    again = Simulator("--port", "0", "--state", str(tmp_path / "state"))
    try:
        _port, devices_again = _serve_lines(again, len(DEFAULT_MODELS))
        assert devices_again == devices
    finally:
        again.stop(signal.SIGINT)


def test_serve_selected_devices_and_commands(tmp_path: Path) -> None:
    process = Simulator(
        "--port",
        "0",
        "--state",
        str(tmp_path),
        "--devices",
        "ZNCZ04LM,lumi.switch.b1nc01,lumi.switch.b1nc01",
        "--speed",
        "60",
        "--commands",
    )
    try:
        _port, devices = _serve_lines(process, 3)
        assert [model for model, _ in devices] == [
            "lumi.plug.mmeu01",
            "lumi.switch.b1nc01",
            "lumi.switch.b1nc01",
        ]
        assert devices[1][1] != devices[2][1]
        process.send(
            "join",
            "load ZNCZ04LM 100",
            f"press {devices[1][1]} left single",
            "temperature ZNCZ04LM 35",
            "advance 60",
            "press QBKG40LM",  # two of them: ambiguous
            "bogus",
        )
        answers = [process.readline() for _ in range(7)]
        assert answers[:5] == ["ok"] * 5
        assert answers[5].startswith("error ")
        assert "2 devices" in answers[5]
        assert answers[6].startswith("error unknown command")
    finally:
        process.stop()


def test_serve_the_demo_house(tmp_path: Path) -> None:
    """``--devices house``: the demo's house, the same twins ``make demo`` builds."""
    process = Simulator("--port", "0", "--state", str(tmp_path), "--devices", "house")
    try:
        _port, devices = _serve_lines(process, len(HOUSE_MODELS))
        assert [model for model, _ in devices] == [
            resolve_model(name).zigbee_model for name in HOUSE_MODELS
        ]
        assert set(DEFAULT_MODELS) < set(HOUSE_MODELS)
    finally:
        process.stop()


def test_unknown_model_is_rejected(tmp_path: Path) -> None:
    process = Simulator("--port", "0", "--state", str(tmp_path), "--devices", "lumi.toaster")
    assert process.wait() != 0
    assert process.process.stderr is not None
    assert "unknown model" in process.process.stderr.read()


def test_commands_answer_and_quit_stops(tmp_path: Path) -> None:
    """Every control command answers one line; blank lines are skipped; ``quit`` exits 0."""
    process = Simulator(
        "--port", "0", "--state", str(tmp_path), "--devices", "ZNCZ04LM", "--commands"
    )
    try:
        ((_model, ieee),) = _serve_lines(process, 1)[1]
        commands = {
            "help": "ok press DEVICE",
            "devices": f"ok lumi.plug.mmeu01={ieee}(not-joined)",
            "join": "ok",
            "power-cycle ZNCZ04LM": "ok",
            "lqi ZNCZ04LM 120": "ok",
            "lqi ZNCZ04LM high": "error invalid literal",
            "fail ZNCZ04LM 2": "ok",
            "fail ZNCZ04LM 1 NWK_NO_ROUTE": "ok",
            "heartbeat ZNCZ04LM": "ok",
            "drop": "ok",
            "DEVICES": f"ok lumi.plug.mmeu01={ieee}",
        }
        process.send("", *commands)
        for command, expected in commands.items():
            answer = process.readline()
            assert answer.startswith(expected), (command, answer)
        assert answer == f"ok lumi.plug.mmeu01={ieee}"  # joined now
        process.send("quit")
        assert process.readline() == "ok"
        assert process.wait() == 0
    finally:
        if process.process.poll() is None:
            process.stop()
