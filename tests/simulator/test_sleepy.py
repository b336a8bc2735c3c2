"""Battery end devices on the simulated air: frames wait for the device's polls, the cell
drains over simulated time, and a device leaves and rejoins (all on a manual clock)."""

from __future__ import annotations

from custom_components.aqara_zigbee.simulator.air import (
    COORDINATOR_NWK,
    HA_PROFILE,
    ApsFrame,
    DeliveryStatus,
    indirect_queue,
)
from custom_components.aqara_zigbee.simulator.behaviours import Heartbeat
from custom_components.aqara_zigbee.simulator.behaviours.sleepy import (
    AWAKE_WINDOW_S,
    IDLE_POLL_INTERVAL_S,
    INDIRECT_PERSISTENCE_S,
    BatteryCell,
    Sleepy,
    battery_voltage,
    linear_percent,
)
from custom_components.aqara_zigbee.simulator.clock import SimClock
from custom_components.aqara_zigbee.simulator.clusters import BASIC, IDENTIFY
from custom_components.aqara_zigbee.simulator.device import TwinDevice
from custom_components.aqara_zigbee.simulator.models import find_twin
from custom_components.aqara_zigbee.simulator.profile import EndpointSpec, Twin
from custom_components.aqara_zigbee.simulator.tlv import decode as tlv_decode
from custom_components.aqara_zigbee.simulator.zcl import DataType, GeneralCommand, ZclHeader
from tests.simulator.device_helpers import CaptureAir

SENSOR = Twin(
    zigbee_models=("test.sleepy",),
    z2m_model="TEST-SLEEPY",
    router=False,
    power_source=0x03,
    endpoints=(EndpointSpec(1, 0x0104, (BASIC, IDENTIFY)),),
    behaviours=lambda: [
        Sleepy(),
        BatteryCell(linear_percent(2850, 3000)),
        Heartbeat(BASIC, 0xFF01, DataType.CHAR_STRING, ((1, DataType.UINT16, battery_voltage),)),
    ],
)


def _sensor() -> tuple[TwinDevice, CaptureAir, SimClock]:
    air = CaptureAir()
    clock = SimClock(manual=True)
    device = TwinDevice(
        SENSOR, "test.sleepy", bytes(range(1, 9)), 0x1234, transmit=air, clock=clock
    )
    device.on_joined()
    return device, air, clock


def _read_basic_model() -> ApsFrame:
    header = ZclHeader(command=GeneralCommand.READ_ATTRIBUTES, tsn=7)
    return ApsFrame(
        src_nwk=COORDINATOR_NWK,
        src_ep=1,
        dst=0x1234,
        dst_ep=1,
        cluster=BASIC,
        profile=HA_PROFILE,
        payload=header.encode() + bytes([0x05, 0x00]),
    )


def _send_through_parent(device: TwinDevice, outcomes: list[DeliveryStatus]) -> None:
    """What a coordinator does with a unicast to a sleepy child."""
    frame = _read_basic_model()
    queue = indirect_queue(device)
    assert queue is not None

    def done(status: DeliveryStatus) -> None:
        outcomes.append(status)
        if status is DeliveryStatus.SUCCESS:
            device.receive(frame)

    queue.hold(frame, done)


def test_a_frame_for_a_sleeping_device_waits_for_its_poll_and_expires() -> None:
    device, air, clock = _sensor()
    clock.advance_sync(AWAKE_WINDOW_S + 60)  # the join's awake window is over
    air.clear()
    outcomes: list[DeliveryStatus] = []
    _send_through_parent(device, outcomes)
    clock.advance_sync(INDIRECT_PERSISTENCE_S - 0.1)
    assert outcomes == []  # held by the parent: the device has not polled
    clock.advance_sync(0.2)
    assert outcomes == [DeliveryStatus.MAC_TRANSACTION_EXPIRED]
    assert air.frames == []  # it never heard the request


def test_an_awake_device_gets_the_frame_without_waiting_out_a_fast_poll() -> None:
    device, air, clock = _sensor()
    clock.advance_sync(AWAKE_WINDOW_S + 60)
    device.send_heartbeat()  # sending keeps it awake, polling quickly
    air.clear()
    outcomes: list[DeliveryStatus] = []
    _send_through_parent(device, outcomes)
    assert outcomes == []  # its poll comes once the parent's call returns
    clock.advance_sync(0.0)
    assert outcomes == [DeliveryStatus.SUCCESS]
    assert len(air.frames) == 1  # the read response
    assert device.behaviour(Sleepy).awake  # answering kept it awake


def test_a_button_press_wakes_the_device_for_what_waits() -> None:
    device, air, clock = _sensor()
    clock.advance_sync(AWAKE_WINDOW_S + 60)
    air.clear()
    outcomes: list[DeliveryStatus] = []
    _send_through_parent(device, outcomes)
    clock.advance_sync(2.0)
    device.wake()
    assert outcomes == [DeliveryStatus.SUCCESS]
    assert len(air.frames) == 1


def test_idle_polls_are_rare() -> None:
    device, _air, clock = _sensor()
    sleepy = device.behaviour(Sleepy)
    clock.advance_sync(AWAKE_WINDOW_S + 1)
    polls = sleepy.polls
    clock.advance_sync(IDLE_POLL_INTERVAL_S * 3)
    # one poll per idle interval, plus the fast polls after each of its (3-4) heartbeats
    assert 3 <= sleepy.polls - polls <= 3 + 4 * (AWAKE_WINDOW_S / sleepy.fast_poll + 2)
    # about 70 fast polls a heartbeat: the receiver is on well under 1 % of the time
    assert sleepy.polls - polls < IDLE_POLL_INTERVAL_S * 3 / 10


def test_the_battery_drains_and_the_heartbeat_says_so() -> None:
    device, air, clock = _sensor()
    cell = device.behaviour(BatteryCell)
    fresh = cell.millivolts
    clock.advance_sync(365 * 86400)
    assert fresh - 110 <= cell.millivolts <= fresh - 90  # about 0.27 mV a day
    air.clear()
    device.send_heartbeat()
    assert [value.attr for _frame, _header, value in air.reports(BASIC)] == [0xFF01]
    entries = {index: value for index, _type, value in device.behaviour(Heartbeat).entries()}
    assert tlv_decode(device.heartbeat_payload())[0][2] == entries[1] == cell.millivolts
    assert cell.percent == round((cell.millivolts - 2850) / 150 * 100)


def test_battery_property_round_trips_through_the_curve() -> None:
    device, _air, _clock = _sensor()
    assert device.exercise("battery", 40, report=False) == 40
    assert device.battery_mv == 2910
    assert device.exercise("voltage", 2900, report=False) == 2900
    assert device.exercise("battery", report=False) != 33


def test_leaving_drops_what_waits_and_rejoining_announces() -> None:
    device, air, clock = _sensor()
    clock.advance_sync(AWAKE_WINDOW_S + 60)
    outcomes: list[DeliveryStatus] = []
    _send_through_parent(device, outcomes)
    device.leave()
    assert outcomes == [DeliveryStatus.MAC_TRANSACTION_EXPIRED]
    device.joined = True  # the network let it back in (same address)
    air.clear()
    device.rejoin()
    assert [frame.cluster for frame in air.frames] == [0x0013]  # Device_annce
    assert device.behaviour(Sleepy).awake


def test_mains_devices_have_no_indirect_queue() -> None:
    twin = find_twin("lumi.plug")
    assert twin is not None
    assert indirect_queue(TwinDevice.off_air(twin)) is None
