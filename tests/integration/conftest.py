"""Fixtures for Home Assistant tests, all against the real simulated network."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Callable, Generator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest.mock import patch

from homeassistant.config_entries import SOURCE_USER, ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import device_registry as dr
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.aqara_zigbee.const import DOMAIN
from custom_components.aqara_zigbee.gateway import AqaraConfigEntry, AqaraGateway
from custom_components.aqara_zigbee.radio import simulator_state_dir

SEED_MODELS = {
    "lumi.plug": "ZNCZ02LM",
    "lumi.plug.mmeu01": "ZNCZ04LM",
    "lumi.switch.l0agl1": "SSM-U02",
    "lumi.switch.b2laus01": "WS-USC02",
    "lumi.switch.b1nc01": "QBKG40LM",
}


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(enable_custom_integrations: None, socket_enabled: None) -> None:
    """Load our integration; allow loopback TCP to the simulated coordinator."""


@pytest.fixture
def hass_config_dir(hass_tmp_config_dir: str) -> str:
    """Each test gets its own config directory (zigpy database, simulator state)."""
    return hass_tmp_config_dir


@pytest.fixture(autouse=True)
def fast_reconnect() -> Generator[None]:
    """Reconnect without the production backoff so fault tests stay quick."""
    with patch("custom_components.aqara_zigbee.radio_lifecycle.RECONNECT_DELAYS", (0.05, 0.1, 0.2)):
        yield


#: the coordinator the simulated network of the running test emulates (see ``radio``)
_radio: list[str] = ["znp"]


@pytest.fixture
def radio() -> str:
    """The simulated coordinator: Z-Stack; a module overrides this to run on EmberZNet."""
    return "znp"


@pytest.fixture(autouse=True)
def _simulated_radio(radio: str) -> Generator[None]:
    """Make ``radio`` the default of the set-up helpers below, for this test."""
    _radio[0] = radio
    yield
    _radio[0] = "znp"


@pytest.fixture(autouse=True)
def _fast_bellows_resets() -> Generator[None]:
    """bellows waits 2 s, at every reset, for a network NCP to reset by itself first.

    The emulated NCP announces its reset at connection time already (as zigbeed does);
    the wait only matters after bellows asks for a reset itself, as it does twice when
    forming. Shortened so that forming on EmberZNet takes a second, not ten.
    """
    with patch("bellows.ezsp.NETWORK_COORDINATOR_STARTUP_RESET_WAIT", 0.2):
        yield


async def wait_for(
    hass: HomeAssistant, predicate: Callable[[], Any], timeout: float = 20.0
) -> None:
    """Poll until ``predicate()`` is truthy (the network runs in real time)."""
    async with asyncio.timeout(timeout):
        while not predicate():
            await asyncio.sleep(0.02)
    await hass.async_block_till_done()


async def diagnostics_ready(hass: HomeAssistant) -> None:
    """Set up diagnostics and wait until it knows our platform: the first time in a
    process it imports it in the background, and a request before that answers 404."""
    assert await async_setup_component(hass, "diagnostics", {})
    await hass.async_block_till_done(wait_background_tasks=True)


async def configure_simulated(hass: HomeAssistant, radio: str | None = None) -> AqaraConfigEntry:
    """Set up the simulated network through the real config flow (on the test's radio)."""
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"radio_type": "simulated", "simulated_radio": radio or _radio[0]}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    entry: AqaraConfigEntry = result["result"]
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    return entry


def seed_devices_in_registry(hass: HomeAssistant, entry: MockConfigEntry) -> list[dr.DeviceEntry]:
    registry = dr.async_get(hass)
    return [
        device
        for device in dr.async_entries_for_config_entry(registry, entry.entry_id)
        if device.model_id in SEED_MODELS
    ]


async def join_all(hass: HomeAssistant, entry: AqaraConfigEntry) -> AqaraGateway:
    """Open permit join; the simulated devices join and are interviewed."""
    gateway = entry.runtime_data
    await hass.services.async_call(DOMAIN, "permit_join", {"duration": 60}, blocking=True)
    await wait_for(hass, lambda: len(seed_devices_in_registry(hass, entry)) == len(SEED_MODELS))
    return gateway


@dataclass(frozen=True, slots=True)
class FormedNetwork:
    """A simulated network as the config flow leaves it: entry data and coordinator files."""

    title: str
    unique_id: str | None
    data: dict[str, Any]
    files: dict[str, bytes]


#: formed once per test session and radio through the real config flow, then copied:
#: forming costs about 2,000 NV requests (Z-Stack) or two NCP resets (EmberZNet) and three
#: radio connections, and every test would repeat them
_formed_network: dict[str, FormedNetwork] = {}


async def _form_once(hass: HomeAssistant) -> FormedNetwork:
    radio = _radio[0]
    if radio not in _formed_network:
        entry = await configure_simulated(hass, radio)
        assert await hass.config_entries.async_unload(entry.entry_id)
        state_dir = simulator_state_dir(Path(hass.config.config_dir))
        files = {
            str(path.relative_to(state_dir)): path.read_bytes()
            for path in state_dir.rglob("*")
            if path.is_file()
        }
        assert await hass.config_entries.async_remove(entry.entry_id)
        _formed_network[radio] = FormedNetwork(
            entry.title, entry.unique_id, dict(entry.data), files
        )
    return _formed_network[radio]


async def set_up_formed_network(
    hass: HomeAssistant,
    options: dict[str, Any] | None = None,
    data: dict[str, Any] | None = None,
) -> AqaraConfigEntry:
    """A loaded simulated network, formed, no device joined yet (like after the flow);
    ``data`` adds to the entry's data (e.g. the simulated device set)."""
    formed = await _form_once(hass)
    state_dir = simulator_state_dir(Path(hass.config.config_dir))
    for name, content in formed.files.items():
        (state_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (state_dir / name).write_bytes(content)
    entry = MockConfigEntry(
        domain=DOMAIN,
        title=formed.title,
        unique_id=formed.unique_id,
        data={**formed.data, **(data or {})},
        options=options or {},
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    return entry  # type: ignore[return-value]


@pytest.fixture
async def simulated_entry(hass: HomeAssistant) -> AsyncGenerator[AqaraConfigEntry]:
    """A loaded simulated network with all five seed devices joined."""
    entry = await set_up_formed_network(hass)
    await join_all(hass, entry)
    yield entry
    # The pairing reads may still be under way in tests that never waited for them
    await hass.async_block_till_done(wait_background_tasks=True)
    await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()


def ieee_of(gateway: AqaraGateway, model: str) -> str:
    """The IEEE of the joined device of a Zigbee2MQTT model."""
    for ieee, handle in gateway.handles.items():
        if handle.definition is not None and handle.definition.model == model:
            return ieee
    raise AssertionError(f"no {model} joined")
