"""Each expose's Home Assistant shape: the entity description of its platform.

What Home Assistant then registers (names, classes, units, ranges) is pinned by the
registry snapshots of tests/integration; these tests pin the mapping's own rules.
"""

from __future__ import annotations

import json
from pathlib import Path

from homeassistant.components.button.const import ButtonDeviceClass
from homeassistant.components.event import EventDeviceClass
from homeassistant.components.number import NumberMode
from homeassistant.const import EntityCategory
import pytest

from custom_components.aqara_zigbee.descriptions import (
    AqaraBinarySensorEntityDescription,
    AqaraButtonEntityDescription,
    AqaraClimateEntityDescription,
    AqaraCoverEntityDescription,
    AqaraEntityDescription,
    AqaraEventEntityDescription,
    AqaraFanEntityDescription,
    AqaraLightEntityDescription,
    AqaraLockEntityDescription,
    AqaraNumberEntityDescription,
    AqaraSelectEntityDescription,
    AqaraSensorEntityDescription,
    AqaraSwitchEntityDescription,
    AqaraTimeEntityDescription,
    describe,
)
from custom_components.aqara_zigbee.devices import DEFINITIONS
from custom_components.aqara_zigbee.devices.describe import parse_signature
from custom_components.aqara_zigbee.devices.generated import generate_definition
from custom_components.aqara_zigbee.devices.model import Definition, Platform

#: generated definitions of the test signatures (lights, covers, climate...) besides the models
GENERATED = {
    path.stem: generate_definition(parse_signature(json.loads(path.read_text())))
    for path in sorted((Path(__file__).parent / "devices" / "signatures").glob("*.json"))
}

DESCRIPTION_CLASSES: dict[Platform, type[AqaraEntityDescription]] = {
    Platform.SWITCH: AqaraSwitchEntityDescription,
    Platform.BINARY_SENSOR: AqaraBinarySensorEntityDescription,
    Platform.SENSOR: AqaraSensorEntityDescription,
    Platform.SELECT: AqaraSelectEntityDescription,
    Platform.NUMBER: AqaraNumberEntityDescription,
    Platform.EVENT: AqaraEventEntityDescription,
    Platform.LIGHT: AqaraLightEntityDescription,
    Platform.COVER: AqaraCoverEntityDescription,
    Platform.CLIMATE: AqaraClimateEntityDescription,
    Platform.FAN: AqaraFanEntityDescription,
    Platform.LOCK: AqaraLockEntityDescription,
    Platform.BUTTON: AqaraButtonEntityDescription,
    Platform.TIME: AqaraTimeEntityDescription,
}


@pytest.mark.parametrize(
    "definition",
    [*DEFINITIONS.values(), *GENERATED.values()],
    ids=[*DEFINITIONS.keys(), *(f"generated-{name}" for name in GENERATED)],
)
def test_every_expose_has_its_platforms_description(definition: Definition) -> None:
    """Of its platform's class, keyed and named by the expose (the primary relay is
    named after the device), carrying the expose the entity reads and writes by."""
    assert set(DESCRIPTION_CLASSES) == set(Platform)
    for expose in definition.exposes:
        description = describe(expose)
        assert isinstance(description, DESCRIPTION_CLASSES[expose.platform]), expose.key
        assert description.expose is expose
        assert description.key == expose.key
        if expose.named_after_device:
            assert (description.name, description.translation_key) == (None, None)
        else:
            assert description.translation_key == (expose.translation_key or expose.key)
        assert description.translation_placeholders == (
            dict(expose.translation_placeholders) or None
        )
        assert description.entity_registry_enabled_default is expose.enabled_by_default
        assert (description.entity_category or None) == expose.entity_category


def test_a_per_endpoint_feature_is_named_by_placeholders() -> None:
    """A feature's own translation key, its endpoint filled into the translated name."""
    top = DEFINITIONS["lumi.switch.b2laus01"].expose("operation_mode_top")
    description = describe(top)
    assert isinstance(description, AqaraSelectEntityDescription)
    assert description.key == "operation_mode_top"  # the unique id stays the expose's
    assert description.translation_key == "operation_mode_endpoint"
    assert description.translation_placeholders == {"endpoint": "top"}
    assert description.options == ["control_relay", "decoupled"]
    hash(top)  # exposes stay hashable with their placeholders


def test_event_device_class() -> None:
    """Clicks are button events; relay changes standing in for them are not."""
    with_buttons = [
        expose
        for definition in DEFINITIONS.values()
        for expose in definition.exposes
        if expose.platform is Platform.EVENT
    ]
    assert with_buttons
    for expose in with_buttons:
        description = describe(expose)
        assert isinstance(description, AqaraEventEntityDescription)
        assert description.device_class is EventDeviceClass.BUTTON
        assert description.event_types == [*expose.options, *expose.state_action_options]
    state_only = [
        definition.state_action_event
        for definition in DEFINITIONS.values()
        if definition.state_action_event is not None
    ]
    assert state_only
    for expose in state_only:
        description = describe(expose)
        assert isinstance(description, AqaraEventEntityDescription)
        assert description.device_class is None
        assert description.event_types == list(expose.state_action_options)


def test_numbers_are_typed_in_a_box() -> None:
    numbers = [
        describe(expose)
        for definition in DEFINITIONS.values()
        for expose in definition.exposes
        if expose.platform is Platform.NUMBER
    ]
    assert numbers
    for description in numbers:
        assert isinstance(description, AqaraNumberEntityDescription)
        assert description.mode is NumberMode.BOX
        assert description.native_min_value == description.expose.native_min
        assert description.native_max_value == description.expose.native_max
        assert description.native_step == description.expose.native_step


def test_identify_is_a_button_of_its_device_class() -> None:
    """A command without state: Home Assistant's identify button, a config entity."""
    description = describe(DEFINITIONS["lumi.switch.agl010"].expose("identify"))
    assert isinstance(description, AqaraButtonEntityDescription)
    assert description.device_class is ButtonDeviceClass.IDENTIFY
    assert description.entity_category is EntityCategory.CONFIG
