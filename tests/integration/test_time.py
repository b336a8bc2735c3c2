"""The time platform: the FP310's night LED schedule, one uint32 behind two time entities."""

from __future__ import annotations

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
import pytest

from .entity_helpers import call, state_of, write_confirmed
from .model_helpers import join_twin

FP310 = "lumi.sensor_occupy.acn1"


async def test_each_end_keeps_the_other(hass: HomeAssistant) -> None:
    """Writing one end rewrites the uint32 with the other end the device confirmed."""
    dev = await join_twin(hass, FP310)
    dev.sim.exercise("schedule_end_time", "06:30")  # set at the unit (the Aqara app)
    await dev.wait_state("time", "schedule_end_time", "06:30:00")
    await write_confirmed(
        dev,
        "time",
        "schedule_start_time",
        "set_value",
        probe=lambda: dev.sim.setting("schedule_start_time"),
        state="22:15:00",
        device_value="22:15",
        time="22:15:00",
    )
    assert dev.sim.setting("schedule_end_time") == "06:30"
    assert state_of(hass, dev.entity("time", "schedule_end_time")).state == "06:30:00"

    # The device keeps minutes: a time with seconds is refused, nothing is sent
    with pytest.raises(ServiceValidationError, match="seconds"):
        await call(
            hass, "time", "set_value", dev.entity("time", "schedule_end_time"), time="07:00:30"
        )
    assert dev.sim.setting("schedule_end_time") == "06:30"
