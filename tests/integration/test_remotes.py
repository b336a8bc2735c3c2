"""Remotes beyond the definition-driven suite: an Opple remote in command mode."""

from __future__ import annotations

from homeassistant.core import HomeAssistant

from .conftest import wait_for
from .entity_helpers import call, event_types, record_states
from .model_helpers import join_twin

#: what a six-button Opple remote's gestures send in command mode, named as clicks
COMMAND_MODE_ACTIONS = (
    "button_1_single",  # Off
    "button_2_single",  # On
    "button_3_single",  # Step down
    "button_4_hold",  # Move down...
    "button_4_release",  # ...Stop
    "button_5_single",  # Step Color Temperature up
    "button_6_hold",  # Move Color Temperature down...
    "button_6_release",  # ...a Move with mode stop
)


async def test_opple_remote_in_command_mode(hass: HomeAssistant) -> None:
    """Set to command mode from HA, its commands still fire the action event."""
    dev = await join_twin(hass, "lumi.remote.b686opcn01")
    mode = dev.entity("select", "operation_mode")
    # Wake the sleeping remote up first, as a user would press it (it polls for a while)
    dev.sim.exercise("action", "button_1_single")
    await call(hass, "select", "select_option", mode, option="command")
    await wait_for(hass, lambda: dev.sim.setting("operation_mode") == "command")
    recorder = record_states(hass, dev.entity("event", "action"))
    for action in COMMAND_MODE_ACTIONS:
        dev.sim.exercise("action", action)
    await wait_for(hass, lambda: tuple(event_types(recorder)) == COMMAND_MODE_ACTIONS)
    # Double clicks and triple clicks have no command: in command mode they send nothing
    dev.sim.exercise("action", "button_1_double")
    dev.sim.exercise("action", "button_2_single")
    await wait_for(hass, lambda: event_types(recorder)[-1:] == ["button_2_single"])
    assert "button_1_double" not in event_types(recorder)
