"""Occupancy that clears: motion sensors send only "occupied" (Zigbee2MQTT's timeout).

Time is moved for the clearing timers only (:func:`_later` runs those due by then, as
``async_fire_time_changed`` does for every timer): moving the whole loop's time would also
expire the radio's watchdog and request timeouts. Nothing waits in real time.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any
from unittest.mock import patch

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
import pytest

from custom_components.aqara_zigbee.devices.model import (
    OPTION_OCCUPANCY_TIMEOUT,
    ClearAfter,
)

from .conftest import wait_for
from .entity_helpers import Device, network, set_device_options, state_of
from .model_helpers import join_twin

OLD_SENSOR = "lumi.sensor_motion.aq2"  # RTCGQ11LM: cleared after 90 s by default
T1_SENSOR = "lumi.motion.agl02"  # RTCGQ12LM: detection_interval + 2 s


def _later(dev: Device, seconds: float) -> None:
    """Run the occupancy clears due ``seconds`` from now."""
    handle = dev.gateway.entry.runtime_data.handles[dev.ieee]
    now = asyncio.get_running_loop().time()
    for timer in list(handle._clear_timers.values()):
        if timer.when() <= now + seconds:
            timer._run()
            timer.cancel()


async def _detect(dev: Device) -> str:
    """Motion in front of the twin (a new one: its PIR's blind time is over), once the
    integration has decoded its report."""
    seen: list[object] = []
    handle = dev.gateway.handles[dev.ieee]
    unsubscribe = handle.add_listener(
        lambda key, value: seen.append(value) if key == "occupancy" else None
    )
    try:
        dev.sim.exercise("occupancy", False, report=False)
        dev.sim.exercise("occupancy", True)
        await wait_for(dev.hass, lambda: True in seen)
    finally:
        unsubscribe()
    entity = dev.entity("binary_sensor", "occupancy")
    await wait_for(dev.hass, lambda: state_of(dev.hass, entity).state == "on")
    return entity


def _same_network() -> Any:
    """The simulated network of :func:`join_twin` again (it holds the one twin)."""
    return patch("custom_components.aqara_zigbee.simulator.network.DEFAULT_MODELS", (OLD_SENSOR,))


def _reloaded(dev: Device) -> Device:
    """The same unit seen through the entry's new gateway (after a reload)."""
    gateway = dev.gateway.entry.runtime_data
    return Device(dev.hass, gateway, dev.ieee, network(gateway).devices[dev.ieee])


@pytest.mark.parametrize(
    ("clears", "configured", "interval", "expected"),
    [
        (ClearAfter(option=OPTION_OCCUPANCY_TIMEOUT, default=90), None, None, 90),
        (ClearAfter(option=OPTION_OCCUPANCY_TIMEOUT, default=90), 5.5, None, 5.5),
        (ClearAfter(option=OPTION_OCCUPANCY_TIMEOUT, default=90), 0, None, 0),
        # Newer sensors: the interval + 2 s, unless the option is at least the interval
        (ClearAfter(option="o", default=60, interval_key="i"), None, None, 62),
        (ClearAfter(option="o", default=60, interval_key="i"), None, 30, 32),
        (ClearAfter(option="o", default=60, interval_key="i"), 10, 30, 32),
        (ClearAfter(option="o", default=60, interval_key="i"), 45.5, 30, 45.5),
        (ClearAfter(option="o", default=30, interval_key="i"), 30, 30, 30),
        (ClearAfter(option="o", default=60, interval_key="i"), None, True, 62),
    ],
)
def test_timeout_follows_zigbee2mqtt(
    clears: ClearAfter, configured: float | None, interval: object, expected: float
) -> None:
    assert clears.timeout(configured, interval) == expected


async def test_occupancy_clears_after_the_timeout_and_restarts(hass: HomeAssistant) -> None:
    dev = await join_twin(hass, OLD_SENSOR)
    handle = dev.gateway.handles[dev.ieee]
    entity = await _detect(dev)
    _later(dev, 89)
    await hass.async_block_till_done()
    assert state_of(hass, entity).state == "on"
    first = handle._clear_timers["occupancy"]
    # A new detection replaces the pending clear: the timeout counts from it
    await _detect(dev)
    second = handle._clear_timers["occupancy"]
    assert first.cancelled()
    assert second.when() >= first.when()
    _later(dev, 91)
    await wait_for(hass, lambda: state_of(hass, entity).state == "off")
    assert not handle._clear_timers

    # The option takes over from the next detection on
    await set_device_options(hass, dev.gateway.entry, dev.ieee, {OPTION_OCCUPANCY_TIMEOUT: 5})
    await _detect(dev)
    _later(dev, 4)
    await hass.async_block_till_done()
    assert state_of(hass, entity).state == "on"
    _later(dev, 6)
    await wait_for(hass, lambda: state_of(hass, entity).state == "off")

    # 0: never cleared by time
    await set_device_options(hass, dev.gateway.entry, dev.ieee, {OPTION_OCCUPANCY_TIMEOUT: 0})
    await _detect(dev)
    _later(dev, 3600)
    await hass.async_block_till_done()
    assert state_of(hass, entity).state == "on"


async def test_newer_sensor_follows_its_detection_interval(hass: HomeAssistant) -> None:
    dev = await join_twin(hass, T1_SENSOR)
    number = dev.entity("number", "detection_interval")
    await hass.services.async_call(
        "number", "set_value", {"entity_id": number, "value": 30}, blocking=True
    )
    # Shorter than the interval: the option does not count, the interval + 2 s does
    await set_device_options(hass, dev.gateway.entry, dev.ieee, {OPTION_OCCUPANCY_TIMEOUT: 10})
    entity = await _detect(dev)
    _later(dev, 31)
    await hass.async_block_till_done()
    assert state_of(hass, entity).state == "on"
    _later(dev, 33)
    await wait_for(hass, lambda: state_of(hass, entity).state == "off")
    assert await hass.config_entries.async_unload(dev.gateway.entry.entry_id)


async def test_a_restored_detection_never_sticks(hass: HomeAssistant) -> None:
    dev = await join_twin(hass, OLD_SENSOR)
    entry = dev.gateway.entry
    entity = await _detect(dev)

    # Back within the timeout: still on, and cleared when what is left of it runs out
    with _same_network():
        assert await hass.config_entries.async_reload(entry.entry_id)
    assert entry.state is ConfigEntryState.LOADED
    await wait_for(hass, lambda: state_of(hass, entity).state == "on")
    _later(dev, 91)
    await wait_for(hass, lambda: state_of(hass, entity).state == "off")

    # Back after the timeout ran out while Home Assistant was down: off at once
    entity = await _detect(_reloaded(dev))
    assert await hass.config_entries.async_unload(entry.entry_id)
    two_minutes_later = dt_util.utcnow() + timedelta(seconds=120)
    with (
        _same_network(),
        patch(
            "custom_components.aqara_zigbee.binary_sensor.dt_util.utcnow",
            return_value=two_minutes_later,
        ),
    ):
        assert await hass.config_entries.async_setup(entry.entry_id)
        await hass.async_block_till_done()
        await wait_for(hass, lambda: state_of(hass, entity).state == "off")
