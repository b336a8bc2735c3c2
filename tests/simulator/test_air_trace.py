"""Every frame each simulated model sends in a long scripted session, as a snapshot.

The session interviews the device (ZDO and reads of every cluster, with and without the
manufacturer code), writes settings, configures reporting, sends cluster commands, presses
every button every way, loads the plugs, cycles power, asks for an OTA image and lets hours
pass. Any change to what a twin puts on the air, down to a byte or the order of two
frames, shows up as a diff of the snapshot: a refactoring of the simulator must leave it
untouched.
"""

from __future__ import annotations

import json
import struct

import pytest
from syrupy.assertion import SnapshotAssertion

from custom_components.aqara_zigbee.simulator.air import (
    COORDINATOR_NWK,
    HA_PROFILE,
    ZDO_PROFILE,
    AddressMode,
    ApsFrame,
)
from custom_components.aqara_zigbee.simulator.behaviours import Metering
from custom_components.aqara_zigbee.simulator.clock import SimClock
from custom_components.aqara_zigbee.simulator.models import (
    create_device,
    stable_ieee,
    stable_nwk,
)
from custom_components.aqara_zigbee.simulator.zcl import (
    LUMI_MANUFACTURER_CODE as MFR,
    AttributeValue,
    DataType,
    FrameType,
    GeneralCommand,
    ReportingConfig,
    ZclHeader,
    ZdoCluster,
    encode_attribute_ids,
    encode_attribute_values,
    encode_configure_reporting,
    zdo_frame,
)

from .device_helpers import CaptureAir

SESSION_MODELS = (
    "lumi.plug",
    "lumi.plug.mmeu01",
    "ZNCZ04LM-legacy",
    "lumi.switch.l0agl1",
    "lumi.switch.b2laus01",
    "lumi.switch.b1nc01",
)
# Every attribute any model serves, plus some no model does
PROBED_ATTRIBUTES = (
    *range(0x0010),
    0x004A,
    0x0051,
    0x0055,
    0x006F,
    0x00F0,
    0x00F7,
    0x00FC,
    *range(0x0200, 0x020C),
    *range(0x0300, 0x0307),
    0x0505,
    0x0508,
    0x050B,
    *range(0x0600, 0x0606),
    0x0800,
    0x0803,
    0x4000,
    0xFF01,
    0xFFF0,
)
PROBED_ENDPOINTS = (1, 2, 3, 21, 41, 42, 51, 242, 7)
PROBED_CLUSTERS = (
    0x0000,
    0x0001,
    0x0002,
    0x0003,
    0x0004,
    0x0005,
    0x0006,
    0x0009,
    0x000A,
    0x000C,
    0x0010,
    0x0012,
    0x0019,
    0x0702,
    0x0B04,
    0xFCC0,
)
SETTING_WRITES = (
    (0x0002, DataType.UINT8, 3),
    (0x0004, DataType.UINT16, 1),
    (0x0004, DataType.UINT16, 7),
    (0x0009, DataType.UINT8, 1),
    (0x0009, DataType.UINT8, 5),
    (0x000A, DataType.UINT8, 2),
    (0x000A, DataType.UINT8, 9),
    (0x00F0, DataType.UINT8, 1),
    (0x0200, DataType.UINT8, 0),
    (0x0200, DataType.UINT16, 0),
    (0x0201, DataType.BOOL, False),
    (0x0202, DataType.BOOL, True),
    (0x0203, DataType.BOOL, True),
    (0x020B, DataType.FLOAT, 1500.0),
    (0x020B, DataType.FLOAT, 5000.0),
)
BASIC_FFF0_WRITES = (
    "aa8005d14707011001",
    "aa8003d3070801",
    "aa8005d14709011000",
    "aa8003d3070a01",
    "aa10054147010110 01",
    "0102",
)


class Session:
    """A device on a capture air, driven like a coordinator would, with a log of frames."""

    def __init__(self, model: str) -> None:
        self.air = CaptureAir()
        self.clock = SimClock(manual=True)
        self.device = create_device(
            model, stable_ieee(model, 0), stable_nwk(model, 0), self.air, self.clock
        )
        self.tsn = 0
        self.log: list[str] = []

    def flush(self, step: str) -> None:
        self.log.append(f"-- {step} @ {self.clock.now:g}")
        self.log.extend(_describe(frame) for frame in self.air.frames)
        self.air.clear()

    def advance(self, seconds: float, step: str) -> None:
        self.clock.advance_sync(seconds)
        self.flush(step)

    def zdo(self, cluster: int, payload: bytes, *, dst: int | None = None) -> None:
        self.tsn = (self.tsn + 1) & 0xFF
        self.device.receive(
            ApsFrame(
                src_nwk=COORDINATOR_NWK,
                src_ep=0,
                dst=self.device.nwk if dst is None else dst,
                dst_ep=0,
                cluster=cluster,
                profile=ZDO_PROFILE,
                payload=zdo_frame(self.tsn, payload),
            )
        )

    def zcl(  # noqa: PLR0917  # mirrors the frame fields
        self,
        ep: int,
        cluster: int,
        command: int,
        payload: bytes = b"",
        frame_type: FrameType = FrameType.GLOBAL,
        manufacturer: int | None = None,
        *,
        server_to_client: bool = False,
        dst_mode: AddressMode = AddressMode.NWK,
        dst: int | None = None,
    ) -> None:
        self.tsn = (self.tsn + 1) & 0xFF
        header = ZclHeader(
            command=command,
            tsn=self.tsn,
            frame_type=frame_type,
            manufacturer=manufacturer,
            server_to_client=server_to_client,
        )
        self.device.receive(
            ApsFrame(
                src_nwk=COORDINATOR_NWK,
                src_ep=1,
                dst=self.device.nwk if dst is None else dst,
                dst_ep=ep,
                cluster=cluster,
                profile=HA_PROFILE,
                payload=header.encode() + payload,
                dst_mode=dst_mode,
            )
        )

    def write(self, ep: int, cluster: int, attr: int, type_id: int, value: object) -> None:
        values = encode_attribute_values([AttributeValue(attr, type_id, value)])
        self.zcl(ep, cluster, GeneralCommand.WRITE_ATTRIBUTES, values, manufacturer=MFR)


def _describe(frame: ApsFrame) -> str:
    return (
        f"{frame.src_nwk:04x}:{frame.src_ep} -> {frame.dst:04x}:{frame.dst_ep} "
        f"mode={int(frame.dst_mode)} profile={frame.profile:04x} cluster={frame.cluster:04x} "
        f"lqi={frame.lqi} rssi={frame.rssi} {frame.payload.hex()}"
    )


def _interview(session: Session) -> None:
    device = session.device
    nwk = struct.pack("<H", device.nwk)
    session.zdo(ZdoCluster.NODE_DESC_REQ, nwk)
    session.zdo(ZdoCluster.POWER_DESC_REQ, nwk)
    session.zdo(ZdoCluster.ACTIVE_EP_REQ, nwk)
    for ep in (*PROBED_ENDPOINTS, 0, 0xFF):
        session.zdo(ZdoCluster.SIMPLE_DESC_REQ, nwk + bytes([ep]))
    session.zdo(ZdoCluster.NWK_ADDR_REQ, device.ieee + b"\x01\x00")
    session.zdo(ZdoCluster.IEEE_ADDR_REQ, nwk + b"\x00\x00")
    session.zdo(ZdoCluster.MGMT_LQI_REQ, b"\x00")
    session.zdo(ZdoCluster.MGMT_PERMIT_JOINING_REQ, b"\x3c\x01")
    session.zdo(0x0099, b"")
    bind = device.ieee + b"\x01" + struct.pack("<H", 0x0006) + b"\x03" + bytes(8) + b"\x01"
    session.zdo(ZdoCluster.BIND_REQ, bind)
    session.zdo(ZdoCluster.BIND_REQ, device.ieee + b"\x01\x06\x00\x01\x34\x12")
    session.zdo(ZdoCluster.UNBIND_REQ, bind)
    session.zdo(ZdoCluster.UNBIND_REQ, bind)
    session.flush("zdo")
    ids = encode_attribute_ids(PROBED_ATTRIBUTES)
    for ep in PROBED_ENDPOINTS:
        for cluster in PROBED_CLUSTERS:
            for manufacturer in (None, MFR):
                session.zcl(
                    ep, cluster, GeneralCommand.READ_ATTRIBUTES, ids, FrameType.GLOBAL, manufacturer
                )
                session.zcl(
                    ep,
                    cluster,
                    GeneralCommand.DISCOVER_ATTRIBUTES,
                    struct.pack("<HB", 0, 40),
                    FrameType.GLOBAL,
                    manufacturer,
                )
            session.zcl(ep, cluster, GeneralCommand.READ_ATTRIBUTES, ids, server_to_client=True)
    session.zcl(1, 0x0000, 0x77, b"")  # an unknown global command
    session.zcl(1, 0x0000, GeneralCommand.READ_ATTRIBUTES, b"\x05")  # malformed
    session.flush("reads")


def _settings(session: Session) -> None:
    for ep in (1, 2):
        for attr, type_id, value in SETTING_WRITES:
            session.write(ep, 0xFCC0, attr, type_id, value)
    for frame in BASIC_FFF0_WRITES:
        session.write(1, 0x0000, 0xFFF0, DataType.OCTET_STRING, bytes.fromhex(frame))
    session.zcl(
        1,
        0x0003,
        GeneralCommand.WRITE_ATTRIBUTES,
        encode_attribute_values([AttributeValue(0, DataType.UINT16, 5)]),
    )
    session.zcl(
        1,
        0x0000,
        GeneralCommand.WRITE_ATTRIBUTES_UNDIVIDED,
        encode_attribute_values(
            [AttributeValue(0x0005, DataType.CHAR_STRING, "x"), AttributeValue(0x0010, 0x20, 1)]
        ),
    )
    session.flush("writes")
    session.zcl(
        1,
        0x0006,
        GeneralCommand.CONFIGURE_REPORTING,
        encode_configure_reporting([ReportingConfig(0, 0, DataType.BOOL, 0, 600, None)]),
    )
    session.zcl(
        1,
        0x0002,
        GeneralCommand.CONFIGURE_REPORTING,
        encode_configure_reporting([ReportingConfig(0, 0, DataType.INT16, 5, 0xFFFF, 1)]),
    )
    session.zcl(
        1,
        0x0006,
        GeneralCommand.READ_REPORTING_CONFIGURATION,
        b"\x00\x00\x00\x00\x05\x00",
    )
    session.advance(1300, "configured reporting")


def _commands(session: Session) -> None:
    cluster = FrameType.CLUSTER
    for ep in (1, 2):
        for command in (0x01, 0x00, 0x02, 0x02, 0x07):
            session.zcl(ep, 0x0006, command, b"", cluster)
    session.zcl(1, 0x0003, 0x00, struct.pack("<H", 30), cluster)
    session.zcl(1, 0x0003, 0x01, b"", cluster)
    session.zcl(1, 0x0003, 0x40, b"\x00\x00", cluster)
    session.zcl(1, 0x0004, 0x00, struct.pack("<H", 0x1234) + b"\x00", cluster)
    session.zcl(1, 0x0004, 0x00, struct.pack("<H", 0x1234) + b"\x00", cluster)
    session.zcl(1, 0x0004, 0x05, struct.pack("<H", 0x2345) + b"\x00", cluster)
    session.zcl(1, 0x0004, 0x01, struct.pack("<H", 0x1234), cluster)
    session.zcl(1, 0x0004, 0x02, b"\x00", cluster)
    session.zcl(1, 0x0006, 0x02, b"", cluster, dst_mode=AddressMode.GROUP, dst=0x1234)
    session.zcl(0xFF, 0x0006, 0x02, b"", cluster, dst_mode=AddressMode.BROADCAST, dst=0xFFFF)
    session.zcl(1, 0x0004, 0x03, struct.pack("<H", 0x1234), cluster)
    session.zcl(1, 0x0004, 0x04, b"", cluster)
    session.zcl(1, 0x0006, 0x01, b"", cluster, MFR)
    session.zcl(1, 0x0019, 0x00, b"\x00\x64\x00", cluster, server_to_client=True)
    session.advance(40, "commands")


def _buttons(session: Session) -> None:
    device = session.device
    for ep in (1, 2):
        session.write(ep, 0xFCC0, 0x0200, DataType.UINT8, 1)  # control_relay again
    for write in ((0x0009, DataType.UINT8, 0), (0x0009, DataType.UINT8, 1)):
        session.write(1, 0xFCC0, *write)
        for button in device.button_names:
            for kind in ("single", "double", "triple", "hold", "release"):
                device.press(button, kind)
                session.advance(2, f"press {button} {kind}")
    session.write(1, 0xFCC0, 0x0200, DataType.UINT8, 0)
    for button in device.button_names:
        device.press(button, "single")
    session.advance(2, "decoupled presses")


def _power(session: Session) -> None:
    device = session.device
    metering = device.find(Metering)
    if metering is not None:
        set_load = metering.set_load
        session.zcl(1, 0x0006, 0x01, b"", FrameType.CLUSTER)
        set_load(120.5)
        session.advance(1000, "load")
        set_load(0.5)
        session.advance(1500, "idle load")
        set_load(3000.0)
        session.advance(10, "overload")
    device.set_temperature(41.4)
    device.set_link_quality(90)
    device.send_heartbeat()
    session.flush("heartbeat")
    device.power_cycle()
    session.advance(700, "power cycle")
    device.ota_query()
    session.advance(86400 * 2, "two days")


def _reset(session: Session) -> list[str]:
    device = session.device
    button = next(iter(device.button_names))
    device.press(button, "long")
    session.write(1, 0x0000, 0xFFF0, DataType.OCTET_STRING, bytes.fromhex("aa10054147010110 01"))
    session.advance(20, "prevent reset answered")
    device.press(button, "long")
    session.advance(20, "prevent reset not answered")
    return [json.dumps(device.export_state(), sort_keys=True)]


@pytest.mark.parametrize("model", SESSION_MODELS)
def test_air_trace(model: str, snapshot: SnapshotAssertion) -> None:
    """What the twin sends, frame by frame, through the whole session."""
    session = Session(model)
    session.flush("created")
    session.device.on_joined()
    session.advance(20, "joined")
    _interview(session)
    _settings(session)
    _commands(session)
    _buttons(session)
    state_before_reset = [json.dumps(session.device.export_state(), sort_keys=True)]
    _power(session)
    final_state = _reset(session)
    assert session.log == snapshot
    assert [*state_before_reset, *final_state] == snapshot
