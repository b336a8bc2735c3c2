"""In-memory zigpy application and a tiny ZCL responder for device-level tests.

The application is a real ``zigpy.application.ControllerApplication`` subclass; only the radio
is fake. Frames we send go to :class:`FakeRadio`, which answers like a device would, and the
answer is fed back through ``app.packet_received`` so zigpy's real request/response matching,
dedupe and cluster dispatch are exercised.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
import struct
from typing import Any

import zigpy.application
import zigpy.config as conf
import zigpy.device
import zigpy.endpoint
import zigpy.types as t
from zigpy.zcl import foundation
import zigpy.zdo.types as zdo_t

LUMI = 0x115F
COORDINATOR_NWK = 0x0000


@dataclass
class SentFrame:
    """A ZCL frame the application sent, decoded."""

    packet: t.ZigbeePacket
    header: foundation.ZCLHeader
    payload: bytes


@dataclass
class FakeRadio:
    """Answers ZCL requests like a device; records everything that was sent."""

    sent: list[SentFrame] = field(default_factory=list)
    #: (endpoint, cluster, attribute) → (ZCL type, raw value bytes) answered to reads
    attributes: dict[tuple[int, int, int], tuple[int, bytes]] = field(default_factory=dict)
    #: status answered to writes / commands
    status: foundation.Status = foundation.Status.SUCCESS
    #: raise this from send_packet instead of answering
    fail_with: BaseException | None = None
    #: False: never answer (the request then times out)
    answer: bool = True
    #: answer with Aqara's wrong ZCL direction bit
    wrong_direction: bool = False

    def reply(self, frame: SentFrame) -> bytes | None:
        hdr = frame.header
        if not self.answer or frame.packet.dst_ep == 0:
            return None
        fc = foundation.FrameControl.general(
            direction=foundation.Direction.Server_to_Client,
            is_manufacturer_specific=hdr.manufacturer is not None,
        )
        if hdr.frame_control.is_cluster and frame.packet.cluster_id == 0x0004:
            # Groups: every command answers with (status, group id); remove → 0x03
            out = foundation.ZCLHeader(
                frame_control=foundation.FrameControl.cluster(
                    direction=foundation.Direction.Server_to_Client
                ),
                tsn=hdr.tsn,
                command_id=hdr.command_id,
            )
            return out.serialize() + bytes([self.status]) + frame.payload[:2]
        if hdr.frame_control.is_cluster:
            out = foundation.ZCLHeader(
                frame_control=fc, manufacturer=hdr.manufacturer, tsn=hdr.tsn, command_id=0x0B
            )
            return out.serialize() + bytes([hdr.command_id, self.status])
        if hdr.command_id == foundation.GeneralCommand.Write_Attributes:
            out = foundation.ZCLHeader(
                frame_control=fc, manufacturer=hdr.manufacturer, tsn=hdr.tsn, command_id=0x04
            )
            if self.status == foundation.Status.SUCCESS:
                return out.serialize() + b"\x00"
            attr_id = frame.payload[:2]
            return out.serialize() + bytes([self.status]) + attr_id
        if hdr.command_id == foundation.GeneralCommand.Read_Attributes:
            out = foundation.ZCLHeader(
                frame_control=fc, manufacturer=hdr.manufacturer, tsn=hdr.tsn, command_id=0x01
            )
            body = b""
            for offset in range(0, len(frame.payload), 2):
                attr_id = int.from_bytes(frame.payload[offset : offset + 2], "little")
                key = (frame.packet.dst_ep, frame.packet.cluster_id, attr_id)
                if key in self.attributes:
                    zcl_type, raw = self.attributes[key]
                    body += attr_id.to_bytes(2, "little") + bytes([0, zcl_type]) + raw
                else:
                    body += attr_id.to_bytes(2, "little") + bytes([0x86])
            return out.serialize() + body
        if hdr.command_id == foundation.GeneralCommand.Configure_Reporting:
            out = foundation.ZCLHeader(
                frame_control=fc, manufacturer=hdr.manufacturer, tsn=hdr.tsn, command_id=0x07
            )
            return out.serialize() + bytes([self.status])
        return None


_VALIDATED: dict[str, dict[str, Any]] = {}


def _validate_once(config: dict[str, Any]) -> dict[str, Any]:
    """zigpy's config schema, validated once per distinct config.

    Home Assistant's voluptuous shim (probatio) compiles a schema on its 50th use, and the
    compiled form of zigpy's schema raises ``NameError: name 'inf' is not defined``; the
    tests create many applications, so they must not count against that threshold.
    """
    key = repr(sorted(config.items()))
    if key not in _VALIDATED:
        _VALIDATED[key] = conf.CONFIG_SCHEMA(config)
    return _VALIDATED[key]


class FakeApp(zigpy.application.ControllerApplication):
    """A zigpy application whose radio is a :class:`FakeRadio`."""

    SCHEMA = staticmethod(_validate_once)

    def __init__(self, config: dict[str, Any] | None = None) -> None:
        super().__init__(config or {conf.CONF_DEVICE: {conf.CONF_DEVICE_PATH: "/dev/null"}})
        self.radio = FakeRadio()
        self.zdo_replies: list[t.ZigbeePacket] = []

    async def add_endpoint(self, descriptor: Any) -> None:
        pass

    async def connect(self) -> None:
        pass

    async def disconnect(self) -> None:
        pass

    async def force_remove(self, dev: Any) -> None:
        pass

    async def load_network_info(self, *, load_devices: bool = False) -> None:
        pass

    async def permit_ncp(self, time_s: int = 60) -> None:
        pass

    async def permit_with_link_key(self, node: Any, link_key: Any, time_s: int = 60) -> None:
        pass

    async def reset_network_info(self) -> None:
        pass

    async def start_network(self) -> None:
        pass

    async def write_network_info(self, *, network_info: Any, node_info: Any) -> None:
        pass

    async def send_packet(self, packet: t.ZigbeePacket) -> None:
        if self.radio.fail_with is not None:
            raise self.radio.fail_with
        data = packet.data.serialize()
        if packet.dst_ep == 0:
            self._answer_zdo(packet, data)
            return
        header, payload = foundation.ZCLHeader.deserialize(data)
        frame = SentFrame(packet=packet, header=header, payload=payload)
        self.radio.sent.append(frame)
        answer = self.radio.reply(frame)
        if answer is not None and self.radio.wrong_direction:
            answer = bytes([answer[0] ^ 0x08]) + answer[1:]
        if answer is not None:
            device = self.get_device(nwk=packet.dst.address)
            reply = make_packet(
                device, packet.dst_ep, packet.cluster_id, answer, profile=packet.profile_id
            )
            asyncio.get_running_loop().call_soon(self.packet_received, reply)

    def _answer_zdo(self, packet: t.ZigbeePacket, data: bytes) -> None:
        """Bind requests are answered with success."""
        self.zdo_replies.append(packet)
        if packet.cluster_id == zdo_t.ZDOCmd.Bind_req:
            device = self.get_device(nwk=packet.dst.address)
            reply = make_packet(
                device,
                0,
                zdo_t.ZDOCmd.Bind_rsp,
                bytes([data[0], zdo_t.Status.SUCCESS]),
                profile=0,
            )
            asyncio.get_running_loop().call_soon(self.packet_received, reply)


def make_packet(
    device: zigpy.device.BaseDevice,
    src_ep: int,
    cluster: int,
    data: bytes,
    *,
    profile: int | None = 0x0104,
    lqi: int = 180,
) -> t.ZigbeePacket:
    """A packet from the device to the coordinator."""
    return t.ZigbeePacket(
        src=t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=device.nwk),
        src_ep=src_ep,
        dst=t.AddrModeAddress(addr_mode=t.AddrMode.NWK, address=COORDINATOR_NWK),
        dst_ep=1 if src_ep else 0,
        tsn=0,
        profile_id=profile,
        cluster_id=cluster,
        data=t.SerializableBytes(data),
        lqi=lqi,
        rssi=-60,
    )


def report_frame(
    tsn: int,
    records: bytes,
    *,
    manufacturer: int | None = None,
    direction: foundation.Direction = foundation.Direction.Server_to_Client,
) -> bytes:
    """A Report Attributes ZCL frame."""
    fc = foundation.FrameControl.general(
        direction=direction, is_manufacturer_specific=manufacturer is not None
    )
    header = foundation.ZCLHeader(
        frame_control=fc.replace(disable_default_response=1),
        manufacturer=manufacturer,
        tsn=tsn,
        command_id=foundation.GeneralCommand.Report_Attributes,
    )
    return header.serialize() + records


def record(attr_id: int, zcl_type: int, raw: bytes) -> bytes:
    return attr_id.to_bytes(2, "little") + bytes([zcl_type]) + raw


def u8(value: int) -> bytes:
    return bytes([value])


def u16(value: int) -> bytes:
    return value.to_bytes(2, "little")


def f32(value: float) -> bytes:
    return struct.pack("<f", value)


def lv(raw: bytes) -> bytes:
    return bytes([len(raw)]) + raw


EndpointSpec = tuple[int, int, tuple[int, ...], tuple[int, ...]]


def build_device(
    app: FakeApp,
    model: str | None,
    endpoints: list[EndpointSpec],
    *,
    ieee: str = "00:15:8d:00:01:02:03:04",
    nwk: int = 0x1234,
    end_device: bool = False,
) -> zigpy.device.Device:
    """A fully interviewed raw zigpy device, registered with the application."""
    device = app.add_device(t.EUI64.convert(ieee), t.NWK(nwk))
    logical_type = zdo_t.LogicalType.EndDevice if end_device else zdo_t.LogicalType.Router
    device.node_desc = zdo_t.NodeDescriptor(
        logical_type=logical_type,
        complex_descriptor_available=0,
        user_descriptor_available=0,
        reserved=0,
        aps_flags=0,
        frequency_band=zdo_t.NodeDescriptor.FrequencyBand.Freq2400MHz,
        mac_capability_flags=(
            zdo_t.NodeDescriptor.MACCapabilityFlags.AllocateAddress
            if end_device
            else zdo_t.NodeDescriptor.MACCapabilityFlags.MainsPowered
            | zdo_t.NodeDescriptor.MACCapabilityFlags.RxOnWhenIdle
            | zdo_t.NodeDescriptor.MACCapabilityFlags.FullFunctionDevice
        ),
        manufacturer_code=LUMI,
        maximum_buffer_size=127,
        maximum_incoming_transfer_size=100,
        server_mask=0,
        maximum_outgoing_transfer_size=100,
        descriptor_capability_field=0,
    )
    for endpoint_id, device_type, in_clusters, out_clusters in endpoints:
        endpoint = device.add_endpoint(endpoint_id)
        endpoint.profile_id = 0x0104
        endpoint.device_type = device_type
        endpoint.status = zigpy.endpoint.Status.ZDO_INIT
        for cluster_id in in_clusters:
            endpoint.add_input_cluster(cluster_id)
        for cluster_id in out_clusters:
            endpoint.add_output_cluster(cluster_id)
    device.model = model
    device.manufacturer = "LUMI"
    return device


# Endpoint layouts as the devices announce them (devices.md)
WS_USC02_ENDPOINTS: list[EndpointSpec] = [
    (1, 0x0100, (0x0000, 0x0002, 0x0003, 0x0004, 0x0005, 0x0006, 0x0009), (0x000A, 0x0019)),
    (2, 0x0100, (0x0004, 0x0005, 0x0006), ()),
]
QBKG40LM_ENDPOINTS: list[EndpointSpec] = [
    (1, 0x0100, (0x0000, 0x0002, 0x0003, 0x0004, 0x0005, 0x0006), (0x000A, 0x0019)),
]
SSM_U02_ENDPOINTS: list[EndpointSpec] = [
    (1, 0x0100, (0x0000, 0xFCC0, 0x0002, 0x0012, 0x0003, 0x0004, 0x0005, 0x0006), (0x0019,)),
]
ZNCZ02LM_ENDPOINTS: list[EndpointSpec] = [
    (1, 0x0051, (0x0000, 0x0001, 0x0002, 0x0003, 0x0004, 0x0005, 0x0006, 0x000A, 0x0010), ()),
    (2, 0x0009, (0x000C,), ()),
    (3, 0x0053, (0x000C,), ()),
]
ZNCZ04LM_ENDPOINTS: list[EndpointSpec] = [
    (1, 0x0051, (0x0000, 0x0002, 0x0003, 0x0004, 0x0005, 0x0006, 0xFCC0), (0x000A, 0x0019)),
    (21, 0x0009, (0x000C,), ()),
]


async def settle() -> None:
    """Let scheduled replies and tasks run."""
    for _ in range(5):
        await asyncio.sleep(0)


Callback = Callable[[str, object], None]


class Recorder:
    """Collects (key, value) notifications of a DeviceHandle."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, object]] = []

    def __call__(self, key: str, value: object) -> None:
        self.calls.append((key, value))

    def of(self, key: str) -> list[object]:
        return [value for k, value in self.calls if k == key]
