"""Fixtures for driving the Z-Stack emulator with the real zigpy-znp application."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
import pathlib
from typing import Any

import pytest
from zigpy_znp.zigbee.application import ControllerApplication

from custom_components.aqara_zigbee.simulator.zstack import ZStackEmulator


@pytest.fixture(autouse=True)
def _loopback_sockets(socket_enabled: None) -> None:
    """The emulator is a real TCP server: undo the HA test plugin's socket ban."""


def app_config(url: str, database: pathlib.Path | None) -> dict[str, Any]:
    """zigpy config for tests: no bootloader dance, no background backups/scans/OTA."""
    return {
        "device": {"path": url},
        "database_path": None if database is None else str(database),
        "znp_config": {"skip_bootloader": False},
        "backup_enabled": False,
        "topology_scan_enabled": False,
        "watchdog_enabled": False,
        "ota": {"enabled": False},
        # Over socket:// bellows reads the link on this loop, as the integration has it:
        # its serial thread is stopped, not joined, by its shutdown and could outlive a test
        "use_thread": False,
    }


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "blank_nvram: the `emulator` fixture starts from factory-new NVRAM"
    )


# State files of one network formed from blank NVRAM, reused by every test that just
# needs *a* network: restarting from saved state takes ~50 ms, forming ~0.5 s.
_formed_state: dict[str, bytes] = {}


async def _seed_formed_state(state_dir: pathlib.Path, scratch: pathlib.Path) -> None:
    if not _formed_state:
        emu = ZStackEmulator(scratch)
        await emu.start()
        app = await ControllerApplication.new(app_config(emu.url, None), auto_form=True)
        await app.shutdown()
        await emu.stop()
        _formed_state.update(_read_state(scratch))
    _write_state(state_dir, _formed_state)


def _read_state(state_dir: pathlib.Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in state_dir.iterdir()}


def _write_state(state_dir: pathlib.Path, files: dict[str, bytes]) -> None:
    state_dir.mkdir(parents=True)
    for name, data in files.items():
        (state_dir / name).write_bytes(data)


@pytest.fixture
async def emulator(
    request: pytest.FixtureRequest, tmp_path: pathlib.Path
) -> AsyncIterator[ZStackEmulator]:
    """A started emulator, on a formed network unless the test is marked blank_nvram."""
    state_dir = tmp_path / "coordinator"
    if request.node.get_closest_marker("blank_nvram") is None:
        await _seed_formed_state(state_dir, tmp_path / "formation")
    emu = ZStackEmulator(state_dir)
    await emu.start()
    yield emu
    await emu.stop()


class AppFactory:
    """Starts zigpy-znp apps against emulators and shuts down whatever is left running."""

    def __init__(self, tmp_path: pathlib.Path) -> None:
        self._tmp_path = tmp_path
        self._running: list[ControllerApplication] = []

    async def __call__(
        self,
        emu: ZStackEmulator,
        *,
        auto_form: bool = True,
        start_radio: bool = True,
        database: str | None = "zigbee.db",
    ) -> ControllerApplication:
        path = None if database is None else self._tmp_path / database
        app = await ControllerApplication.new(
            app_config(emu.url, path), auto_form=auto_form, start_radio=start_radio
        )
        self._running.append(app)
        return app

    async def shutdown(self, app: ControllerApplication) -> None:
        self._running.remove(app)
        await app.shutdown()

    async def shutdown_all(self) -> None:
        while self._running:
            await self.shutdown(self._running[-1])


@pytest.fixture
async def make_app(tmp_path: pathlib.Path) -> AsyncIterator[AppFactory]:
    factory = AppFactory(tmp_path)
    yield factory
    await factory.shutdown_all()
    # Let transports finish closing before the loop checks for leftovers.
    await asyncio.sleep(0)


@pytest.fixture
async def app(emulator: ZStackEmulator, make_app: AppFactory) -> ControllerApplication:
    """A zigpy-znp application running on the emulator's network."""
    return await make_app(emulator)
