"""Helpers to drive simulated devices through a capture "air" (no coordinator, no zigpy)."""

from __future__ import annotations

from dataclasses import dataclass, field
import itertools

from custom_components.aqara_zigbee.simulator.air import (
    COORDINATOR_NWK,
    HA_PROFILE,
    ZDO_PROFILE,
    AddressMode,
    ApsFrame,
)
from custom_components.aqara_zigbee.simulator.clock import SimClock
from custom_components.aqara_zigbee.simulator.device import TwinDevice
from custom_components.aqara_zigbee.simulator.models import create_device, stable_ieee, stable_nwk
from custom_components.aqara_zigbee.simulator.zcl import (
    AttributeStatus,
    AttributeValue,
    DecodedFrame,
    FrameType,
    GeneralCommand,
    ReadRecord,
    ZclHeader,
    decode_read_response,
    decode_write_response,
    encode_attribute_ids,
    encode_attribute_values,
    zdo_frame,
)

_tsn = itertools.count(1)


@dataclass
class CaptureAir:
    """Records every frame a device transmits."""

    frames: list[ApsFrame] = field(default_factory=list)

    def __call__(self, frame: ApsFrame) -> None:
        self.frames.append(frame)

    def clear(self) -> None:
        self.frames.clear()

    def zcl(self) -> list[tuple[ApsFrame, DecodedFrame]]:
        """Captured ZCL frames, decoded."""
        return [
            (frame, DecodedFrame.parse(frame.payload))
            for frame in self.frames
            if frame.profile != ZDO_PROFILE
        ]

    def reports(
        self, cluster: int | None = None, src_ep: int | None = None
    ) -> list[tuple[ApsFrame, ZclHeader, AttributeValue]]:
        """Every attribute carried by captured Report Attributes frames."""
        found: list[tuple[ApsFrame, ZclHeader, AttributeValue]] = []
        for frame, decoded in self.zcl():
            if decoded.header.frame_type != FrameType.GLOBAL:
                continue
            if decoded.header.command != GeneralCommand.REPORT_ATTRIBUTES:
                continue
            if cluster is not None and frame.cluster != cluster:
                continue
            if src_ep is not None and frame.src_ep != src_ep:
                continue
            found.extend((frame, decoded.header, value) for value in decoded.values)
        return found


def make_device(
    model: str, *, index: int = 0, joined: bool = True, clock: SimClock | None = None
) -> tuple[TwinDevice, CaptureAir, SimClock]:
    """A device of ``model`` on a capture air with a manual clock."""
    air = CaptureAir()
    clock = clock or SimClock(manual=True)
    device = create_device(model, stable_ieee(model, index), stable_nwk(model, index), air, clock)
    if joined:
        device.on_joined()
        clock.advance_sync(15)  # past the join report and first heartbeat
        air.clear()
    return device, air, clock


def send_zcl(  # noqa: PLR0917  # mirrors the frame fields, in order
    device: TwinDevice,
    air: CaptureAir,
    ep: int,
    cluster: int,
    command: int,
    payload: bytes = b"",
    *,
    frame_type: FrameType = FrameType.GLOBAL,
    manufacturer: int | None = None,
    server_to_client: bool = False,
    disable_default_response: bool = False,
    dst_mode: AddressMode = AddressMode.NWK,
    dst: int | None = None,
) -> list[tuple[ApsFrame, DecodedFrame]]:
    """Deliver a ZCL frame from the coordinator; return what the device sent back."""
    header = ZclHeader(
        command=command,
        tsn=next(_tsn) & 0xFF,
        frame_type=frame_type,
        manufacturer=manufacturer,
        server_to_client=server_to_client,
        disable_default_response=disable_default_response,
    )
    before = len(air.frames)
    device.receive(
        ApsFrame(
            src_nwk=COORDINATOR_NWK,
            src_ep=1,
            dst=device.nwk if dst is None else dst,
            dst_ep=ep,
            cluster=cluster,
            profile=HA_PROFILE,
            payload=header.encode() + payload,
            dst_mode=dst_mode,
        )
    )
    return [
        (frame, DecodedFrame.parse(frame.payload))
        for frame in air.frames[before:]
        if frame.profile != ZDO_PROFILE
    ]


def read_attributes(
    device: TwinDevice,
    air: CaptureAir,
    ep: int,
    cluster: int,
    attrs: list[int],
    *,
    manufacturer: int | None = None,
) -> dict[int, ReadRecord]:
    """Read Attributes; return the records of the single response by attribute id."""
    answers = send_zcl(
        device,
        air,
        ep,
        cluster,
        GeneralCommand.READ_ATTRIBUTES,
        encode_attribute_ids(attrs),
        manufacturer=manufacturer,
    )
    assert len(answers) == 1, answers
    frame, decoded = answers[0]
    assert decoded.header.command == GeneralCommand.READ_ATTRIBUTES_RESPONSE
    assert decoded.header.server_to_client
    assert decoded.header.manufacturer == manufacturer
    assert (frame.src_ep, frame.dst_ep, frame.cluster) == (ep, 1, cluster)
    return {record.attr: record for record in decode_read_response(decoded.payload)}


def write_attributes(
    device: TwinDevice,
    air: CaptureAir,
    ep: int,
    cluster: int,
    values: list[AttributeValue],
    *,
    manufacturer: int | None = None,
) -> list[AttributeStatus]:
    """Write Attributes; return the statuses of the response."""
    answers = send_zcl(
        device,
        air,
        ep,
        cluster,
        GeneralCommand.WRITE_ATTRIBUTES,
        encode_attribute_values(values),
        manufacturer=manufacturer,
    )
    responses = [
        decoded
        for _frame, decoded in answers
        if decoded.header.command == GeneralCommand.WRITE_ATTRIBUTES_RESPONSE
    ]
    assert len(responses) == 1, answers
    return decode_write_response(responses[0].payload)


def send_zdo(device: TwinDevice, air: CaptureAir, cluster: int, payload: bytes) -> list[ApsFrame]:
    """Deliver a unicast ZDO request; return the ZDO frames the device answered with."""
    before = len(air.frames)
    device.receive(
        ApsFrame(
            src_nwk=COORDINATOR_NWK,
            src_ep=0,
            dst=device.nwk,
            dst_ep=0,
            cluster=cluster,
            profile=ZDO_PROFILE,
            payload=zdo_frame(0x42, payload),
        )
    )
    return [frame for frame in air.frames[before:] if frame.profile == ZDO_PROFILE]
