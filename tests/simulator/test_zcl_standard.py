"""The standard ZCL servers of the non-Aqara twins, driven frame by frame on a manual clock.

Expected bytes and values come from the ZCL specification (command payloads, attribute
units, reporting rules), stated here rather than taken from the simulator.
"""

from __future__ import annotations

import struct

import pytest

from custom_components.aqara_zigbee.simulator.air import AddressMode, ApsFrame
from custom_components.aqara_zigbee.simulator.behaviours import Groups, Identify
from custom_components.aqara_zigbee.simulator.behaviours.closures import WindowCovering
from custom_components.aqara_zigbee.simulator.clock import SimClock
from custom_components.aqara_zigbee.simulator.device import TwinDevice
from custom_components.aqara_zigbee.simulator.network import SimulatedNetwork
from custom_components.aqara_zigbee.simulator.profile import EndpointSpec, Twin
from custom_components.aqara_zigbee.simulator.zcl import (
    AttributeValue,
    DataType,
    DecodedFrame,
    FrameType,
    GeneralCommand,
    ReportingConfig,
    Status,
    ZclHeader,
    encode_configure_reporting,
)
from custom_components.aqara_zigbee.simulator.zdo_responder import Binding
from tests.simulator.device_helpers import (
    CaptureAir,
    make_device,
    read_attributes,
    send_zcl,
    write_attributes,
)

ON_OFF = 0x0006
LEVEL = 0x0008
COLOR = 0x0300
COVER = 0x0102
THERMOSTAT = 0x0201
TEMPERATURE = 0x0402
ILLUMINANCE = 0x0400
IAS_ZONE = 0x0500
POWER_CONFIG = 0x0001
METERING = 0x0702
ELECTRICAL = 0x0B04
CT_BULB = "TRADFRI bulb E27 WS opal 980lm"
PLUG = "INSPELNING Smart plug"
BLIND = "FYRTUR block-out roller blind"
REMOTE = "TRADFRI on/off switch"


def command(  # noqa: PLR0917  # mirrors the frame fields, in order
    device: TwinDevice,
    air: CaptureAir,
    ep: int,
    cluster: int,
    command_id: int,
    payload: bytes = b"",
) -> Status:
    """Send a cluster command (default response wanted); return its status."""
    answers = send_zcl(device, air, ep, cluster, command_id, payload, frame_type=FrameType.CLUSTER)
    defaults = [
        decoded
        for _frame, decoded in answers
        if decoded.header.command == GeneralCommand.DEFAULT_RESPONSE
    ]
    assert len(defaults) == 1, answers
    assert defaults[0].payload[0] == command_id
    return Status(defaults[0].payload[1])


def value(device: TwinDevice, air: CaptureAir, ep: int, cluster: int, attr: int) -> object:
    return read_attributes(device, air, ep, cluster, [attr])[attr].value


def reported(air: CaptureAir, cluster: int, attr: int) -> list[object]:
    return [item.value for _frame, _header, item in air.reports(cluster) if item.attr == attr]


def configure(
    device: TwinDevice, air: CaptureAir, ep: int, cluster: int, config: ReportingConfig
) -> None:
    answers = send_zcl(
        device,
        air,
        ep,
        cluster,
        GeneralCommand.CONFIGURE_REPORTING,
        encode_configure_reporting([config]),
    )
    ((_frame, decoded),) = answers
    assert decoded.payload == bytes([Status.SUCCESS])


# -- On/Off --------------------------------------------------------------------------------


def test_on_off_toggle_and_reports() -> None:
    device, air, _clock = make_device(CT_BULB)
    assert value(device, air, 1, ON_OFF, 0x0000) is False
    air.clear()
    assert command(device, air, 1, ON_OFF, 0x01) == Status.SUCCESS
    assert command(device, air, 1, ON_OFF, 0x02) == Status.SUCCESS  # toggle: off again
    assert command(device, air, 1, ON_OFF, 0x02) == Status.SUCCESS  # and on
    assert reported(air, ON_OFF, 0x0000) == [True, False, True]
    assert command(device, air, 1, ON_OFF, 0x00) == Status.SUCCESS
    assert value(device, air, 1, ON_OFF, 0x0000) is False
    assert command(device, air, 1, ON_OFF, 0x7F) == Status.UNSUP_CLUSTER_COMMAND


def test_on_with_timed_off() -> None:
    device, air, clock = make_device(PLUG)
    # control 0, on time 2.5 s, off wait 0 (tenths of a second)
    assert command(device, air, 1, ON_OFF, 0x42, struct.pack("<BHH", 0, 25, 0)) == Status.SUCCESS
    assert value(device, air, 1, ON_OFF, 0x0000) is True
    clock.advance_sync(2.4)
    assert value(device, air, 1, ON_OFF, 0x0000) is True
    clock.advance_sync(0.2)
    assert value(device, air, 1, ON_OFF, 0x0000) is False


def test_start_up_on_off_after_power_cut() -> None:
    device, air, _clock = make_device(CT_BULB)
    assert value(device, air, 1, ON_OFF, 0x4003) == 1  # on after a power cut (the default)
    device.power_cycle()
    assert value(device, air, 1, ON_OFF, 0x0000) is True
    write_attributes(device, air, 1, ON_OFF, [AttributeValue(0x4003, DataType.ENUM8, 0xFF)])
    command(device, air, 1, ON_OFF, 0x00)
    device.power_cycle()
    assert value(device, air, 1, ON_OFF, 0x0000) is False  # previous
    statuses = write_attributes(device, air, 1, ON_OFF, [AttributeValue(0x4003, DataType.ENUM8, 7)])
    assert statuses[0].status == Status.INVALID_VALUE


# -- Level Control ---------------------------------------------------------------------------


def test_move_to_level_with_on_off_transitions_on_the_clock() -> None:
    device, air, clock = make_device(CT_BULB)
    command(device, air, 1, LEVEL, 0x04, struct.pack("<BH", 54, 0))  # 254 -> 54 at once
    assert value(device, air, 1, ON_OFF, 0x0000) is True  # "with On/Off" switched it on
    air.clear()
    # 54 -> 254 over 4 s
    assert command(device, air, 1, LEVEL, 0x04, struct.pack("<BH", 254, 40)) == Status.SUCCESS
    clock.advance_sync(2)
    assert value(device, air, 1, LEVEL, 0x0000) == 154
    assert value(device, air, 1, LEVEL, 0x0001) == 20  # RemainingTime, tenths of a second
    clock.advance_sync(2)
    assert value(device, air, 1, LEVEL, 0x0000) == 254
    assert value(device, air, 1, LEVEL, 0x0001) == 0
    levels = reported(air, LEVEL, 0x0000)
    assert levels[-1] == 254
    assert levels == sorted(levels)  # reported on its way up, never down


def test_level_commands_wait_while_off_unless_execute_if_off() -> None:
    device, air, _clock = make_device(CT_BULB)
    assert value(device, air, 1, ON_OFF, 0x0000) is False
    command(device, air, 1, LEVEL, 0x00, struct.pack("<BH", 100, 0))
    assert value(device, air, 1, LEVEL, 0x0000) == 254  # ignored: off
    # options mask/override with ExecuteIfOff
    command(device, air, 1, LEVEL, 0x00, struct.pack("<BHBB", 100, 0, 0x01, 0x01))
    assert value(device, air, 1, LEVEL, 0x0000) == 100
    assert value(device, air, 1, ON_OFF, 0x0000) is False  # and stays off
    write_attributes(device, air, 1, LEVEL, [AttributeValue(0x000F, DataType.MAP8, 0x01)])
    command(device, air, 1, LEVEL, 0x00, struct.pack("<BH", 120, 0))
    assert value(device, air, 1, LEVEL, 0x0000) == 120


def test_move_down_with_on_off_turns_off_at_the_minimum() -> None:
    device, air, clock = make_device(CT_BULB)
    command(device, air, 1, ON_OFF, 0x01)
    command(device, air, 1, LEVEL, 0x05, struct.pack("<BB", 1, 50))  # down, 50 units/s
    clock.advance_sync(2)
    assert value(device, air, 1, LEVEL, 0x0000) == 154
    assert value(device, air, 1, ON_OFF, 0x0000) is True
    clock.advance_sync(5)
    assert value(device, air, 1, LEVEL, 0x0000) == 1
    assert value(device, air, 1, ON_OFF, 0x0000) is False


def test_step_and_stop() -> None:
    device, air, clock = make_device(CT_BULB)
    command(device, air, 1, ON_OFF, 0x01)
    command(device, air, 1, LEVEL, 0x02, struct.pack("<BBH", 1, 100, 0))  # step down 100
    assert value(device, air, 1, LEVEL, 0x0000) == 154
    command(device, air, 1, LEVEL, 0x01, struct.pack("<BB", 0, 10))  # move up 10/s
    clock.advance_sync(3)
    command(device, air, 1, LEVEL, 0x03)  # stop
    clock.advance_sync(10)
    assert value(device, air, 1, LEVEL, 0x0000) == 184
    command(device, air, 1, LEVEL, 0x06, struct.pack("<BBH", 0, 200, 0))  # step up, capped
    assert value(device, air, 1, LEVEL, 0x0000) == 254


# -- Color Control ---------------------------------------------------------------------------


def test_move_to_color_temperature_clamps_to_the_physical_range() -> None:
    device, air, clock = make_device(CT_BULB)
    command(device, air, 1, ON_OFF, 0x01)
    assert read_attributes(device, air, 1, COLOR, [0x400A, 0x400B, 0x400C]) == {
        0x400A: read_attributes(device, air, 1, COLOR, [0x400A])[0x400A],
        0x400B: read_attributes(device, air, 1, COLOR, [0x400B])[0x400B],
        0x400C: read_attributes(device, air, 1, COLOR, [0x400C])[0x400C],
    }
    assert value(device, air, 1, COLOR, 0x400A) == 0x10  # colour temperature only
    assert (value(device, air, 1, COLOR, 0x400B), value(device, air, 1, COLOR, 0x400C)) == (
        250,
        454,
    )
    command(device, air, 1, COLOR, 0x0A, struct.pack("<HH", 300, 10))  # 370 -> 300 in 1 s
    clock.advance_sync(0.5)
    assert value(device, air, 1, COLOR, 0x0007) == 335
    assert value(device, air, 1, COLOR, 0x0002) == 5  # RemainingTime
    clock.advance_sync(0.5)
    assert value(device, air, 1, COLOR, 0x0007) == 300
    command(device, air, 1, COLOR, 0x0A, struct.pack("<HH", 100, 0))
    assert value(device, air, 1, COLOR, 0x0007) == 250
    assert value(device, air, 1, COLOR, 0x0008) == 2  # ColorMode: colour temperature
    # a colour-temperature bulb has no hue and saturation
    assert command(device, air, 1, COLOR, 0x06, struct.pack("<BBH", 10, 20, 0)) == (
        Status.UNSUP_CLUSTER_COMMAND
    )


def test_hue_saturation_and_xy_set_the_color_mode() -> None:
    device, air, clock = make_device("LCT010")
    command(device, air, 11, ON_OFF, 0x01)
    assert value(device, air, 11, COLOR, 0x400A) == 0x1B
    command(device, air, 11, COLOR, 0x06, struct.pack("<BBH", 120, 200, 20))
    assert value(device, air, 11, COLOR, 0x0008) == 0  # hue/saturation
    clock.advance_sync(2)
    assert (value(device, air, 11, COLOR, 0x0000), value(device, air, 11, COLOR, 0x0001)) == (
        120,
        200,
    )
    command(device, air, 11, COLOR, 0x07, struct.pack("<HHH", 45000, 19000, 0))
    assert value(device, air, 11, COLOR, 0x0008) == 1  # xy
    assert value(device, air, 11, COLOR, 0x4001) == 1  # EnhancedColorMode follows
    assert (value(device, air, 11, COLOR, 0x0003), value(device, air, 11, COLOR, 0x0004)) == (
        45000,
        19000,
    )
    assert device.property_value("color") == {
        "x": round(45000 / 65535, 4),
        "y": round(19000 / 65535, 4),
    }
    command(device, air, 11, COLOR, 0x43, struct.pack("<HBH", 0x8000, 100, 0))  # enhanced hue+sat
    assert value(device, air, 11, COLOR, 0x4000) == 0x8000
    assert value(device, air, 11, COLOR, 0x0000) == 0x80


def test_move_color_temperature_and_stop_move_step() -> None:
    device, air, clock = make_device("LCT010")
    command(device, air, 11, ON_OFF, 0x01)
    # move up (warmer) at 20 mireds/s, limited to 400
    command(device, air, 11, COLOR, 0x4B, struct.pack("<BHHH", 0x01, 20, 0, 400))
    clock.advance_sync(1)
    assert value(device, air, 11, COLOR, 0x0007) == 386
    command(device, air, 11, COLOR, 0x47, struct.pack("<BB", 0, 0))  # stop move step
    clock.advance_sync(5)
    assert value(device, air, 11, COLOR, 0x0007) == 386
    command(device, air, 11, COLOR, 0x4C, struct.pack("<BHHHH", 0x03, 100, 0, 0, 0))  # step down
    assert value(device, air, 11, COLOR, 0x0007) == 286


def test_color_commands_wait_while_off() -> None:
    device, air, _clock = make_device("LCT010")
    command(device, air, 11, COLOR, 0x0A, struct.pack("<HH", 200, 0))
    assert value(device, air, 11, COLOR, 0x0007) == 366  # off: ignored
    command(device, air, 11, COLOR, 0x0A, struct.pack("<HHBB", 200, 0, 0x01, 0x01))
    assert value(device, air, 11, COLOR, 0x0007) == 200


# -- Window Covering -------------------------------------------------------------------------


def test_blind_travels_and_stops() -> None:
    device, air, clock = make_device(BLIND)
    assert value(device, air, 1, COVER, 0x0000) == 0  # roller shade
    assert value(device, air, 1, COVER, 0x0008) == 0  # open
    air.clear()
    assert command(device, air, 1, COVER, 0x01) == Status.SUCCESS  # down / close: 30 s travel
    clock.advance_sync(15)
    assert value(device, air, 1, COVER, 0x0008) == 50
    assert len(reported(air, COVER, 0x0008)) >= 10  # reported while it moves
    command(device, air, 1, COVER, 0x02)  # stop
    clock.advance_sync(30)
    assert value(device, air, 1, COVER, 0x0008) == 50
    assert device.property_value("position") == 50
    command(device, air, 1, COVER, 0x05, bytes([80]))  # go to lift percentage
    clock.advance_sync(9)
    assert value(device, air, 1, COVER, 0x0008) == 80
    command(device, air, 1, COVER, 0x00)  # up / open
    clock.advance_sync(30)
    assert value(device, air, 1, COVER, 0x0008) == 0
    assert reported(air, COVER, 0x0008)[-1] == 0
    assert command(device, air, 1, COVER, 0x05, bytes([101])) == Status.INVALID_FIELD
    # a roller shade does not tilt
    assert command(device, air, 1, COVER, 0x08, bytes([50])) == Status.UNSUP_CLUSTER_COMMAND


def test_tilt_blind_tilts() -> None:
    twin = Twin(
        zigbee_models=("test tilt blind",),
        z2m_model="test-tilt",
        endpoints=(EndpointSpec(1, 0x0202, (0x0000, COVER)),),
        manufacturer="Test",
        join_report=False,
        source="a tilt-and-lift blind (WindowCoveringType 8) to drive the tilt commands",
        behaviours=lambda: [
            WindowCovering(1, covering_type=8, tilt_travel_s=2.0),
            Groups(),
            Identify(),
        ],
    )
    air = CaptureAir()
    clock = SimClock(manual=True)
    device = TwinDevice(twin, "test tilt blind", bytes(range(8)), 0x1234, transmit=air, clock=clock)
    device.on_joined()
    assert command(device, air, 1, COVER, 0x08, bytes([50])) == Status.SUCCESS
    clock.advance_sync(0.5)
    assert value(device, air, 1, COVER, 0x0009) == 25
    clock.advance_sync(1)
    assert value(device, air, 1, COVER, 0x0009) == 50
    assert device.property_value("tilt") == 50


# -- Thermostat ------------------------------------------------------------------------------


def test_thermostat_setpoint_writes_raise_lower_and_modes() -> None:
    device, air, _clock = make_device("eTRV0103")
    assert value(device, air, 1, THERMOSTAT, 0x0000) == 2165  # 21.65 °C
    assert value(device, air, 1, THERMOSTAT, 0x0012) == 1600
    assert value(device, air, 1, THERMOSTAT, 0x0029) == 0  # idle: warm enough
    air.clear()
    write = [AttributeValue(0x0012, DataType.INT16, 2300)]
    assert write_attributes(device, air, 1, THERMOSTAT, write)[0].status == Status.SUCCESS
    assert value(device, air, 1, THERMOSTAT, 0x0029) == 0x0001  # heating
    assert value(device, air, 1, THERMOSTAT, 0x0008) == 67  # (23.00 - 21.65) °C below: 67 %
    assert 2300 in reported(air, THERMOSTAT, 0x0012)
    too_hot = [AttributeValue(0x0012, DataType.INT16, 4000)]
    assert write_attributes(device, air, 1, THERMOSTAT, too_hot)[0].status == Status.INVALID_VALUE
    # Setpoint Raise/Lower: heat, -1.5 °C (steps of 0.1 °C)
    assert command(device, air, 1, THERMOSTAT, 0x00, struct.pack("<Bb", 0, -15)) == Status.SUCCESS
    assert value(device, air, 1, THERMOSTAT, 0x0012) == 2150
    assert (
        command(device, air, 1, THERMOSTAT, 0x00, struct.pack("<Bb", 1, 5)) == Status.INVALID_FIELD
    )
    # this valve takes "heat" only (system mode 4)
    off = [AttributeValue(0x001C, DataType.ENUM8, 0)]
    assert write_attributes(device, air, 1, THERMOSTAT, off)[0].status == Status.INVALID_VALUE
    heat = [AttributeValue(0x001C, DataType.ENUM8, 4)]
    assert write_attributes(device, air, 1, THERMOSTAT, heat)[0].status == Status.SUCCESS
    lock = [AttributeValue(0x0001, DataType.ENUM8, 2)]
    assert write_attributes(device, air, 1, 0x0204, lock)[0].status == Status.SUCCESS
    assert device.property_value("keypad_lockout") == "lock2"


# -- Measurements, battery, IAS Zone ---------------------------------------------------------


def test_measurements_in_zcl_units() -> None:
    device, air, _clock = make_device("SML001")
    device.exercise("illuminance_2", 1000.0)
    device.exercise("temperature_2", 19.25)
    assert value(device, air, 2, ILLUMINANCE, 0x0000) == 30001  # 10000 log10(1000) + 1
    assert value(device, air, 2, TEMPERATURE, 0x0000) == 1925
    device.exercise("illuminance_2", 0.0)
    assert value(device, air, 2, ILLUMINANCE, 0x0000) == 0
    device.exercise("battery", 40)
    assert value(device, air, 2, POWER_CONFIG, 0x0021) == 80  # half percent
    device.exercise("occupancy_2", True)
    assert value(device, air, 2, 0x0406, 0x0000) == 0x01
    sensor, sensor_air, _ = make_device("TH01")
    sensor.exercise("humidity", 55.5)
    assert value(sensor, sensor_air, 1, 0x0405, 0x0000) == 5550


def test_ias_zone_enrols_then_notifies() -> None:
    device, air, clock = make_device("DS01")
    device.exercise("alarm_1", True)
    clock.advance_sync(1)
    assert air.frames == []  # not enrolled: nobody to tell
    cie = bytes.fromhex("0807060504030201")
    statuses = write_attributes(
        device, air, 1, IAS_ZONE, [AttributeValue(0x0010, DataType.EUI64, cie)]
    )
    assert statuses[0].status == Status.SUCCESS
    air.clear()
    clock.advance_sync(1)
    ((_frame, request),) = air.zcl()
    assert request.header.frame_type == FrameType.CLUSTER
    assert request.header.server_to_client
    assert request.header.command == 0x01  # Zone Enroll Request
    assert request.payload == struct.pack("<HH", 0x0015, 0x0000)  # contact switch, code 0
    assert command(device, air, 1, IAS_ZONE, 0x00, bytes([0x00, 23])) == Status.SUCCESS
    assert value(device, air, 1, IAS_ZONE, 0x0000) == 1  # enrolled
    assert value(device, air, 1, IAS_ZONE, 0x0011) == 23
    air.clear()
    device.exercise("alarm_1", False)
    device.exercise("tamper", True)
    notifications = [decoded for _frame, decoded in air.zcl() if decoded.header.command == 0x00]
    assert [n.payload for n in notifications] == [
        struct.pack("<HBBH", 0x0000, 0, 23, 0),
        struct.pack("<HBBH", 0x0004, 0, 23, 0),
    ]


# -- Electrical Measurement and Metering -----------------------------------------------------


def test_plug_meters_its_load() -> None:
    device, air, clock = make_device(PLUG)
    divisors = read_attributes(device, air, 1, ELECTRICAL, [0x0601, 0x0603, 0x0605])
    assert [divisors[attr].value for attr in (0x0601, 0x0603, 0x0605)] == [10, 1000, 10]
    assert value(device, air, 1, METERING, 0x0302) == 1000
    device.set_load(100.0)
    assert value(device, air, 1, ELECTRICAL, 0x050B) == 0  # relay off: nothing drawn
    air.clear()
    command(device, air, 1, ON_OFF, 0x01)
    clock.advance_sync(10)  # the power report waits out its minimum interval (10 s)
    assert value(device, air, 1, ELECTRICAL, 0x050B) == 1000  # 100.0 W in 0.1 W
    assert value(device, air, 1, ELECTRICAL, 0x0505) == 2300  # 230.0 V
    assert value(device, air, 1, ELECTRICAL, 0x0508) == 435  # 0.435 A in mA
    assert 1000 in reported(air, ELECTRICAL, 0x050B)
    clock.advance_sync(3600)
    assert value(device, air, 1, METERING, 0x0000) == 100  # 100 Wh after an hour
    assert value(device, air, 1, METERING, 0x0400) == 100
    assert device.property_value("energy") == 0.1


# -- Configure Reporting and bindings ----------------------------------------------------------


def test_configure_reporting_is_honoured_on_the_simulated_clock() -> None:
    device, air, clock = make_device("TH01")
    # min 5 s, max 60 s, reportable change 0.50 °C
    configure(device, air, 1, TEMPERATURE, ReportingConfig(0x0000, 0, DataType.INT16, 5, 60, 50))
    air.clear()
    clock.advance_sync(60)
    assert reported(air, TEMPERATURE, 0x0000) == [2110]  # the maximum interval
    clock.advance_sync(5)
    device.exercise("temperature", 21.3)  # +0.20 °C: not enough
    assert reported(air, TEMPERATURE, 0x0000) == [2110]
    device.exercise("temperature", 21.7)  # +0.60 °C since the last report
    assert reported(air, TEMPERATURE, 0x0000) == [2110, 2170]
    device.exercise("temperature", 23.0)  # within the minimum interval: held back
    clock.advance_sync(4)
    assert reported(air, TEMPERATURE, 0x0000) == [2110, 2170]
    clock.advance_sync(1)
    assert reported(air, TEMPERATURE, 0x0000) == [2110, 2170, 2300]
    clock.advance_sync(59.5)  # each report restarted the maximum interval
    assert reported(air, TEMPERATURE, 0x0000) == [2110, 2170, 2300]
    clock.advance_sync(0.5)
    assert reported(air, TEMPERATURE, 0x0000) == [2110, 2170, 2300, 2300]
    # max 0xFFFF: reports stop, the firmware's own default reporting too
    configure(device, air, 1, TEMPERATURE, ReportingConfig(0x0000, 0, DataType.INT16, 0, 0xFFFF, 0))
    air.clear()
    device.exercise("temperature", 10.0)
    clock.advance_sync(600)
    assert reported(air, TEMPERATURE, 0x0000) == []


def test_remote_sends_client_commands_along_bindings() -> None:
    device, air, _clock = make_device(REMOTE)
    device.exercise("action", "on")
    ((frame, decoded),) = air.zcl()
    assert (frame.dst, frame.dst_ep, frame.cluster, frame.dst_mode) == (
        0x0000,
        1,
        ON_OFF,
        AddressMode.NWK,
    )
    assert decoded.header.frame_type == FrameType.CLUSTER
    assert not decoded.header.server_to_client  # a client command, to servers
    assert decoded.header.command == 0x01
    air.clear()
    device.bindings.append(Binding(1, LEVEL, 0x01, "17"))  # Level Control bound to group 17
    device.exercise("action", "brightness_move_up")
    device.exercise("action", "brightness_stop")
    sent = air.zcl()
    assert [(frame.dst_mode, frame.dst, frame.cluster) for frame, _ in sent] == [
        (AddressMode.GROUP, 17, LEVEL),
        (AddressMode.GROUP, 17, LEVEL),
    ]
    assert [(d.header.command, d.payload) for _f, d in sent] == [
        (0x05, struct.pack("<BB", 0, 83)),  # move with on/off, up
        (0x07, b""),  # stop with on/off
    ]
    assert device.property_value("action") == "brightness_stop"
    with pytest.raises(ValueError, match="no action"):
        device.exercise("action", "toggle")


def test_remote_drives_a_bulb_through_a_group() -> None:
    """Frames from the remote, delivered as the air would, move a bulb in that group."""
    remote, remote_air, clock = make_device(REMOTE)
    bulb, bulb_air, _ = make_device(CT_BULB, clock=clock)
    send_zcl(
        bulb, bulb_air, 1, 0x0004, 0x00, struct.pack("<HB", 17, 0), frame_type=FrameType.CLUSTER
    )
    remote.bindings.extend([Binding(1, ON_OFF, 0x01, "17"), Binding(1, LEVEL, 0x01, "17")])

    def deliver() -> None:
        for frame in remote_air.frames:
            bulb.receive(
                ApsFrame(
                    frame.src_nwk,
                    frame.src_ep,
                    frame.dst,
                    frame.dst_ep,
                    frame.cluster,
                    frame.profile,
                    frame.payload,
                    frame.dst_mode,
                )
            )
        remote_air.clear()

    remote.exercise("action", "on")
    deliver()
    assert bulb.property_value("state") == "ON"
    remote.exercise("action", "brightness_move_down")
    deliver()
    clock.advance_sync(1)
    remote.exercise("action", "brightness_stop")
    deliver()
    assert bulb.property_value("brightness") == 254 - 83
    # group frames get no answer
    assert not [
        d
        for f, d in bulb_air.zcl()
        if f.dst_mode == AddressMode.NWK and d.header.command == 0x0B and f.cluster == LEVEL
    ]


def test_read_reporting_configuration_of_a_standard_attribute() -> None:
    device, air, _clock = make_device(CT_BULB)
    configure(device, air, 1, ON_OFF, ReportingConfig(0x0000, 0, DataType.BOOL, 0, 300))
    answers = send_zcl(
        device,
        air,
        1,
        ON_OFF,
        GeneralCommand.READ_REPORTING_CONFIGURATION,
        struct.pack("<BH", 0, 0),
    )
    ((_frame, decoded),) = answers
    assert decoded.payload == struct.pack("<BBHBHH", 0, 0, 0x0000, DataType.BOOL, 0, 300)


def test_header_of_reports_is_standard() -> None:
    device, air, _clock = make_device(CT_BULB)
    command(device, air, 1, ON_OFF, 0x01)
    ((frame, header, item),) = air.reports(ON_OFF)
    assert header == ZclHeader(
        command=GeneralCommand.REPORT_ATTRIBUTES,
        tsn=header.tsn,
        server_to_client=True,
        disable_default_response=True,
    )
    assert (frame.src_ep, frame.dst, frame.dst_ep) == (1, 0x0000, 1)
    assert item == AttributeValue(0x0000, DataType.BOOL, True)
    assert DecodedFrame.parse(frame.payload).header.manufacturer is None


def test_remote_bound_to_a_bulb_reaches_it_on_the_network() -> None:
    """A unicast binding sends to the bound device's NWK address (the network knows it)."""
    network = SimulatedNetwork(None, devices=[REMOTE, CT_BULB], clock=SimClock(manual=True))
    remote, bulb = network.device("E1743"), network.device("LED1545G12")
    for device in (remote, bulb):
        device.joined = True
    sent: list[ApsFrame] = []
    remote._transmit = sent.append  # watch the remote's air, not the coordinator
    remote.bindings.append(Binding(1, ON_OFF, 0x03, f"{bulb.ieee_str}/1"))
    remote.bindings.append(Binding(1, LEVEL, 0x03, "00:12:4b:00:01:02:03:04/1"))  # the hub
    remote.exercise("action", "on")
    remote.exercise("action", "brightness_stop")
    assert [(frame.dst, frame.dst_ep, frame.cluster) for frame in sent] == [
        (bulb.nwk, 1, ON_OFF),
        (0x0000, 1, LEVEL),
    ]
    bulb.joined = False
    sent.clear()
    remote.exercise("action", "off")
    assert sent == []  # the bound bulb left: nobody to send to


@pytest.mark.parametrize(
    ("direction", "halfway"),
    [
        (0, 247),  # shortest: 10 -> 230 goes down through 0 (10 - 17.5, wrapped)
        (1, 120),  # longest: up the long way
        (2, 120),  # up
        (3, 247),  # down
    ],
)
def test_move_to_hue_takes_the_direction_asked(direction: int, halfway: int) -> None:
    device, air, clock = make_device("LCT010")
    command(device, air, 11, ON_OFF, 0x01)
    command(device, air, 11, COLOR, 0x00, struct.pack("<BBH", 10, 0, 0))
    command(device, air, 11, COLOR, 0x00, struct.pack("<BBH", 230, direction, 20))
    clock.advance_sync(1)
    assert value(device, air, 11, COLOR, 0x0000) == halfway
    clock.advance_sync(1)
    assert value(device, air, 11, COLOR, 0x0000) == 230
