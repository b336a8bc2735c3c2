"""Generated definitions: what a device without a model definition gets from its clusters."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from custom_components.aqara_zigbee.devices import DEFINITIONS
from custom_components.aqara_zigbee.devices.describe import parse_signature
from custom_components.aqara_zigbee.devices.generated import (
    EndpointSignature,
    Signature,
    definition_for,
    generate_definition,
)
from custom_components.aqara_zigbee.devices.model import (
    BindStep,
    Definition,
    IasEnrollStep,
    Platform,
    ReportStep,
)

SIGNATURES = Path(__file__).parent / "signatures"


def _signature(
    name: str, attributes: dict[tuple[int, int, int], object] | None = None
) -> Signature:
    signature = parse_signature(json.loads((SIGNATURES / f"{name}.json").read_text()))
    if attributes is None:
        return signature
    return Signature(
        manufacturer=signature.manufacturer,
        model=signature.model,
        endpoints=signature.endpoints,
        attributes=attributes,
    )


def _platforms(definition: Definition) -> dict[str, tuple[Platform, str | None]]:
    return {expose.key: (expose.platform, expose.member_of) for expose in definition.exposes}


def test_colour_temperature_bulb_is_a_light() -> None:
    """Its device type says colour temperature only: no xy members."""
    definition = definition_for(_signature("ikea_ws_bulb"))
    assert definition.generated
    assert definition.kind == "generated"
    assert definition.vendor == "IKEA of Sweden"
    assert definition.model_ids == ("TRADFRI bulb E27 WS opal 980lm",)
    assert _platforms(definition) == {
        "state": (Platform.LIGHT, None),
        "power_on_behavior": (Platform.SELECT, None),
        "identify": (Platform.BUTTON, None),
        "brightness": (Platform.LIGHT, "state"),
        "color_mode": (Platform.LIGHT, "state"),
        "color_temp": (Platform.LIGHT, "state"),
        "color_temp_min": (Platform.LIGHT, "state"),
        "color_temp_max": (Platform.LIGHT, "state"),
        "linkquality": (Platform.SENSOR, None),
    }
    assert definition.expose("state").named_after_device


def test_colour_capabilities_decide_the_colour_members() -> None:
    """Read ColorCapabilities (xy only, 0x08) win over what the device type suggests."""
    definition = generate_definition(_signature("hue_color_bulb", {(11, 0x0300, 0x400A): 0x08}))
    keys = set(_platforms(definition))
    assert {"color_x", "color_y"} <= keys
    assert "color_temp" not in keys
    # Unread: an extended colour light has both
    both = set(_platforms(generate_definition(_signature("hue_color_bulb"))))
    assert {"color_x", "color_y", "color_temp"} <= both


def test_light_reports_are_configured() -> None:
    definition = generate_definition(_signature("hue_color_bulb"))
    reports = {
        (step.cluster, step.attribute)
        for step in definition.configure
        if isinstance(step, ReportStep)
    }
    assert reports == {
        (0x0006, 0x0000),
        (0x0008, 0x0000),
        (0x0300, 0x0007),
        (0x0300, 0x0003),
        (0x0300, 0x0004),
        (0x0300, 0x0008),
    }
    assert {step.cluster for step in definition.configure if isinstance(step, BindStep)} == {
        0x0006,
        0x0008,
        0x0300,
    }
    # Endpoint 11 is the bulb's first functional one (242 is Green Power): no suffix
    assert all(step.endpoint == 11 for step in definition.configure if isinstance(step, BindStep))
    assert definition.has("state")


def test_sensor_measurements_and_battery() -> None:
    definition = definition_for(_signature("sonoff_th"))
    exposes = {expose.key: expose for expose in definition.exposes}
    assert set(exposes) == {
        "temperature",
        "humidity",
        "battery",
        "voltage",
        "identify",
        "linkquality",
    }
    assert exposes["temperature"].unit == "°C"
    assert exposes["humidity"].device_class == "humidity"
    assert exposes["battery"].entity_category == "diagnostic"
    assert not exposes["voltage"].enabled_by_default
    intervals = {
        step.cluster: (step.min_interval, step.max_interval, step.reportable_change)
        for step in definition.configure
        if isinstance(step, ReportStep)
    }
    assert intervals == {
        0x0402: (10, 3600, 100),
        0x0405: (10, 3600, 100),
        0x0001: (3600, 65000, 10),
    }


@pytest.mark.parametrize(
    ("zone_type", "key", "device_class"),
    [
        (0x0015, "contact", "opening"),
        (0x002A, "water_leak", "moisture"),
        (0x000D, "occupancy", "motion"),
    ],
)
def test_ias_zone_follows_its_zone_type(zone_type: int, key: str, device_class: str) -> None:
    definition = generate_definition(_signature("sonoff_contact", {(1, 0x0500, 0x0001): zone_type}))
    assert definition.expose(key).device_class == device_class
    assert definition.expose("tamper").device_class == "tamper"
    assert definition.expose("battery_low").device_class == "battery"
    assert IasEnrollStep(endpoint=1) in definition.configure


def test_ias_zone_of_unknown_type_shows_both_alarms() -> None:
    definition = generate_definition(_signature("sonoff_contact"))
    assert definition.has("alarm_1")
    assert definition.has("alarm_2")
    assert definition.expose("alarm_1").device_class is None


def test_plug_with_metering() -> None:
    definition = generate_definition(_signature("metering_plug"))
    state = definition.expose("state")
    assert (state.platform, state.device_class) == (Platform.SWITCH, "outlet")
    for key, unit in (("power", "W"), ("voltage", "V"), ("current", "A"), ("energy", "kWh")):
        assert definition.expose(key).unit == unit
    energy = definition.expose("energy").sources[0]
    assert (energy.multiplier_attribute, energy.divisor_attribute) == (0x0301, 0x0302)  # type: ignore[union-attr]
    assert definition.options == ()  # the options form serves model definitions only


def test_remote_commands_are_an_action_event() -> None:
    definition = generate_definition(_signature("ikea_remote"))
    action = definition.expose("action")
    assert action.platform is Platform.EVENT
    assert set(action.options) == {
        "on",
        "off",
        "toggle",
        "brightness_move_to_level",
        "brightness_move_up",
        "brightness_move_down",
        "brightness_step_up",
        "brightness_step_down",
        "brightness_stop",
        # its Window Covering client (Zigbee2MQTT's commandsWindowCovering)
        "open",
        "close",
        "stop",
    }
    outputs = {
        (step.cluster, step.output) for step in definition.configure if isinstance(step, BindStep)
    }
    assert {(0x0006, True), (0x0008, True)} <= outputs
    assert not definition.has("state")  # its OnOff is a client: nothing to switch


def test_thermostat_and_cover() -> None:
    trv = generate_definition(_signature("danfoss_trv"))
    assert trv.expose("system_mode").platform is Platform.CLIMATE
    assert trv.expose("system_mode").options == ("off", "heat")
    assert {e.key for e in trv.members("system_mode")} == {
        "local_temperature",
        "running_state",
        "occupied_heating_setpoint",
        "min_heat_setpoint_limit",
        "max_heat_setpoint_limit",
    }
    cooling = generate_definition(_signature("danfoss_trv", {(1, 0x0201, 0x001B): 4}))
    assert cooling.expose("system_mode").options == ("off", "heat", "cool", "auto")
    assert cooling.has("occupied_cooling_setpoint")
    blind = generate_definition(_signature("ikea_blind"))
    assert {e.key for e in blind.members("state")} == {"position", "tilt"}
    assert blind.expose("state").platform is Platform.COVER


def test_model_definition_wins() -> None:
    assert definition_for(_signature("aqara_zncz04lm")) is DEFINITIONS["lumi.plug.mmeu01"]


def test_undefined_lumi_model_gets_its_standard_clusters() -> None:
    # The T1 sensor's real signature under a model id no definition claims (the T1 itself
    # has one now): a Lumi device we do not know yet
    t1 = _signature("aqara_t1_sensor")
    unknown = dataclasses.replace(t1, model="lumi.sensor_ht.not_defined")
    definition = definition_for(unknown)
    assert definition.generated
    assert {"temperature", "humidity", "pressure", "battery"} <= {e.key for e in definition.exposes}


def _endpoint(endpoint: int, *clusters: int, device_type: int = 0x0100) -> EndpointSignature:
    return EndpointSignature(
        endpoint=endpoint,
        profile_id=0x0104,
        device_type=device_type,
        in_clusters=clusters,
        out_clusters=(),
    )


def test_several_endpoints_are_told_apart() -> None:
    """Two relays: ``state_1`` and ``state_2``, each named after its endpoint; a wall switch's
    On/Off Light device type without Level stays a switch (as Zigbee2MQTT has it)."""
    definition = generate_definition(
        Signature(manufacturer="Acme", model="2gang", endpoints=(_endpoint(1, 6), _endpoint(2, 6)))
    )
    first, second = definition.expose("state_1"), definition.expose("state_2")
    assert first.platform is Platform.SWITCH
    assert second.translation_placeholders == {"endpoint": "2"}
    assert not second.named_after_device


def test_one_key_per_device() -> None:
    """A motion IAS zone and Occupancy Sensing both offer ``occupancy``: the first stays;
    a cover beside a relay loses its composite (both are ``state``) with its members."""
    definition = generate_definition(
        Signature(
            manufacturer="Acme",
            model="combo",
            endpoints=(_endpoint(1, 0x0006, 0x0406, 0x0500, 0x0102),),
            attributes={(1, 0x0500, 0x0001): 0x000D},
        )
    )
    assert [e.key for e in definition.exposes].count("occupancy") == 1
    assert definition.expose("state").platform is Platform.SWITCH
    assert not definition.has("position")


def test_nothing_known_still_shows_link_quality() -> None:
    definition = generate_definition(Signature(manufacturer=None, model=None, endpoints=()))
    assert [e.key for e in definition.exposes] == ["linkquality"]
    assert definition.model == "Unknown"
