"""Battery (sleepy) end devices through Home Assistant: a setting written while the device
sleeps is kept and delivered when it wakes; battery % follows its voltage; availability
waits the battery timeout. The parent's persistence time (7.68 s) is cut short where a frame
waits it out: no real waiting."""

from __future__ import annotations

import time
from unittest.mock import patch

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
import pytest

from custom_components.aqara_zigbee.const import DEFAULT_BATTERY_TIMEOUT, DEFAULT_MAINS_TIMEOUT
from custom_components.aqara_zigbee.simulator.behaviours.sleepy import Sleepy

from .conftest import wait_for
from .model_helpers import join_twin

DOOR_P1 = "lumi.magnet.ac01"


async def test_a_setting_written_while_asleep_is_delivered_when_it_wakes(
    hass: HomeAssistant,
) -> None:
    dev = await join_twin(hass, DOOR_P1)
    sleepy = dev.sim.behaviour(Sleepy)
    setting = dev.sim.lumi_setting("detection_distance")
    entity = dev.entity("select", "detection_distance")
    before = dev.state("select", "detection_distance")
    # Past what the device sends by itself after joining (its Basic report, first heartbeat)
    await dev.network.clock.advance(15)
    await hass.async_block_till_done()
    sleepy.sleep()
    started = time.monotonic()
    # The parent gives up on the frame after 50 ms instead of 7.68 s, and zigpy tries once
    # (each retry would wait out zigpy-znp's route discovery): no real waiting
    with (
        patch(f"{Sleepy.__module__}.INDIRECT_PERSISTENCE_S", 0.05),
        patch("zigpy.device.DEFAULT_REQUEST_RETRIES", 1),
        pytest.raises(HomeAssistantError) as raised,
    ):
        await hass.services.async_call(
            "select", "select_option", {"entity_id": entity, "option": "30mm"}, blocking=True
        )
    assert time.monotonic() - started < 2
    assert raised.value.translation_key == "write_pending"
    assert setting.value != "30mm"  # the device never heard it
    assert dev.state("select", "detection_distance") == before  # nothing optimistic
    handle = dev.gateway.handles[dev.ieee]
    assert handle.pending_writes == {"detection_distance": "30mm"}

    dev.sim.exercise("contact")  # the door opens: the sensor wakes and reports
    await wait_for(hass, lambda: dev.state("select", "detection_distance") == "30mm")
    assert setting.value == "30mm"
    assert handle.pending_writes == {}


async def test_battery_percent_follows_the_heartbeat_voltage(hass: HomeAssistant) -> None:
    dev = await join_twin(hass, DOOR_P1)
    dev.sim.exercise("voltage", 2910)  # the heartbeat says 2910 mV
    await wait_for(hass, lambda: dev.state("sensor", "voltage") == "2910")
    # Zigbee2MQTT's curve for this model: 2850 mV is empty, 3000 mV full
    assert dev.state("sensor", "battery") == "40"


async def test_a_battery_device_stays_available_through_long_sleeps(
    hass: HomeAssistant,
) -> None:
    dev = await join_twin(hass, DOOR_P1)
    availability = dev.gateway.availability
    zigpy_device = dev.gateway.zigpy_device(dev.ieee)
    assert zigpy_device is not None
    silent_for = (DEFAULT_MAINS_TIMEOUT + DEFAULT_BATTERY_TIMEOUT) / 2
    with patch.object(zigpy_device, "node_desc", None):  # even before its descriptor is known
        zigpy_device.last_seen = time.time() - silent_for
        availability.async_check()
        assert availability.heard_from(dev.ieee)
        zigpy_device.last_seen = time.time() - DEFAULT_BATTERY_TIMEOUT - 60
        availability.async_check()
        assert not availability.heard_from(dev.ieee)
