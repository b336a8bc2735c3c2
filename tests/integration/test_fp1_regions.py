"""The FP1's regions: ``aqara_zigbee.fp1_set_region`` / ``fp1_delete_region`` and the
``configured_regions`` sensor that follows what the device confirmed."""

from __future__ import annotations

from typing import Any
from unittest.mock import patch

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import device_registry as dr
import pytest

from custom_components.aqara_zigbee.const import DOMAIN
from custom_components.aqara_zigbee.devices.handle import DeviceCommandError
from custom_components.aqara_zigbee.simulator.behaviours.fp1_regions import Fp1Regions

from .entity_helpers import Device
from .model_helpers import join_twin

FP1 = "lumi.motion.ac01"


def _device_id(dev: Device, ieee: str | None = None) -> str:
    device = dr.async_get(dev.hass).async_get_device_by_identifier(
        (DOMAIN, ieee or dev.ieee), dev.gateway.entry.entry_id
    )
    assert device is not None
    return device.id


async def _set(dev: Device, **data: Any) -> None:
    await dev.hass.services.async_call(
        DOMAIN, "fp1_set_region", {"device_id": _device_id(dev), **data}, blocking=True
    )


def _shown(dev: Device) -> str:
    return dev.state("sensor", "configured_regions")


async def test_regions_are_written_in_every_cell_notation(hass: HomeAssistant) -> None:
    dev = await join_twin(hass, FP1)
    regions = dev.sim.behaviour(Fp1Regions)
    assert _shown(dev) == "unknown"  # nothing confirmed yet: the device never tells
    await _set(dev, region_id=2, zones=["1,1", "2,1", " 4 , 2 "])
    await _set(dev, region_id="5", zones="3,7; 3,6")
    await _set(dev, region_id=1.0, zones=[[1, 3], {"x": 2, "y": 3}, [1, 3]])
    assert regions.table == {
        2: frozenset({(1, 1), (2, 1), (4, 2)}),
        5: frozenset({(3, 7), (3, 6)}),
        1: frozenset({(1, 3), (2, 3)}),
    }
    assert _shown(dev) == (
        "1: y3=x1-2 (2 zones) | 2: y1=x1-2; y2=x4 (3 zones) | 5: y6=x3; y7=x3 (2 zones)"
    )
    await hass.services.async_call(
        DOMAIN, "fp1_delete_region", {"device_id": _device_id(dev), "region_id": 2}, blocking=True
    )
    assert set(regions.table) == {1, 5}
    assert _shown(dev) == "1: y3=x1-2 (2 zones) | 5: y6=x3; y7=x3 (2 zones)"


#: (action data, the translation key of its refusal)
WRONG_REGIONS: list[tuple[dict[str, Any], str]] = [
    ({"region_id": 0, "zones": ["1,1"]}, "invalid_region_id"),
    ({"region_id": 11, "zones": ["1,1"]}, "invalid_region_id"),
    ({"region_id": True, "zones": ["1,1"]}, "invalid_region_id"),
    ({"region_id": "one", "zones": ["1,1"]}, "invalid_region_id"),
    ({"region_id": 1, "zones": []}, "zones_empty"),
    ({"region_id": 1, "zones": " ; "}, "zones_empty"),
    ({"region_id": 1, "zones": ["5,1"]}, "invalid_zone"),
    ({"region_id": 1, "zones": ["1,8"]}, "invalid_zone"),
    ({"region_id": 1, "zones": ["1"]}, "invalid_zone"),
    ({"region_id": 1, "zones": [{"x": 1}]}, "invalid_zone"),
    ({"region_id": 1, "zones": [1.5]}, "invalid_zone"),
    ({"region_id": 1, "zones": 7}, "invalid_zone"),
]


async def test_a_wrong_region_is_refused_with_a_translated_message(hass: HomeAssistant) -> None:
    dev = await join_twin(hass, FP1)
    for data, translation_key in WRONG_REGIONS:
        with pytest.raises(ServiceValidationError) as raised:
            await _set(dev, **data)
        assert raised.value.translation_key == translation_key, data
    assert dev.sim.behaviour(Fp1Regions).frames == []  # nothing was sent


async def test_only_an_fp1_takes_regions(hass: HomeAssistant) -> None:
    dev = await join_twin(hass, FP1)
    coordinator = str(dev.gateway.radio.require_app().state.node_info.ieee)
    with pytest.raises(ServiceValidationError) as raised:
        await hass.services.async_call(
            DOMAIN,
            "fp1_delete_region",
            {"device_id": _device_id(dev, coordinator), "region_id": 1},
            blocking=True,
        )
    assert raised.value.translation_key == "regions_not_supported"
    with pytest.raises(ServiceValidationError) as raised:
        await hass.services.async_call(
            DOMAIN, "fp1_delete_region", {"device_id": "nope", "region_id": 1}, blocking=True
        )
    assert raised.value.translation_key == "region_unknown_device"


async def test_a_refused_region_leaves_the_summary(hass: HomeAssistant) -> None:
    dev = await join_twin(hass, FP1)
    await _set(dev, region_id=3, zones=["1,1"])
    handle = dev.gateway.handles[dev.ieee]
    refusal = DeviceCommandError("0xfcc0/0x0150", "status INVALID_VALUE")
    with (
        # the handle has slots: its methods are patched on the class
        patch.object(type(handle), "_write_raw", side_effect=refusal),
        pytest.raises(HomeAssistantError) as raised,
    ):
        await _set(dev, region_id=4, zones=["1,1"])
    assert raised.value.translation_key == "region_write_failed"
    assert _shown(dev) == "3: y1=x1 (1 zones)"


async def test_the_summary_survives_a_restart_and_the_next_write_keeps_it(
    hass: HomeAssistant,
) -> None:
    dev = await join_twin(hass, FP1)
    await _set(dev, region_id=1, zones=["1,1"])
    # The same simulated network comes back with the FP1 in it
    with patch("custom_components.aqara_zigbee.simulator.network.DEFAULT_MODELS", (FP1,)):
        assert await hass.config_entries.async_reload(dev.gateway.entry.entry_id)
        await hass.async_block_till_done(wait_background_tasks=True)
    assert _shown(dev) == "1: y1=x1 (1 zones)"
    await _set(dev, region_id=2, zones=["2,2"])
    assert _shown(dev) == "1: y1=x1 (1 zones) | 2: y2=x2 (1 zones)"


async def test_a_summary_too_long_for_a_state_is_kept_whole(hass: HomeAssistant) -> None:
    """Ten regions' text passes a state's 255 characters: cut there, whole in an attribute,
    and whole after a restart (the next write builds on it)."""
    dev = await join_twin(hass, FP1)
    for region in range(1, 11):
        await _set(dev, region_id=region, zones=["1,1", "3,2", "2,4", "4,7"])
    whole = dev.sim.setting("configured_regions")
    assert isinstance(whole, str)
    assert len(whole) > 255
    state = hass.states.get(dev.entity("sensor", "configured_regions"))
    assert state is not None
    assert len(state.state) == 255
    assert state.state.endswith("…")
    assert whole.startswith(state.state[:-1])
    assert state.attributes["full_text"] == whole
    with patch("custom_components.aqara_zigbee.simulator.network.DEFAULT_MODELS", (FP1,)):
        assert await hass.config_entries.async_reload(dev.gateway.entry.entry_id)
        await hass.async_block_till_done(wait_background_tasks=True)
    await hass.services.async_call(
        DOMAIN, "fp1_delete_region", {"device_id": _device_id(dev), "region_id": 1}, blocking=True
    )
    simulator = dev.gateway.entry.runtime_data.simulator  # the reloaded network's
    assert simulator is not None
    assert simulator.device(dev.ieee).setting("configured_regions") == whole.split(" | ", 1)[1]
    state = hass.states.get(dev.entity("sensor", "configured_regions"))
    assert state is not None
    assert state.attributes.get("full_text", state.state) == whole.split(" | ", 1)[1]
