"""Fixtures for Home Assistant tests, all against the real simulated network."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Callable, Generator
from typing import Any
from unittest.mock import patch

from homeassistant.config_entries import SOURCE_USER, ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import device_registry as dr
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.aqara_zigbee.const import DOMAIN
from custom_components.aqara_zigbee.gateway import AqaraConfigEntry, AqaraGateway

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
    with patch("custom_components.aqara_zigbee.gateway.RECONNECT_DELAYS", (0.05, 0.1, 0.2)):
        yield


async def wait_for(
    hass: HomeAssistant, predicate: Callable[[], Any], timeout: float = 20.0
) -> None:
    """Poll until ``predicate()`` is truthy (the network runs in real time)."""
    async with asyncio.timeout(timeout):
        while not predicate():
            await asyncio.sleep(0.02)
    await hass.async_block_till_done()


async def configure_simulated(hass: HomeAssistant) -> AqaraConfigEntry:
    """Set up the simulated network through the real config flow."""
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"radio_type": "simulated"}
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


@pytest.fixture
async def simulated_entry(hass: HomeAssistant) -> AsyncGenerator[AqaraConfigEntry]:
    """A loaded simulated network with all five seed devices joined."""
    entry = await configure_simulated(hass)
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
