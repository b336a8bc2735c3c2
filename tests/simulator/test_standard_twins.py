"""The twins of other brands' devices: their signatures, Zigbee2MQTT's generated view of
them, and every property driven like a hub would see it (paired first)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
import struct

import pytest

from custom_components.aqara_zigbee.simulator.__main__ import _run_command, main as simulator_main
from custom_components.aqara_zigbee.simulator.air import ZDO_PROFILE
from custom_components.aqara_zigbee.simulator.clock import SimClock
from custom_components.aqara_zigbee.simulator.clusters import BASIC, IAS_ZONE
from custom_components.aqara_zigbee.simulator.device import TwinDevice
from custom_components.aqara_zigbee.simulator.models import TWINS, resolve_model
from custom_components.aqara_zigbee.simulator.network import SimulatedNetwork
from custom_components.aqara_zigbee.simulator.signature import (
    attribute_values,
    reference_input,
    zha_signature,
)
from custom_components.aqara_zigbee.simulator.zcl import (
    AttributeValue,
    DataType,
    FrameType,
    Status,
)
from tests.simulator.device_helpers import (
    CaptureAir,
    make_device,
    read_attributes,
    send_zcl,
    write_attributes,
)

REFERENCE = Path(__file__).parents[1] / "devices" / "z2m_generated_26.112.0.json"
STANDARD_TWINS = sorted(model for model, twin in TWINS.items() if twin.from_signature)
COORDINATOR_IEEE = bytes.fromhex("0102030405060708")


def _reference() -> dict[str, dict[str, object]]:
    document = json.loads(REFERENCE.read_text())
    return {device["model"]: device for device in document["devices"]}


def _expose_properties(exposes: list[dict[str, object]]) -> set[str]:
    found: set[str] = set()
    for expose in exposes:
        features = expose.get("features")
        if isinstance(features, list) and expose.get("type") != "composite":
            found |= _expose_properties(features)  # a light, cover or climate: its features
        elif isinstance(expose.get("property"), str):
            found.add(str(expose["property"]))
    return found


def pair(device: TwinDevice, air: CaptureAir) -> None:
    """What a hub does that changes a standard device: enrol an IAS zone with it."""
    for spec in device.twin.endpoints:
        if IAS_ZONE in spec.served:
            write_attributes(
                device,
                air,
                spec.endpoint,
                IAS_ZONE,
                [AttributeValue(0x0010, DataType.EUI64, COORDINATOR_IEEE)],
            )
            device.clock.advance_sync(1)
            send_zcl(
                device,
                air,
                spec.endpoint,
                IAS_ZONE,
                0x00,
                bytes([0x00, 7]),
                frame_type=FrameType.CLUSTER,
            )
    air.clear()


def test_the_nine_kinds_are_there() -> None:
    kinds = {
        "TRADFRI bulb E27 WS opal 980lm": 0x0220,  # colour temperature light (ZLL)
        "LCT010": 0x0210,  # extended colour light (ZLL)
        "INSPELNING Smart plug": 0x010A,  # on/off plug-in unit
        "TH01": 0x0302,  # temperature sensor
        "DS01": 0x0402,  # IAS zone
        "SML001": 0x0107,  # occupancy sensor
        "FYRTUR block-out roller blind": 0x0202,  # window covering device
        "eTRV0103": 0x0301,  # thermostat
        "TRADFRI on/off switch": 0x0820,  # non-colour controller (a remote)
    }
    assert set(STANDARD_TWINS) == set(kinds)
    for model, device_type in kinds.items():
        twin = TWINS[model]
        assert twin.source.startswith("https://github.com/"), model
        assert device_type in {spec.device_type for spec in twin.endpoints}, model
        assert not twin.join_report  # no Lumi habits
    assert resolve_model("SNZB-02") is TWINS["TH01"]


@pytest.mark.parametrize("model", STANDARD_TWINS)
def test_signature_is_the_reference_one(model: str) -> None:
    """The committed reference was generated from exactly these signatures and answers
    (else: run script/z2m-generated-reference)."""
    entry = _reference()[model]
    assert entry["signature"] == zha_signature(TWINS[model])
    assert entry["attributes"] == json.loads(json.dumps(attribute_values(TWINS[model])))


@pytest.mark.parametrize("model", STANDARD_TWINS)
def test_properties_are_the_generated_definitions(model: str) -> None:
    """Every property a twin has is one Zigbee2MQTT's generated definition exposes."""
    exposed = _expose_properties(_reference()[model]["exposes"])  # type: ignore[arg-type]
    twin = TWINS[model]
    assert twin.properties <= exposed, twin.properties - exposed
    assert twin.properties, model


@pytest.mark.parametrize("model", STANDARD_TWINS)
def test_basic_answers_as_the_signature(model: str) -> None:
    device, air, _clock = make_device(model)
    assert air.frames == []  # no Lumi join report
    spec = device.twin.endpoints[0]
    records = read_attributes(device, air, spec.endpoint, BASIC, [0x0004, 0x0005, 0x0007])
    assert records[0x0004].value == device.twin.manufacturer
    assert records[0x0005].value == model
    assert records[0x0007].value == device.twin.power_source


@pytest.mark.parametrize("model", STANDARD_TWINS)
def test_every_property_can_be_exercised(model: str) -> None:
    """A new value reaches the device; without a report nothing goes on the air; with
    one, the firmware sends what it sends (a report, a notification, a command)."""
    device, air, clock = make_device(model)
    pair(device, air)
    for prop in sorted(device.properties):
        clock.advance_sync(60)  # past the minimum interval of what the last one reported
        air.clear()
        before = device.exercise(prop, report=False)
        after = device.exercise(prop, report=False)
        assert after != before, prop
        assert air.frames == [], f"{prop}: sent {air.frames}"
        reported = device.exercise(prop)
        clock.advance_sync(1)
        assert reported != after, prop
        assert bool(air.frames) == device.sends(prop), f"{prop}: sent {air.frames}"
        air.clear()


@pytest.mark.parametrize("model", STANDARD_TWINS)
def test_state_survives_a_restart(model: str) -> None:
    device, air, _clock = make_device(model)
    pair(device, air)
    props = sorted(device.properties - {"action"})
    for prop in props:
        device.exercise(prop, report=False)
    values = {prop: device.property_value(prop) for prop in props}
    again, _air, _clock = make_device(model)
    again.import_state(json.loads(json.dumps(device.export_state())))
    assert {prop: again.property_value(prop) for prop in props} == values


def test_signatures_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert simulator_main(["signatures", "SNZB-04"]) == 0
    (entry,) = json.loads(capsys.readouterr().out)
    assert entry == json.loads(json.dumps(reference_input("SNZB-04", TWINS["DS01"])))
    assert entry["signature"]["endpoints"]["1"]["input_clusters"] == [
        "0x0000",
        "0x0003",
        "0x0500",
        "0x0001",
    ]
    assert entry["attributes"]["1"]["0x0500"]["0x0001"] == 0x0015  # contact switch


def test_danfoss_manufacturer_keeps_its_nul() -> None:
    """The valve's Basic manufacturer really ends in NUL: a reader must cope."""
    device, air, _clock = make_device("eTRV0103")
    records = read_attributes(device, air, 1, BASIC, [0x0004])
    assert records[0x0004].value == "Danfoss\x00"


def test_sleepy_twins_are_end_devices() -> None:
    for model in ("TH01", "DS01", "SML001", "eTRV0103", "TRADFRI on/off switch"):
        device = TwinDevice.off_air(TWINS[model])
        assert device.node_descriptor().logical_type == 2, model
        assert device.twin.power_source == 0x03, model
    for model in ("LCT010", "INSPELNING Smart plug"):
        assert TwinDevice.off_air(TWINS[model]).node_descriptor().logical_type == 1


def test_unknown_commands_are_refused() -> None:
    device, air, _clock = make_device("TH01")
    answers = send_zcl(device, air, 1, 0x0402, 0x00, frame_type=FrameType.CLUSTER)
    ((_frame, decoded),) = answers
    assert decoded.payload == struct.pack("<BB", 0x00, Status.UNSUP_CLUSTER_COMMAND)
    assert all(frame.profile != ZDO_PROFILE for frame in air.frames)


async def test_control_commands_set_properties_and_use_remotes() -> None:
    network = SimulatedNetwork(None, devices=["SNZB-02", "E1743"], clock=SimClock(manual=True))
    stop = asyncio.Event()
    answer = await _run_command(network, ["set", "SNZB-02", "temperature", "23.5"], stop)
    assert answer == "ok temperature=23.5"
    assert network.device("TH01").property_value("temperature") == 23.5
    assert await _run_command(network, ["action", "E1743", "brightness_move_up"], stop) == "ok"
    assert network.device("E1743").property_value("action") == "brightness_move_up"
    with pytest.raises(ValueError, match="no property"):
        await _run_command(network, ["set", "SNZB-02", "contact", "true"], stop)
    assert "set DEVICE PROPERTY VALUE" in await _run_command(network, ["help"], stop)
