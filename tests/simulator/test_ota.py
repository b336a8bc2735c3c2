"""The simulator's OTA file format and the simulated devices' OTA Upgrade client."""

from __future__ import annotations

from pathlib import Path
import struct

import pytest
from zigpy.ota.image import OTAImage, parse_ota_image

from custom_components.aqara_zigbee.simulator.air import ZDO_PROFILE, ApsFrame
from custom_components.aqara_zigbee.simulator.behaviours import OtaUpdates
from custom_components.aqara_zigbee.simulator.behaviours.ota_updates import (
    OTA_NOTIFY_QUIET_S,
    OTA_QUERY_INTERVAL_S,
)
from custom_components.aqara_zigbee.simulator.clusters import BASIC, OTA
from custom_components.aqara_zigbee.simulator.device import TwinDevice
from custom_components.aqara_zigbee.simulator.models import create_device
from custom_components.aqara_zigbee.simulator.ota import (
    demo_image,
    demo_image_name,
    main,
    write_demo_image,
)
from custom_components.aqara_zigbee.simulator.ota_client import (
    BLOCK_RETRIES,
    BLOCK_TIMEOUT_S,
    FIRMWARE_MARKER,
    MAX_DATA_SIZE,
    UTC_TIME_NEVER,
    FirmwareCheck,
    ImageUpgradeStatus,
    OtaFileError,
    OtaStatus,
    build_ota_file,
    check_firmware_payload,
    firmware_payload,
    parse_ota_file,
)
from custom_components.aqara_zigbee.simulator.zcl import (
    DecodedFrame,
    FrameType,
    GeneralCommand,
    ZclHeader,
    ZdoCluster,
    decode_read_response,
    encode_attribute_ids,
)

from ..ota_image import LUMI, lumi_image, ota_file
from .device_helpers import CaptureAir, make_device, send_zcl

PLUG = "lumi.plug"  # ZNCZ02LM: image type 0x0101, runs 92


# -- files ----------------------------------------------------------------------------------


def test_file_layout_follows_the_specification() -> None:
    data = build_ota_file(
        manufacturer_code=LUMI,
        image_type=0x0101,
        file_version=93,
        payload=b"firmware",
        header_string="hello",
    )
    # magic, header version 0x0100, header length 56, field control 0, all little endian
    assert data[:10] == bytes.fromhex("1ef1ee0b 0001 3800 0000".replace(" ", ""))
    assert struct.unpack_from("<HHIH", data, 10) == (LUMI, 0x0101, 93, 0x0002)
    assert data[20:52] == b"hello".ljust(32, b"\0")
    assert struct.unpack_from("<I", data, 52)[0] == len(data) == 56 + 6 + 8
    assert data[56:] == struct.pack("<HI", 0x0000, 8) + b"firmware"
    # The same bytes as the independent test builder makes.
    assert data == ota_file(
        image_type=0x0101, version=93, payload=b"firmware", header_string="hello"
    )
    # zigpy reads it as a standard Zigbee OTA image.
    image, rest = parse_ota_image(data)
    assert isinstance(image, OTAImage)
    assert rest == b""
    assert (image.header.manufacturer_id, image.header.image_type) == (LUMI, 0x0101)
    assert image.serialize() == data


def test_files_parse_back() -> None:
    data = build_ota_file(
        manufacturer_code=LUMI,
        image_type=0x4018,
        file_version=0x0000001A,
        payload=b"\x01\x02",
        hardware_versions=(1, 3),
    )
    parsed = parse_ota_file(data)
    header = parsed.header
    assert (header.manufacturer_code, header.image_type, header.file_version) == (LUMI, 0x4018, 26)
    assert (header.min_hardware_version, header.max_hardware_version) == (1, 3)
    assert header.header_length == 60
    assert header.total_size == len(data)
    assert parsed.upgrade_image == b"\x01\x02"
    # A file of the test builder parses too, firmware included.
    other = parse_ota_file(lumi_image(PLUG, 93))
    assert other.header.header_string == "lumi.plug 93"
    assert other.upgrade_image is not None
    assert check_firmware_payload(other.upgrade_image, PLUG) is FirmwareCheck.VALID


def _with(data: bytes, offset: int, fmt: str, *values: int) -> bytes:
    buffer = bytearray(data)
    struct.pack_into(fmt, buffer, offset, *values)
    return bytes(buffer)


GOOD = build_ota_file(manufacturer_code=LUMI, image_type=1, file_version=2, payload=b"abc")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (GOOD[:40], "too short"),
        (_with(GOOD, 0, "<I", 0x12345678), "magic"),
        (_with(GOOD, 4, "<H", 0x0200), "header version"),
        (_with(GOOD, 6, "<H", 60), "header length"),
        (_with(GOOD, 8, "<H", 0x0004), "header length"),  # claims hardware versions
        (_with(GOOD, 8, "<H", 0x0007)[:57], "field control"),
        (_with(GOOD, 52, "<I", len(GOOD) + 1), "total image size"),
        (_with(GOOD, 58, "<I", 4), "past the end"),
        (_with(GOOD[:-5], 52, "<I", len(GOOD) - 5), "truncated"),
    ],
)
def test_broken_files_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(OtaFileError, match=message):
        parse_ota_file(data)


def test_optional_header_fields() -> None:
    # Security credential version (1 byte) and upgrade file destination (8 bytes).
    optional = b"\x02" + bytes(8)
    body = struct.pack("<HI", 0, 1) + b"x"
    header_length = 56 + len(optional)
    data = (
        struct.pack("<IHHHHHIH", 0x0BEEF11E, 0x0100, header_length, 0x0003, LUMI, 1, 2, 2)
        + bytes(32)
        + struct.pack("<I", header_length + len(body))
        + optional
        + body
    )
    parsed = parse_ota_file(data)
    assert parsed.header.security_credential_version == 2
    assert parsed.upgrade_image == b"x"


def test_firmware_checks() -> None:
    payload = firmware_payload(PLUG, 93, 256)
    assert len(payload) == 256
    assert payload.startswith(FIRMWARE_MARKER)
    assert check_firmware_payload(payload, PLUG) is FirmwareCheck.VALID
    assert check_firmware_payload(payload, "lumi.plug.mmeu01") is FirmwareCheck.WRONG_MODEL
    damaged = bytearray(payload)
    damaged[100] ^= 1
    assert check_firmware_payload(bytes(damaged), PLUG) is FirmwareCheck.CORRUPT
    assert check_firmware_payload(FIRMWARE_MARKER + b"\x01", PLUG) is FirmwareCheck.CORRUPT
    assert check_firmware_payload(b"\x7fELF real vendor image", PLUG) is FirmwareCheck.FOREIGN
    with pytest.raises(ValueError, match="at least"):
        firmware_payload(PLUG, 93, 10)


def test_demo_images(tmp_path: Path) -> None:
    data = demo_image("ZNCZ04LM", 23, size=1000)
    parsed = parse_ota_file(data)
    assert (parsed.header.image_type, parsed.header.file_version) == (0x4018, 23)
    assert parsed.header.header_string == "ZNCZ04LM simulated firmware 23"
    assert demo_image_name("lumi.plug", 93) == "ZNCZ02LM-0000005D.ota"
    path = write_demo_image("QBKG40LM", 30, tmp_path / "ota", size=500, corrupt=True)
    assert path == tmp_path / "ota" / "QBKG40LM-0000001E.ota"
    image = parse_ota_file(path.read_bytes()).upgrade_image
    assert image is not None
    assert check_firmware_payload(image, "lumi.switch.b1nc01") is FirmwareCheck.CORRUPT
    other = parse_ota_file(demo_image("ZNCZ02LM", 1, image_type=7, manufacturer_code=0x1037))
    assert (other.header.manufacturer_code, other.header.image_type) == (0x1037, 7)
    with pytest.raises(ValueError, match="no OTA image type"):
        demo_image("SSM-U02", 26)


def test_demo_image_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ZNCZ02LM", "0x5D", str(tmp_path), "--size", "600"]) == 0
    written = tmp_path / "ZNCZ02LM-0000005D.ota"
    assert capsys.readouterr().out.strip() == str(written)
    assert parse_ota_file(written.read_bytes()).header.file_version == 93
    assert main(["SSM-U02", "3", str(tmp_path)]) == 2
    assert "no OTA image type" in capsys.readouterr().err


# -- the client -----------------------------------------------------------------------------


def server_command(
    device: TwinDevice, air: CaptureAir, command: int, payload: bytes
) -> list[tuple[ApsFrame, DecodedFrame]]:
    """An OTA command from the coordinator's OTA server to the device's client."""
    return send_zcl(
        device,
        air,
        1,
        OTA,
        command,
        payload,
        frame_type=FrameType.CLUSTER,
        server_to_client=True,
        disable_default_response=True,
    )


def ota_requests(air: CaptureAir) -> list[tuple[int, bytes]]:
    """(command, payload) of every OTA frame the device sent, in order."""
    found = []
    for frame, decoded in air.zcl():
        header = decoded.header
        if frame.cluster != OTA or header.frame_type != FrameType.CLUSTER:
            continue  # attribute read answers are not requests
        assert not header.server_to_client
        assert header.disable_default_response
        assert header.manufacturer is None
        assert (frame.src_ep, frame.dst_ep, frame.dst) == (1, 1, 0x0000)
        found.append((header.command, decoded.payload))
    return found


def read_client(device: TwinDevice, air: CaptureAir, attrs: list[int]) -> dict[int, object]:
    """Read attributes of the device's OTA client cluster (a server → client request)."""
    ((_frame, answer),) = send_zcl(
        device,
        air,
        1,
        OTA,
        GeneralCommand.READ_ATTRIBUTES,
        encode_attribute_ids(attrs),
        server_to_client=True,
    )
    return {record.attr: record.value for record in decode_read_response(answer.payload)}


def last_request(air: CaptureAir) -> tuple[int, bytes]:
    requests = ota_requests(air)
    assert requests, "the device sent no OTA request"
    return requests[-1]


def notify(device: TwinDevice, air: CaptureAir, jitter: int = 100, extra: bytes = b"") -> None:
    payload_type = {0: 0, 2: 1, 4: 2, 8: 3}[len(extra)]
    assert server_command(device, air, 0x00, bytes([payload_type, jitter]) + extra) == []


def offer(device: TwinDevice, air: CaptureAir, image: bytes) -> None:
    """Answer the pending Query Next Image Request with ``image``."""
    header = parse_ota_file(image).header
    server_command(
        device,
        air,
        0x02,
        struct.pack(
            "<BHHII",
            0,
            header.manufacturer_code,
            header.image_type,
            header.file_version,
            len(image),
        ),
    )


def answer_blocks(
    device: TwinDevice, air: CaptureAir, image: bytes, *, block: int = 50, skip: int = -1
) -> int:
    """Serve Image Block Requests until the device sends something else; return how many."""
    served = 0
    while True:
        command, payload = last_request(air)
        if command != 0x03:
            return served
        _control, manufacturer, image_type, version, offset, max_size = struct.unpack(
            "<BHHIIB", payload
        )
        assert max_size == MAX_DATA_SIZE
        data = image[offset : offset + min(block, max_size)]
        served += 1
        if served == skip:
            return served  # this answer is lost
        server_command(
            device,
            air,
            0x05,
            struct.pack("<BHHIIB", 0, manufacturer, image_type, version, offset, len(data)) + data,
        )


def query_and_offer(device: TwinDevice, air: CaptureAir, image: bytes) -> None:
    notify(device, air)
    assert device.ota is not None
    device.clock.advance_sync(device.ota.notify_delay_s)
    assert last_request(air)[0] == 0x01
    offer(device, air, image)


def test_image_notify_makes_the_device_query_after_a_delay() -> None:
    device, air, clock = make_device(PLUG)
    notify(device, air)
    assert ota_requests(air) == []
    clock.advance_sync(2)
    command, payload = last_request(air)
    assert command == 0x01
    # field control (hardware version present), manufacturer, image type, version, hw
    assert payload == struct.pack("<BHHIH", 0x01, LUMI, 0x0101, 92, 1)
    assert device.ota is not None
    assert device.ota.stats.queries == 1
    # No image: the device goes back to normal and can be asked again.
    server_command(device, air, 0x02, bytes([OtaStatus.NO_IMAGE_AVAILABLE]))
    assert not device.ota.busy
    device.ota_query()
    assert device.ota.stats.queries == 2


def test_image_notify_filters() -> None:
    device, air, clock = make_device(PLUG)
    assert device.ota is not None
    notify(device, air, jitter=0)  # jitter below every device's pick: not me this time
    notify(device, air, extra=struct.pack("<H", 0x1234))  # another manufacturer
    notify(device, air, extra=struct.pack("<HH", LUMI, 0x4018))  # another image type
    notify(device, air, extra=struct.pack("<HHI", LUMI, 0x0101, 92))  # what I run already
    clock.advance_sync(5)
    assert ota_requests(air) == []
    notify(device, air, extra=struct.pack("<HHI", 0xFFFF, 0xFFFF, 93))  # wildcards, newer
    clock.advance_sync(5)
    assert [command for command, _ in ota_requests(air)] == [0x01]
    # An unanswered query times out; a truncated notify is malformed.
    clock.advance_sync(60)
    assert not device.ota.busy
    # Errors are answered even with default responses disabled.
    ((_frame, answer),) = server_command(device, air, 0x00, b"\x01")
    assert answer.header.command == 0x0B  # Default Response
    assert answer.payload == bytes([0x00, OtaStatus.MALFORMED_COMMAND])


def test_download_verify_and_reboot_into_the_new_version() -> None:
    device, air, clock = make_device(PLUG)
    assert device.ota is not None
    image = lumi_image(PLUG, 93, size=1200)
    query_and_offer(device, air, image)
    # Downloading: the client's attributes say so.
    records = read_client(device, air, [0x0001, 0x0002, 0x0004, 0x0006, 0x0007, 0x0008])
    assert records == {
        0x0001: 0,
        0x0002: 92,
        0x0004: 93,
        0x0006: ImageUpgradeStatus.DOWNLOAD_IN_PROGRESS,
        0x0007: LUMI,
        0x0008: 0x0101,
    }
    served = answer_blocks(device, air, image)
    assert served == -(-len(image) // 50)
    command, payload = last_request(air)
    assert command == 0x06
    assert payload == struct.pack("<BHHI", OtaStatus.SUCCESS, LUMI, 0x0101, 93)
    assert device.ota.status == ImageUpgradeStatus.DOWNLOAD_COMPLETE
    assert device.ota.stats.bytes_received == len(image)
    # The server says "now": the device flashes, goes silent, then boots the new version.
    air.clear()
    server_command(device, air, 0x07, struct.pack("<HHIII", LUMI, 0x0101, 93, 0, 0))
    clock.advance_sync(0.01)
    assert not device.powered
    assert device.file_version == 93
    clock.advance_sync(device.behaviour(OtaUpdates).reboot_s)
    assert device.powered
    # Freshly booted, it lets Image Notify pass for a while (it queries on its own later).
    notify(device, air)
    clock.advance_sync(2)
    assert ota_requests(air) == []
    clock.advance_sync(OTA_NOTIFY_QUIET_S)
    notify(device, air)
    clock.advance_sync(2)
    assert [command for command, _ in ota_requests(air)] == [0x01]
    assert any(
        frame.profile == ZDO_PROFILE and frame.cluster == ZdoCluster.DEVICE_ANNCE
        for frame in air.frames
    )
    assert device.ota.stats.upgrades_applied == 1
    assert device.read_value(1, BASIC, 0x4000) == "0.0.0_0093"
    assert read_client(device, air, [0x0002, 0x0006]) == {0x0002: 93, 0x0006: 0}
    # The firmware version survives a restart of the simulator.
    state = device.export_state()
    assert state["file_version"] == 93
    fresh, _air, _clock = make_device(PLUG, joined=False)
    fresh.import_state(state)
    assert fresh.file_version == 93


def test_lost_answers_are_asked_for_again() -> None:
    device, air, clock = make_device("lumi.switch.b1nc01")
    assert device.ota is not None
    image = lumi_image("lumi.switch.b1nc01", 30, size=600)
    query_and_offer(device, air, image)
    answer_blocks(device, air, image, skip=4)  # the 4th answer never arrives
    offset = struct.unpack_from("<I", last_request(air)[1], 9)[0]
    clock.advance_sync(BLOCK_TIMEOUT_S)
    command, payload = last_request(air)
    assert command == 0x03
    assert struct.unpack_from("<I", payload, 9)[0] == offset
    # A late answer for an older offset is ignored.
    server_command(device, air, 0x05, struct.pack("<BHHIIB", 0, LUMI, 0x1888, 30, 0, 3) + image[:3])
    assert device.ota.file_offset == offset
    answer_blocks(device, air, image)
    assert last_request(air) == (0x06, struct.pack("<BHHI", 0, LUMI, 0x1888, 30))
    assert device.ota.stats.block_retries == 1


def test_a_silent_server_makes_the_device_give_up() -> None:
    device, air, clock = make_device(PLUG)
    assert device.ota is not None
    query_and_offer(device, air, lumi_image(PLUG, 93, size=400))
    for _ in range(BLOCK_RETRIES + 1):
        clock.advance_sync(BLOCK_TIMEOUT_S)
    command, payload = last_request(air)
    assert command == 0x06
    assert payload[0] == OtaStatus.ABORT
    assert device.ota.stats.block_retries == BLOCK_RETRIES
    assert device.ota.stats.downloads_aborted == 1
    assert not device.ota.busy
    assert device.file_version == 92


@pytest.mark.parametrize(
    ("image", "reason"),
    [
        (lumi_image(PLUG, 93, size=500, corrupt=True), "corrupt firmware"),
        (lumi_image("lumi.plug.mmeu01", 93, size=500, image_type=0x0101), "another model"),
        (
            build_ota_file(manufacturer_code=LUMI, image_type=0x0101, file_version=93, payload=b""),
            "no firmware",
        ),
        (
            build_ota_file(
                manufacturer_code=LUMI,
                image_type=0x0101,
                file_version=93,
                payload=firmware_payload(PLUG, 93, 300),
                hardware_versions=(2, 5),
            ),
            "hardware",
        ),
    ],
)
def test_bad_images_are_refused_at_the_end(image: bytes, reason: str) -> None:
    device, air, clock = make_device(PLUG)
    assert device.ota is not None
    query_and_offer(device, air, image)
    answer_blocks(device, air, image)
    command, payload = last_request(air)
    assert command == 0x06, reason
    assert payload[0] == OtaStatus.INVALID_IMAGE, reason
    assert device.ota.stats.images_rejected == 1
    # The server's Upgrade End Response changes nothing.
    server_command(device, air, 0x07, struct.pack("<HHIII", LUMI, 0x0101, 93, 0, 0))
    clock.advance_sync(10)
    assert device.file_version == 92
    assert device.powered


def test_image_whose_header_disagrees_with_the_offer() -> None:
    device, air, _clock = make_device(PLUG)
    assert device.ota is not None
    real = lumi_image(PLUG, 94, size=300)
    # Offered as version 93 (same size): the downloaded header says 94.
    server_command(device, air, 0x00, b"\x00\x64")
    device.clock.advance_sync(2)
    server_command(device, air, 0x02, struct.pack("<BHHII", 0, LUMI, 0x0101, 93, len(real)))
    blocks = [real[index : index + 50] for index in range(0, len(real), 50)]
    for index, data in enumerate(blocks):
        server_command(
            device,
            air,
            0x05,
            struct.pack("<BHHIIB", 0, LUMI, 0x0101, 93, index * 50, len(data)) + data,
        )
    assert last_request(air) == (0x06, struct.pack("<BHHI", 0x96, LUMI, 0x0101, 93))


def test_offers_for_someone_else_are_ignored() -> None:
    device, air, clock = make_device(PLUG)
    assert device.ota is not None
    notify(device, air)
    clock.advance_sync(2)
    server_command(device, air, 0x02, struct.pack("<BHHII", 0, LUMI, 0x4018, 93, 1000))
    assert last_request(air)[0] == 0x01  # no block request
    assert device.ota.stats.images_rejected == 1
    assert not device.ota.busy
    # Answers nobody asked for are ignored too.
    server_command(device, air, 0x02, struct.pack("<BHHII", 0, LUMI, 0x0101, 93, 1000))
    server_command(device, air, 0x05, struct.pack("<B", OtaStatus.ABORT))
    server_command(device, air, 0x07, struct.pack("<HHIII", LUMI, 0x0101, 93, 0, 0))
    assert device.ota.stats.downloads_started == 0


def test_wait_for_data_abort_and_oversized_blocks() -> None:
    device, air, clock = make_device(PLUG)
    assert device.ota is not None
    image = lumi_image(PLUG, 93, size=300)
    query_and_offer(device, air, image)
    requested = device.ota.stats.blocks_requested
    # WAIT_FOR_DATA: current time 100, request time 103: ask again in 3 s.
    server_command(device, air, 0x05, struct.pack("<BIIH", OtaStatus.WAIT_FOR_DATA, 100, 103, 0))
    clock.advance_sync(2.9)
    assert device.ota.stats.blocks_requested == requested
    clock.advance_sync(0.2)
    assert device.ota.stats.blocks_requested == requested + 1
    # A block reaching past the announced size: invalid image.
    offset = len(image) - 10
    device.ota._buffer = bytearray(image[:offset])
    server_command(
        device,
        air,
        0x05,
        struct.pack("<BHHIIB", 0, LUMI, 0x0101, 93, offset, 20) + bytes(20),
    )
    assert last_request(air)[1][0] == OtaStatus.INVALID_IMAGE
    # The server aborts a second download: the device stops quietly.
    air.clear()
    query_and_offer(device, air, image)
    server_command(device, air, 0x05, bytes([OtaStatus.ABORT]))
    assert not device.ota.busy
    assert [command for command, _ in ota_requests(air)] == [0x01, 0x03]


def test_upgrade_time_is_honoured() -> None:
    device, air, clock = make_device(PLUG)
    assert device.ota is not None
    image = lumi_image(PLUG, 93, size=200)
    query_and_offer(device, air, image)
    answer_blocks(device, air, image)
    # current time 1000, upgrade time 1030: in 30 s
    server_command(device, air, 0x07, struct.pack("<HHIII", LUMI, 0x0101, 93, 1000, 1030))
    assert device.ota.status == ImageUpgradeStatus.WAITING_TO_UPGRADE
    clock.advance_sync(29)
    assert device.file_version == 92
    clock.advance_sync(2)
    assert device.file_version == 93
    # "Upgrade later, on command": not supported, the download is dropped.
    clock.advance_sync(device.behaviour(OtaUpdates).reboot_s + OTA_NOTIFY_QUIET_S)
    image = lumi_image(PLUG, 94, size=200)
    query_and_offer(device, air, image)
    answer_blocks(device, air, image)
    server_command(device, air, 0x07, struct.pack("<HHIII", LUMI, 0x0101, 94, 0, UTC_TIME_NEVER))
    clock.advance_sync(100)
    assert device.file_version == 93
    assert not device.ota.busy


def test_power_loss_forgets_the_download() -> None:
    device, air, clock = make_device(PLUG)
    assert device.ota is not None
    image = lumi_image(PLUG, 93, size=500)
    query_and_offer(device, air, image)
    answer_blocks(device, air, image, skip=3)
    device.power_off()
    assert not device.ota.busy
    assert device.ota.stats.downloads_aborted == 1
    device.power_on()
    clock.advance_sync(BLOCK_TIMEOUT_S * 10)
    assert device.ota.file_offset == 0
    # Leaving the network does too.
    query_and_offer(device, air, image)
    device.leave()
    assert not device.ota.busy


def test_devices_query_on_their_own() -> None:
    device, air, clock = make_device(PLUG)
    assert device.ota is not None
    clock.advance_sync(720)  # some minutes after joining
    assert device.ota.stats.queries == 1
    server_command(device, air, 0x02, bytes([OtaStatus.NO_IMAGE_AVAILABLE]))
    clock.advance_sync(OTA_QUERY_INTERVAL_S)
    assert device.ota.stats.queries == 2
    # Not while unpowered.
    device.power_off()
    clock.advance_sync(OTA_QUERY_INTERVAL_S * 2)
    assert device.ota.stats.queries == 2


def test_only_models_with_an_image_type_have_a_client() -> None:
    device, air, clock = make_device("lumi.switch.l0agl1")  # SSM-U02: no OTA image exists
    assert device.ota is None
    notify(device, air)
    device.ota_query()
    clock.advance_sync(5)
    assert ota_requests(air) == []
    assert read_client(device, air, [0x0002, 0x0006]) == {0x0002: 0, 0x0006: 0}
    for model in ("lumi.plug", "lumi.plug.mmeu01", "lumi.switch.b2laus01", "lumi.switch.b1nc01"):
        assert make_device(model)[0].ota is not None


def test_zncz04lm_firmware_24_loses_power_reports() -> None:
    """What the known-bad release does (Zigbee2MQTT reverted it from its index)."""
    air = CaptureAir()
    from custom_components.aqara_zigbee.simulator.clock import SimClock

    clock = SimClock(manual=True)
    plug = create_device("lumi.plug.mmeu01", bytes(range(8)), 0x1234, air, clock)
    plug.on_joined()
    plug.set_relay(1, True)
    plug.set_load(100)
    assert air.reports(cluster=0x000C, src_ep=21)
    air.clear()
    plug.file_version = 24
    plug.set_load(200)
    assert air.reports(cluster=0x000C, src_ep=21) == []


def test_header_of_requests_uses_the_device_tsn() -> None:
    device, air, clock = make_device(PLUG)
    device.ota_query()
    device.ota_query()  # already waiting for an answer: no second query
    frames = [frame for frame in air.frames if frame.cluster == OTA]
    assert len(frames) == 1
    header, _ = ZclHeader.decode(frames[0].payload)
    assert header.command == 0x01
    clock.advance_sync(1)
