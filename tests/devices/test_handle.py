"""DeviceHandle: decoding, options, dedupe, writes, reads and configure, through real zigpy."""

from __future__ import annotations

import struct

import pytest
import zigpy.device
import zigpy.exceptions
import zigpy.types as t
from zigpy.zcl import foundation

from custom_components.aqara_zigbee.devices import get_definition
from custom_components.aqara_zigbee.devices.handle import (
    ConfigureFailed,
    DeviceHandle,
    HandleOptions,
    ReadFailed,
    WriteFailed,
    WritePending,
)
from custom_components.aqara_zigbee.devices.model import OnOffWrite
from custom_components.aqara_zigbee.devices.resolver import resolve_device
from custom_components.aqara_zigbee.lumi.device import LumiDevice

from .fakes import (
    LUMI,
    QBKG40LM_ENDPOINTS,
    SSM_U02_ENDPOINTS,
    WS_USC02_ENDPOINTS,
    ZNCZ02LM_ENDPOINTS,
    ZNCZ04LM_ENDPOINTS,
    EndpointSpec,
    FakeApp,
    Recorder,
    build_device,
    f32,
    lv,
    make_packet,
    record,
    report_frame,
    settle,
    u8,
    u16,
)

WS_HEARTBEAT = bytes.fromhex("64 10 01 65 10 00 03 28 20 04 21 0100 05 21 0300 0A 21 AD84")
PLUG_HEARTBEAT = bytes.fromhex(
    "64 10 01 03 28 1A 98 39 0000C842 95 39 441D343F 96 21 5009 97 39 00003A44 05 21 0100"
)


def _setup(
    app: FakeApp, model: str, endpoints: list[EndpointSpec], *, end_device: bool = False
) -> tuple[LumiDevice, DeviceHandle, Recorder]:
    app.register_device_resolver(resolve_device)
    raw = build_device(app, model, endpoints, end_device=end_device)
    app.device_initialized(raw)
    device = app.get_device(ieee=raw.ieee)
    assert isinstance(device, LumiDevice)
    handle = DeviceHandle(device, get_definition(model))
    recorder = Recorder()
    handle.add_listener(recorder)
    handle.start()
    return device, handle, recorder


def _report(  # noqa: PLR0917 - mirrors the frame's fields
    app: FakeApp,
    device: zigpy.device.Device,
    endpoint: int,
    cluster: int,
    tsn: int,
    records: bytes,
    *,
    manufacturer: int | None = None,
    lqi: int = 180,
) -> None:
    frame = report_frame(tsn, records, manufacturer=manufacturer)
    app.packet_received(make_packet(device, endpoint, cluster, frame, lqi=lqi))


# ---------------------------------------------------------------------------- decoding


async def test_ws_usc02_relays_actions_and_heartbeat(app: FakeApp) -> None:
    device, handle, recorder = _setup(
        app, "lumi.switch.b2laus01", WS_USC02_ENDPOINTS, end_device=True
    )
    _report(app, device, 1, 0x0006, 1, record(0x0000, 0x10, b"\x01"))
    _report(app, device, 2, 0x0006, 2, record(0x0000, 0x10, b"\x00"))
    assert handle.values["state_top"] is True
    assert handle.values["state_bottom"] is False

    _report(app, device, 41, 0x0012, 3, record(0x0055, 0x21, u16(1)))
    _report(app, device, 42, 0x0012, 4, record(0x0055, 0x21, u16(2)))
    _report(app, device, 51, 0x0012, 5, record(0x0055, 0x21, u16(1)))
    _report(app, device, 51, 0x0012, 6, record(0x0055, 0x21, u16(0)))  # hold: no event
    assert recorder.of("action") == ["single_top", "double_bottom", "single_both"]
    assert handle.values["action"] == "single_both"

    _report(
        app,
        device,
        1,
        0xFCC0,
        7,
        record(0x00F7, 0x41, lv(WS_HEARTBEAT)) + record(0x00F0, 0x20, u8(1)),
        manufacturer=LUMI,
    )
    assert handle.values["state_top"] is True
    assert handle.values["state_bottom"] is False
    assert handle.values["device_temperature"] == 32
    assert handle.values["power_outage_count"] == 2
    assert handle.values["mode_switch"] == "quick_mode"
    assert handle.values["flip_indicator_light"] is True
    assert handle.last_heartbeat["parent_nwk"] == 0x84AD
    assert "switch_type" not in handle.values

    _report(app, device, 2, 0xFCC0, 8, record(0x0200, 0x20, u8(0)), manufacturer=LUMI)
    assert handle.values["operation_mode_bottom"] == "decoupled"
    assert "operation_mode_top" not in handle.values
    # Link quality is the gateway's (one source, published per frame), not a decoded value
    assert "linkquality" not in handle.values


async def test_repeated_click_fires_once(app: FakeApp) -> None:
    device, _handle, recorder = _setup(app, "lumi.switch.b2laus01", WS_USC02_ENDPOINTS)
    cluster = device.endpoints[41].in_clusters[0x0012]
    frame = report_frame(42, record(0x0055, 0x21, u16(1)))
    hdr, args = cluster.deserialize(frame)
    # Aqara repeats the frame (same TSN); zigpy's own debouncer is bypassed here
    cluster.handle_message(hdr, args)
    cluster.handle_message(hdr, args)
    # Through the full zigpy path as well
    _report(app, device, 41, 0x0012, 42, record(0x0055, 0x21, u16(1)), lqi=90)
    assert recorder.of("action") == ["single_top"]
    # Another endpoint with the same TSN, and a new TSN, are new clicks
    _report(app, device, 42, 0x0012, 42, record(0x0055, 0x21, u16(1)))
    _report(app, device, 41, 0x0012, 43, record(0x0055, 0x21, u16(1)))
    assert recorder.of("action") == ["single_top", "single_bottom", "single_top"]


@pytest.mark.parametrize("endpoint", [41, 1, 4])
async def test_single_button_click_from_any_endpoint(app: FakeApp, endpoint: int) -> None:
    """QBKG40LM's click counts whichever endpoint (declared, hidden or new) sends it."""
    device, _handle, recorder = _setup(app, "lumi.switch.b1nc01", QBKG40LM_ENDPOINTS)
    _report(app, device, endpoint, 0x0012, 1, record(0x0055, 0x21, u16(1)))
    _report(app, device, endpoint, 0x0012, 2, record(0x0055, 0x21, u16(2)))
    assert recorder.of("action") == ["single", "double"]


#: QBKG22LM's descriptors (zha-device-handlers#492): relays on 2 and 3, buttons on 4-6
QBKG22LM_ENDPOINTS: list[EndpointSpec] = [
    (1, 0x0006, (0x0000, 0x0003, 0x0001, 0x0002, 0x0019, 0x000A), (0x0000, 0x000A, 0x0019)),
    (2, 0x0100, (0x0010, 0x0006, 0x0004, 0x0005), ()),
    (3, 0x0100, (0x0010, 0x0006, 0x0004, 0x0005), ()),
    (4, 0x0000, (0x0012, 0x0006), ()),
    (5, 0x0000, (0x0012, 0x0006), ()),
    (6, 0x0000, (0x0012, 0x0006), ()),
]


async def test_onoff_clicks_release_ends_a_click_or_a_hold(app: FakeApp) -> None:
    """Old switches: OnOff 1 is a release, a single click unless a hold came before."""
    device, handle, recorder = _setup(
        app, "lumi.switch.b2lacn02", QBKG22LM_ENDPOINTS, end_device=True
    )
    _report(app, device, 4, 0x0006, 1, record(0x0000, 0x10, b"\x01"))  # click
    _report(app, device, 5, 0x0006, 2, record(0x0000, 0x10, b"\x00"))  # hold...
    _report(app, device, 4, 0x0006, 3, record(0x0000, 0x20, u8(2)))  # (another button)
    _report(app, device, 5, 0x0006, 4, record(0x0000, 0x10, b"\x01"))  # ...released
    _report(app, device, 5, 0x0006, 5, record(0x0000, 0x10, b"\x01"))  # a click again
    assert recorder.of("action") == [
        "single_left",
        "release_left",
        "hold_right",
        "double_left",
        "hold_release_right",
        "release_right",
        "single_right",
        "release_right",
    ]
    # The relays' own OnOff reports are states, not clicks
    _report(app, device, 2, 0x0006, 6, record(0x0000, 0x10, b"\x01"))
    assert handle.values["state_left"] is True
    assert len(recorder.of("action")) == 8


@pytest.mark.parametrize("endpoint", [1, 43, 61])
async def test_multi_button_click_needs_its_endpoint(app: FakeApp, endpoint: int) -> None:
    """WS-USC02 maps clicks by endpoint: one from an endpoint of no button is no event."""
    device, _handle, recorder = _setup(app, "lumi.switch.b2laus01", WS_USC02_ENDPOINTS)
    _report(app, device, endpoint, 0x0012, 1, record(0x0055, 0x21, u16(1)))
    _report(app, device, 41, 0x0012, 2, record(0x0055, 0x21, u16(1)))
    assert recorder.of("action") == ["single_top"]


async def test_repeated_tsn_after_the_window_is_a_new_click(
    app: FakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    device, _handle, recorder = _setup(app, "lumi.switch.b1nc01", QBKG40LM_ENDPOINTS)
    cluster = device.endpoints[41].in_clusters[0x0012]
    hdr, args = cluster.deserialize(report_frame(9, record(0x0055, 0x21, u16(2))))
    clock = [1000.0]
    monkeypatch.setattr("time.monotonic", lambda: clock[0])
    cluster.handle_message(hdr, args)
    clock[0] += 5
    cluster.handle_message(hdr, args)
    assert recorder.of("action") == ["double", "double"]


async def test_state_action_option(app: FakeApp) -> None:
    device, handle, recorder = _setup(app, "lumi.switch.b2laus01", WS_USC02_ENDPOINTS)
    _report(app, device, 1, 0x0006, 1, record(0x0000, 0x10, b"\x01"))
    assert recorder.of("action") == []
    handle.set_options({"state_action": True})
    _report(app, device, 1, 0x0006, 2, record(0x0000, 0x10, b"\x00"))
    _report(app, device, 2, 0x0006, 3, record(0x0000, 0x10, b"\x01"))
    assert recorder.of("action") == ["off_top", "on_bottom"]
    # Heartbeats repeat the relay state periodically: they are not actions
    _report(app, device, 1, 0xFCC0, 4, record(0x00F7, 0x41, lv(WS_HEARTBEAT)), manufacturer=LUMI)
    assert recorder.of("action") == ["off_top", "on_bottom"]


async def test_device_temperature_options(app: FakeApp) -> None:
    device, handle, _recorder = _setup(app, "lumi.plug", ZNCZ02LM_ENDPOINTS)
    # DeviceTemperature reports whole degrees: not divided by 100
    _report(app, device, 1, 0x0002, 1, record(0x0000, 0x29, u16(35)))
    assert handle.values["device_temperature"] == 35
    handle.set_options({"device_temperature_calibration": -1.25})
    _report(app, device, 1, 0x0002, 2, record(0x0000, 0x29, u16(35)))
    assert handle.values["device_temperature"] == 33.75
    handle.set_options({"device_temperature_calibration": -1.25, "device_temperature_precision": 1})
    _report(app, device, 1, 0x0002, 3, record(0x0000, 0x29, u16(36)))
    assert handle.values["device_temperature"] == 34.8
    handle.set_options({"device_temperature_calibration": 0.4, "device_temperature_precision": 0})
    _report(app, device, 1, 0x0002, 4, record(0x0000, 0x29, u16(36)))
    assert handle.values["device_temperature"] == 36
    assert isinstance(handle.values["device_temperature"], int)


def test_options_parsing() -> None:
    assert HandleOptions.from_mapping({}) == HandleOptions()
    assert HandleOptions.from_mapping(
        {
            "device_temperature_calibration": "2",
            "device_temperature_precision": 9,
            "power_precision": -1,
            "energy_precision": 1.5,
            "voltage_precision": 2,
            "current_calibration": 1000,
            "state_action": "yes",
        }
    ) == HandleOptions(precisions={"voltage": 2})
    assert (
        HandleOptions.from_mapping(
            {"device_temperature_calibration": float("nan"), "device_temperature_precision": True}
        )
        == HandleOptions()
    )
    # Only the model's own options count
    assert HandleOptions.from_mapping(
        {"state_action": True, "power_calibration": 5, "device_temperature_calibration": -1},
        supported=("device_temperature_calibration",),
    ) == HandleOptions(calibrations={"device_temperature": -1.0})


# Zigbee2MQTT: power/energy/voltage/current calibrations are percent of the value,
# device_temperature's is an offset; precision = digits after the decimal point.
# The heartbeat reads power 100.0 W, energy 0.7 kWh, 238.4 V, 0.744 A, 26 °C.
@pytest.mark.parametrize(
    ("options", "key", "expected"),
    [
        ({}, "power", 100.0),
        ({"power_calibration": 10}, "power", 110.0),
        ({"power_calibration": -3.3, "power_precision": 0}, "power", 97),
        ({"energy_calibration": 10}, "energy", 0.77),
        ({"energy_precision": 0}, "energy", 1),
        ({"voltage_calibration": -1}, "voltage", 236.02),
        ({"voltage_precision": 0}, "voltage", 238),
        ({"current_calibration": 50, "current_precision": 1}, "current", 1.1),
        ({"current_precision": 2}, "current", 0.74),
        ({"device_temperature_calibration": 0.5}, "device_temperature", 26.5),
        (
            {"device_temperature_calibration": 0.5, "device_temperature_precision": 0},
            "device_temperature",
            26,
        ),
    ],
)
async def test_calibration_and_precision(
    app: FakeApp, options: dict[str, object], key: str, expected: float
) -> None:
    device, handle, _recorder = _setup(app, "lumi.plug.mmeu01", ZNCZ04LM_ENDPOINTS)
    handle.set_options(options)
    _report(app, device, 1, 0xFCC0, 1, record(0x00F7, 0x41, lv(PLUG_HEARTBEAT)))
    assert handle.values[key] == expected
    assert type(handle.values[key]) is type(expected)


RELAY_MODELS = [
    ("lumi.plug", ZNCZ02LM_ENDPOINTS, False),
    ("lumi.plug.mmeu01", ZNCZ04LM_ENDPOINTS, False),
    ("lumi.switch.l0agl1", SSM_U02_ENDPOINTS, True),
    ("lumi.switch.b2laus01", WS_USC02_ENDPOINTS, True),
    ("lumi.switch.b1nc01", QBKG40LM_ENDPOINTS, False),
]


@pytest.mark.parametrize(
    ("model", "endpoints", "end_device"), RELAY_MODELS, ids=[m for m, _, _ in RELAY_MODELS]
)
async def test_state_action_on_every_relay(
    app: FakeApp, model: str, endpoints: list[EndpointSpec], end_device: bool
) -> None:
    """Every relay report is also an action (on/off, with the relay's endpoint suffix)."""
    device, handle, recorder = _setup(app, model, endpoints, end_device=end_device)
    definition = handle.definition
    assert definition is not None
    relays = [
        (expose.key.removeprefix("state"), expose.write.endpoint)
        for expose in definition.exposes
        if isinstance(expose.write, OnOffWrite)
    ]
    assert relays
    handle.set_options({"state_action": True})
    tsn = 0
    for _, endpoint in relays:
        for value in (1, 0):
            tsn += 1
            _report(app, device, endpoint, 0x0006, tsn, record(0x0000, 0x10, bytes([value])))
    assert recorder.of("action") == [
        f"{state}{suffix}" for suffix, _ in relays for state in ("on", "off")
    ]


async def test_plug_heartbeat_with_wrong_length_prefix(app: FakeApp) -> None:
    device, handle, _recorder = _setup(app, "lumi.plug", ZNCZ02LM_ENDPOINTS)
    # genBasic 0xFF01 as a character string whose length byte is one too long
    body = record(0xFF01, 0x42, bytes([len(PLUG_HEARTBEAT) + 1]) + PLUG_HEARTBEAT)
    _report(app, device, 1, 0x0000, 1, body, manufacturer=LUMI)
    assert handle.values == {
        "state": True,
        "device_temperature": 26,
        "power": 100.0,
        "energy": 0.7,
    }
    _report(app, device, 2, 0x000C, 2, record(0x0055, 0x39, f32(12.345)))
    assert handle.values["power"] == 12.35


async def test_zncz04lm_reports(app: FakeApp) -> None:
    device, handle, _recorder = _setup(app, "lumi.plug.mmeu01", ZNCZ04LM_ENDPOINTS)
    # Newer firmware: FCC0 heartbeat + attributes, without the manufacturer code
    _report(
        app,
        device,
        1,
        0xFCC0,
        1,
        record(0x00F7, 0x41, lv(PLUG_HEARTBEAT))
        + record(0x0207, 0x10, b"\x01")
        + record(0x020B, 0x39, f32(1500.0)),
    )
    assert handle.values["voltage"] == 238.4
    assert handle.values["current"] == 0.744
    assert handle.values["consumer_connected"] is True
    assert handle.values["overload_protection"] == 1500.0
    _report(app, device, 21, 0x000C, 2, record(0x0055, 0x39, f32(7.5)))
    assert handle.values["power"] == 7.5


async def test_electrical_measurement_scaling(app: FakeApp) -> None:
    endpoints: list[EndpointSpec] = [(1, 0x51, (0x0000, 0x0006, 0x0B04, 0x0702), ())]
    device, handle, _recorder = _setup(app, "lumi.plug.mmeu01", endpoints)
    em = device.endpoints[1].in_clusters[0x0B04]
    em.update_attribute(0x0604, 1)  # ac_power_multiplier, cached by zigpy
    em.update_attribute(0x0605, 10)  # ac_power_divisor
    _report(app, device, 1, 0x0B04, 1, record(0x050B, 0x29, u16(1234)))
    assert handle.values["power"] == 123.4


async def test_unscaled_values_are_held_until_the_factors_are_known(app: FakeApp) -> None:
    """Old-firmware ZNCZ04LM: a report before its multiplier/divisor is never published raw."""
    endpoints: list[EndpointSpec] = [(1, 0x51, (0x0000, 0x0006, 0x0B04, 0x0702), ())]
    device, handle, recorder = _setup(app, "lumi.plug.mmeu01", endpoints)
    app.radio.answer = False  # the factors cannot be read yet
    _report(app, device, 1, 0x0B04, 1, record(0x0508, 0x21, u16(500)))  # 500 mA
    _report(app, device, 1, 0x0702, 2, record(0x0000, 0x25, (12345).to_bytes(6, "little")))
    await settle()
    assert "current" not in handle.values
    assert "energy" not in handle.values
    asked = {(f.packet.cluster_id, f.header.command_id) for f in app.radio.sent}
    assert (0x0B04, foundation.GeneralCommand.Read_Attributes) in asked

    # The factors arrive (here by report): the held values are published, scaled
    app.radio.answer = True
    factors = record(0x0602, 0x21, u16(1)) + record(0x0603, 0x21, u16(1000))
    _report(app, device, 1, 0x0B04, 3, factors)
    _report(app, device, 1, 0x0702, 4, record(0x0301, 0x22, (1).to_bytes(3, "little")))
    assert "energy" not in handle.values  # the divisor is still unknown
    _report(app, device, 1, 0x0702, 5, record(0x0302, 0x22, (1000).to_bytes(3, "little")))
    assert handle.values["current"] == 0.5
    assert handle.values["energy"] == 12.345
    assert recorder.of("current") == [0.5]
    assert recorder.of("energy") == [12.345]
    handle.stop()  # cancels the factor read nobody answered


async def test_read_fetches_the_scaling_factors(app: FakeApp) -> None:
    """The pairing/startup read asks for multiplier and divisor with the values."""
    endpoints: list[EndpointSpec] = [(1, 0x51, (0x0000, 0x0006, 0x0B04, 0x0702), ())]
    _device, handle, recorder = _setup(app, "lumi.plug.mmeu01", endpoints)
    app.radio.attributes.update(
        {
            (1, 0x0B04, 0x0505): (0x21, u16(2301)),
            (1, 0x0B04, 0x0508): (0x21, u16(500)),
            (1, 0x0B04, 0x050B): (0x29, u16(1150)),
            (1, 0x0B04, 0x0600): (0x21, u16(1)),
            (1, 0x0B04, 0x0601): (0x21, u16(10)),
            (1, 0x0B04, 0x0602): (0x21, u16(1)),
            (1, 0x0B04, 0x0603): (0x21, u16(1000)),
            # No ac power multiplier/divisor: the ZCL default 1 applies
            (1, 0x0702, 0x0000): (0x25, (12345).to_bytes(6, "little")),
            (1, 0x0702, 0x0301): (0x22, (1).to_bytes(3, "little")),
            (1, 0x0702, 0x0302): (0x22, (1000).to_bytes(3, "little")),
        }
    )
    await handle.async_read()
    assert handle.values["voltage"] == 230.1
    assert handle.values["current"] == 0.5
    assert handle.values["power"] == 1150
    assert handle.values["energy"] == 12.345
    assert recorder.of("current") == [0.5]  # never the raw 500
    em_reads = [f for f in app.radio.sent if f.packet.cluster_id == 0x0B04]
    assert len(em_reads) == 1  # values and factors in one request


async def test_attribute_updated_events(app: FakeApp) -> None:
    device, handle, recorder = _setup(app, "lumi.switch.l0agl1", SSM_U02_ENDPOINTS)
    device.endpoints[1].in_clusters[0x0006].update_attribute(0x0000, t.Bool.true)
    device.endpoints[1].in_clusters[0xFCC0].update_attribute(0x000A, 2)
    assert handle.values["state"] is True
    assert handle.values["switch_type"] == "momentary"
    assert ("state", True) in recorder.calls


async def test_prevent_reset_is_answered(app: FakeApp) -> None:
    device, _handle, _recorder = _setup(app, "lumi.switch.b2laus01", WS_USC02_ENDPOINTS)
    query = bytes.fromhex("aa 10 05 41 87 01 01 10 00")
    _report(app, device, 1, 0x0000, 1, record(0xFFF0, 0x41, lv(query)), manufacturer=LUMI)
    await settle()
    writes = [f for f in app.radio.sent if f.header.command_id == 0x02]
    assert len(writes) == 1
    assert writes[0].header.manufacturer == LUMI
    assert writes[0].packet.cluster_id == 0x0000
    assert writes[0].payload == u16(0xFFF0) + b"\x41" + lv(bytes.fromhex("aa100541470101 1001"))
    # Other 0xFFF0 reports are not answered
    _report(app, device, 1, 0x0000, 2, record(0xFFF0, 0x41, lv(b"\xaa\x00")), manufacturer=LUMI)
    await settle()
    assert len([f for f in app.radio.sent if f.header.command_id == 0x02]) == 1


async def test_unknown_device(app: FakeApp) -> None:
    raw = build_device(app, "vendor.thing", ZNCZ02LM_ENDPOINTS)
    handle = DeviceHandle(raw, None)
    assert handle.exposes == ()
    handle.start()
    handle.start()
    _report(app, raw, 1, 0x0006, 1, record(0x0000, 0x10, b"\x01"))
    raw.packet_received(make_packet(raw, 1, 0x0006, report_frame(2, record(0x0000, 0x10, b"\x00"))))
    assert handle.values == {}
    await handle.async_read()
    await handle.async_configure()
    with pytest.raises(WriteFailed):
        await handle.async_write("state", True)
    handle.stop()
    handle.stop()


async def test_stop_detaches_and_unsubscribe(app: FakeApp) -> None:
    device, handle, recorder = _setup(app, "lumi.plug", ZNCZ02LM_ENDPOINTS)
    other = Recorder()
    unsubscribe = handle.add_listener(other)

    def broken(key: str, value: object) -> None:
        raise RuntimeError("listener bug")

    handle.add_listener(broken)
    _report(app, device, 1, 0x0006, 1, record(0x0000, 0x10, b"\x01"))
    assert recorder.of("state") == [True]  # a failing listener does not stop the others
    unsubscribe()
    unsubscribe()
    _report(app, device, 1, 0x0006, 2, record(0x0000, 0x10, b"\x00"))
    assert other.of("state") == [True]
    handle.stop()
    _report(app, device, 1, 0x0006, 3, record(0x0000, 0x10, b"\x01"))
    assert handle.values["state"] is False


async def test_garbage_frames_do_not_break_anything(app: FakeApp) -> None:
    device, handle, _recorder = _setup(app, "lumi.switch.b2laus01", WS_USC02_ENDPOINTS)
    for data in (b"", b"\x18", b"\x18\x01\x0a\xf7\x00\x41\xff", b"\x18\x01\x0a\x55\x00\x21"):
        app.packet_received(make_packet(device, 41, 0x0012, data))
        app.packet_received(make_packet(device, 1, 0xFCC0, data))
        app.packet_received(make_packet(device, 1, 0x0000, data))
    # Strings where numbers are expected are ignored
    _report(app, device, 41, 0x0012, 9, record(0x0055, 0x42, lv(b"1")))
    _report(app, device, 1, 0xFCC0, 10, record(0x00F7, 0x20, b"\x01"), manufacturer=LUMI)
    assert "action" not in handle.values


# ---------------------------------------------------------------------------- writes


async def test_write_switch_confirmed_by_response(app: FakeApp) -> None:
    _device, handle, recorder = _setup(app, "lumi.plug.mmeu01", ZNCZ04LM_ENDPOINTS)
    await handle.async_write("state", True)
    command = app.radio.sent[-1]
    assert (command.packet.cluster_id, command.header.command_id) == (0x0006, 0x01)
    assert command.header.frame_control.is_cluster
    assert handle.values["state"] is True
    assert recorder.of("state") == [True]

    app.radio.status = foundation.Status.FAILURE
    with pytest.raises(WriteFailed, match="state"):
        await handle.async_write("state", False)
    assert handle.values["state"] is True  # never optimistic


async def test_write_lumi_attributes(app: FakeApp) -> None:
    _device, handle, _recorder = _setup(app, "lumi.plug.mmeu01", ZNCZ04LM_ENDPOINTS)
    await handle.async_write("overload_protection", 1500)
    frame = app.radio.sent[-1]
    assert frame.packet.cluster_id == 0xFCC0
    assert frame.header.manufacturer == LUMI
    assert frame.header.frame_control.disable_default_response
    assert frame.payload == u16(0x020B) + b"\x39" + f32(1500.0)
    assert handle.values["overload_protection"] == 1500.0

    await handle.async_write("auto_off", True)
    assert app.radio.sent[-1].payload == u16(0x0202) + b"\x10\x01"
    assert handle.values["auto_off"] is True

    sent = len(app.radio.sent)
    with pytest.raises(WriteFailed, match="range"):
        await handle.async_write("overload_protection", 5000)
    with pytest.raises(WriteFailed):
        await handle.async_write("auto_off", "maybe")
    assert len(app.radio.sent) == sent


async def test_write_select_on_second_endpoint(app: FakeApp) -> None:
    _device, handle, _recorder = _setup(app, "lumi.switch.b2laus01", WS_USC02_ENDPOINTS)
    await handle.async_write("operation_mode_bottom", "decoupled")
    frame = app.radio.sent[-1]
    assert (frame.packet.dst_ep, frame.packet.cluster_id) == (2, 0xFCC0)
    assert frame.payload == u16(0x0200) + b"\x20\x00"
    assert handle.values["operation_mode_bottom"] == "decoupled"
    await handle.async_write("mode_switch", "anti_flicker_mode")
    assert app.radio.sent[-1].payload == u16(0x0004) + b"\x21" + u16(4)
    with pytest.raises(WriteFailed, match="invalid"):
        await handle.async_write("mode_switch", "turbo")


async def test_write_switch_type(app: FakeApp) -> None:
    _device, handle, _recorder = _setup(app, "lumi.switch.l0agl1", SSM_U02_ENDPOINTS)
    await handle.async_write("switch_type", "momentary")
    assert app.radio.sent[-1].payload == u16(0x000A) + b"\x20\x02"
    assert handle.values["switch_type"] == "momentary"


async def test_write_plug_power_outage_memory_sequence(app: FakeApp) -> None:
    _device, handle, _recorder = _setup(app, "lumi.plug", ZNCZ02LM_ENDPOINTS)
    await handle.async_write("power_outage_memory", True)
    frames = app.radio.sent[-2:]
    assert [f.packet.cluster_id for f in frames] == [0x0000, 0x0000]
    assert all(f.header.manufacturer == LUMI for f in frames)
    assert [f.payload for f in frames] == [
        u16(0xFFF0) + b"\x41" + lv(bytes.fromhex("aa8005d14707011001")),
        u16(0xFFF0) + b"\x41" + lv(bytes.fromhex("aa8003d3070801")),
    ]
    assert handle.values["power_outage_memory"] is True
    await handle.async_write("power_outage_memory", False)
    assert app.radio.sent[-2].payload.endswith(bytes.fromhex("aa8005d14709011000"))
    assert handle.values["power_outage_memory"] is False


async def test_write_failures(app: FakeApp, monkeypatch: pytest.MonkeyPatch) -> None:
    device, handle, _recorder = _setup(app, "lumi.plug.mmeu01", ZNCZ04LM_ENDPOINTS)
    with pytest.raises(WriteFailed, match="unknown"):
        await handle.async_write("nope", True)
    with pytest.raises(WriteFailed, match="not writable"):
        await handle.async_write("power", 1.0)

    app.radio.status = foundation.Status.READ_ONLY
    with pytest.raises(WriteFailed, match="READ_ONLY"):
        await handle.async_write("led_disabled_night", True)
    assert "led_disabled_night" not in handle.values
    app.radio.status = foundation.Status.SUCCESS

    app.radio.fail_with = zigpy.exceptions.DeliveryError("no route")
    monkeypatch.setattr("zigpy.device.DEFAULT_REQUEST_RETRY_DELAY", 0)
    with pytest.raises(WriteFailed, match="DeliveryError"):
        await handle.async_write("led_disabled_night", True)
    with pytest.raises(WriteFailed, match="DeliveryError"):
        await handle.async_write("state", True)
    app.radio.fail_with = None

    async def timeout(*args: object, **kwargs: object) -> None:
        raise TimeoutError

    fcc0 = device.endpoints[1].in_clusters[0xFCC0]
    monkeypatch.setattr(fcc0, "write_attributes_raw", timeout)
    with pytest.raises(WriteFailed, match="TimeoutError"):
        await handle.async_write("power_outage_memory", True)
    assert "power_outage_memory" not in handle.values
    assert "led_disabled_night" not in handle.values


# ---------------------------------------------------------------------------- reads


async def test_read(app: FakeApp) -> None:
    _device, handle, recorder = _setup(app, "lumi.plug.mmeu01", ZNCZ04LM_ENDPOINTS)
    app.radio.attributes.update(
        {
            (1, 0x0006, 0x0000): (0x10, b"\x01"),
            (21, 0x000C, 0x0055): (0x39, f32(3.25)),
            (1, 0xFCC0, 0x0201): (0x10, b"\x01"),
            (1, 0xFCC0, 0x0203): (0x10, b"\x00"),
            (1, 0xFCC0, 0x020B): (0x39, f32(2000.0)),
        }
    )
    await handle.async_read()
    assert handle.values == {
        "state": True,
        "power": 3.25,
        "power_outage_memory": True,
        "led_disabled_night": False,
        "overload_protection": 2000.0,
    }
    fcc0_reads = [f for f in app.radio.sent if f.packet.cluster_id == 0xFCC0]
    assert len(fcc0_reads) == 1  # one request per cluster and manufacturer code
    assert fcc0_reads[0].header.manufacturer == LUMI
    assert ("power", 3.25) in recorder.calls


async def test_read_failures(app: FakeApp, monkeypatch: pytest.MonkeyPatch) -> None:
    _device, handle, _recorder = _setup(app, "lumi.plug.mmeu01", ZNCZ04LM_ENDPOINTS)
    app.radio.attributes[(1, 0xFCC0, 0x0201)] = (0x10, b"\x01")
    with pytest.raises(ReadFailed) as err:
        await handle.async_read(["power_outage_memory", "led_disabled_night"])
    assert err.value.key == "led_disabled_night"
    assert handle.values["power_outage_memory"] is True  # the rest still updates

    with pytest.raises(ReadFailed, match="not readable"):
        await handle.async_read(["energy"])
    with pytest.raises(ReadFailed, match="unknown"):
        await handle.async_read(["nope"])

    app.radio.fail_with = zigpy.exceptions.DeliveryError("gone")
    monkeypatch.setattr("zigpy.device.DEFAULT_REQUEST_RETRY_DELAY", 0)
    with pytest.raises(ReadFailed, match="DeliveryError"):
        await handle.async_read(["state"])


async def test_read_power_from_old_firmware_without_endpoint_21(app: FakeApp) -> None:
    endpoints: list[EndpointSpec] = [(1, 0x51, (0x0000, 0x0006, 0x0B04), ())]
    _device, handle, _recorder = _setup(app, "lumi.plug.mmeu01", endpoints)
    app.radio.attributes[(1, 0x0B04, 0x050B)] = (0x29, u16(75))
    await handle.async_read(["power"])  # power multiplier/divisor unsupported: ZCL default 1
    assert handle.values["power"] == 75


# ---------------------------------------------------------------------------- configure


async def test_configure_event_mode(app: FakeApp) -> None:
    _device, handle, _recorder = _setup(app, "lumi.switch.b2laus01", WS_USC02_ENDPOINTS)
    await handle.async_configure()
    frame = app.radio.sent[-1]
    assert (frame.packet.cluster_id, frame.header.manufacturer) == (0xFCC0, LUMI)
    assert frame.payload == u16(0x0009) + b"\x20\x01"


async def test_configure_bind_and_report(app: FakeApp) -> None:
    _device, handle, _recorder = _setup(app, "lumi.switch.l0agl1", SSM_U02_ENDPOINTS)
    await handle.async_configure()
    assert [p.cluster_id for p in app.zdo_replies] == [0x0021]  # Bind_req
    report = app.radio.sent[-1]
    assert report.header.command_id == foundation.GeneralCommand.Configure_Reporting
    assert report.payload[:6] == b"\x00" + u16(0x0000) + b"\x10" + u16(0)
    assert report.payload[6:8] == u16(3600)


async def test_configure_removes_plug_from_group_zero(app: FakeApp) -> None:
    _device, handle, _recorder = _setup(app, "lumi.plug", ZNCZ02LM_ENDPOINTS)
    await handle.async_configure()
    frame = app.radio.sent[-1]
    assert (frame.packet.cluster_id, frame.header.command_id, frame.payload) == (
        0x0004,
        0x03,
        u16(0),
    )


async def test_configure_failure_still_tries_every_step(app: FakeApp) -> None:
    _device, handle, _recorder = _setup(app, "lumi.switch.l0agl1", SSM_U02_ENDPOINTS)
    app.radio.status = foundation.Status.UNSUPPORTED_ATTRIBUTE
    with pytest.raises(ConfigureFailed, match="ReportStep"):
        await handle.async_configure()
    assert app.radio.sent[-1].header.command_id == foundation.GeneralCommand.Configure_Reporting


async def test_write_to_unresolved_device_declares_hidden_cluster(app: FakeApp) -> None:
    """Without the resolver (plain zigpy device) writes still reach hidden 0xFCC0."""
    raw = build_device(app, "lumi.switch.b1nc01", QBKG40LM_ENDPOINTS)
    handle = DeviceHandle(raw, get_definition("lumi.switch.b1nc01"))
    handle.start()
    await handle.async_write("flip_indicator_light", True)
    assert app.radio.sent[-1].packet.cluster_id == 0xFCC0
    assert handle.values["flip_indicator_light"] is True
    # And its reports decode once the cluster exists
    frame = report_frame(1, record(0x0201, 0x10, b"\x01"), manufacturer=LUMI)
    cluster = raw.endpoints[1].in_clusters[0xFCC0]
    cluster.handle_message(*cluster.deserialize(frame))
    assert handle.values["power_outage_memory"] is True


def test_struct_helpers() -> None:
    assert f32(1.0) == struct.pack("<f", 1.0)


async def test_clusters_declared_on_the_fly_are_followed(app: FakeApp) -> None:
    """An older ZNCZ04LM announcing no endpoint 21 still gets its power readings."""
    endpoints: list[EndpointSpec] = [(1, 0x51, (0x0000, 0x0006), ())]
    device, handle, _recorder = _setup(app, "lumi.plug.mmeu01", endpoints)
    assert 21 not in device.endpoints
    _report(app, device, 21, 0x000C, 1, record(0x0055, 0x39, f32(55.5)))
    assert handle.values["power"] == 55.5


async def test_unsolicited_read_response_is_decoded(app: FakeApp) -> None:
    device, handle, _recorder = _setup(app, "lumi.switch.l0agl1", SSM_U02_ENDPOINTS)
    header = foundation.ZCLHeader.general(
        tsn=0x77,
        command_id=foundation.GeneralCommand.Read_Attributes_rsp,
        manufacturer=LUMI,
        direction=foundation.Direction.Server_to_Client,
    )
    body = u16(0x000A) + b"\x00\x20\x01" + u16(0x0201) + b"\x86"
    app.packet_received(make_packet(device, 1, 0xFCC0, header.serialize() + body))
    assert handle.values["switch_type"] == "toggle"
    assert "power_outage_memory" not in handle.values


async def test_switch_values_must_be_booleans(app: FakeApp) -> None:
    _device, handle, _recorder = _setup(app, "lumi.plug", ZNCZ02LM_ENDPOINTS)
    sent = len(app.radio.sent)
    with pytest.raises(WriteFailed, match="boolean"):
        await handle.async_write("state", "on")
    with pytest.raises(WriteFailed, match="boolean"):
        await handle.async_write("power_outage_memory", 1)
    assert len(app.radio.sent) == sent


async def test_stop_cancels_pending_answers(app: FakeApp) -> None:
    device, handle, _recorder = _setup(app, "lumi.switch.b1nc01", QBKG40LM_ENDPOINTS)
    app.radio.answer = False
    query = bytes.fromhex("aa 10 05 41 87 01 01 10 00")
    _report(app, device, 1, 0x0000, 1, record(0xFFF0, 0x41, lv(query)), manufacturer=LUMI)
    assert handle._tasks
    handle.stop()
    await settle()
    assert not handle._tasks


def test_prevent_reset_without_a_running_loop() -> None:
    """Frames handled outside the event loop cannot be answered, but do not crash."""
    application = FakeApp()
    raw = build_device(application, "lumi.switch.b1nc01", QBKG40LM_ENDPOINTS)
    handle = DeviceHandle(raw, get_definition("lumi.switch.b1nc01"))
    handle.start()
    basic = raw.endpoints[1].in_clusters[0x0000]
    query = bytes.fromhex("aa 10 05 41 87 01 01 10 00")
    frame = report_frame(1, record(0xFFF0, 0x41, lv(query)), manufacturer=LUMI)
    basic.handle_message(*basic.deserialize(frame))
    assert not handle._tasks


async def test_configure_group_failure(app: FakeApp) -> None:
    _device, handle, _recorder = _setup(app, "lumi.plug.mmeu01", ZNCZ04LM_ENDPOINTS)
    app.radio.status = foundation.Status.INSUFFICIENT_SPACE
    with pytest.raises(ConfigureFailed, match="groups"):
        await handle.async_configure()


async def test_answers_with_the_wrong_direction_bit_match(app: FakeApp) -> None:
    _device, handle, _recorder = _setup(app, "lumi.switch.b1nc01", QBKG40LM_ENDPOINTS)
    app.radio.wrong_direction = True
    app.radio.attributes[(1, 0xFCC0, 0x00F0)] = (0x20, b"\x01")
    await handle.async_read(["flip_indicator_light"])
    assert handle.values["flip_indicator_light"] is True
    await handle.async_write("operation_mode", "decoupled")
    assert handle.values["operation_mode"] == "decoupled"
    await handle.async_write("state", True)
    assert handle.values["state"] is True


async def test_power_outage_count_attribute_is_an_integer(app: FakeApp) -> None:
    device, handle, _recorder = _setup(app, "lumi.switch.l0agl1", SSM_U02_ENDPOINTS)
    _report(app, device, 1, 0xFCC0, 1, record(0x0002, 0x20, u8(3)), manufacturer=LUMI)
    assert handle.values["power_outage_count"] == 3
    assert isinstance(handle.values["power_outage_count"], int)


async def test_plug_power_outage_memory_read_back(app: FakeApp) -> None:
    _device, handle, _recorder = _setup(app, "lumi.plug", ZNCZ02LM_ENDPOINTS)
    app.radio.attributes[(1, 0x0000, 0xFFF0)] = (0x41, lv(bytes.fromhex("aa8005d14709011000")))
    await handle.async_read(["power_outage_memory"])
    assert handle.values["power_outage_memory"] is False
    assert app.radio.sent[-1].header.manufacturer == LUMI
    # Anything else in 0xFFF0 means nothing: no value, no failure
    app.radio.attributes[(1, 0x0000, 0xFFF0)] = (0x41, lv(b"\xaa\x10"))
    handle.values.clear()
    await handle.async_read(["power_outage_memory"])
    assert "power_outage_memory" not in handle.values


H2_EU_ENDPOINTS: list[EndpointSpec] = [
    (1, 0x0100, (0x0000, 0x0003, 0x0004, 0x0005, 0x0006, 0x0B04, 0x0702, 0xFCC0), (0x0019,)),
    (2, 0x0100, (0x0004, 0x0005, 0x0006, 0xFCC0), ()),
]


async def test_prevent_leave_is_answered(app: FakeApp) -> None:
    """0xFCC0 0x00FC reported false is written back true (with Lumi's code); true is not."""
    device, _handle, _recorder = _setup(app, "lumi.switch.agl010", H2_EU_ENDPOINTS)
    _report(app, device, 1, 0xFCC0, 1, record(0x00FC, 0x10, b"\x01"), manufacturer=LUMI)
    await settle()
    assert not [f for f in app.radio.sent if f.header.command_id == 0x02]
    _report(app, device, 1, 0xFCC0, 2, record(0x00FC, 0x10, b"\x00"), manufacturer=LUMI)
    await settle()
    writes = [f for f in app.radio.sent if f.header.command_id == 0x02]
    assert len(writes) == 1
    assert writes[0].header.manufacturer == LUMI
    assert (writes[0].packet.cluster_id, writes[0].packet.dst_ep) == (0xFCC0, 1)
    assert writes[0].payload == u16(0x00FC) + b"\x10\x01"


async def test_identify_for_the_options_seconds(app: FakeApp) -> None:
    """Identify (0x0003 command 0x00) for 3 s, then for the identify_timeout option's."""
    _device, handle, recorder = _setup(app, "lumi.switch.agl010", H2_EU_ENDPOINTS)
    await handle.async_write("identify", None)
    command = app.radio.sent[-1]
    assert (command.packet.cluster_id, command.header.command_id) == (0x0003, 0x00)
    assert command.header.frame_control.is_cluster
    assert command.payload == u16(3)
    handle.set_options({"identify_timeout": 12})
    await handle.async_write("identify", None)
    assert app.radio.sent[-1].payload == u16(12)
    # the confirmed command, told as its one value (the button shows no state)
    assert recorder.of("identify") == ["identify", "identify"]

    app.radio.status = foundation.Status.FAILURE
    with pytest.raises(WriteFailed, match="identify"):
        await handle.async_write("identify", None)


DJT11LM_ENDPOINTS: list[EndpointSpec] = [(1, 0x000A, (0x0000, 0x0003, 0x0019, 0x0101), ())]


def _axes_record(x: int, y: int, z: int) -> bytes:
    """DoorLock 0x0508: three little-endian int16 in a uint48 (type 0x25)."""
    return record(0x0508, 0x25, struct.pack("<hhh", x, y, z))


async def test_vibration_axis_calibration_reaches_the_angles(app: FakeApp) -> None:
    """DJT11LM: Zigbee2MQTT adds x/y/z_calibration to the raw counts, rounds them
    (Math.round, precision 0), then derives the angles from the calibrated counts."""
    device, handle, _recorder = _setup(app, "lumi.vibration.aq1", DJT11LM_ENDPOINTS)
    _report(app, device, 1, 0x0101, 1, _axes_record(100, -200, 1000))
    # atan(100 / hypot(-200, 1000)) = 5.60°, atan(-200 / hypot(100, 1000)) = -11.26°,
    # atan(1000 / hypot(100, -200)) = 77.40°
    assert [handle.values[f"angle_{axis}"] for axis in "xyz"] == [6, -11, 77]
    assert [handle.values[f"{axis}_axis"] for axis in "xyz"] == [100, -200, 1000]

    handle.set_options({"x_calibration": 50.5, "y_calibration": -0.5})
    _report(app, device, 1, 0x0101, 2, _axes_record(100, -200, 1000))
    # Math.round(150.5) = 151, Math.round(-200.5) = -200 (halves up, unlike Python's round)
    assert [handle.values[f"{axis}_axis"] for axis in "xyz"] == [151, -200, 1000]
    # atan(151 / hypot(-200, 1000)) = 8.42°, atan(-200 / hypot(151, 1000)) = -11.19°,
    # atan(1000 / hypot(151, -200)) = 75.93°
    assert [handle.values[f"angle_{axis}"] for axis in "xyz"] == [8, -11, 76]

    handle.set_options({"z_calibration": -1000})
    _report(app, device, 1, 0x0101, 3, _axes_record(100, -200, 1000))
    # z calibrated to 0: x and y lie in the plane, z's angle is 0 (atan(0 / 223.6))
    assert [handle.values[f"angle_{axis}"] for axis in "xyz"] == [27, -63, 0]


FP310_ENDPOINTS: list[EndpointSpec] = [
    (1, 0x0107, (0x0000, 0x0003, 0x0400, 0x0402, 0x0405, 0xFCC0), (0x0003, 0x0019))
]


def _schedule_write(start_hour: int, start_minute: int, end_hour: int, end_minute: int) -> bytes:
    """Zigbee2MQTT's ``encodeTimeFormat`` by hand: ``startHour | startMin << 8 | endHour << 16
    | endMin << 24`` written as 0xFCC0 0x023E, uint32 (0x23), little endian."""
    value = start_hour | start_minute << 8 | end_hour << 16 | end_minute << 24
    return u16(0x023E) + b"\x23" + struct.pack("<I", value)


async def test_night_led_schedule_ends_write_the_whole_uint32(app: FakeApp) -> None:
    """FP310: each end writes both, the other as confirmed (lumiLedDisabledNightTime)."""
    device, handle, _recorder = _setup(app, "lumi.sensor_occupy.acn1", FP310_ENDPOINTS)
    # Fresh: the other end unknown, written as Zigbee2MQTT does with no state: 00:00
    await handle.async_write("schedule_end_time", "7:05")
    frame = app.radio.sent[-1]
    assert (frame.packet.dst_ep, frame.packet.cluster_id) == (1, 0xFCC0)
    assert frame.header.manufacturer == LUMI
    assert frame.header.command_id == 0x02  # Write Attributes
    assert frame.payload == _schedule_write(0, 0, 7, 5) == bytes.fromhex("3e02230000 0705")
    assert handle.values["schedule_start_time"] == "00:00"
    assert handle.values["schedule_end_time"] == "07:05"

    # The unit reports 21:30 to 06:45 (changed in the Aqara app): 0x2D061E15
    report = record(0x023E, 0x23, struct.pack("<I", 0x2D061E15))
    _report(app, device, 1, 0xFCC0, 1, report, manufacturer=LUMI)
    assert handle.values["schedule_start_time"] == "21:30"
    assert handle.values["schedule_end_time"] == "06:45"

    await handle.async_write("schedule_start_time", "22:00")
    assert app.radio.sent[-1].payload == _schedule_write(22, 0, 6, 45)
    assert app.radio.sent[-1].payload == bytes.fromhex("3e0223 1600062d")
    assert handle.values["schedule_start_time"] == "22:00"
    assert handle.values["schedule_end_time"] == "06:45"

    sent = len(app.radio.sent)
    for invalid in ("24:00", "12:60", "noon", 1230):
        with pytest.raises(WriteFailed, match="invalid"):
            await handle.async_write("schedule_end_time", invalid)
    assert len(app.radio.sent) == sent

    # A refused write confirms nothing
    app.radio.status = foundation.Status.INVALID_VALUE
    with pytest.raises(WriteFailed):
        await handle.async_write("schedule_end_time", "05:00")
    assert handle.values["schedule_end_time"] == "06:45"

    # Out-of-range bytes (hour 0xFF): no time (Zigbee2MQTT's "--:--"), the last one stays
    report = record(0x023E, 0x23, struct.pack("<I", 0x000000FF))
    _report(app, device, 1, 0xFCC0, 2, report, manufacturer=LUMI)
    assert handle.values["schedule_start_time"] == "22:00"


def _zone_mask(mask: int) -> bytes:
    """0xFCC0 0x019A as Zigbee2MQTT's fp300DetectionRange writes it: an octet string (0x41)
    of five bytes, the prefix 0x0300 (writeUIntLE, 2 bytes) then the mask (3 bytes)."""
    return u16(0x019A) + b"\x41" + lv(b"\x00\x03" + mask.to_bytes(3, "little"))


async def test_fp300_zone_switches_rewrite_the_confirmed_mask(
    app: FakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PS-S04D: a zone switch writes the mask last confirmed with its bit changed; a
    sleeping unit's write is built when it wakes, from the mask confirmed by then."""
    device, handle, _recorder = _setup(
        app, "lumi.sensor_occupy.agl8", FP310_ENDPOINTS, end_device=True
    )
    sent = len(app.radio.sent)
    with pytest.raises(WriteFailed, match="not known"):
        await handle.async_write("detection_range_5", True)
    assert len(app.radio.sent) == sent  # nothing guessed

    _report(app, device, 1, 0xFCC0, 1, record(0x019A, 0x41, lv(bytes.fromhex("00030f0000"))))
    assert handle.values["detection_range"] == 0x0F
    assert [handle.values[f"detection_range_{zone}"] for zone in (0, 3, 4, 23)] == [
        True,
        True,
        False,
        False,
    ]
    await handle.async_write("detection_range_5", True)
    assert app.radio.sent[-1].payload == _zone_mask(0x2F) == bytes.fromhex("9a0141050003 2f0000")
    await handle.async_write("detection_range_0", False)
    assert app.radio.sent[-1].payload == _zone_mask(0x2E)
    assert handle.values["detection_range"] == 0x2E
    assert handle.values["detection_range_0"] is False
    assert handle.values["detection_range_5"] is True

    # The unit sleeps: the write is kept...
    app.radio.fail_with = zigpy.exceptions.DeliveryError("asleep")
    monkeypatch.setattr("zigpy.device.DEFAULT_REQUEST_RETRY_DELAY", 0)
    with pytest.raises(WritePending):
        await handle.async_write("detection_range_23", True)
    assert handle.values["detection_range_23"] is False
    app.radio.fail_with = None
    # ...it wakes, telling a mask changed at the unit meanwhile: the write is built on it
    _report(app, device, 1, 0xFCC0, 2, record(0x019A, 0x41, lv(bytes.fromhex("0003000100"))))
    handle.device_heard()  # the gateway's call on any frame from the device
    await settle()
    assert app.radio.sent[-1].payload == _zone_mask(0x800100)
    assert handle.values["detection_range"] == 0x800100
    assert handle.values["detection_range_8"] is True
    assert handle.values["detection_range_23"] is True
    assert handle.values["detection_range_5"] is False
    assert handle.pending_writes == {}

    # The mask number still writes the whole mask, and the zone switches follow it
    await handle.async_write("detection_range", 0xFFFFFF)
    assert app.radio.sent[-1].payload == _zone_mask(0xFFFFFF)
    assert all(handle.values[f"detection_range_{zone}"] is True for zone in range(24))
