"""zigbee-herdsman, Zigbee2MQTT's Zigbee stack, as a second host of the Z-Stack emulator.

zigpy-znp drives the emulator in the rest of the suite; a second, independent host stack
finds what the emulator only answers because zigpy-znp happens to ask it that way. Here
herdsman's zstack adapter (``check_zstack.js``, one node process) forms a network, stops,
resumes it, lets the five seed devices join and interviews them, switches a plug and reads
a manufacturer-specific 0xFCC0 attribute, stops, resumes and answers again.

zigbee-herdsman is pinned in ``package.json`` / ``package-lock.json`` next to this file and
installed with ``npm ci`` into ``node_modules/`` here (gitignored) the first time, then
again only when the lock file changes. Without node >= 20 and npm the test is skipped.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import hashlib
import json
from pathlib import Path
import shutil
import subprocess
from typing import Any

import pytest

from custom_components.aqara_zigbee.simulator.behaviours.metering import Metering
from custom_components.aqara_zigbee.simulator.clock import SimClock
from custom_components.aqara_zigbee.simulator.network import SimulatedNetwork

HERE = Path(__file__).parent
SCRIPT = HERE / "check_zstack.js"
LOCK_FILE = HERE / "package-lock.json"
MODULES = HERE / "node_modules"
# What the installed node_modules was made from (npm ci replaces the whole directory).
STAMP = MODULES / ".installed-lock.sha256"
NODE_MAJOR = 20
# Wall time for the whole node run. herdsman waits on its own clock: 1 s per connection
# (its bootloader check over TCP) and 3 s after forming (for the NIB to "settle").
RUN_TIMEOUT = 90.0
INSTALL_TIMEOUT = 300.0

# The network check_zstack.js configures.
PAN_ID = 0x1A62
CHANNEL = 15
EXTENDED_PAN_ID = "0xdddddddd00112233"
NETWORK_KEY = bytes.fromhex("112233445566778899aabbccddeeff01")
EXTENDED_PAN_ID_NV = 0x002D
NWK_ACTIVE_KEY_INFO_NV = 0x003A


def _missing_node() -> str | None:
    """Why the check cannot run here, or None."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        return "zigbee-herdsman check needs node and npm, not found on PATH"
    try:
        version = subprocess.run(
            [node, "--version"], capture_output=True, text=True, timeout=30, check=True
        ).stdout.strip()
        major = int(version.lstrip("v").split(".")[0])
    except (OSError, subprocess.SubprocessError, ValueError) as err:
        return f"zigbee-herdsman check: cannot run node ({err})"
    if major < NODE_MAJOR:
        return f"zigbee-herdsman check needs node >= {NODE_MAJOR}, found {version}"
    return None


_MISSING = _missing_node()
pytestmark = pytest.mark.skipif(_MISSING is not None, reason=_MISSING or "")


@pytest.fixture(autouse=True)
def _loopback_sockets(socket_enabled: None) -> None:
    """The emulator is a real TCP server: undo the HA test plugin's socket ban."""


@pytest.fixture(scope="module")
def herdsman_installed() -> Path:
    """zigbee-herdsman from the lock file, installed once (both library sets may race)."""
    digest = hashlib.sha256(LOCK_FILE.read_bytes()).hexdigest()
    with (HERE / ".npm-ci.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not STAMP.exists() or STAMP.read_text() != digest:
            npm = shutil.which("npm") or "npm"
            command = [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"]
            try:
                subprocess.run(
                    [*command, "--loglevel=error"],
                    cwd=HERE,
                    capture_output=True,
                    text=True,
                    timeout=INSTALL_TIMEOUT,
                    check=True,
                )
            except subprocess.CalledProcessError as err:
                tail = (err.stderr or "").strip().splitlines()[-3:]
                pytest.skip(f"npm ci could not install zigbee-herdsman: {' / '.join(tail)}")
            except subprocess.TimeoutExpired:
                pytest.skip("npm ci could not install zigbee-herdsman in time")
            STAMP.write_text(digest)
    return MODULES


def _log_tail(work: Path, lines: int = 40) -> str:
    log = work / "herdsman.log"
    return "\n".join(log.read_text().splitlines()[-lines:]) if log.exists() else ""


async def _run_herdsman(network: SimulatedNetwork, work: Path) -> list[dict[str, Any]]:
    """check_zstack.js against the running network; its events, one per output line."""
    node = shutil.which("node") or "node"
    process = await asyncio.create_subprocess_exec(
        node,
        str(SCRIPT),
        f"tcp://127.0.0.1:{network.coordinator.port}",
        str(work),
        str(len(network.devices)),
        cwd=HERE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        async with asyncio.timeout(RUN_TIMEOUT):
            stdout, stderr = await process.communicate()
    except TimeoutError:
        process.kill()
        with contextlib.suppress(ProcessLookupError):
            await process.wait()
        pytest.fail(f"zigbee-herdsman did not finish in {RUN_TIMEOUT:.0f} s\n{_log_tail(work)}")
    events = [json.loads(line) for line in stdout.decode().splitlines() if line.startswith("{")]
    errors = [event["message"] for event in events if event["event"] == "error"]
    report = f"{errors}\n{stderr.decode()[-2000:]}\n{_log_tail(work)}"
    assert not errors, report
    assert process.returncode == 0, report
    return events


async def test_zigbee_herdsman_forms_resumes_and_uses_the_network(
    herdsman_installed: Path, tmp_path: Path
) -> None:
    work = tmp_path / "herdsman"
    work.mkdir()
    # Joins happen when herdsman opens the network; device timers stay still (no clock).
    network = SimulatedNetwork(tmp_path / "stick", auto_join=True, clock=SimClock(manual=True))
    await network.start()
    try:
        events = await _run_herdsman(network, work)
    finally:
        await network.stop()
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for event in events:
        by_kind.setdefault(event["event"], []).append(event)

    # Formed once, then resumed twice from what the stick kept (never formed again).
    starts = by_kind["started"]
    assert [(start["label"], start["result"]) for start in starts] == [
        ("form", "reset"),
        ("resume", "resumed"),
        ("resume again", "resumed"),
    ]
    for start in starts:
        assert (start["panID"], start["channel"]) == (PAN_ID, CHANNEL)
        assert start["extendedPanID"] == EXTENDED_PAN_ID
    nvram = network.coordinator.nvram
    assert nvram.osal(EXTENDED_PAN_ID_NV) == bytes.fromhex(EXTENDED_PAN_ID[2:])[::-1]
    active_key = nvram.osal(NWK_ACTIVE_KEY_INFO_NV)
    assert active_key is not None
    assert active_key[1:17] == NETWORK_KEY

    # Every seed joined and was interviewed; herdsman read each model id itself.
    assert "interview_failed" not in by_kind
    (interviewed,) = by_kind["interviewed"]
    expected = {
        "0x" + ieee.replace(":", ""): device.zigbee_model
        for ieee, device in network.devices.items()
    }
    assert interviewed["models"] == expected
    assert all(network.coordinator.is_joined(device.ieee) for device in network.devices.values())

    # The plug was switched on and read back, its 0xFCC0 attribute read with Lumi's code;
    # after the last resume it was switched off again.
    (plug_event,) = by_kind["plug"]
    plug = network.device(plug_event["ieee"])
    assert plug_event["onOff"] == 1
    assert plug_event["lumi"] == {"514": int(plug.behaviour(Metering).auto_off)}  # 0x0202
    (again,) = by_kind["answered_again"]
    assert again == {"event": "answered_again", "onOff": 0, "devices": len(network.devices)}
    assert not plug.relays[1]
    assert events[-1] == {"event": "done"}

    form, resume, _again = (start["ms"] for start in starts)
    print(
        f"\n[figures] zigbee-herdsman on the Z-Stack emulator: form {form} ms, "
        f"resume {resume} ms, {len(expected)} joins + interviews {interviewed['ms']} ms"
    )
