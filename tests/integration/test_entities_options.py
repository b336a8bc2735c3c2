"""Per-device options as Home Assistant shows them: display precision and state_action events.

Options are set through the options flow (``set_device_options``), as a user would.
"""

from __future__ import annotations

from homeassistant.components.sensor import DOMAIN as SENSOR_DOMAIN, async_rounded_state
from homeassistant.const import STATE_UNKNOWN
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er

from custom_components.aqara_zigbee.const import CONF_DEVICE_OPTIONS, DOMAIN
from custom_components.aqara_zigbee.devices import DEFINITIONS
from custom_components.aqara_zigbee.devices.model import OnOffWrite
from custom_components.aqara_zigbee.gateway import AqaraConfigEntry

from .conftest import SEED_MODELS, configure_simulated, join_all, wait_for
from .entity_helpers import (
    call,
    configured,
    entity_id,
    event_types,
    network,
    record_states,
    set_device_options,
    state_of,
)
from .model_helpers import join_twin


def _registry_precision(hass: HomeAssistant, entity: str) -> object:
    """The display precision HA stored for the frontend (what the UI rounds to)."""
    entry = er.async_get(hass).async_get(entity)
    assert entry is not None
    return entry.options.get(SENSOR_DOMAIN, {}).get("suggested_display_precision")


def _rounded_to(hass: HomeAssistant, entity: str, precision: int) -> bool:
    state = hass.states.get(entity)
    if state is None or state.state == STATE_UNKNOWN:
        return False
    return round(float(state.state), precision) == float(state.state)


# (model, numeric expose, precision to configure): every *_precision option of the models
PRECISION_CASES = [
    ("ZNCZ04LM", "device_temperature", 0),
    ("ZNCZ04LM", "power", 0),
    ("ZNCZ04LM", "energy", 3),
    ("ZNCZ04LM", "voltage", 0),
    ("ZNCZ04LM", "current", 3),
    ("ZNCZ02LM", "power", 2),
    ("ZNCZ02LM", "energy", 0),
    ("QBKG40LM", "device_temperature", 2),
]


async def test_display_precision_follows_the_option(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    """``<key>_precision`` rounds the value and the UI shows exactly that many digits."""
    for model, key, precision in PRECISION_CASES:
        dev = await configured(simulated_entry, model)
        if model.startswith("ZNCZ"):
            dev.network.set_load(dev.ieee, 123.456)
        entity = dev.entity("sensor", key)
        default = _registry_precision(hass, entity)
        assert default != precision, (model, key)

        await set_device_options(hass, simulated_entry, dev.ieee, {f"{key}_precision": precision})
        assert _registry_precision(hass, entity) == precision, (model, key)
        # The next report is rounded to the option ...
        dev.network.send_heartbeat(dev.ieee)
        await wait_for(hass, lambda entity=entity, p=precision: _rounded_to(hass, entity, p))
        # ... and shown with exactly that many digits (HA's own rounding for presentation)
        state = state_of(hass, entity)
        shown = async_rounded_state(hass, entity, state)
        assert shown == f"{float(state.state):.{precision}f}", (model, key)

        # Unset again: back to the entity's own suggestion
        await set_device_options(hass, simulated_entry, dev.ieee, {})
        assert _registry_precision(hass, entity) == default, (model, key)


async def test_display_precision_of_an_option_set_before_the_device_joins(
    hass: HomeAssistant,
) -> None:
    """An entity registers with the configured precision (e.g. after a restart)."""
    entry = await configure_simulated(hass)
    plug = next(
        ieee
        for ieee, sim in network(entry.runtime_data).devices.items()
        if sim.zigbee_model == "lumi.plug.mmeu01"
    )
    options = {"device_temperature_precision": 0, "power_precision": 2}
    hass.config_entries.async_update_entry(
        entry, options={**entry.options, CONF_DEVICE_OPTIONS: {plug: options}}
    )
    await join_all(hass, entry)
    await hass.async_block_till_done(wait_background_tasks=True)  # pairing configuration
    for key, precision in (("device_temperature", 0), ("power", 2), ("energy", 2)):
        entity = entity_id(hass, "sensor", plug, key)
        assert _registry_precision(hass, entity) == precision, key
    await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()


# The seed devices of the default network (test_models.py covers every model's relays)
RELAY_MODELS = sorted(
    definition.model
    for definition in DEFINITIONS.values()
    if definition.model in SEED_MODELS.values()
    and any(isinstance(expose.write, OnOffWrite) for expose in definition.exposes)
)


async def test_state_action_on_every_relay_model(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry
) -> None:
    """state_action: switching a relay fires on/off(+relay) on the device's action entity.

    Models whose page has no action get the event entity while the option is on only.
    """
    registry = er.async_get(hass)
    for model in RELAY_MODELS:
        dev = await configured(simulated_entry, model)
        definition = dev.gateway.handles[dev.ieee].definition
        assert definition is not None
        made_for_state_action = not definition.has("action")
        unique_id = f"{dev.ieee}-action"
        if made_for_state_action:
            assert registry.async_get_entity_id("event", DOMAIN, unique_id) is None, model

        await set_device_options(hass, simulated_entry, dev.ieee, {"state_action": True})
        action = dev.entity("event", "action")
        recorder = record_states(hass, action)
        relays = [e.key for e in definition.exposes if isinstance(e.write, OnOffWrite)]
        expected: list[str] = []
        for relay in relays:
            for service, state in (("turn_on", "on"), ("turn_off", "off")):
                await call(hass, "switch", service, dev.entity("switch", relay))
                expected.append(state + relay.removeprefix("state"))
                await wait_for(
                    hass,
                    lambda want=tuple(expected), rec=recorder: tuple(event_types(rec)) == want,
                )

        await set_device_options(hass, simulated_entry, dev.ieee, {"state_action": False})
        if made_for_state_action:
            assert registry.async_get_entity_id("event", DOMAIN, unique_id) is None, model
            assert hass.states.get(action) is None, model


async def test_one_power_option_calibrates_every_endpoint_power(hass: HomeAssistant) -> None:
    """WP-P09D's power_1/power_2/power_usb follow power_calibration and power_precision
    (Zigbee2MQTT calibrates by the expose's name, whatever its endpoint)."""
    dev = await join_twin(hass, "lumi.plug.aeu002")
    await set_device_options(
        hass, dev.gateway.entry, dev.ieee, {"power_calibration": 10.0, "power_precision": 0}
    )
    for key in ("power_1", "power_2", "power_usb"):
        entity = dev.entity("sensor", key)
        assert _registry_precision(hass, entity) == 0, key
        watts = dev.sim.exercise(key)
        assert isinstance(watts, float)
        await wait_for(
            hass,
            lambda entity=entity, w=watts: state_of(hass, entity).state == str(round(w * 1.1)),
        )


async def test_axis_calibration_reaches_the_angles(hass: HomeAssistant) -> None:
    """DJT11LM: x/y/z_calibration offset the accelerometer counts, and the angles are
    derived from the offset counts (Zigbee2MQTT's lumi_vibration_analog)."""
    dev = await join_twin(hass, "lumi.vibration.aq1")
    for axis, count in (("y", -200), ("z", 1000)):
        dev.sim.exercise(f"{axis}_axis", count, report=False)
    await set_device_options(
        hass, dev.gateway.entry, dev.ieee, {"x_calibration": 50.5, "z_calibration": -1000}
    )
    dev.sim.exercise("x_axis", 100)  # the report carries all three counts
    # x: Math.round(100 + 50.5) = 151, z: 0; angle_x = atan(151 / 200) = 37.06°
    await dev.wait_state("sensor", "x_axis", "151")
    assert dev.state("sensor", "z_axis") == "0"
    assert dev.state("sensor", "angle_x") == "37"
    assert dev.state("sensor", "angle_z") == "0"
