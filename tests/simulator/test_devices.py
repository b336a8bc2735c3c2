"""Simulated Lumi devices behave like the real units (driven through a capture air)."""

from __future__ import annotations

import json
import struct

import pytest

from custom_components.aqara_zigbee.simulator import tlv
from custom_components.aqara_zigbee.simulator.air import AddressMode
from custom_components.aqara_zigbee.simulator.behaviours import Metering
from custom_components.aqara_zigbee.simulator.behaviours.prevent_reset import (
    PREVENT_RESET_ANSWER,
    PREVENT_RESET_REPORT,
)
from custom_components.aqara_zigbee.simulator.clock import SimClock
from custom_components.aqara_zigbee.simulator.clusters import (
    ANALOG_INPUT,
    BASIC,
    GROUPS,
    IDENTIFY,
    LUMI_CLUSTER,
    MULTISTATE_INPUT,
    ON_OFF,
    OTA,
)
from custom_components.aqara_zigbee.simulator.device import TwinDevice
from custom_components.aqara_zigbee.simulator.models import (
    DEFAULT_MODELS,
    TWINS,
    resolve_model,
    stable_ieee,
    stable_nwk,
)
from custom_components.aqara_zigbee.simulator.zcl import (
    LUMI_MANUFACTURER_CODE,
    AttributeValue,
    DataType,
    FrameType,
    GeneralCommand,
    ReportingConfig,
    SimpleDescriptor,
    Status,
    ZdoCluster,
    ZdoStatus,
    decode_default_response,
    encode_attribute_ids,
    encode_configure_reporting,
)
from custom_components.aqara_zigbee.simulator.zdo_responder import ieee_from_str, ieee_to_str
from tests.simulator.device_helpers import (
    CaptureAir,
    make_device,
    read_attributes,
    send_zcl,
    send_zdo,
    write_attributes,
)

MFR = LUMI_MANUFACTURER_CODE


def _active_endpoints(device: TwinDevice, air: CaptureAir) -> list[int]:
    (answer,) = send_zdo(device, air, ZdoCluster.ACTIVE_EP_REQ, struct.pack("<H", device.nwk))
    assert answer.cluster == 0x8005
    assert answer.dst == 0x0000
    body = answer.payload[1:]
    assert body[0] == ZdoStatus.SUCCESS
    assert struct.unpack_from("<H", body, 1)[0] == device.nwk
    return list(body[4 : 4 + body[3]])


def _simple_descriptor(device: TwinDevice, air: CaptureAir, ep: int) -> SimpleDescriptor | int:
    (answer,) = send_zdo(
        device, air, ZdoCluster.SIMPLE_DESC_REQ, struct.pack("<HB", device.nwk, ep)
    )
    assert answer.cluster == 0x8004
    body = answer.payload[1:]
    if body[0] != ZdoStatus.SUCCESS:
        return body[0]
    return SimpleDescriptor.decode(body[4 : 4 + body[3]])


def _relay_reports(air: CaptureAir, ep: int = 1) -> list[object]:
    return [value.value for _f, _h, value in air.reports(ON_OFF, ep) if value.attr == 0x0000]


def _button_events(air: CaptureAir) -> list[tuple[int, object]]:
    return [
        (frame.src_ep, value.value)
        for frame, _h, value in air.reports(MULTISTATE_INPUT)
        if value.attr == 0x0055
    ]


# -- identity and descriptors -------------------------------------------------------------


def test_registry_and_stable_addresses() -> None:
    assert set(DEFAULT_MODELS) <= set(TWINS)
    assert resolve_model("WS-USC02").zigbee_model == "lumi.switch.b2laus01"
    assert stable_ieee("lumi.plug", 0) == stable_ieee("ZNCZ02LM", 0)
    assert stable_ieee("lumi.plug", 0) != stable_ieee("lumi.plug", 1)
    assert ieee_to_str(stable_ieee("lumi.plug", 0)).startswith("00:15:8d:")
    assert ieee_to_str(stable_ieee("lumi.plug.mmeu01", 0)).startswith("04:cf:8c:")
    assert ieee_to_str(stable_ieee("lumi.switch.b1nc01", 0)).startswith("54:ef:44:")
    text = ieee_to_str(stable_ieee("lumi.switch.l0agl1", 3))
    assert ieee_from_str(text) == stable_ieee("lumi.switch.l0agl1", 3)
    assert 0 < stable_nwk("lumi.plug", 0) < 0xFFF8
    assert stable_nwk("lumi.plug", 0, {stable_nwk("lumi.plug", 0)}) != stable_nwk("lumi.plug", 0)
    with pytest.raises(ValueError, match="unknown model"):
        resolve_model("lumi.nothing")


def test_ws_usc02_hides_button_endpoints_and_fcc0() -> None:
    device, air, _ = make_device("lumi.switch.b2laus01")
    assert _active_endpoints(device, air) == [1, 2]
    ep1 = _simple_descriptor(device, air, 1)
    assert isinstance(ep1, SimpleDescriptor)
    assert ep1.in_clusters == (0x0000, 0x0002, 0x0003, 0x0004, 0x0005, 0x0006, 0x0009)
    assert ep1.out_clusters == (0x000A, 0x0019)
    assert LUMI_CLUSTER not in ep1.in_clusters
    assert MULTISTATE_INPUT not in ep1.in_clusters
    assert _simple_descriptor(device, air, 41) == ZdoStatus.NOT_ACTIVE
    # ...yet FCC0 answers on endpoint 1 (with the manufacturer code).
    records = read_attributes(device, air, 1, LUMI_CLUSTER, [0x0200], manufacturer=MFR)
    assert records[0x0200].status == Status.SUCCESS


def test_node_descriptors() -> None:
    for model, logical_type, mac in (
        ("lumi.switch.b2laus01", 2, 0x80),
        ("lumi.switch.l0agl1", 2, 0x80),
        ("lumi.switch.b1nc01", 1, 0x8E),
        ("lumi.plug.mmeu01", 1, 0x8E),
    ):
        device, air, _ = make_device(model)
        (answer,) = send_zdo(device, air, ZdoCluster.NODE_DESC_REQ, struct.pack("<H", device.nwk))
        body = answer.payload[1:]
        assert answer.cluster == 0x8002
        assert body[0] == ZdoStatus.SUCCESS
        descriptor = body[3:]
        assert len(descriptor) == 13
        assert descriptor[0] & 0x07 == logical_type, model
        assert descriptor[1] == 0x40  # 2.4 GHz
        assert descriptor[2] == mac, model
        assert struct.unpack_from("<H", descriptor, 3)[0] == MFR
        assert device.node.rx_on_when_idle == bool(mac & 0x08)
        assert device.node.is_router == (logical_type == 1)


def test_plug_descriptors() -> None:
    plug, air, _ = make_device("lumi.plug")
    assert _active_endpoints(plug, air) == [1, 2, 3]
    ep1 = _simple_descriptor(plug, air, 1)
    ep2 = _simple_descriptor(plug, air, 2)
    assert isinstance(ep1, SimpleDescriptor)
    assert isinstance(ep2, SimpleDescriptor)
    assert ep1.device_type == 0x0051
    assert ep1.in_clusters == (0, 1, 2, 3, 4, 5, 6, 0x000A, 0x0010)
    assert LUMI_CLUSTER not in ep1.in_clusters
    assert (ep2.device_type, ep2.in_clusters) == (0x0009, (ANALOG_INPUT,))

    eu_plug, air, _ = make_device("lumi.plug.mmeu01")
    assert _active_endpoints(eu_plug, air) == [1, 21, 242]
    eu_ep1 = _simple_descriptor(eu_plug, air, 1)
    assert isinstance(eu_ep1, SimpleDescriptor)
    assert eu_ep1.in_clusters == (0, 2, 3, 4, 5, 6, LUMI_CLUSTER)


@pytest.mark.parametrize("model", DEFAULT_MODELS)
def test_basic_attributes(model: str) -> None:
    device, air, _ = make_device(model)
    records = read_attributes(device, air, 1, BASIC, [0x0004, 0x0005, 0x0007, 0x4000, 0x0001])
    assert records[0x0004].value == "LUMI"
    assert records[0x0004].type_id == DataType.CHAR_STRING
    assert records[0x0005].value == model
    assert records[0x0007].value == 0x01
    assert isinstance(records[0x4000].value, str)
    assert records[0x4000].value
    assert records[0x0001].type_id == DataType.UINT8


def test_unknown_attribute_and_cluster() -> None:
    device, air, _ = make_device("lumi.switch.b1nc01")
    records = read_attributes(device, air, 1, BASIC, [0x1234])
    assert records[0x1234].status == Status.UNSUPPORTED_ATTRIBUTE
    ((_frame, decoded),) = send_zcl(
        device, air, 1, 0x0300, GeneralCommand.READ_ATTRIBUTES, encode_attribute_ids([0])
    )
    assert decoded.header.command == GeneralCommand.DEFAULT_RESPONSE
    assert decode_default_response(decoded.payload) == (0x00, Status.UNSUPPORTED_CLUSTER)
    # Frames for endpoints the device does not have are dropped silently.
    assert send_zcl(device, air, 7, BASIC, GeneralCommand.READ_ATTRIBUTES, b"\x04\x00") == []


def test_ota_client_attribute_read() -> None:
    device, air, _ = make_device("lumi.switch.b2laus01")
    answers = send_zcl(
        device,
        air,
        1,
        OTA,
        GeneralCommand.READ_ATTRIBUTES,
        encode_attribute_ids([0x0002]),
        server_to_client=True,
    )
    ((_frame, decoded),) = answers
    # The reply to a server->client request flips the direction bit back.
    assert decoded.header.server_to_client is False
    assert decoded.payload[:3] == b"\x02\x00\x00"
    assert struct.unpack_from("<I", decoded.payload, 4)[0] == 32


# -- 0xFCC0 ----------------------------------------------------------------------------------


def test_fcc0_requires_manufacturer_code() -> None:
    device, air, _ = make_device("lumi.switch.b2laus01")
    without = read_attributes(device, air, 1, LUMI_CLUSTER, [0x0200, 0x0004])
    assert without[0x0200].status == Status.UNSUPPORTED_ATTRIBUTE
    assert without[0x0004].status == Status.UNSUPPORTED_ATTRIBUTE
    wrong = read_attributes(device, air, 1, LUMI_CLUSTER, [0x0200], manufacturer=0x1234)
    assert wrong[0x0200].status == Status.UNSUPPORTED_ATTRIBUTE
    statuses = write_attributes(
        device, air, 1, LUMI_CLUSTER, [AttributeValue(0x0200, DataType.UINT8, 0)]
    )
    assert statuses[0].status == Status.UNSUPPORTED_ATTRIBUTE
    assert device.operation_mode[1] == 1


def test_fcc0_read_write_with_manufacturer_code() -> None:
    device, air, _ = make_device("lumi.switch.b2laus01")
    records = read_attributes(
        device, air, 1, LUMI_CLUSTER, [0x0200, 0x0004, 0x0201, 0x00F0, 0x0009], manufacturer=MFR
    )
    assert records[0x0200].value == 1  # control_relay
    assert records[0x0004].value == 4  # anti_flicker
    assert records[0x0004].type_id == DataType.UINT16
    assert records[0x0201].type_id == DataType.BOOL
    assert records[0x0009].value == 0  # event mode off until the hub enables it

    statuses = write_attributes(
        device,
        air,
        2,
        LUMI_CLUSTER,
        [AttributeValue(0x0200, DataType.UINT8, 0)],
        manufacturer=MFR,
    )
    assert [s.status for s in statuses] == [Status.SUCCESS]
    assert device.operation_mode == {1: 1, 2: 0}
    assert (
        read_attributes(device, air, 2, LUMI_CLUSTER, [0x0200], manufacturer=MFR)[0x0200].value == 0
    )

    statuses = write_attributes(
        device,
        air,
        1,
        LUMI_CLUSTER,
        [
            AttributeValue(0x0004, DataType.UINT16, 1),
            AttributeValue(0x00F0, DataType.UINT8, 1),
            AttributeValue(0x0201, DataType.UINT8, 1),  # wrong type: pom is a bool
            AttributeValue(0x0002, DataType.UINT8, 9),  # read-only counter
            AttributeValue(0x0004, DataType.UINT16, 7),  # not a valid mode
        ],
        manufacturer=MFR,
    )
    assert [(s.status, s.attr) for s in statuses] == [
        (Status.INVALID_DATA_TYPE, 0x0201),
        (Status.READ_ONLY, 0x0002),
        (Status.INVALID_VALUE, 0x0004),
    ]
    assert device.setting("mode_switch") == "quick_mode"
    assert device.setting("flip_indicator_light") == "ON"


def test_write_response_header_flips_direction_and_keeps_code() -> None:
    device, air, _ = make_device("lumi.switch.b1nc01")
    answers = send_zcl(
        device,
        air,
        1,
        LUMI_CLUSTER,
        GeneralCommand.WRITE_ATTRIBUTES,
        b"\x09\x00\x20\x01",
        manufacturer=MFR,
        disable_default_response=True,
    )
    ((frame, decoded),) = answers
    assert decoded.header.manufacturer == MFR
    assert decoded.header.server_to_client is True
    assert decoded.header.command == GeneralCommand.WRITE_ATTRIBUTES_RESPONSE
    assert decoded.payload == b"\x00"
    assert (frame.src_ep, frame.cluster) == (1, LUMI_CLUSTER)


def test_write_no_response_and_undivided() -> None:
    device, air, _ = make_device("lumi.switch.b1nc01")
    answers = send_zcl(
        device,
        air,
        1,
        LUMI_CLUSTER,
        GeneralCommand.WRITE_ATTRIBUTES_NO_RESPONSE,
        b"\x00\x02\x20\x00",
        manufacturer=MFR,
    )
    assert answers == []
    assert device.operation_mode[1] == 0
    # Undivided: one bad record means nothing is written.
    answers = send_zcl(
        device,
        air,
        1,
        LUMI_CLUSTER,
        GeneralCommand.WRITE_ATTRIBUTES_UNDIVIDED,
        b"\x00\x02\x20\x01" + b"\x01\x02\x20\x01",
        manufacturer=MFR,
    )
    ((_frame, decoded),) = answers
    assert decoded.payload == bytes([Status.INVALID_DATA_TYPE, 0x01, 0x02])  # failures only
    assert device.operation_mode[1] == 0


def test_ssm_u02_switch_type() -> None:
    device, air, _ = make_device("lumi.switch.l0agl1")
    records = read_attributes(device, air, 1, LUMI_CLUSTER, [0x000A, 0x00FC], manufacturer=MFR)
    assert records[0x000A].value == 1
    assert records[0x00FC].type_id == DataType.BOOL
    statuses = write_attributes(
        device,
        air,
        1,
        LUMI_CLUSTER,
        [AttributeValue(0x000A, DataType.UINT8, 2)],
        manufacturer=MFR,
    )
    assert statuses[0].status == Status.SUCCESS
    assert device.setting("switch_type") == "momentary"


# -- relays and buttons ---------------------------------------------------------------------


def test_on_off_commands_report_and_answer() -> None:
    device, air, _ = make_device("lumi.switch.b2laus01")
    answers = send_zcl(device, air, 2, ON_OFF, 0x01, frame_type=FrameType.CLUSTER)
    assert device.relays == {1: False, 2: True}
    reports = [d for _f, d in answers if d.header.command == GeneralCommand.REPORT_ATTRIBUTES]
    defaults = [d for _f, d in answers if d.header.command == GeneralCommand.DEFAULT_RESPONSE]
    assert reports[0].values == [AttributeValue(0x0000, DataType.BOOL, True)]
    assert reports[0].header.frame_control == 0x18
    assert decode_default_response(defaults[0].payload) == (0x01, Status.SUCCESS)
    assert defaults[0].header.server_to_client

    air.clear()
    answers = send_zcl(
        device, air, 2, ON_OFF, 0x02, frame_type=FrameType.CLUSTER, disable_default_response=True
    )
    assert device.relays[2] is False
    assert [d.header.command for _f, d in answers] == [GeneralCommand.REPORT_ATTRIBUTES]
    answers = send_zcl(device, air, 1, ON_OFF, 0x42, frame_type=FrameType.CLUSTER)
    assert decode_default_response(answers[-1][1].payload) == (0x42, Status.UNSUP_CLUSTER_COMMAND)


def test_decoupled_press_sends_only_the_button_event() -> None:
    device, air, _ = make_device("lumi.switch.b2laus01")
    device.operation_mode[1] = 0
    device.press("top", "single")
    assert device.relays == {1: False, 2: False}
    assert _relay_reports(air) == []
    assert _button_events(air) == [(41, 1)]
    report = air.reports(MULTISTATE_INPUT)[0]
    assert report[1].manufacturer is None
    assert report[2].type_id == DataType.UINT16

    device.event_mode = 1
    air.clear()
    device.press("top", "double")
    assert _button_events(air) == [(41, 2)]
    assert device.relays[1] is False


def test_control_relay_press_toggles_and_sends_event() -> None:
    device, air, _ = make_device("lumi.switch.b2laus01")
    device.press("bottom", "single")
    assert device.relays == {1: False, 2: True}
    assert _relay_reports(air, 2) == [True]
    assert _button_events(air) == [(42, 1)]

    air.clear()
    device.operation_mode[2] = 0
    device.press("both")
    assert device.relays == {1: True, 2: True}  # only the control_relay channel toggles
    assert _button_events(air) == [(51, 1)]


def test_multi_click_needs_event_mode() -> None:
    device, air, clock = make_device("lumi.switch.b2laus01")
    device.operation_mode[1] = 0
    device.press("top", "double")
    clock.advance_sync(1)
    assert _button_events(air) == [(41, 1), (41, 1)]  # seen as two single presses

    air.clear()
    status = write_attributes(
        device,
        air,
        1,
        LUMI_CLUSTER,
        [AttributeValue(0x0009, DataType.UINT8, 1)],
        manufacturer=MFR,
    )
    assert status[0].status == Status.SUCCESS
    air.clear()
    device.press("top", "double")
    device.press("top", "triple")
    assert _button_events(air) == [(41, 2), (41, 3)]


def test_hold_then_release() -> None:
    device, air, clock = make_device("lumi.switch.b1nc01")
    device.press("main", "hold")
    assert _button_events(air) == [(41, 0)]
    clock.advance_sync(1.0)
    assert _button_events(air) == [(41, 0), (41, 255)]
    assert device.relays[1] is False


def test_qbkg40lm_press_in_both_modes() -> None:
    device, air, _ = make_device("lumi.switch.b1nc01")
    device.press()
    assert device.relays[1] is True
    assert _relay_reports(air) == [True]
    assert _button_events(air) == [(41, 1)]
    device.operation_mode[1] = 0
    air.clear()
    device.press(kind="double")
    assert _button_events(air) == [(41, 2)]
    assert _relay_reports(air) == []


def test_button_events_can_move_to_another_endpoint() -> None:
    """A firmware variant may send the click from another endpoint; nothing else changes."""
    device, air, _ = make_device("lumi.switch.b1nc01")
    device.move_button_events("main", 1)
    device.press()
    assert _button_events(air) == [(1, 1)]
    assert device.relays[1] is True
    # Per device: another twin of the same model keeps the model's endpoint
    other, other_air, _ = make_device("lumi.switch.b1nc01")
    other.press()
    assert _button_events(other_air) == [(41, 1)]


def test_wall_module_and_plug_buttons_toggle_without_events() -> None:
    for model in ("lumi.switch.l0agl1", "lumi.plug"):
        device, air, clock = make_device(model)
        device.press()
        assert device.relays[1] is True
        assert _button_events(air) == []
        device.press(kind="double")
        clock.advance_sync(1)
        assert device.relays[1] is True  # toggled twice
        assert _relay_reports(air) == [True, False, True]


def test_unknown_button_is_an_error() -> None:
    device, _air, _ = make_device("lumi.switch.b2laus01")
    with pytest.raises(ValueError, match="no button"):
        device.press("middle")
    with pytest.raises(ValueError, match="quadruple"):
        device.press("top", "quadruple")


# -- prevent reset --------------------------------------------------------------------------


def _prevent_reset_reports(air: CaptureAir) -> list[tuple[int, object, int | None]]:
    return [
        (frame.src_ep, value.value, header.manufacturer)
        for frame, header, value in air.reports(BASIC)
        if value.attr == 0xFFF0
    ]


def test_prevent_reset_answered_keeps_the_device() -> None:
    device, air, clock = make_device("lumi.switch.b2laus01")
    left: list[bool] = []
    device.on_leave = lambda: left.append(True)
    device.press("top", "long")
    assert _prevent_reset_reports(air) == [(1, PREVENT_RESET_REPORT, MFR)]
    assert PREVENT_RESET_REPORT.startswith(bytes.fromhex("aa10054187"))
    assert device.prevent_reset_answered is False
    statuses = write_attributes(
        device,
        air,
        1,
        BASIC,
        [AttributeValue(0xFFF0, DataType.OCTET_STRING, PREVENT_RESET_ANSWER)],
        manufacturer=MFR,
    )
    assert statuses[0].status == Status.SUCCESS
    assert device.prevent_reset_answered is True
    clock.advance_sync(30)
    assert device.joined
    assert left == []


def test_prevent_reset_unanswered_resets_and_leaves() -> None:
    device, air, clock = make_device("lumi.switch.b1nc01")
    left: list[bool] = []
    device.on_leave = lambda: left.append(True)
    device.operation_mode[1] = 0
    device.press(kind="long")
    assert len(_prevent_reset_reports(air)) == 1
    clock.advance_sync(30)
    assert device.prevent_reset_answered is False
    assert not device.joined
    assert left == [True]
    assert device.operation_mode[1] == 1  # settings back to defaults


def test_prevent_reset_answer_needs_manufacturer_code() -> None:
    device, air, _ = make_device("lumi.switch.b1nc01")
    device.press(kind="long")
    statuses = write_attributes(
        device, air, 1, BASIC, [AttributeValue(0xFFF0, DataType.OCTET_STRING, PREVENT_RESET_ANSWER)]
    )
    assert statuses[0].status == Status.UNSUPPORTED_ATTRIBUTE
    assert device.prevent_reset_answered is False


# -- power cycles ---------------------------------------------------------------------------


@pytest.mark.parametrize(("memory", "expected"), [(True, True), (False, False)])
def test_power_cycle_restores_relay_per_memory(memory: bool, expected: bool) -> None:
    device, air, _ = make_device("lumi.switch.b1nc01")
    write_attributes(
        device,
        air,
        1,
        LUMI_CLUSTER,
        [AttributeValue(0x0201, DataType.BOOL, memory)],
        manufacturer=MFR,
    )
    device.set_relay(1, True)
    air.clear()
    device.power_cycle()
    assert device.relays[1] is expected
    assert device.power_outage_count == 1
    zdo = [frame for frame in air.frames if frame.profile == 0]
    assert [frame.cluster for frame in zdo] == [ZdoCluster.DEVICE_ANNCE]
    assert _relay_reports(air) == [expected]
    records = read_attributes(device, air, 1, LUMI_CLUSTER, [0x0002], manufacturer=MFR)
    assert records[0x0002].value == 1
    device.power_cycle()
    assert tlv.as_dict(device.heartbeat_payload())[5] == 3  # power-on counter = outages + 1


def test_powered_off_device_is_silent() -> None:
    device, air, _ = make_device("lumi.plug.mmeu01")
    device.power_off()
    assert send_zcl(device, air, 1, BASIC, GeneralCommand.READ_ATTRIBUTES, b"\x05\x00") == []
    device.press()
    assert air.frames == []
    device.power_on()
    assert device.power_outage_count == 1


def test_lumi_plug_power_outage_memory_handshake() -> None:
    plug, air, _ = make_device("lumi.plug")
    assert plug.power_outage_memory is False

    def write_fff0(data: str, manufacturer: int | None = MFR) -> Status:
        statuses = write_attributes(
            plug,
            air,
            1,
            BASIC,
            [AttributeValue(0xFFF0, DataType.OCTET_STRING, bytes.fromhex(data))],
            manufacturer=manufacturer,
        )
        return Status(statuses[0].status)

    assert write_fff0("aa8005d14707011001", None) == Status.UNSUPPORTED_ATTRIBUTE
    assert write_fff0("aa8005d14707011001") == Status.SUCCESS
    assert plug.power_outage_memory is False  # only the second frame commits
    assert write_fff0("aa8003d3070801") == Status.SUCCESS
    assert plug.power_outage_memory is True
    plug.set_relay(1, True)
    plug.power_cycle()
    assert plug.relays[1] is True
    assert write_fff0("aa8005d14709011000") == Status.SUCCESS
    assert write_fff0("aa8003d3070a01") == Status.SUCCESS
    assert plug.power_outage_memory is False
    plug.power_cycle()
    assert plug.relays[1] is False
    assert write_fff0("0102") == Status.INVALID_VALUE


# -- plug load model ------------------------------------------------------------------------


def _plug(model: str = "lumi.plug.mmeu01") -> tuple[TwinDevice, CaptureAir, SimClock]:
    device, air, clock = make_device(model)
    assert device.find(Metering) is not None
    return device, air, clock


def meter(plug: TwinDevice) -> Metering:
    """The plug's electrical side."""
    return plug.behaviour(Metering)


def _power_reports(air: CaptureAir, ep: int) -> list[object]:
    return [value.value for _f, _h, value in air.reports(ANALOG_INPUT, ep) if value.attr == 0x55]


def test_energy_accumulates_with_simulated_time() -> None:
    plug, air, clock = make_device("lumi.plug.mmeu01")
    plug.set_relay(1, True)
    plug.set_load(1000)
    assert _power_reports(air, 21)[-1] == 1000.0
    clock.advance_sync(3600)
    assert meter(plug).integrate() == pytest.approx(1.0)
    assert 228.0 <= meter(plug).voltage_v <= 232.0
    assert meter(plug).current_a == pytest.approx(1000 / meter(plug).voltage_v)
    beat = tlv.as_dict(plug.heartbeat_payload())
    assert beat[149] == pytest.approx(1.0, rel=1e-6)
    assert beat[152] == 1000.0
    assert beat[151] == pytest.approx(meter(plug).current_a * 1000, rel=1e-6)
    assert 2280 <= float(beat[150]) <= 2320  # type: ignore[arg-type]
    # No energy while the relay is off.
    plug.set_relay(1, False)
    assert _power_reports(air, 21)[-1] == 0.0
    clock.advance_sync(3600)
    assert meter(plug).integrate() == pytest.approx(1.0)


def test_lumi_plug_reports_power_and_energy_endpoints() -> None:
    plug, air, clock = _plug("lumi.plug")
    plug.set_relay(1, True)
    plug.set_load(60)
    assert _power_reports(air, 2) == [60.0]
    clock.advance_sync(600)  # periodic reports every 5 simulated minutes
    assert _power_reports(air, 2)[-1] == 60.0
    energy = _power_reports(air, 3)
    assert energy
    assert energy[-1] == pytest.approx(60 * 600 / 3_600_000, rel=1e-3)
    records = read_attributes(plug, air, 2, ANALOG_INPUT, [0x0055])
    assert records[0x0055].value == 60.0


def test_consumer_connected_is_reported() -> None:
    plug, air, _ = _plug()
    plug.set_load(5)
    reports = [(h.manufacturer, v) for _f, h, v in air.reports(LUMI_CLUSTER) if v.attr == 0x0207]
    assert reports == [(MFR, AttributeValue(0x0207, DataType.BOOL, True))]
    records = read_attributes(plug, air, 1, LUMI_CLUSTER, [0x0207], manufacturer=MFR)
    assert records[0x0207].value is True


def test_overload_protection_trips_the_relay() -> None:
    plug, air, _ = _plug()
    statuses = write_attributes(
        plug,
        air,
        1,
        LUMI_CLUSTER,
        [AttributeValue(0x020B, DataType.FLOAT, 50.0)],
        manufacturer=MFR,
    )
    assert statuses[0].status == Status.INVALID_VALUE  # 100..2300 W
    statuses = write_attributes(
        plug,
        air,
        1,
        LUMI_CLUSTER,
        [AttributeValue(0x020B, DataType.FLOAT, 500.0)],
        manufacturer=MFR,
    )
    assert statuses[0].status == Status.SUCCESS
    plug.set_relay(1, True)
    plug.set_load(400)
    assert plug.relays[1] is True
    air.clear()
    plug.set_load(800)
    assert plug.relays[1] is False
    assert meter(plug).overload_trips == 1
    assert _relay_reports(air) == [False]
    # Switching on again with the load still attached trips at once.
    air.clear()
    plug.set_relay(1, True)
    assert plug.relays[1] is False
    assert _relay_reports(air) == [True, False]


def test_auto_off_after_twenty_idle_minutes() -> None:
    plug, air, clock = _plug()
    write_attributes(
        plug,
        air,
        1,
        LUMI_CLUSTER,
        [AttributeValue(0x0202, DataType.BOOL, True)],
        manufacturer=MFR,
    )
    plug.set_relay(1, True)
    plug.set_load(1.5)
    clock.advance_sync(19 * 60)
    assert plug.relays[1] is True
    plug.set_load(1.0)  # still idle: the timer keeps running
    clock.advance_sync(61)
    assert plug.relays[1] is False
    assert meter(plug).auto_off_trips == 1

    # A real load keeps it on; going idle restarts the 20 minutes.
    plug.set_relay(1, True)
    plug.set_load(100)
    clock.advance_sync(40 * 60)
    assert plug.relays[1] is True
    plug.set_load(0.5)
    clock.advance_sync(19 * 60)
    assert plug.relays[1] is True
    clock.advance_sync(2 * 60)
    assert plug.relays[1] is False


def test_auto_off_disabled_by_default() -> None:
    plug, _air, clock = _plug()
    plug.set_relay(1, True)
    clock.advance_sync(3 * 3600)
    assert plug.relays[1] is True


# -- heartbeats -----------------------------------------------------------------------------


def test_zncz04lm_heartbeat_matches_real_payload() -> None:
    plug, air, _ = _plug()
    plug.temperature = 26
    meter(plug).energy_kwh = struct.unpack("<f", bytes.fromhex("441d343f"))[0]
    meter(plug).voltage_override = 236.0
    expected = bytes.fromhex(
        "641000"
        "03281a"
        "983900000000"
        "9539441d343f"
        "963900801345"
        "973900000000"
        "05210100"
        "9a2000"
        "08211601"
        "07270000000000000000"
        "09210004"
        "0b2000"
        "9b1000"
    )
    assert plug.heartbeat_payload() == expected
    plug.send_heartbeat()
    ((frame, header, value),) = air.reports(LUMI_CLUSTER)
    assert header.frame_control == 0x1C  # global, manufacturer specific, s->c, no default rsp
    assert header.manufacturer == MFR
    assert (value.attr, value.type_id, value.value) == (0x00F7, DataType.OCTET_STRING, expected)
    assert frame.src_ep == 1


def test_ssm_u02_heartbeat_matches_real_payload() -> None:
    device, _air, _ = make_device("lumi.switch.l0agl1")
    device.temperature = 22
    device.power_on_count = 2
    assert tlv.as_dict(device.heartbeat_payload()) == {
        3: 22,
        100: False,
        5: 2,
        8: 278,
        154: 0,
        10: 0,
        11: 0,
    }
    assert device.heartbeat_payload() == bytes.fromhex(
        "03281664100005210200082116019a20000a2100000b2000"
    )


def test_ws_usc02_heartbeat_extends_the_ws_usc01_layout() -> None:
    device, _air, _ = make_device("lumi.switch.b2laus01")
    device.temperature = 24
    device.power_on_count = 5
    device.parent_nwk = 0x84AD
    entries = tlv.decode(device.heartbeat_payload())
    usc01_like = [entry for entry in entries if entry[0] not in (101, 4)]
    single_gang = tlv.encode(usc01_like)
    assert single_gang == bytes.fromhex("641000032818052105009a2000082120010a21ad840b2000")
    values = tlv.as_dict(device.heartbeat_payload())
    assert values[101] is False
    assert values[4] == 4  # mode_switch anti_flicker


def test_lumi_plug_heartbeat_is_a_basic_char_string() -> None:
    plug, air, _ = _plug("lumi.plug")
    plug.set_relay(1, True)
    plug.set_temperature(31.4)
    meter(plug).voltage_override = 229.7
    air.clear()
    plug.send_heartbeat()
    ((_frame, header, value),) = air.reports(BASIC)
    assert header.manufacturer == MFR
    assert (value.attr, value.type_id) == (0xFF01, DataType.CHAR_STRING)
    assert isinstance(value.value, str)
    raw = plug.heartbeat_payload()
    values = tlv.as_dict(raw)
    assert values[100] is True
    assert values[3] == 31
    assert values[150] == 2297
    assert tlv.decode(raw)[4][1] == DataType.UINT32  # voltage is an integer on lumi.plug


def test_periodic_heartbeats_follow_the_clock() -> None:
    device, air, clock = make_device("lumi.switch.b1nc01")
    assert device.heartbeat_interval == pytest.approx(3300)
    clock.advance_sync(3 * 3300)
    beats = [v for _f, _h, v in air.reports(LUMI_CLUSTER) if v.attr == 0x00F7]
    assert len(beats) == 3


def test_device_temperature() -> None:
    device, air, _ = make_device("lumi.plug.mmeu01")
    device.set_temperature(41.6)
    records = read_attributes(device, air, 1, 0x0002, [0x0000])
    assert records[0].value == 42  # whole degrees, not hundredths
    assert tlv.as_dict(device.heartbeat_payload())[3] == 42


def test_link_quality_is_stamped_on_frames() -> None:
    device, air, _ = make_device("lumi.switch.b1nc01")
    device.set_link_quality(87)
    device.press()
    assert {frame.lqi for frame in air.frames} == {87}
    with pytest.raises(ValueError, match="lqi"):
        device.set_link_quality(300)


# -- groups, identify, leave, reporting ----------------------------------------------------


def test_plugs_answer_group_zero_until_removed() -> None:
    for model in ("lumi.plug", "lumi.plug.mmeu01"):
        plug, air, _ = make_device(model)
        send_zcl(
            plug,
            air,
            1,
            ON_OFF,
            0x01,
            frame_type=FrameType.CLUSTER,
            dst_mode=AddressMode.GROUP,
            dst=0x0000,
        )
        assert plug.relays[1] is True, model

        answers = send_zcl(plug, air, 1, GROUPS, 0x02, b"\x00", frame_type=FrameType.CLUSTER)
        ((_frame, decoded),) = answers
        assert decoded.header.command == 0x02
        assert decoded.payload[1:] == b"\x01\x00\x00"  # one group: 0x0000

        answers = send_zcl(plug, air, 1, GROUPS, 0x03, b"\x00\x00", frame_type=FrameType.CLUSTER)
        assert answers[0][1].payload == b"\x00\x00\x00"  # SUCCESS, group 0
        answers = send_zcl(plug, air, 1, GROUPS, 0x03, b"\x00\x00", frame_type=FrameType.CLUSTER)
        assert answers[0][1].payload[0] == Status.NOT_FOUND
        send_zcl(
            plug,
            air,
            1,
            ON_OFF,
            0x00,
            frame_type=FrameType.CLUSTER,
            dst_mode=AddressMode.GROUP,
            dst=0x0000,
        )
        assert plug.relays[1] is True, model  # no longer a member


def test_switches_are_not_in_group_zero() -> None:
    device, air, _ = make_device("lumi.switch.b1nc01")
    send_zcl(
        device,
        air,
        1,
        ON_OFF,
        0x01,
        frame_type=FrameType.CLUSTER,
        dst_mode=AddressMode.GROUP,
        dst=0x0000,
    )
    assert device.relays[1] is False
    answers = send_zcl(device, air, 1, GROUPS, 0x00, b"\x05\x00\x00", frame_type=FrameType.CLUSTER)
    assert answers[0][1].payload == b"\x00\x05\x00"
    answers = send_zcl(device, air, 1, GROUPS, 0x00, b"\x05\x00\x00", frame_type=FrameType.CLUSTER)
    assert answers[0][1].payload[0] == Status.DUPLICATE_EXISTS
    assert device.groups[1] == {5}


def test_identify() -> None:
    device, air, clock = make_device("lumi.switch.b1nc01")
    send_zcl(device, air, 1, IDENTIFY, 0x00, b"\x05\x00", frame_type=FrameType.CLUSTER)
    assert device.identify_time == 5
    answers = send_zcl(device, air, 1, IDENTIFY, 0x01, frame_type=FrameType.CLUSTER)
    assert answers[0][1].payload == b"\x05\x00"
    clock.advance_sync(6)
    assert device.identify_time == 0


def test_mgmt_leave() -> None:
    device, air, _ = make_device("lumi.plug")
    left: list[bool] = []
    device.on_leave = lambda: left.append(True)
    (answer,) = send_zdo(device, air, ZdoCluster.MGMT_LEAVE_REQ, device.ieee + b"\x00")
    assert answer.cluster == 0x8034
    assert answer.payload == b"\x42\x00"
    assert left == [True]
    assert not device.joined


def test_bind_unbind_and_unknown_zdo() -> None:
    device, air, _ = make_device("lumi.switch.l0agl1")
    coordinator = bytes(range(8))
    request = device.ieee + b"\x01" + struct.pack("<H", ON_OFF) + b"\x03" + coordinator + b"\x01"
    (answer,) = send_zdo(device, air, ZdoCluster.BIND_REQ, request)
    assert (answer.cluster, answer.payload[1]) == (0x8021, ZdoStatus.SUCCESS)
    assert len(device.bindings) == 1
    (answer,) = send_zdo(device, air, ZdoCluster.UNBIND_REQ, request)
    assert (answer.cluster, answer.payload[1]) == (0x8022, ZdoStatus.SUCCESS)
    (answer,) = send_zdo(device, air, ZdoCluster.UNBIND_REQ, request)
    assert answer.payload[1] == ZdoStatus.NO_ENTRY
    (answer,) = send_zdo(device, air, ZdoCluster.MGMT_RTG_REQ, b"\x00")
    assert (answer.cluster, answer.payload[1]) == (0x8032, ZdoStatus.NOT_SUPPORTED)
    (answer,) = send_zdo(
        device, air, ZdoCluster.IEEE_ADDR_REQ, struct.pack("<HBB", device.nwk, 0, 0)
    )
    assert answer.payload[2:10] == device.ieee
    (answer,) = send_zdo(device, air, ZdoCluster.MGMT_LQI_REQ, b"\x00")
    assert answer.payload[1:] == b"\x00\x00\x00\x00"


def test_configure_reporting_and_periodic_reports() -> None:
    device, air, clock = make_device("lumi.switch.l0agl1")
    payload = encode_configure_reporting([ReportingConfig(0x0000, 0, DataType.BOOL, 0, 600)])
    answers = send_zcl(device, air, 1, ON_OFF, GeneralCommand.CONFIGURE_REPORTING, payload)
    ((_frame, decoded),) = answers
    assert decoded.header.command == GeneralCommand.CONFIGURE_REPORTING_RESPONSE
    assert decoded.payload == b"\x00"
    config = device.reporting_config(1, ON_OFF, 0x0000)
    assert config is not None
    assert config.max_interval == 600
    air.clear()
    clock.advance_sync(1800)
    assert _relay_reports(air) == [False, False, False]

    bad = encode_configure_reporting([ReportingConfig(0x0000, 0, DataType.UINT8, 0, 600, 1)])
    answers = send_zcl(device, air, 1, ON_OFF, GeneralCommand.CONFIGURE_REPORTING, bad)
    assert answers[0][1].payload == bytes([Status.INVALID_DATA_TYPE, 0, 0, 0])

    answers = send_zcl(
        device, air, 1, ON_OFF, GeneralCommand.READ_REPORTING_CONFIGURATION, b"\x00\x00\x00"
    )
    assert answers[0][1].payload == b"\x00\x00\x00\x00" + b"\x10\x00\x00\x58\x02"


def test_wrong_direction_reports_can_be_simulated() -> None:
    device, air, _ = make_device("lumi.switch.b2laus01")
    device.wrong_direction_clusters.add(MULTISTATE_INPUT)
    device.press("top")
    ((_frame, header, _value),) = air.reports(MULTISTATE_INPUT)
    assert header.server_to_client is False


def test_state_round_trip() -> None:
    plug, air, clock = _plug()
    plug.set_relay(1, True)
    plug.set_load(250)
    plug.power_outage_memory = True
    meter(plug).auto_off = True
    plug.power_cycle()
    send_zcl(plug, air, 1, GROUPS, 0x03, b"\x00\x00", frame_type=FrameType.CLUSTER)
    clock.advance_sync(3600)
    send_zcl(
        plug,
        air,
        1,
        ON_OFF,
        GeneralCommand.CONFIGURE_REPORTING,
        encode_configure_reporting([ReportingConfig(0x0000, 0, DataType.BOOL, 1, 900)]),
    )
    bind = plug.ieee + b"\x01" + struct.pack("<H", ON_OFF) + b"\x03" + bytes(range(8)) + b"\x01"
    send_zdo(plug, air, ZdoCluster.BIND_REQ, bind)
    state = plug.export_state()
    restored, _air2, _clock2 = make_device("lumi.plug.mmeu01", joined=False)
    restored.import_state(state)
    assert restored.relays[1] is True
    assert meter(restored).energy_kwh == pytest.approx(0.25)
    assert restored.power_outage_count == 1
    assert meter(restored).auto_off is True
    assert meter(restored).load_watts == 250
    assert restored.groups == {1: set()}
    assert restored.joined is True
    assert restored.bindings == plug.bindings
    restored_config = restored.reporting_config(1, ON_OFF, 0x0000)
    assert restored_config is not None
    assert restored_config.max_interval == 900
    json.dumps(state)  # plain JSON


def test_zncz02lm_is_the_old_plug() -> None:
    assert resolve_model("ZNCZ02LM").node_manufacturer_code == 0x1037
    plug, air, _ = _plug("lumi.plug")
    records = read_attributes(plug, air, 1, BASIC, [0x0006, 0x0000])
    assert records[0x0006].value == "02-28-2017"
    records = read_attributes(plug, air, 1, 0x0010, [0x0055])
    assert records[0x0055].value is False
    join_air = CaptureAir()
    fresh = TwinDevice(
        plug.twin, plug.zigbee_model, plug.ieee, plug.nwk, transmit=join_air, clock=plug.clock
    )
    fresh.on_joined()
    plug.clock.advance_sync(3)
    ((_frame, _header, model),) = [r for r in join_air.reports(BASIC) if r[2].attr == 5]
    assert model.value == "lumi.plug"


def test_less_common_zcl_requests() -> None:
    device, air, _ = make_device("lumi.plug.mmeu01")
    # Discover Attributes (manufacturer attributes only with the code).
    answers = send_zcl(device, air, 1, BASIC, GeneralCommand.DISCOVER_ATTRIBUTES, b"\x00\x00\x03")
    payload = answers[0][1].payload
    assert payload[0] == 0  # more to come
    assert payload[1:] == bytes.fromhex("000020010020020020")
    answers = send_zcl(
        device,
        air,
        1,
        LUMI_CLUSTER,
        GeneralCommand.DISCOVER_ATTRIBUTES,
        b"\x00\x02\x10",
        manufacturer=MFR,
    )
    payload = answers[0][1].payload
    assert payload[0] == 1
    assert [payload[i] | payload[i + 1] << 8 for i in range(1, len(payload), 3)] == [
        0x0201,
        0x0202,
        0x0203,
        0x0207,
        0x020B,
    ]
    # Read Reporting Configuration of an attribute nobody configured.
    answers = send_zcl(
        device, air, 1, ON_OFF, GeneralCommand.READ_REPORTING_CONFIGURATION, b"\x00\x00\x00"
    )
    assert answers[0][1].payload == bytes([Status.UNREPORTABLE_ATTRIBUTE, 0, 0, 0])
    # Unknown global and manufacturer-specific cluster commands.
    answers = send_zcl(device, air, 1, ON_OFF, 0x1F)
    assert decode_default_response(answers[0][1].payload) == (0x1F, Status.UNSUP_GENERAL_COMMAND)
    answers = send_zcl(device, air, 1, ON_OFF, 0x01, frame_type=FrameType.CLUSTER, manufacturer=MFR)
    assert decode_default_response(answers[0][1].payload)[1] == Status.UNSUP_MANUF_CLUSTER_COMMAND
    # OTA Image Notify to the client cluster: no immediate answer (the query comes later).
    assert (
        send_zcl(
            device,
            air,
            1,
            OTA,
            0x00,
            b"\x00\x64",
            frame_type=FrameType.CLUSTER,
            server_to_client=True,
            disable_default_response=True,
        )
        == []
    )
    # Malformed payloads get MALFORMED_COMMAND.
    answers = send_zcl(device, air, 1, BASIC, GeneralCommand.READ_ATTRIBUTES, b"\x05")
    assert decode_default_response(answers[0][1].payload)[1] == Status.MALFORMED_COMMAND
    # A broadcast to endpoint 0xFF reaches every endpoint serving the cluster, unanswered.
    assert send_zcl(
        device,
        air,
        0xFF,
        ON_OFF,
        0x01,
        frame_type=FrameType.CLUSTER,
        dst_mode=AddressMode.BROADCAST,
        dst=0xFFFF,
    ) == [
        answer
        for answer in air.zcl()[-1:]
        if answer[1].header.command == GeneralCommand.REPORT_ATTRIBUTES
    ]
    assert device.relays[1] is True


def test_groups_and_identify_details() -> None:
    device, air, clock = make_device("lumi.switch.b1nc01")
    answers = send_zcl(device, air, 1, GROUPS, 0x01, b"\x07\x00", frame_type=FrameType.CLUSTER)
    assert answers[0][1].payload == bytes([Status.NOT_FOUND, 7, 0, 0])
    send_zcl(device, air, 1, GROUPS, 0x05, b"\x07\x00\x00", frame_type=FrameType.CLUSTER)
    assert device.groups[1] == set()  # not identifying: not added
    send_zcl(device, air, 1, IDENTIFY, 0x00, b"\x0a\x00", frame_type=FrameType.CLUSTER)
    send_zcl(device, air, 1, GROUPS, 0x05, b"\x07\x00\x00", frame_type=FrameType.CLUSTER)
    assert device.groups[1] == {7}
    answers = send_zcl(device, air, 1, GROUPS, 0x01, b"\x07\x00", frame_type=FrameType.CLUSTER)
    assert answers[0][1].payload == bytes([Status.SUCCESS, 7, 0, 0])
    answers = send_zcl(
        device, air, 1, GROUPS, 0x02, b"\x02\x07\x00\x08\x00", frame_type=FrameType.CLUSTER
    )
    assert answers[0][1].payload == b"\xfe\x01\x07\x00"
    send_zcl(device, air, 1, GROUPS, 0x04, frame_type=FrameType.CLUSTER)
    assert device.groups[1] == set()
    answers = send_zcl(device, air, 1, IDENTIFY, 0x40, b"\x00\x00", frame_type=FrameType.CLUSTER)
    assert decode_default_response(answers[0][1].payload) == (0x40, Status.SUCCESS)
    clock.advance_sync(11)
    answers = send_zcl(device, air, 1, IDENTIFY, 0x01, frame_type=FrameType.CLUSTER)
    assert decode_default_response(answers[0][1].payload) == (0x01, Status.SUCCESS)
    # Identify time is writable too.
    statuses = write_attributes(device, air, 1, IDENTIFY, [AttributeValue(0, DataType.UINT16, 3)])
    assert statuses[0].status == Status.SUCCESS
    assert device.identify_time == 3


def test_less_common_zdo_requests() -> None:
    device, air, _ = make_device("lumi.plug")
    (answer,) = send_zdo(device, air, ZdoCluster.POWER_DESC_REQ, struct.pack("<H", device.nwk))
    assert answer.cluster == 0x8003
    (answer,) = send_zdo(device, air, ZdoCluster.NWK_ADDR_REQ, device.ieee + b"\x01\x00")
    assert answer.payload[2:10] == device.ieee
    assert answer.payload[-2:] == b"\x00\x00"  # extended answer: no associated devices
    assert send_zdo(device, air, ZdoCluster.NWK_ADDR_REQ, bytes(8) + b"\x00\x00") == []
    (answer,) = send_zdo(device, air, ZdoCluster.MGMT_PERMIT_JOINING_REQ, b"\x3c\x00")
    assert answer.payload[1] == ZdoStatus.SUCCESS
    (answer,) = send_zdo(device, air, ZdoCluster.MGMT_LEAVE_REQ, bytes(range(8)) + b"\x00")
    assert answer.payload[1] == ZdoStatus.NOT_SUPPORTED
    assert device.joined
    # A leave with rejoin keeps the device on the network.
    (answer,) = send_zdo(device, air, ZdoCluster.MGMT_LEAVE_REQ, device.ieee + b"\x80")
    assert answer.payload[1] == ZdoStatus.SUCCESS
    assert device.joined
    (answer,) = send_zdo(device, air, ZdoCluster.SIMPLE_DESC_REQ, struct.pack("<HB", device.nwk, 0))
    assert answer.payload[1] == ZdoStatus.INVALID_EP
    bind_group = device.ieee + b"\x01" + struct.pack("<H", ON_OFF) + b"\x01\x05\x00"
    (answer,) = send_zdo(device, air, ZdoCluster.BIND_REQ, bind_group)
    assert answer.payload[1] == ZdoStatus.SUCCESS
    assert device.bindings[0].dst == "5"
    (answer,) = send_zdo(device, air, ZdoCluster.BIND_REQ, bytes(8) + bind_group[8:])
    assert answer.payload[1] == ZdoStatus.NOT_SUPPORTED
