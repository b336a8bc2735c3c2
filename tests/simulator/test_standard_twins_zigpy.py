"""End to end: zigpy-znp interviews the non-Aqara twins and drives them with standard ZCL."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

import zigpy.device

from custom_components.aqara_zigbee.simulator.clock import SimClock
from custom_components.aqara_zigbee.simulator.models import TWINS
from custom_components.aqara_zigbee.simulator.network import SimulatedNetwork
from tests.simulator.conftest import AppFactory

STANDARD_TWINS = sorted(model for model, twin in TWINS.items() if twin.from_signature)


async def _wait_for(predicate: Callable[[], bool]) -> None:
    async with asyncio.timeout(30):
        while not predicate():  # polling zigpy's state: no event to await
            await asyncio.sleep(0.05)


async def test_zigpy_interviews_and_drives_the_standard_twins(
    tmp_path: Path, make_app: AppFactory
) -> None:
    network = SimulatedNetwork(
        tmp_path / "sim", devices=STANDARD_TWINS, auto_join=True, clock=SimClock(manual=True)
    )
    await network.start()
    try:
        app = await make_app(network.coordinator)

        def interviewed() -> list[zigpy.device.Device]:
            return [
                device
                for device in app.devices.values()
                if device.nwk != 0x0000 and device.is_initialized and device.model is not None
            ]

        await app.permit(60)
        await _wait_for(lambda: len(interviewed()) == len(STANDARD_TWINS))
        found = {str(device.ieee): device for device in interviewed()}
        for ieee, simulated in network.devices.items():
            device = found[ieee]
            # zigpy cuts a string at its NUL (the Danfoss valve's manufacturer ends in one)
            assert (device.manufacturer, device.model) == (
                simulated.twin.manufacturer.rstrip("\x00"),
                simulated.zigbee_model,
            )
            declared = {spec.endpoint: spec for spec in simulated.twin.endpoints}
            assert sorted(device.endpoints) == [0, *sorted(declared)]
            for ep, spec in declared.items():
                assert device.endpoints[ep].device_type == spec.device_type
                assert sorted(device.endpoints[ep].in_clusters) == sorted(spec.in_clusters)
                assert sorted(device.endpoints[ep].out_clusters) == sorted(spec.out_clusters)

        # A colour bulb: on, a transition to a level, a colour temperature
        bulb_sim = network.device("LCT010")
        bulb = found[bulb_sim.ieee_str].endpoints[11]
        await bulb.on_off.on()
        await bulb.level.move_to_level_with_on_off(level=100, transition_time=20)
        await network.clock.advance(2)
        await bulb.light_color.move_to_color_temp(color_temp_mireds=250, transition_time=0)
        assert bulb_sim.property_value("brightness") == 100
        assert bulb_sim.property_value("color_temp") == 250
        result = await bulb.light_color.read_attributes(["color_mode", "color_temperature"])
        assert result[0] == {"color_mode": 2, "color_temperature": 250}

        # A blind: go to a lift percentage on the simulated clock
        blind_sim = network.device("E1757")
        blind = found[blind_sim.ieee_str].endpoints[1].window_covering
        await blind.go_to_lift_percentage(60)
        await network.clock.advance(30)
        result = await blind.read_attributes(["current_position_lift_percentage"])
        assert result[0] == {"current_position_lift_percentage": 60}

        # A valve: the heating set point written, read back
        valve_sim = network.device("014G2461")
        thermostat = found[valve_sim.ieee_str].endpoints[1].thermostat
        response = await thermostat.write_attributes({"occupied_heating_setpoint": 2250})
        assert response[0][0].status == 0
        assert valve_sim.property_value("occupied_heating_setpoint") == 22.5

        # A sensor: the firmware's own reporting brings a new temperature to zigpy
        sensor_sim = network.device("SNZB-02")
        temperature = found[sensor_sim.ieee_str].endpoints[1].temperature
        reports: list[Any] = []
        unsubscribe = temperature.on_event("attribute_report", reports.append)
        network.set_property(sensor_sim.ieee_str, "temperature", 24.5)
        await _wait_for(lambda: any(event.value == 2450 for event in reports))
        unsubscribe()

        # A remote's command reaches zigpy as a cluster command from the device
        remote_sim = network.device("E1743")
        commands: list[int] = []

        class Listener:
            def cluster_command(self, _tsn: int, command_id: int, _args: Any) -> None:
                commands.append(command_id)

        remote = found[remote_sim.ieee_str]
        remote.endpoints[1].out_clusters[0x0006].add_listener(Listener())
        network.set_property(remote_sim.ieee_str, "action", "off")
        await _wait_for(lambda: bool(commands))
        assert remote_sim.property_value("action") == "off"
        assert commands == [0x00]
    finally:
        await network.stop()
