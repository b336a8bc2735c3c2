"""A generated definition at work: decoding, commands and pairing, through real zigpy."""

from __future__ import annotations

import zigpy.device
from zigpy.zcl import foundation
import zigpy.zdo.types as zdo_t

from custom_components.aqara_zigbee.devices.generated import (
    async_probe,
    generate_definition,
    signature_of,
)
from custom_components.aqara_zigbee.devices.handle import DeviceHandle

from .fakes import (
    EndpointSpec,
    FakeApp,
    Recorder,
    build_device,
    make_packet,
    record,
    report_frame,
    settle,
    u8,
    u16,
)

BULB: list[EndpointSpec] = [(1, 0x010D, (0x0000, 0x0003, 0x0006, 0x0008, 0x0300), (0x0019,))]
SENSOR: list[EndpointSpec] = [(1, 0x0302, (0x0000, 0x0001, 0x0400, 0x0402, 0x0405), ())]
CONTACT: list[EndpointSpec] = [(1, 0x0402, (0x0000, 0x0001, 0x0500), ())]
REMOTE: list[EndpointSpec] = [(1, 0x0820, (0x0000, 0x0001), (0x0005, 0x0006, 0x0008))]
BLIND: list[EndpointSpec] = [(1, 0x0202, (0x0000, 0x0001, 0x0102), ())]


def _setup(
    app: FakeApp, model: str, endpoints: list[EndpointSpec]
) -> tuple[zigpy.device.Device, DeviceHandle, Recorder]:
    device = build_device(app, model, endpoints)
    device.manufacturer = "Acme"
    handle = DeviceHandle(device, generate_definition(signature_of(device)))
    recorder = Recorder()
    handle.add_listener(recorder)
    handle.start()
    return device, handle, recorder


def _cluster_frame(tsn: int, command_id: int, payload: bytes, *, to_server: bool) -> bytes:
    direction = (
        foundation.Direction.Client_to_Server
        if to_server
        else foundation.Direction.Server_to_Client
    )
    header = foundation.ZCLHeader(
        frame_control=foundation.FrameControl.cluster(direction=direction).replace(
            disable_default_response=1
        ),
        tsn=tsn,
        command_id=command_id,
    )
    return header.serialize() + payload


async def test_measurements_are_scaled_the_zcl_way(app: FakeApp) -> None:
    device, handle, _recorder = _setup(app, "TH-1", SENSOR)
    app.packet_received(
        make_packet(device, 1, 0x0402, report_frame(1, record(0x0000, 0x29, u16(2154))))
    )
    app.packet_received(
        make_packet(device, 1, 0x0405, report_frame(2, record(0x0000, 0x21, u16(4810))))
    )
    # 10000 x log10(lux) + 1: 10001 is 10 lx; 0 is too dark to measure
    app.packet_received(
        make_packet(device, 1, 0x0400, report_frame(3, record(0x0000, 0x21, u16(10001))))
    )
    app.packet_received(
        make_packet(device, 1, 0x0001, report_frame(4, record(0x0021, 0x20, u8(151))))
    )
    assert handle.values == {
        "temperature": 21.54,
        "humidity": 48.1,
        "illuminance": 10,
        "battery": 75.5,
    }
    # The invalid value of the type (0x8000) means nothing
    app.packet_received(
        make_packet(device, 1, 0x0402, report_frame(5, record(0x0000, 0x29, u16(0x8000))))
    )
    assert handle.values["temperature"] == 21.54


async def test_ias_zone_notification_and_enrollment(app: FakeApp) -> None:
    device, handle, _recorder = _setup(app, "DS-1", CONTACT)
    # Zone status 0x0005: alarm 1 and tamper; extended status, zone id, delay
    app.packet_received(
        make_packet(
            device,
            1,
            0x0500,
            _cluster_frame(7, 0x00, u16(0x0005) + b"\x00\x00" + u16(0), to_server=False),
        )
    )
    assert handle.values == {
        "alarm_1": True,
        "alarm_2": False,
        "tamper": True,
        "battery_low": False,
    }
    # The zone asks to be enrolled: answered with Zone Enroll Response (success, zone 0)
    app.packet_received(
        make_packet(
            device, 1, 0x0500, _cluster_frame(8, 0x01, u16(0x0015) + u16(0), to_server=False)
        )
    )
    await settle()
    enroll = [f for f in app.radio.sent if f.packet.cluster_id == 0x0500]
    assert enroll[-1].header.command_id == 0x00
    assert enroll[-1].payload == b"\x00\x00"


async def test_configure_binds_reports_and_enrolls(app: FakeApp) -> None:
    _device, handle, _recorder = _setup(app, "DS-1", CONTACT)
    await handle.async_configure()
    sent = [(f.packet.cluster_id, f.header.command_id) for f in app.radio.sent]
    # The coordinator written as CIE (Write Attributes), the enroll response, reporting
    assert (0x0500, foundation.GeneralCommand.Write_Attributes) in sent
    assert (0x0500, foundation.GeneralCommand.Configure_Reporting) in sent
    assert (0x0001, foundation.GeneralCommand.Configure_Reporting) in sent
    write = next(
        f
        for f in app.radio.sent
        if f.header.command_id == foundation.GeneralCommand.Write_Attributes
    )
    assert write.payload[:3] == bytes([0x10, 0x00, 0xF0])  # CIE address, IEEE type
    binds = [p.cluster_id for p in app.zdo_replies if p.cluster_id == zdo_t.ZDOCmd.Bind_req]
    assert len(binds) == 2  # IAS Zone and Power Configuration


async def test_remote_commands_fire_actions_once(app: FakeApp) -> None:
    device, handle, recorder = _setup(app, "Remote-1", REMOTE)
    on = _cluster_frame(20, 0x01, b"", to_server=True)
    app.packet_received(make_packet(device, 1, 0x0006, on))
    app.packet_received(make_packet(device, 1, 0x0006, on))  # repeated: one event
    # Step (with on/off), mode 1 = down, step size, transition time
    app.packet_received(
        make_packet(
            device, 1, 0x0008, _cluster_frame(21, 0x06, b"\x01\x2b" + u16(5), to_server=True)
        )
    )
    # Recall scene: group 0, scene 3
    app.packet_received(
        make_packet(device, 1, 0x0005, _cluster_frame(22, 0x05, u16(0) + b"\x03", to_server=True))
    )
    assert recorder.of("action") == ["on", "brightness_step_down", "recall_3"]
    await handle.async_configure()
    outputs = [p for p in app.zdo_replies if p.cluster_id == zdo_t.ZDOCmd.Bind_req]
    # The remote's OnOff, Level and Scenes clients, and its Power Configuration
    assert len(outputs) == 4


async def test_light_commands_confirm_its_state(app: FakeApp) -> None:
    _device, handle, _recorder = _setup(app, "Bulb-1", BULB)
    await handle.async_write("brightness", {"brightness": 100, "transition": 1.5})
    level = app.radio.sent[-1]
    assert (level.packet.cluster_id, level.header.command_id, level.payload) == (
        0x0008,
        0x04,
        b"\x64" + u16(15),
    )
    assert handle.values == {"state": True, "brightness": 100}
    await handle.async_write("color_temp", {"color_temp": 370, "transition": None})
    temp = app.radio.sent[-1]
    assert (temp.packet.cluster_id, temp.header.command_id, temp.payload) == (
        0x0300,
        0x0A,
        u16(370) + u16(0),
    )
    await handle.async_write("color_x", {"x": 0.5, "y": 0.25})
    xy = app.radio.sent[-1]
    assert (xy.header.command_id, xy.payload) == (0x07, u16(32768) + u16(16384) + u16(0))
    assert handle.values["color_mode"] == "xy"
    assert handle.values["color_x"] == 0.5


async def test_cover_moves_and_reports_openness(app: FakeApp) -> None:
    device, handle, _recorder = _setup(app, "Blind-1", BLIND)
    await handle.async_write("state", "CLOSE")
    assert app.radio.sent[-1].header.command_id == 0x01
    await handle.async_write("position", 30)  # 30 % open is 70 % closed
    assert (app.radio.sent[-1].header.command_id, app.radio.sent[-1].payload) == (0x05, b"\x46")
    app.packet_received(
        make_packet(device, 1, 0x0102, report_frame(9, record(0x0008, 0x20, u8(70))))
    )
    assert handle.values["position"] == 30


async def test_probe_reads_what_shapes_the_definition(app: FakeApp) -> None:
    """The zone type read before generating names the alarm after it."""
    device = build_device(app, "DS-1", CONTACT)
    app.radio.attributes[(1, 0x0500, 0x0001)] = (0x31, u16(0x0015))
    await async_probe(device)
    definition = generate_definition(signature_of(device))
    assert definition.expose("contact").device_class == "opening"


LOCK: list[EndpointSpec] = [(1, 0x000A, (0x0000, 0x0001, 0x0101), ())]
FAN: list[EndpointSpec] = [(1, 0x0300, (0x0000, 0x0202), ())]


async def test_lock_commands_and_state(app: FakeApp) -> None:
    """Lock/Unlock Door go out; the lock's LockState report, not the answer, is the state."""
    device, handle, _recorder = _setup(app, "Lock-1", LOCK)
    await handle.async_write("lock_state", "LOCK")
    sent = app.radio.sent[-1]
    assert (sent.packet.cluster_id, sent.header.command_id) == (0x0101, 0x00)
    assert "lock_state" not in handle.values
    app.packet_received(
        make_packet(device, 1, 0x0101, report_frame(3, record(0x0000, 0x30, u8(1))))
    )
    assert handle.values["lock_state"] == "locked"
    await handle.async_write("lock_state", "UNLOCK")
    assert app.radio.sent[-1].header.command_id == 0x01


async def test_fan_mode_is_written_and_confirmed(app: FakeApp) -> None:
    _device, handle, _recorder = _setup(app, "Fan-1", FAN)
    await handle.async_write("fan_mode", "medium")
    write = app.radio.sent[-1]
    assert write.header.command_id == foundation.GeneralCommand.Write_Attributes
    assert write.payload == bytes([0x00, 0x00, 0x30, 0x02])  # FanMode, enum8, medium
    assert handle.values["fan_mode"] == "medium"


async def test_identify_button_sends_identify(app: FakeApp) -> None:
    _device, handle, _recorder = _setup(app, "Bulb-1", BULB)
    await handle.async_write("identify", True)
    sent = app.radio.sent[-1]
    assert (sent.packet.cluster_id, sent.header.command_id, sent.payload) == (0x0003, 0x00, u16(3))
    assert "identify" not in handle.values  # a command, no state
