"""Button clicks as event entities, and the per-device options of the Zigbee2MQTT pages.

Clicks fire exactly the page's action values, also in decoupled mode (the relay stays put,
the event still fires: what ZHA gets wrong), once per click even when the device repeats
the frame. Options are set through the options flow and apply from the next report.
"""

from __future__ import annotations

from collections.abc import Callable
from unittest.mock import patch

from homeassistant.const import STATE_OFF, STATE_ON
from homeassistant.core import HomeAssistant
import pytest

from custom_components.aqara_zigbee.gateway import AqaraConfigEntry
from custom_components.aqara_zigbee.simulator.air import ApsFrame

from .conftest import wait_for
from .entity_helpers import (
    Device,
    StateRecorder,
    call,
    configured,
    event_types,
    record_states,
    set_device_options,
)

WS_USC02_CLICKS = (
    ("top", "single", "single_top"),
    ("bottom", "single", "single_bottom"),
    ("both", "single", "single_both"),
    ("top", "double", "double_top"),
    ("bottom", "double", "double_bottom"),
    ("both", "double", "double_both"),
)


async def _click(
    hass: HomeAssistant, dev: Device, recorder: StateRecorder, button: str, kind: str
) -> None:
    """Press a button and wait for the one event it must fire."""
    count = len(event_types(recorder))
    dev.network.press(dev.ieee, button, kind)
    await wait_for(hass, lambda: len(event_types(recorder)) > count)


def _relays(dev: Device) -> dict[int, bool]:
    return dict(dev.sim.relays)


async def test_ws_usc02_clicks(hass: HomeAssistant, simulated_entry: AqaraConfigEntry) -> None:
    """Every page action of WS-USC02, in control_relay and in decoupled mode."""
    dev = await configured(simulated_entry, "WS-USC02")
    event = dev.entity("event", "action")
    recorder = record_states(hass, event)

    for button, kind, _ in WS_USC02_CLICKS:
        await _click(hass, dev, recorder, button, kind)
    assert event_types(recorder) == [action for _, _, action in WS_USC02_CLICKS]
    # In control_relay mode the single clicks toggled the relays (top, bottom, both)
    assert _relays(dev) == {1: False, 2: False}

    # Decoupled: the rockers no longer switch the relays, the events still fire
    for key in ("operation_mode_top", "operation_mode_bottom"):
        await call(hass, "select", "select_option", dev.entity("select", key), option="decoupled")
    recorder.states.clear()
    for button, kind, _ in WS_USC02_CLICKS:
        await _click(hass, dev, recorder, button, kind)
    assert event_types(recorder) == [action for _, _, action in WS_USC02_CLICKS]
    assert _relays(dev) == {1: False, 2: False}
    assert dev.state("switch", "state_top") == STATE_OFF
    assert dev.state("switch", "state_bottom") == STATE_OFF

    # Gestures the page has no action for (hold, release, triple) fire nothing
    recorder.states.clear()
    dev.network.press(dev.ieee, "top", "triple")
    dev.network.press(dev.ieee, "top", "release")
    await _click(hass, dev, recorder, "bottom", "single")
    assert event_types(recorder) == ["single_bottom"]


async def test_qbkg40lm_clicks(hass: HomeAssistant, simulated_entry: AqaraConfigEntry) -> None:
    """single / double, with the relay following single clicks only in control_relay."""
    dev = await configured(simulated_entry, "QBKG40LM")
    event = dev.entity("event", "action")
    recorder = record_states(hass, event)

    await _click(hass, dev, recorder, "main", "single")
    await dev.wait_state("switch", "state", STATE_ON)
    await _click(hass, dev, recorder, "main", "double")
    assert event_types(recorder) == ["single", "double"]
    assert dev.state("switch", "state") == STATE_ON

    await call(
        hass, "select", "select_option", dev.entity("select", "operation_mode"), option="decoupled"
    )
    recorder.states.clear()
    await _click(hass, dev, recorder, "main", "single")
    await _click(hass, dev, recorder, "main", "double")
    await _click(hass, dev, recorder, "main", "single")
    assert event_types(recorder) == ["single", "double", "single"]
    assert _relays(dev) == {1: True}
    assert dev.state("switch", "state") == STATE_ON


# Where a single-button switch's click may come from: 41 is the E1 family's button endpoint
# (the twin's default), 1 the relay endpoint (Z1 single), 4 the old single-key switches'
# (lumi.ctrl_neutral1). None is documented for QBKG40LM, and Z2M accepts any.
SINGLE_BUTTON_CLICK_ENDPOINTS = (41, 1, 4)


@pytest.mark.parametrize("endpoint", SINGLE_BUTTON_CLICK_ENDPOINTS)
async def test_qbkg40lm_click_from_any_endpoint(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry, endpoint: int
) -> None:
    """The single button's clicks fire the event whichever endpoint they come from."""
    dev = await configured(simulated_entry, "QBKG40LM")
    dev.sim.move_button_events("main", endpoint)
    recorder = record_states(hass, dev.entity("event", "action"))

    await _click(hass, dev, recorder, "main", "single")
    await _click(hass, dev, recorder, "main", "double")
    assert event_types(recorder) == ["single", "double"]


def _repeat_every_frame(dev: Device) -> Callable[[], None]:
    """Make the device send each of its frames twice (same TSN), as Aqara units do."""
    original = dev.sim._transmit

    def twice(frame: ApsFrame) -> None:
        original(frame)
        original(frame)

    dev.sim._transmit = twice

    def restore() -> None:
        dev.sim._transmit = original

    return restore


async def _clicks_with_repeats(hass: HomeAssistant, dev: Device) -> list[str]:
    """Every page action of the device, each click's frame sent twice; the events fired."""
    recorder = record_states(hass, dev.entity("event", "action"))
    clicks = (
        [(button, kind) for button, kind, _ in WS_USC02_CLICKS]
        if dev.sim.zigbee_model == "lumi.switch.b2laus01"
        else [("main", "single"), ("main", "double")]
    )
    restore = _repeat_every_frame(dev)
    try:
        for button, kind in clicks:
            await _click(hass, dev, recorder, button, kind)
        # Two real clicks in a row (each with its own TSN) are two events
        await _click(hass, dev, recorder, *clicks[-1])
        await _click(hass, dev, recorder, *clicks[-1])
        # Let any late repeat arrive before counting: a frame sent after all of them
        dev.network.set_temperature(dev.ieee, dev.sim.temperature + 1)
        dev.network.send_heartbeat(dev.ieee)
        await dev.wait_state("sensor", "device_temperature", str(round(dev.sim.temperature)))
    finally:
        restore()
    return event_types(recorder)


async def test_repeated_frames_fire_once(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    """A click whose frame arrives twice is one event; two real clicks are two events."""
    wall = await configured(simulated_entry, "WS-USC02")
    qbkg = await configured(simulated_entry, "QBKG40LM")
    wall_actions = [action for _, _, action in WS_USC02_CLICKS]
    expected = {
        wall: [*wall_actions, "double_both", "double_both"],
        qbkg: ["single", "double", "double", "double"],
    }
    for dev, actions in expected.items():
        assert await _clicks_with_repeats(hass, dev) == actions

    # zigpy drops an identical frame within 10 s on its own; the device handle's TSN check
    # must hold without it (e.g. a repeat that reached us by another route)
    with patch("zigpy.device.PACKET_DEBOUNCE_WINDOW", -1):
        for dev, actions in expected.items():
            assert await _clicks_with_repeats(hass, dev) == actions


async def test_state_action_option(hass: HomeAssistant, simulated_entry: AqaraConfigEntry) -> None:
    """state_action: relay changes also fire on_top/off_top/on_bottom/off_bottom events."""
    dev = await configured(simulated_entry, "WS-USC02")
    recorder = record_states(hass, dev.entity("event", "action"))
    top = dev.entity("switch", "state_top")
    bottom = dev.entity("switch", "state_bottom")

    # Off by default: relay changes fire nothing
    await call(hass, "switch", "turn_on", top)
    await _click(hass, dev, recorder, "bottom", "double")
    assert event_types(recorder) == ["double_bottom"]
    await call(hass, "switch", "turn_off", top)

    await set_device_options(hass, simulated_entry, dev.ieee, {"state_action": True})
    recorder.states.clear()

    # A relay switched from Home Assistant: the device's OnOff report is the action
    await call(hass, "switch", "turn_on", top)
    await wait_for(hass, lambda: event_types(recorder) == ["on_top"])
    await call(hass, "switch", "turn_off", top)
    await wait_for(hass, lambda: event_types(recorder) == ["on_top", "off_top"])

    # A click at the device: the relay's report, then the click itself
    recorder.states.clear()
    dev.network.press(dev.ieee, "bottom", "single")
    await wait_for(hass, lambda: len(event_types(recorder)) == 2)
    assert event_types(recorder) == ["on_bottom", "single_bottom"]
    await dev.wait_state("switch", "state_bottom", STATE_ON)
    recorder.states.clear()
    await call(hass, "switch", "turn_off", bottom)
    await wait_for(hass, lambda: event_types(recorder) == ["off_bottom"])

    # And off again
    await set_device_options(hass, simulated_entry, dev.ieee, {"state_action": False})
    recorder.states.clear()
    await call(hass, "switch", "turn_on", bottom)
    await _click(hass, dev, recorder, "top", "double")
    assert event_types(recorder) == ["double_top"]


async def test_device_temperature_options(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    """Calibration (offset) and precision (0-3 digits) apply from the next report on."""
    dev = await configured(simulated_entry, "ZNCZ04LM")
    net = dev.network
    net.set_temperature(dev.ieee, 30)
    net.send_heartbeat(dev.ieee)
    await dev.wait_state("sensor", "device_temperature", "30")

    await set_device_options(
        hass,
        simulated_entry,
        dev.ieee,
        {"device_temperature_calibration": -1.37, "device_temperature_precision": 1},
    )
    # Not before the next report
    assert dev.state("sensor", "device_temperature") == "30"
    net.send_heartbeat(dev.ieee)
    await dev.wait_state("sensor", "device_temperature", "28.6")

    for precision, expected in ((0, "29"), (2, "28.63"), (3, "28.63")):
        await set_device_options(
            hass,
            simulated_entry,
            dev.ieee,
            {
                "device_temperature_calibration": -1.37,
                "device_temperature_precision": precision,
            },
        )
        net.send_heartbeat(dev.ieee)
        await dev.wait_state("sensor", "device_temperature", expected)

    # The DeviceTemperature cluster's reports are calibrated the same way
    net.set_temperature(dev.ieee, 40)
    dev.sim.report_attribute(1, 0x0002, 0x0000)
    await dev.wait_state("sensor", "device_temperature", "38.63")

    # WS-USC02 has the calibration option only
    wall = await configured(simulated_entry, "WS-USC02")
    await set_device_options(
        hass, simulated_entry, wall.ieee, {"device_temperature_calibration": 2.5}
    )
    net.set_temperature(wall.ieee, 26)
    net.send_heartbeat(wall.ieee)
    await wall.wait_state("sensor", "device_temperature", "28.5")
    # Other devices keep their own (no) options
    qbkg = await configured(simulated_entry, "QBKG40LM")
    net.set_temperature(qbkg.ieee, 26)
    net.send_heartbeat(qbkg.ieee)
    await qbkg.wait_state("sensor", "device_temperature", "26")
