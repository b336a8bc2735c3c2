"""Wireless remotes, cubes and the knob: every encoding decoded, through real zigpy.

The frames are written from the devices' facts (Zigbee2MQTT's converters), byte by byte.
"""

from __future__ import annotations

import zigpy.device
from zigpy.zcl import foundation

from custom_components.aqara_zigbee.devices import get_definition
from custom_components.aqara_zigbee.devices.handle import DeviceHandle
from custom_components.aqara_zigbee.devices.resolver import resolve_device
from custom_components.aqara_zigbee.lumi.device import LumiDevice

from .fakes import (
    LUMI,
    EndpointSpec,
    FakeApp,
    Recorder,
    build_device,
    f32,
    make_packet,
    record,
    report_frame,
    settle,
    u8,
    u16,
)

ON_OFF = 0x0006
MULTISTATE = 0x0012
ANALOG = 0x000C
BOOL, UINT8, UINT16, FLOAT = 0x10, 0x20, 0x21, 0x39


def _setup(
    app: FakeApp, model: str, endpoints: list[EndpointSpec]
) -> tuple[LumiDevice, DeviceHandle, Recorder]:
    app.register_device_resolver(resolve_device)
    raw = build_device(app, model, endpoints, end_device=True)
    app.device_initialized(raw)
    device = app.get_device(ieee=raw.ieee)
    assert isinstance(device, LumiDevice)
    handle = DeviceHandle(device, get_definition(model))
    recorder = Recorder()
    handle.add_listener(recorder)
    handle.start()
    return device, handle, recorder


class _Frames:
    """Sends reports with a fresh TSN each (a repeated TSN would be a repeated frame)."""

    def __init__(self, app: FakeApp, device: zigpy.device.Device) -> None:
        self.app, self.device, self.tsn = app, device, 0

    def __call__(
        self, endpoint: int, cluster: int, records: bytes, *, manufacturer: int | None = None
    ) -> None:
        self.tsn += 1
        frame = report_frame(self.tsn, records, manufacturer=manufacturer)
        self.app.packet_received(make_packet(self.device, endpoint, cluster, frame))


async def test_mini_switch_speaks_both_generations(app: FakeApp) -> None:
    """WXKG11LM: OnOff true and 0x8000 counts (aq2), MultistateInput (b1acn01)."""
    device, _handle, recorder = _setup(
        app, "lumi.sensor_switch.aq2", [(1, 0x5F01, (0x0000, ON_OFF), (0x0000,))]
    )
    send = _Frames(app, device)
    send(1, ON_OFF, record(0x0000, BOOL, b"\x00"))  # contact closed: nothing yet
    send(1, ON_OFF, record(0x0000, BOOL, b"\x01"))
    send(1, ON_OFF, record(0x8000, UINT8, u8(3)))
    send(1, MULTISTATE, record(0x0055, UINT16, u16(0)))
    send(1, MULTISTATE, record(0x0055, UINT16, u16(255)))
    assert recorder.of("action") == ["single", "triple", "hold", "release"]


async def test_86_remote_names_the_button_of_each_endpoint(app: FakeApp) -> None:
    """WXKG02LM_rev2: OnOff clicks and MultistateInput gestures, per button endpoint."""
    endpoints: list[EndpointSpec] = [
        (1, 0x5F01, (0x0000, 0x0003, 0x0019, MULTISTATE), ()),
        (2, 0x5F02, (0x0003, MULTISTATE), ()),
        (3, 0x5F03, (0x0003, ANALOG), ()),
    ]
    device, _handle, recorder = _setup(app, "lumi.remote.b286acn01", endpoints)
    send = _Frames(app, device)
    send(2, ON_OFF, record(0x0000, BOOL, b"\x00"))
    send(3, MULTISTATE, record(0x0055, UINT16, u16(2)))
    send(1, MULTISTATE, record(0x0055, UINT16, u16(0)))
    send(1, MULTISTATE, record(0x0055, UINT16, u16(3)))  # triple: not this model's
    assert recorder.of("action") == ["single_right", "double_both", "hold_left"]


async def test_opple_buttons_are_numbered_by_endpoint(app: FakeApp) -> None:
    device, _handle, recorder = _setup(
        app,
        "lumi.remote.b486opcn01",
        [(1, 0x0105, (0x0000, 0x0001, 0x0003), (0x0006,)), (2, 0x0105, (MULTISTATE,), ())],
    )
    send = _Frames(app, device)
    send(4, MULTISTATE, record(0x0055, UINT16, u16(0)))
    send(4, MULTISTATE, record(0x0055, UINT16, u16(255)))
    send(2, MULTISTATE, record(0x0055, UINT16, u16(3)))
    send(5, MULTISTATE, record(0x0055, UINT16, u16(1)))  # no fifth button
    assert recorder.of("action") == ["button_4_hold", "button_4_release", "button_2_triple"]


async def test_press_and_release_timed_into_click_hold_and_release(app: FakeApp) -> None:
    """WXKG01LM: short press a click; past hold_timeout a hold, its release a release."""
    device, handle, recorder = _setup(
        app, "lumi.sensor_switch", [(1, 0x0104, (0x0000, 0x0003, 0x0019), (ON_OFF,))]
    )
    send = _Frames(app, device)
    send(1, ON_OFF, record(0x0000, BOOL, b"\x00"))
    send(1, ON_OFF, record(0x0000, BOOL, b"\x01"))  # well within the default 1000 ms
    assert recorder.of("action") == ["single"]

    handle.set_options({"hold_timeout": 0})  # held at once: no real time passes
    send(1, ON_OFF, record(0x0000, BOOL, b"\x00"))
    await settle()
    send(1, ON_OFF, record(0x0000, BOOL, b"\x01"))
    assert recorder.of("action") == ["single", "hold", "release"]

    # A hold whose release never came is forgotten: a late release is nothing
    handle.set_options({"hold_timeout": 0, "hold_timeout_expire": 0})
    send(1, ON_OFF, record(0x0000, BOOL, b"\x00"))
    await settle()
    await settle()
    send(1, ON_OFF, record(0x0000, BOOL, b"\x01"))
    assert recorder.of("action") == ["single", "hold", "release", "hold"]

    send(1, ON_OFF, record(0x8000, UINT8, u8(4)))
    send(1, ON_OFF, record(0x8000, UINT8, u8(9)))
    assert recorder.of("action")[-2:] == ["quadruple", "many"]
    handle.stop()  # cancels a pending hold timer


async def test_mi_cube_gestures_tell_their_sides_and_angle(app: FakeApp) -> None:
    """MFKZQ01LM: the sides are published before the action that involved them."""
    endpoints: list[EndpointSpec] = [
        (1, 0x5F01, (0x0000, 0x0003, 0x0019, MULTISTATE), ()),
        (2, 0x5F02, (0x0003, MULTISTATE), ()),
        (3, 0x5F03, (0x0003, ANALOG), ()),
    ]
    device, handle, recorder = _setup(app, "lumi.sensor_cube.aqgl01", endpoints)
    send = _Frames(app, device)
    send(2, MULTISTATE, record(0x0055, UINT16, u16(64 + 8 * 2 + 5)))  # 90° from 2 to 5
    assert recorder.calls == [
        ("action_from_side", 2),
        ("action_to_side", 5),
        ("action_side", 5),
        ("side", 5),
        ("action", "flip90"),
    ]
    send(2, MULTISTATE, record(0x0055, UINT16, u16(512 + 3)))
    send(2, MULTISTATE, record(0x0055, UINT16, u16(2)))
    send(3, ANALOG, record(0x0055, FLOAT, f32(-45.678)))
    assert recorder.of("action")[1:] == ["tap", "wakeup", "rotate_left"]
    assert handle.values["side"] == 3
    assert handle.values["action_angle"] == -45.68  # floored to hundredths, as Zigbee2MQTT


async def test_cube_t1_pro_counts_sides_from_one(app: FakeApp) -> None:
    endpoints: list[EndpointSpec] = [
        (1, 0x0103, (0x0000, 0x0001, 0x0003, ON_OFF, MULTISTATE), (0x0019,)),
        (2, 0x0103, (MULTISTATE,), ()),
        (3, 0x0103, (ANALOG,), ()),
    ]
    device, handle, recorder = _setup(app, "lumi.remote.cagl02", endpoints)
    send = _Frames(app, device)
    send(2, MULTISTATE, record(0x0055, UINT16, u16(127 + 4)))  # 180° to side 4, from 3
    assert (handle.values["side"], handle.values["action_from_side"]) == (4, 3)
    send(1, 0xFCC0, record(0x0149, UINT8, u8(5)), manufacturer=LUMI)
    send(2, MULTISTATE, record(0x0055, UINT16, u16(1023 + 2)))
    send(2, MULTISTATE, record(0x0055, UINT16, u16(4)))
    assert recorder.of("action") == ["flip180", "side_up", "flip_to_side", "hold"]
    assert recorder.of("side") == [4, 6, 2]


async def test_knob_rotation_report_is_decoded_whole(app: FakeApp) -> None:
    """ZNXNKG02LM: the rotation event and the values of the same 0xFCC0 report."""
    device, handle, recorder = _setup(
        app, "lumi.remote.rkba01", [(1, 0x0104, (0x0000, 0x0001, 0x0003, MULTISTATE), ())]
    )
    send = _Frames(app, device)
    send(
        72,
        0xFCC0,
        record(0x023A, UINT8, u8(0x82))
        + record(0x022E, FLOAT, f32(-30.0))
        + record(0x0233, FLOAT, f32(12.5))
        + record(0x0231, 0x23, (450).to_bytes(4, "little")),
        manufacturer=LUMI,
    )
    send(1, MULTISTATE, record(0x0055, UINT16, u16(2)))
    assert recorder.of("action") == ["rotation", "double"]
    assert handle.values["action_rotation_button_state"] == "pressed"
    assert handle.values["action_rotation_angle"] == -30
    assert handle.values["action_rotation_percent"] == 12.5
    assert handle.values["action_rotation_time"] == 450


def _command(tsn: int, command: int, payload: bytes = b"") -> bytes:
    """A cluster command from the remote's client cluster (client to server)."""
    header = foundation.ZCLHeader(
        frame_control=foundation.FrameControl.cluster(
            direction=foundation.Direction.Client_to_Server
        ).replace(disable_default_response=1),
        tsn=tsn,
        command_id=command,
    )
    return header.serialize() + payload


async def test_opple_command_mode_commands_are_clicks(app: FakeApp) -> None:
    """WXCJKG13LM in command mode: Off/On, Step, Move/Stop and the colour temperature
    commands it sends its bound lights, named as Zigbee2MQTT names them."""
    device, _handle, recorder = _setup(
        app,
        "lumi.remote.b686opcn01",
        [(1, 0x0105, (0x0000, 0x0001, 0x0003), (0x0003, ON_OFF, 0x0008, 0x0300, 0x0019))],
    )
    frames = [
        (ON_OFF, _command(1, 0x00)),  # Off
        (ON_OFF, _command(2, 0x01)),  # On
        (0x0008, _command(3, 0x02, bytes([0, 51]) + u16(10))),  # Step down
        (0x0008, _command(4, 0x01, bytes([1, 40]))),  # Move up: held
        (0x0008, _command(5, 0x03)),  # Stop: released
        (0x0300, _command(6, 0x4C, bytes([1]) + u16(69) + u16(7) + u16(0) + u16(0))),
        (0x0300, _command(7, 0x4B, bytes([3]) + u16(15) + u16(0) + u16(0))),  # held
        (0x0300, _command(8, 0x4B, bytes([0]) + u16(0) + u16(0) + u16(0))),  # stopped
        (0x0008, _command(9, 0x03)),  # a stop with nothing held: no release
    ]
    for cluster, frame in frames:
        app.packet_received(make_packet(device, 1, cluster, frame))
    assert recorder.of("action") == [
        "button_1_single",
        "button_2_single",
        "button_4_single",
        "button_3_hold",
        "button_3_release",
        "button_5_single",
        "button_6_hold",
        "button_6_release",
    ]


async def test_identify_for_the_configured_seconds(app: FakeApp) -> None:
    """WXKG11LM's identify: Identify (0x00) with identify_timeout seconds, 3 when unset."""
    _device, handle, _recorder = _setup(
        app, "lumi.remote.b1acn01", [(1, 0x0103, (0x0000, 0x0003, MULTISTATE), (0x0000,))]
    )
    await handle.async_write("identify", "identify")
    handle.set_options({"identify_timeout": 12})
    await handle.async_write("identify", "identify")
    sent = [frame for frame in app.radio.sent if frame.packet.cluster_id == 0x0003]
    assert [(frame.header.command_id, frame.payload) for frame in sent] == [
        (0x00, u16(3)),
        (0x00, u16(12)),
    ]
