"""Definitions against the spec: the Zigbee2MQTT device pages (verbatim in ``z2m_pages/``).

The pages are parsed here, so every expose, value, access right, range, unit and option is
checked against the page text itself rather than against a hand-made copy of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
import re

import pytest

from custom_components.aqara_zigbee import features
from custom_components.aqara_zigbee.devices import DEFINITIONS, get_definition
from custom_components.aqara_zigbee.devices.model import (
    OPTION_SPECS,
    Access,
    ActionSource,
    AttributeSource,
    AttributeWrite,
    BoolCodec,
    Definition,
    EndpointDecl,
    EnumCodec,
    Expose,
    Feature,
    HeartbeatSource,
    LinkQualitySource,
    NumberCodec,
    OnOffWrite,
    Platform,
    SequenceWrite,
)

PAGES = Path(__file__).parent / "z2m_pages"


@dataclass
class PageExpose:
    key: str
    kind: str  # switch / binary / enum / numeric
    readable: bool
    writable: bool
    values: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    unit: str | None = None


@dataclass
class Page:
    model: str
    vendor: str
    description: str
    summary: list[str]
    exposes: dict[str, PageExpose] = field(default_factory=dict)
    options: tuple[str, ...] = ()
    ota: bool = False


def _row(text: str, name: str) -> str:
    match = re.search(rf"^\| {name} +\| (.*?) *\|$", text, re.MULTILINE)
    assert match, name
    return match.group(1)


def parse_page(path: Path) -> Page:
    text = path.read_text(encoding="utf-8")
    vendor = _row(text, "Vendor")
    vendor_link = re.match(r"\[(.*?)\]", vendor)
    page = Page(
        model=_row(text, "Model"),
        vendor=vendor_link.group(1) if vendor_link else vendor,
        description=_row(text, "Description"),
        summary=[part.strip() for part in _row(text, "Exposes").split(",")],
        ota="## OTA updates" in text,
    )
    options = text.split("## Options", 1)[1].split("## Exposes", 1)[0]
    page.options = tuple(re.findall(r"^\* `([a-z_]+)`", options, re.MULTILINE))

    for section in text.split("## Exposes", 1)[1].split("\n### ")[1:]:
        title, _, body = section.partition("\n")
        key_match = re.search(r"(?:under|on) the `([a-z_]+)` property", body)
        assert key_match, title
        key = key_match.group(1)
        kind_match = re.search(r"\((binary|enum|numeric)", title)
        if kind_match:
            kind = kind_match.group(1)
        else:
            assert title.startswith("Switch"), title
            kind = "switch"
        values = re.search(r"The possible values are: (.*)\.", body)
        minimum = re.search(r"minimal value is `(-?[\d.]+)`", body)
        maximum = re.search(r"maximum value is `(-?[\d.]+)`", body)
        unit = re.search(r"The unit of this value is `(.*?)`", body)
        readable = "To read the current state" in body or (
            "/get" in body and "not possible to read" not in body
        )
        page.exposes[key] = PageExpose(
            key=key,
            kind=kind,
            readable=readable,
            writable="To write" in body or "To control this switch" in body,
            values=tuple(re.findall(r"`([a-z_]+)`", values.group(1))) if values else (),
            minimum=float(minimum.group(1)) if minimum else None,
            maximum=float(maximum.group(1)) if maximum else None,
            # The pages were saved with a mojibake degree sign
            unit=unit.group(1).replace("Â°", "°") if unit else None,
        )
    return page


ALL_PAGES = sorted(PAGES.glob("*.md"))
PAGE_IDS = [path.stem for path in ALL_PAGES]
KIND_PLATFORMS = {
    "switch": {Platform.SWITCH},
    "binary": {Platform.SWITCH, Platform.BINARY_SENSOR},
    "enum": {Platform.SELECT, Platform.EVENT},
    "numeric": {Platform.SENSOR, Platform.NUMBER},
}


def _definition(page: Page) -> Definition:
    matches = {d.model: d for d in DEFINITIONS.values() if d.model == page.model}
    assert page.model in matches, f"no definition for {page.model}"
    return matches[page.model]


def test_every_page_has_a_definition() -> None:
    assert ALL_PAGES
    assert {parse_page(path).model for path in ALL_PAGES} <= {d.model for d in DEFINITIONS.values()}


@pytest.mark.parametrize("path", ALL_PAGES, ids=PAGE_IDS)
def test_identity(path: Path) -> None:
    page = parse_page(path)
    definition = _definition(page)
    assert definition.vendor == page.vendor
    assert definition.description == page.description
    assert definition.ota == page.ota
    for model_id in definition.model_ids:
        assert get_definition(model_id) is definition


@pytest.mark.parametrize("path", ALL_PAGES, ids=PAGE_IDS)
def test_every_expose_of_the_page(path: Path) -> None:
    page = parse_page(path)
    definition = _definition(page)
    # Every detailed expose is defined, with nothing invented on top
    assert {e.key for e in definition.exposes} == set(page.exposes)
    # ... and the summary row names agree (operation_mode covers _top/_bottom)
    for name in page.summary:
        base = name.split(" (")[-1].rstrip(")") if name.startswith("switch") else name
        assert any(key == base or key.startswith(base + "_") for key in page.exposes), name

    for key, spec in page.exposes.items():
        expose = definition.expose(key)
        assert expose.platform in KIND_PLATFORMS[spec.kind], key
        assert expose.readable == spec.readable, key
        assert expose.writable == spec.writable, key
        if spec.kind == "enum":
            assert expose.options == spec.values, key
        if spec.unit is not None:
            assert expose.unit == spec.unit, key
        if spec.minimum is not None:
            assert expose.native_min == spec.minimum, key
        if spec.maximum is not None:
            assert expose.native_max == spec.maximum, key
        # Something must feed every expose
        assert expose.sources, key


# The options zigbee-herdsman-converters 26.112.0 gives each model (index.js,
# prepareDefinition): ``state_action`` comes with the ``fz.on_off`` converter all five use;
# ``<name>_calibration``, plus ``<name>_precision`` unless the default precision is 0, with every
# numeric expose named in utils.calibrateAndPrecisionRoundOptionsDefaultPrecision.
_RELAY = {"state_action", "device_temperature_calibration"}
_METERING = {"power_calibration", "power_precision", "energy_calibration", "energy_precision"}
LIBRARY_OPTIONS = {
    "ZNCZ02LM": _RELAY | _METERING,
    "ZNCZ04LM": _RELAY
    | _METERING
    | {"voltage_calibration", "voltage_precision", "current_calibration", "current_precision"},
    "SSM-U02": _RELAY,
    "WS-USC02": _RELAY,
    "QBKG40LM": _RELAY,
}
# exposes.options.calibration / .precision / .state_action, with the library's wording
PERCENTUAL = ("power", "energy", "voltage", "current")
LIBRARY_DESCRIPTIONS = {
    "state_action": "State actions will also be published as 'action' when true (default false).",
    **{
        f"{name}_calibration": f"Calibrates the {name} value ({kind} offset), "
        "takes into effect on next report of device."
        for name, kind in (
            ("device_temperature", "absolute"),
            *((name, "percentual") for name in PERCENTUAL),
        )
    },
    **{
        f"{name}_precision": f"Number of digits after decimal point for {name}, takes into "
        "effect on next report of device. This option can only decrease the precision, "
        "not increase it."
        for name in ("device_temperature", *PERCENTUAL)
    },
}


@pytest.mark.parametrize("path", ALL_PAGES, ids=PAGE_IDS)
def test_options_of_the_library_and_the_page(path: Path) -> None:
    """What the current library offers, plus what the (older) page still lists."""
    page = parse_page(path)
    definition = _definition(page)
    assert set(definition.options) == LIBRARY_OPTIONS[definition.model] | set(page.options)
    assert set(page.options) <= set(OPTION_SPECS)


@pytest.mark.parametrize("key", sorted(LIBRARY_DESCRIPTIONS))
def test_option_specs_follow_the_library(key: str) -> None:
    spec = OPTION_SPECS[key]
    assert spec.key == key
    assert spec.description == LIBRARY_DESCRIPTIONS[key]
    if key.endswith("_calibration"):
        assert spec.kind is float
        assert spec.percentual == key.startswith(PERCENTUAL)
        assert spec.step is None  # the library's calibrations take any number
    if key.endswith("_precision"):
        assert spec.kind is int
        assert (spec.minimum, spec.maximum) == (0, 3)


def test_state_action_event_types() -> None:
    ws = get_definition("lumi.switch.b2laus01")
    assert ws is not None
    action = ws.expose("action")
    assert action.event_types == (
        *action.options,
        "on_top",
        "off_top",
        "on_bottom",
        "off_bottom",
    )
    assert ws.state_action_event is None
    qbkg = get_definition("lumi.switch.b1nc01")
    assert qbkg is not None
    assert qbkg.expose("action").event_types == ("single", "double", "on", "off")
    # Models whose page has no action get one made for state_action
    for model_id in ("lumi.plug", "lumi.plug.mmeu01", "lumi.switch.l0agl1"):
        definition = get_definition(model_id)
        assert definition is not None
        assert not definition.has("action")
        assert definition.state_action_event is not None
        assert definition.state_action_event.event_types == ("on", "off")


def test_ha_presentation() -> None:
    """The HA-native choices of the brief."""
    for definition in DEFINITIONS.values():
        for expose in definition.exposes:
            if expose.key in {
                "power_outage_memory",
                "led_disabled_night",
                "auto_off",
                "flip_indicator_light",
            }:
                assert (expose.platform, expose.entity_category) == (Platform.SWITCH, "config")
            if expose.key in {"switch_type", "mode_switch"} or expose.key.startswith(
                "operation_mode"
            ):
                assert expose.platform is Platform.SELECT
                assert expose.entity_category == "config"
            if expose.key == "device_temperature":
                assert expose.entity_category == "diagnostic"
                assert expose.device_class == "temperature"
            if expose.key == "energy":
                assert expose.state_class == "total_increasing"
            if expose.key == "linkquality":
                assert expose.entity_category == "diagnostic"
                assert isinstance(expose.sources[0], LinkQualitySource)
            if expose.key == "consumer_connected":
                assert (expose.platform, expose.device_class) == (Platform.BINARY_SENSOR, "plug")
            if expose.key == "overload_protection":
                assert expose.platform is Platform.NUMBER
                assert (expose.native_min, expose.native_max) == (100, 2300)
            if expose.key == "action":
                assert expose.platform is Platform.EVENT


def test_hidden_endpoints_declared() -> None:
    ws = get_definition("lumi.switch.b2laus01")
    qbkg = get_definition("lumi.switch.b1nc01")
    assert ws is not None
    assert qbkg is not None

    def declared(definition: Definition) -> dict[int, EndpointDecl]:
        return {decl.endpoint: decl for decl in definition.endpoints}

    assert {41, 42, 51} <= set(declared(ws))
    assert all(0x0012 in declared(ws)[ep].in_clusters for ep in (41, 42, 51))
    assert 0xFCC0 in declared(ws)[1].in_clusters
    assert 0xFCC0 in declared(ws)[2].in_clusters  # operation_mode_bottom lives there
    assert 0x0012 in declared(qbkg)[41].in_clusters
    assert 0xFCC0 in declared(qbkg)[1].in_clusters


def test_wire_details() -> None:
    plug = get_definition("lumi.plug")
    assert plug is not None
    pom = plug.expose("power_outage_memory").write
    assert isinstance(pom, SequenceWrite)
    assert pom.on == (bytes.fromhex("aa8005d14707011001"), bytes.fromhex("aa8003d3070801"))
    assert pom.off == (bytes.fromhex("aa8005d14709011000"), bytes.fromhex("aa8003d3070a01"))
    assert (pom.cluster, pom.attribute, pom.manufacturer) == (0x0000, 0xFFF0, 0x115F)

    ssm = get_definition("lumi.switch.l0agl1")
    assert ssm is not None
    switch_type = ssm.expose("switch_type").write
    assert isinstance(switch_type, AttributeWrite)
    assert (switch_type.cluster, switch_type.attribute, switch_type.manufacturer) == (
        0xFCC0,
        0x000A,
        0x115F,
    )
    assert switch_type.codec.encode("momentary") == 2
    assert isinstance(ssm.expose("state").write, OnOffWrite)

    eu = get_definition("lumi.plug.mmeu01")
    assert eu is not None
    overload = eu.expose("overload_protection").write
    assert isinstance(overload, AttributeWrite)
    assert (overload.attribute, overload.zcl_type) == (0x020B, 0x39)

    ws = get_definition("lumi.switch.b2laus01")
    assert ws is not None
    actions = {
        (s.endpoint, value): name
        for s in ws.expose("action").sources
        if isinstance(s, ActionSource)
        for value, name in s.actions
    }
    assert actions == {
        (41, 1): "single_top",
        (41, 2): "double_top",
        (42, 1): "single_bottom",
        (42, 2): "double_bottom",
        (51, 1): "single_both",
        (51, 2): "double_both",
    }
    bottom_mode = ws.expose("operation_mode_bottom").write
    assert isinstance(bottom_mode, AttributeWrite)
    assert bottom_mode.endpoint == 2
    mode_switch = ws.expose("mode_switch")
    assert any(isinstance(s, HeartbeatSource) for s in mode_switch.sources)
    assert mode_switch.write is not None
    assert isinstance(mode_switch.write, AttributeWrite)
    assert mode_switch.write.codec.encode("anti_flicker_mode") == 4


def test_codecs() -> None:
    assert BoolCodec().decode(1) is True
    assert BoolCodec().decode("x") is None
    assert BoolCodec().encode(False) == 0
    with pytest.raises(TypeError):
        BoolCodec().encode("on")
    codec = EnumCodec(pairs=((1, "a"), (2, "b")))
    assert codec.decode(2) == "b"
    assert codec.decode(9) is None
    assert codec.decode("a") is None
    with pytest.raises(ValueError, match="not one of"):
        codec.encode("c")
    number = NumberCodec(scale=0.1, ndigits=1)
    assert number.decode(2361) == 236.1
    assert number.decode(float("nan")) is None
    assert number.decode(None) is None
    assert number.encode(236.1) == pytest.approx(2361)
    assert NumberCodec(integer=True).decode(5.0) == 5
    assert isinstance(NumberCodec().decode(7), int)
    assert NumberCodec().decode(True) == 1.0
    assert NumberCodec(integer=True).encode(4.6) == 5
    with pytest.raises(ValueError, match="number"):
        number.encode("x")


def _model_of(*features: Feature) -> Definition:
    return Definition(
        model="X", model_ids=("x",), vendor="v", description="d", is_router=False, features=features
    )


def test_definition_validation() -> None:
    expose = Expose(key="a", platform=Platform.SENSOR, access=Access.REPORT)
    with pytest.raises(ValueError, match="duplicate"):
        _model_of(Feature(exposes=(expose,)), Feature(exposes=(expose,)))
    with pytest.raises(ValueError, match="unknown options"):
        _model_of(Feature(exposes=(expose,), options=("nope",)))
    with pytest.raises(ValueError, match="disagree"):
        _model_of(Feature(ota_image_type=1), Feature(ota_image_type=2))
    definition = _model_of()
    assert not definition.has("a")
    assert not definition.ota
    for options, message in (
        (("power_calibration",), "without a power expose"),
        (("state_action",), "without a relay"),
    ):
        with pytest.raises(ValueError, match=message):
            _model_of(Feature(exposes=(expose,), options=options))
    # Features may repeat an option or a step: each counts once
    twice = _model_of(features.relay(), features.relay(endpoint=2, name="second"))
    assert twice.options == ("state_action",)
    with pytest.raises(KeyError):
        definition.expose("a")


@pytest.mark.parametrize(
    "model_id",
    [None, "", "x" * 10_000, "lumi.plug\udcff", "лампа", 42, b"lumi.plug", "lumi.plug.unknown"],
)
def test_get_definition_hostile_ids(model_id: object) -> None:
    assert get_definition(model_id) is None  # type: ignore[arg-type]


def test_get_definition_tolerates_padding() -> None:
    assert get_definition("lumi.plug\x00\x00") is get_definition("lumi.plug")
    assert get_definition(" lumi.plug ") is get_definition("lumi.plug")


def test_readable_sources_exist_for_readable_exposes() -> None:
    for definition in DEFINITIONS.values():
        for expose in definition.exposes:
            if expose.readable:
                assert any(isinstance(s, AttributeSource) and s.readable for s in expose.sources), (
                    definition.model,
                    expose.key,
                )


@pytest.mark.parametrize("key", sorted(OPTION_SPECS))
def test_numeric_options_have_a_range(key: str) -> None:
    """The options form bounds every number field (validation.option_selector)."""
    spec = OPTION_SPECS[key]
    if spec.kind is not bool:
        assert spec.minimum is not None
        assert spec.maximum is not None
        assert spec.minimum < spec.maximum
