"""Definitions against the spec: Zigbee2MQTT's device library, and the five seed pages.

Every definition in ``DEFINITIONS`` is compared with ``z2m_lumi_<version>.json``: the Lumi
definitions of zigbee-herdsman-converters (the version pinned in
``script/z2m_reference/package.json``), resolved the way Zigbee2MQTT resolves them and written
by ``script/z2m-reference``. A model added later is checked here with no edit of this file.
Where a definition differs from the library on purpose, :data:`DIFFERENCES` says so and why.

The five seed models were built from their Zigbee2MQTT device pages (``z2m_pages/``, saved
from an older library); those pages are parsed here too and stay checked verbatim.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
import json
from pathlib import Path
import re
from typing import Any, Final

import pytest

from custom_components.aqara_zigbee import features
from custom_components.aqara_zigbee.devices import DEFINITIONS, get_definition
from custom_components.aqara_zigbee.devices.model import (
    OPTION_SPECS,
    RW as RW_ACCESS,
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
from custom_components.aqara_zigbee.features import LINKQUALITY

HERE: Final = Path(__file__).parent
ROOT: Final = HERE.parents[1]

# --------------------------------------------------------------------------- the library

LIBRARY_VERSION: Final[str] = json.loads(
    (ROOT / "script" / "z2m_reference" / "package.json").read_text(encoding="utf-8")
)["dependencies"]["zigbee-herdsman-converters"]
LIBRARY_FILE: Final = HERE / f"z2m_lumi_{LIBRARY_VERSION}.json"

# Zigbee2MQTT's access bits
STATE: Final = 1  # in the published state (reports)
SET: Final = 2  # writable with /set
GET: Final = 4  # readable with /get

#: Exposes that only group features (a switch's ``state``...); the features are the values
SPECIFIC: Final = frozenset({"switch", "light", "cover", "climate", "lock", "fan"})
#: Values published as one object under one property, no HA entity of their own kind
STRUCTURED: Final = frozenset({"composite", "list"})

JsonObject = dict[str, Any]


@dataclass(frozen=True)
class LibraryModel:
    """One model of the library (a definition, or a white label of one)."""

    model: str
    vendor: str
    description: str
    zigbee_ids: frozenset[str]
    ota: bool
    exposes: tuple[JsonObject, ...]
    options: tuple[JsonObject, ...]


def _load_library() -> dict[str, list[LibraryModel]]:
    document = json.loads(LIBRARY_FILE.read_text(encoding="utf-8"))
    assert document["version"] == LIBRARY_VERSION
    models: dict[str, list[LibraryModel]] = defaultdict(list)
    for entry in document["definitions"]:
        ids = frozenset(entry["zigbee_models"]) | frozenset(entry["fingerprint_models"])
        base = LibraryModel(
            model=entry["model"],
            vendor=entry["vendor"],
            description=entry["description"],
            zigbee_ids=ids,
            ota=entry["ota"],
            exposes=tuple(entry["exposes"]),
            options=tuple(entry["options"]),
        )
        models[base.model].append(base)
        for label in entry["white_labels"]:
            # A white label with fingerprints is told apart by them; without, it is an alias
            label_ids = frozenset(label["fingerprint_models"]) or ids
            models[label["model"]].append(
                LibraryModel(
                    model=label["model"],
                    vendor=label["vendor"],
                    description=label["description"],
                    zigbee_ids=label_ids,
                    ota=base.ota,
                    exposes=base.exposes,
                    options=base.options,
                )
            )
    return dict(models)


LIBRARY: Final = _load_library()


def library_model(definition: Definition) -> LibraryModel | None:
    """The library's entry for a definition: same model name, preferably sharing an id."""
    candidates = LIBRARY.get(definition.model, [])
    for candidate in candidates:
        if candidate.zigbee_ids & set(definition.model_ids):
            return candidate
    return candidates[0] if candidates else None


@dataclass(frozen=True)
class LibraryValue:
    """One value of a library model, as an HA entity would hold it."""

    key: str  # the property in Zigbee2MQTT's published state
    spec: JsonObject
    parent: str | None = None  # the specific expose (switch, light...) it is a feature of

    @property
    def kind(self) -> str:
        return str(self.spec["type"])

    @property
    def access(self) -> int:
        return int(self.spec["access"])


def library_values(exposes: tuple[JsonObject, ...]) -> dict[str, LibraryValue]:
    values: dict[str, LibraryValue] = {}
    for expose in exposes:
        if expose["type"] in SPECIFIC:
            members = [LibraryValue(f["property"], f, expose["type"]) for f in expose["features"]]
        else:
            members = [LibraryValue(expose["property"], expose)]
        for member in members:
            # A light may name two colour spaces with one property: the first one stands
            values.setdefault(member.key, member)
    return values


def expected_platforms(value: LibraryValue) -> frozenset[str]:
    """The HA platforms a library value may become (type and access decide)."""
    writable = bool(value.access & SET)
    if value.kind == "enum" and value.spec["name"] == "action":
        return frozenset({Platform.EVENT.value})
    if value.parent == "switch":
        return frozenset({Platform.SWITCH.value})
    by_kind = {
        "binary": "switch" if writable else "binary_sensor",
        "numeric": "number" if writable else "sensor",
        "enum": "select" if writable else "sensor",
        "text": "text" if writable else "sensor",
    }
    platforms = {by_kind[value.kind]} if value.kind in by_kind else set()
    if (
        value.kind == "enum"
        and writable
        and not value.access & STATE
        and len(value.spec["values"]) == 1
    ):
        platforms.add("button")  # a command without state (identify, restart...)
    if value.parent is not None:
        platforms.add(value.parent)  # a light's brightness may live in its light entity
    return frozenset(platforms)


def access_bits(expose: Expose) -> int:
    return (
        (STATE if Access.REPORT in expose.access else 0)
        | (SET if expose.writable else 0)
        | (GET if expose.readable else 0)
    )


def _bits(access: int) -> str:
    return "".join(
        flag if access & bit else "-" for flag, bit in (("r", GET), ("w", SET), ("s", STATE))
    )


# --------------------------------------------------------------------------- the comparison

#: (subject, aspect) → what differs. Subject: "identity", "options" or an expose key.
Findings = dict[tuple[str, str], str]


def identity_findings(definition: Definition, library: LibraryModel) -> Findings:
    found: Findings = {}
    for model_id in definition.model_ids:
        if model_id not in library.zigbee_ids:
            found["identity", f"id {model_id}"] = f"not among {sorted(library.zigbee_ids)}"
    for aspect, ours, theirs in (
        ("vendor", definition.vendor, library.vendor),
        ("description", definition.description, library.description),
        ("ota", definition.ota, library.ota),
    ):
        if ours != theirs:
            found["identity", aspect] = f"{ours!r}, Zigbee2MQTT {theirs!r}"
    return found


def _value_findings(expose: Expose, value: LibraryValue) -> Iterator[tuple[str, str]]:
    platforms = expected_platforms(value)
    if value.kind not in STRUCTURED and expose.platform.value not in platforms:
        yield "platform", f"{expose.platform.value}, Zigbee2MQTT {value.kind} ({sorted(platforms)})"
    if access_bits(expose) != value.access:
        yield "access", f"{_bits(access_bits(expose))}, Zigbee2MQTT {_bits(value.access)}"
    if value.kind == "enum":
        values = tuple(str(v) for v in value.spec["values"])
        if expose.options != values:
            yield "values", f"{expose.options}, Zigbee2MQTT {values}"
    if value.kind == "numeric":
        if expose.unit != value.spec.get("unit"):
            yield "unit", f"{expose.unit!r}, Zigbee2MQTT {value.spec.get('unit')!r}"
        # Only a writable number is bounded in HA; a sensor's range is informative
        low, high = value.spec.get("value_min"), value.spec.get("value_max")
        if value.access & SET and (
            (low is not None and (expose.native_min is None or expose.native_min < low))
            or (high is not None and (expose.native_max is None or expose.native_max > high))
        ):
            yield "range", f"{expose.native_min}..{expose.native_max}, Zigbee2MQTT {low}..{high}"


def expose_findings(definition: Definition, library: LibraryModel) -> Findings:
    found: Findings = {}
    values = library_values(library.exposes)
    covered: set[str] = set()
    for key, value in values.items():
        if definition.has(key):
            covered.add(key)
            for aspect, detail in _value_findings(definition.expose(key), value):
                found[key, aspect] = detail
            continue
        parts = value.spec.get("features", ())
        if (
            value.kind == "composite"
            and parts
            and all(definition.has(p["property"]) for p in parts)
        ):
            # A composite may also be shown as one entity per feature
            for feature in parts:
                covered.add(feature["property"])
                member = LibraryValue(feature["property"], feature)
                for aspect, detail in _value_findings(definition.expose(member.key), member):
                    found[member.key, aspect] = detail
            continue
        found[key, "missing"] = f"Zigbee2MQTT has a {value.kind} {key!r}, the definition none"
    for expose in definition.exposes:
        # Zigbee2MQTT adds linkquality to every device itself, outside its library
        if expose.key not in covered and expose.key != LINKQUALITY.key:
            found[expose.key, "extra"] = "not in Zigbee2MQTT's definition"
    return found


def option_findings(definition: Definition, library: LibraryModel) -> Findings:
    ours, theirs = set(definition.options), {option["name"] for option in library.options}
    found: Findings = {}
    for name in sorted(ours - theirs):
        found["options", name] = "offered here, not by Zigbee2MQTT"
    for name in sorted(theirs - ours):
        found["options", name] = "offered by Zigbee2MQTT, not here"
    return found


# --------------------------------------------------------------------------- differences

# Where a definition departs from Zigbee2MQTT's library, (model, subject, aspect) → why.
# An entry that no longer matches a difference fails the test too: remove it.
_SEED_PAGE = "seed model: follows its Zigbee2MQTT page (checked verbatim by test_page_identity)"
_PAGE_OPTION = "seed model: the option is on its page; the library dropped it (precision 0)"
# lumiAction's expose lists the gestures only, while its converter publishes them with the
# button of its buttonLookup (single_left): the event types are what Zigbee2MQTT publishes
_BUTTON_SUFFIX = "Zigbee2MQTT publishes the gestures with the button (buttonLookup)"
_STATE_ACTION = "state_action comes with every relay here; the old definition lacks it"
_NO_OTA_IMAGE = "no image of the model in the Koenkk/zigbee-OTA index: image type unknown"
# Zigbee2MQTT's list option publishes extra {"no_occupancy_since": N} messages N seconds after
# the last detection; in Home Assistant the occupancy entity's last change is that, and
# automations wait on it ("off for N seconds") without a message per delay
_EMPTY_SELFTEST = 'the command is named "selftest", not "" (Zigbee2MQTT\'s value)'
_NO_TIME_ENTITY = "not built: needs a time (or text) entity platform, a gap"
_NO_OCCUPANCY_SINCE = "HA: the occupancy entity's last change and `for:` triggers say it"
# illuminance_raw adds an entity at runtime showing measuredValue, from which the lux shown
# is computed one to one (10^((raw - 1) / 10000)): no information the illuminance lacks
_ILLUMINANCE_RAW = "not offered: the raw value is the illuminance, on ZCL's logarithmic scale"
DIFFERENCES: Final[Mapping[tuple[str, str, str], str]] = {
    # The seed pages predate the library's move to the Aqara vendor and its new descriptions
    ("ZNCZ02LM", "identity", "description"): _SEED_PAGE,
    ("ZNCZ04LM", "identity", "description"): _SEED_PAGE,
    ("SSM-U02", "identity", "vendor"): _SEED_PAGE,
    ("SSM-U02", "identity", "description"): _SEED_PAGE,
    ("WS-USC02", "identity", "vendor"): _SEED_PAGE,
    ("WS-USC02", "identity", "description"): _SEED_PAGE,
    ("QBKG40LM", "identity", "vendor"): _SEED_PAGE,
    ("QBKG40LM", "identity", "description"): _SEED_PAGE,
    ("ZNCZ02LM", "options", "device_temperature_precision"): _PAGE_OPTION,
    ("ZNCZ04LM", "options", "device_temperature_precision"): _PAGE_OPTION,
    ("QBKG40LM", "options", "device_temperature_precision"): _PAGE_OPTION,
    # The page says auto_off cannot be read (/get); the library now says it can
    ("ZNCZ04LM", "auto_off", "access"): _SEED_PAGE,
    # Issue 14, T1 multi-rocker switches
    ("QBKG18LM", "action", "values"): _BUTTON_SUFFIX,
    ("QBKG20LM", "action", "values"): _BUTTON_SUFFIX,
    ("QBKG33LM", "action", "values"): _BUTTON_SUFFIX,
    ("QBKG34LM", "action", "values"): _BUTTON_SUFFIX,
    # lumi_action_multistate publishes single_left; the expose's left_single never comes
    ("QBKG25LM", "action", "values"): "Zigbee2MQTT's converter publishes single_left, not "
    "the left_single its expose lists",
    # Old no-neutral switches (OnOff clicks); state_action is offered with every relay here
    ("QBKG21LM", "options", "state_action"): _STATE_ACTION,
    ("QBKG22LM", "options", "state_action"): _STATE_ACTION,
    ("QBKG22LM", "action", "values"): "every action lumi_action publishes for the three "
    "buttons (hold_right, single_both...); the library's list misses seven of them",
    # Zigbee2MQTT marks it OTA-capable, yet Koenkk/zigbee-OTA has no image for
    # lumi.switch.acn061: without an image type nothing can be offered
    ("WS-K01D", "identity", "ota"): "no OTA image type known for lumi.switch.acn061",
    # The page lists *_left_right and *_all; its converter names endpoint 51 (both rockers,
    # i.e. all of them) "both", and nothing sends "all": one button, named as on the page
    ("ZNQBKG25LM", "action", "values"): "no *_all actions on a two-rocker switch",
    # The Koenkk/zigbee-OTA index publishes lumi.plug.aq1 images (type 0x0101, file 30);
    # Zigbee2MQTT's definition lacks lumiZigbeeOTA()
    ("ZNCZ11LM", "identity", "ota"): "OTA offered: the index has an image for lumi.plug.aq1",
    # Zigbee2MQTT's list names hold_release_left twice and misses what its own converter
    # (lumi_action) publishes for endpoints 4/5/6: every kind for every button
    ("QBKG03LM", "action", "values"): "every action lumi_action publishes for the three "
    "button endpoints (the library's list misses hold_*, single_both, double_both...)",
    # The unit answers reads of BinaryOutput 0xFF06 (sprut/Hub#157) and reports nothing:
    # the state is what was written or read back, not a report
    ("LLKZMK11LM", "interlock", "access"): "read back (answered to reads), never reported",
    # The library marks them OTA-capable, but Koenkk/zigbee-OTA's index has no image of
    # either model: no image type is known to ask a server for
    ("QBKG27LM", "identity", "ota"): _NO_OTA_IMAGE,
    ("QBKG28LM", "identity", "ota"): _NO_OTA_IMAGE,
    ("WP-P09D", "identity", "ota"): _NO_OTA_IMAGE,
    # Issue 15, motion sensors (s15b)
    ("RTCGQ15LM", "identity", "ota"): _NO_OTA_IMAGE,
    **{
        (model, "options", "no_occupancy_since"): _NO_OCCUPANCY_SINCE
        for model in (
            "RTCGQ01LM",
            "RTCGQ11LM",
            "RTCGQ12LM",
            "RTCGQ13LM",
            "RTCGQ14LM",
            "RTCGQ15LM",
        )
    },
    # FP1: the region events as published (region_<1-10>_<event>), not the pattern listed
    ("RTCZCGQ11LM", "action", "values"): "every action Zigbee2MQTT publishes, one per "
    "region and event, where its list names the pattern region_*_<event>",
    ("RTCZCGQ11LM", "reset_nopresence_status", "values"): 'the command is named "reset", '
    'not "" (Zigbee2MQTT\'s value)',
    # Region configuration writes a composite (a region and its grid cells) that no HA entity
    # takes; a service would (not built: a gap)
    **{
        ("RTCZCGQ11LM", key, "missing"): "not built: region configuration needs a service "
        "(composite writes), a gap"
        for key in ("region_upsert", "region_delete", "configured_regions")
    },
    # FP310: the night LED's schedule is two HH:MM texts (one uint32, 0x023E); no text or
    # time entity platform here yet (a gap)
    ("FP310", "schedule_start_time", "missing"): _NO_TIME_ENTITY,
    ("FP310", "schedule_end_time", "missing"): _NO_TIME_ENTITY,
    ("FP310", "options", "illuminance_raw"): _ILLUMINANCE_RAW,
    # FP300: the same night LED schedule gap; its 24 zone switches are one 24-bit mask
    # (0x019A): each switch would rewrite the whole mask from the last one read, and a
    # sleepy device's mask may be stale, so only the mask number (detection_range) is built
    ("PS-S04D", "schedule_start_time", "missing"): _NO_TIME_ENTITY,
    ("PS-S04D", "schedule_end_time", "missing"): _NO_TIME_ENTITY,
    ("PS-S04D", "detection_range_composite", "missing"): "not built: 24 per-zone switches "
    "over one mask need read-modify-write writes; the detection_range mask sets the same",
    ("PS-S04D", "options", "illuminance_raw"): _ILLUMINANCE_RAW,
    # The Mijia Honeywell detectors' self-test: Zigbee2MQTT's only value is "" (an empty
    # string no select can show); named as on the newer detectors
    ("JTYJ-GD-01LM/BW", "selftest", "values"): _EMPTY_SELFTEST,
    ("JTQJ-BF-01LM/BW", "selftest", "values"): _EMPTY_SELFTEST,
    # Zigbee2MQTT offsets the raw accelerometer counts before it derives the angles; the
    # angles are derived in the codec here, which has no per-device options yet
    **{
        ("DJT11LM", "options", f"{axis}_calibration"): "not built: axis offsets would have to "
        "reach the angle codecs (a gap, not a choice)"
        for axis in "xyz"
    },
    # Issue 15, wireless remotes. fz.battery publishes the voltage it derives the % from,
    # yet the page lists no expose for it: shown here, as on every other remote
    # Koenkk/zigbee-OTA's index publishes lumi.remote.b28ac1 images (type 0x2688)
    ("WXKG15LM", "identity", "ota"): "OTA offered: the index has an image for lumi.remote.b28ac1",
    ("WXKG05LM", "voltage", "extra"): "the voltage Zigbee2MQTT publishes (fz.battery), "
    "listed by no expose of its page",
    # Zigbee2MQTT publishes the cube's mode from 0xFCC0 0x0148 reports and heartbeat index
    # 155 (lumi_specific) yet gives the expose /set only: shown here as reported
    ("CTP-R01", "operation_mode", "access"): "the cube's reports of its mode are shown",
    # Issue 15, battery sensors
    ("SJCGQ13LM", "identity", "ota"): _NO_OTA_IMAGE,
    ("GZCGQ01LM", "options", "illuminance_raw"): _ILLUMINANCE_RAW,
    ("GZCGQ11LM", "options", "illuminance_raw"): _ILLUMINANCE_RAW,
    # W100: Zigbee2MQTT gives thermostat_mode /get, but no converter of it reads anything
    # (w100_mode has no convertGet): the state is the write the device confirmed
    ("TH-S04D", "thermostat_mode", "access"): "not readable: Zigbee2MQTT's /get has no "
    "converter; the state is the confirmed write",
}

# Differences this check found when it arrived, not yet fixed nor explained: each is for the
# definition to follow the library, or to move into DIFFERENCES with its reason.
UNRESOLVED: Final[Mapping[tuple[str, str, str], str]] = {}
#: Option specs whose value step differs from the library's on purpose: Zigbee2MQTT gives every
#: calibration a 0.1 step (prepareDefinition's ``withValueStep(0.1)``); ours take any number
UNRESOLVED_OPTION_STEPS: Final = frozenset(
    {
        "device_temperature_calibration",
        "power_calibration",
        "energy_calibration",
        "voltage_calibration",
        "current_calibration",
        "temperature_calibration",
        "humidity_calibration",
        "pressure_calibration",
        "illuminance_calibration",
        "voc_calibration",
    }
)


def _check(definition: Definition, findings: Findings, subjects: Callable[[str], bool]) -> None:
    allowed = {
        (subject, aspect)
        for (model, subject, aspect) in {**DIFFERENCES, **UNRESOLVED}
        if model == definition.model and subjects(subject)
    }
    unexpected = {key: detail for key, detail in findings.items() if key not in allowed}
    stale = allowed - findings.keys()
    assert not unexpected, (
        f"{definition.model} differs from Zigbee2MQTT {LIBRARY_VERSION}: "
        + "; ".join(
            f"{subject} {aspect}: {detail}"
            for (subject, aspect), detail in sorted(unexpected.items())
        )
    )
    assert not stale, f"{definition.model}: no longer differs, drop the entries {sorted(stale)}"


MODEL_IDS: Final = sorted(DEFINITIONS)


def _library_model(model_id: str) -> tuple[Definition, LibraryModel]:
    definition = DEFINITIONS[model_id]
    library = library_model(definition)
    assert library is not None, (
        f"{definition.model} is not a model of Zigbee2MQTT {LIBRARY_VERSION} ({LIBRARY_FILE.name})"
    )
    return definition, library


@pytest.mark.parametrize("model_id", MODEL_IDS)
def test_identity_follows_the_library(model_id: str) -> None:
    definition, library = _library_model(model_id)
    _check(
        definition, identity_findings(definition, library), lambda subject: subject == "identity"
    )


@pytest.mark.parametrize("model_id", MODEL_IDS)
def test_exposes_follow_the_library(model_id: str) -> None:
    definition, library = _library_model(model_id)
    _check(
        definition,
        expose_findings(definition, library),
        lambda subject: subject not in {"identity", "options"},
    )


@pytest.mark.parametrize("model_id", MODEL_IDS)
def test_options_follow_the_library(model_id: str) -> None:
    definition, library = _library_model(model_id)
    _check(definition, option_findings(definition, library), lambda subject: subject == "options")


def test_differences_name_known_models() -> None:
    models = {definition.model for definition in DEFINITIONS.values()}
    for model, _, _ in (*DIFFERENCES, *UNRESOLVED):
        assert model in models, f"allow-list entry for {model}, which has no definition"


def test_the_comparison_sees_each_kind_of_difference() -> None:
    """The checks above on a made-up pair, so a silent comparison cannot pass for agreement."""
    rw = {"access": STATE | SET | GET}
    library = LibraryModel(
        model="X",
        vendor="Aqara",
        description="Thing",
        zigbee_ids=frozenset({"lumi.x"}),
        ota=True,
        exposes=(
            {
                "type": "switch",
                "features": [{"type": "binary", "name": "state", "property": "state", **rw}],
            },
            {"type": "enum", "name": "mode", "property": "mode", "values": ["a", "b"], **rw},
            {
                "type": "numeric",
                "name": "load",
                "property": "load",
                "unit": "W",
                "value_min": 100,
                "value_max": 2300,
                **rw,
            },
            {
                "type": "enum",
                "name": "action",
                "property": "action",
                "values": ["single"],
                "access": STATE,
            },
            {"type": "binary", "name": "led", "property": "led", **rw},
            {
                "type": "composite",
                "name": "look",
                "property": "look",
                **rw,
                "features": [
                    {
                        "type": "enum",
                        "name": "icon",
                        "property": "icon",
                        "values": ["1", "2"],
                        **rw,
                    },
                    {"type": "enum", "name": "tone", "property": "tone", "values": ["x"], **rw},
                ],
            },
        ),
        options=({"name": "power_calibration"}, {"name": "state_action"}),
    )
    write = AttributeWrite(endpoint=1, cluster=6, attribute=0, zcl_type=0x20, codec=NumberCodec())

    def select(key: str, *options: str) -> Expose:
        return Expose(
            key=key, platform=Platform.SELECT, access=RW_ACCESS, options=options, write=write
        )

    definition = Definition(
        model="X",
        model_ids=("lumi.x", "lumi.y"),
        vendor="Xiaomi",
        description="Thing",
        is_router=False,
        features=(
            Feature(
                exposes=(
                    Expose(
                        key="state",
                        platform=Platform.SENSOR,
                        access=RW_ACCESS,
                        write=OnOffWrite(endpoint=1),
                    ),
                    select("mode", "b", "a"),
                    Expose(
                        key="load",
                        platform=Platform.NUMBER,
                        access=Access.READ | Access.REPORT,
                        unit="kW",
                        native_min=50,
                        native_max=2300,
                    ),
                    Expose(
                        key="action",
                        platform=Platform.EVENT,
                        access=Access.REPORT,
                        options=("single",),
                    ),
                    select("icon", "1", "2"),
                    select("tone", "x"),
                    Expose(key="bogus", platform=Platform.SENSOR, access=Access.REPORT),
                    LINKQUALITY,
                ),
            ),
            Feature(
                exposes=(Expose(key="power", platform=Platform.SENSOR, access=Access.REPORT),),
                options=("power_calibration",),
            ),
        ),
    )
    assert set(identity_findings(definition, library)) == {
        ("identity", "id lumi.y"),
        ("identity", "vendor"),
        ("identity", "ota"),
    }
    assert set(expose_findings(definition, library)) == {
        ("state", "platform"),
        ("mode", "values"),
        ("load", "access"),
        ("load", "unit"),
        ("load", "range"),
        ("led", "missing"),
        ("bogus", "extra"),
        ("power", "extra"),
    }
    assert set(option_findings(definition, library)) == {("options", "state_action")}


def _library_options() -> dict[str, JsonObject]:
    options: dict[str, JsonObject] = {}
    for models in LIBRARY.values():
        for model in models:
            for option in model.options:
                options.setdefault(option["name"], option)
    return options


LIBRARY_OPTIONS: Final = _library_options()
#: Option specs the library no longer offers, kept because a seed page lists them
PAGE_ONLY_OPTIONS: Final = frozenset({"device_temperature_precision"})


@pytest.mark.parametrize("key", sorted(OPTION_SPECS))
def test_option_specs_follow_the_library(key: str) -> None:
    spec = OPTION_SPECS[key]
    assert spec.key == key
    if key in PAGE_ONLY_OPTIONS:
        assert key not in LIBRARY_OPTIONS, f"{key} is back in the library: check it there"
        assert any(key in page.options for page in PAGES.values())
        return
    option = LIBRARY_OPTIONS[key]
    assert spec.description == option["description"]
    kind = {"binary": {bool}, "numeric": {int, float}}[option["type"]]
    assert spec.kind in kind
    if key.endswith("_calibration"):
        assert spec.kind is float
        assert ("(percentual offset)" in option["description"]) == spec.percentual
    for bound, ours in (("value_min", spec.minimum), ("value_max", spec.maximum)):
        if bound in option:
            assert ours == option[bound], bound
    if key in UNRESOLVED_OPTION_STEPS:
        assert spec.step != option["value_step"], "agrees now: drop it from the set"
    elif "value_step" in option:  # without one, any step fits (precisions: whole digits)
        assert spec.step == option["value_step"]


# --------------------------------------------------------------------------- the seed pages


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


#: model → its saved page; only the five seed models have one
PAGES: Final = {
    page.model: page for page in map(parse_page, sorted((HERE / "z2m_pages").glob("*.md")))
}
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


@pytest.mark.parametrize("model", sorted(PAGES))
def test_page_identity(model: str) -> None:
    page = PAGES[model]
    definition = _definition(page)
    assert definition.vendor == page.vendor
    assert definition.description == page.description
    assert definition.ota == page.ota
    for model_id in definition.model_ids:
        assert get_definition(model_id) is definition


@pytest.mark.parametrize("model", sorted(PAGES))
def test_every_expose_of_the_page(model: str) -> None:
    page = PAGES[model]
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


@pytest.mark.parametrize("model", sorted(PAGES))
def test_page_options(model: str) -> None:
    """A seed offers its page's options, each of them known to OPTION_SPECS."""
    page = PAGES[model]
    assert set(page.options) <= set(_definition(page).options)
    assert set(page.options) <= set(OPTION_SPECS)


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
                # The maximum is the model's (2300-3840 W), checked against the library
                assert expose.native_min == 100
                assert expose.native_max is not None
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
