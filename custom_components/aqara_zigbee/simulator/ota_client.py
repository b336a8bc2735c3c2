"""Zigbee OTA upgrade files and the client side of the OTA Upgrade cluster (0x0019).

Written from the ZCL specification (chapter 11, OTA Upgrade) with ``struct`` only, like the
rest of the simulator: it shares no code with zigpy or the integration.

* :func:`build_ota_file` / :func:`parse_ota_file`: the upgrade file format (header with
  magic 0x0BEEF11E, header version 0x0100, then tagged sub-elements).
* :func:`firmware_payload`: what a *simulated* firmware looks like inside the upgrade-image
  tag: a marker, the model id, the version, filler and a CRC32 over all of it, so that a
  simulated device can tell a corrupted image from a good one.
* :class:`OtaClient`: the device side of a download. Image Notify → (after a short delay)
  Query Next Image Request → Image Block Requests with retries → Upgrade End Request → on
  Upgrade End Response the device "reboots" into the new version.

Demo images of the simulated models are written by :mod:`.ota`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import IntEnum
import hashlib
import struct
from typing import Final
import zlib

from .clock import SimClock, SimTimer

OTA_FILE_MAGIC: Final = 0x0BEEF11E
OTA_HEADER_VERSION: Final = 0x0100
HEADER_STRING_LENGTH: Final = 32
# Fixed part of the header: magic, header version, header length, field control,
# manufacturer code, image type, file version, stack version, header string, total size.
_HEADER = struct.Struct("<IHHHHHIH32sI")
_TAG = struct.Struct("<HI")

# Header field control bits
FIELD_SECURITY_CREDENTIAL: Final = 0x0001
FIELD_DEVICE_SPECIFIC: Final = 0x0002
FIELD_HARDWARE_VERSIONS: Final = 0x0004

# Sub-element tags
TAG_UPGRADE_IMAGE: Final = 0x0000

ZIGBEE_PRO_STACK: Final = 0x0002

# Simulated firmware: marker, then u8 model-id length, model id, u32 version, filler, CRC32.
FIRMWARE_MARKER: Final = b"AQSIMFW\x01"
DEFAULT_FIRMWARE_SIZE: Final = 32 * 1024

# Cluster commands (client → server are the device's requests)
CMD_IMAGE_NOTIFY: Final = 0x00
CMD_QUERY_NEXT_IMAGE: Final = 0x01
CMD_QUERY_NEXT_IMAGE_RESPONSE: Final = 0x02
CMD_IMAGE_BLOCK: Final = 0x03
CMD_IMAGE_BLOCK_RESPONSE: Final = 0x05
CMD_UPGRADE_END: Final = 0x06
CMD_UPGRADE_END_RESPONSE: Final = 0x07

# Client behaviour (simulated seconds unless said otherwise)
MAX_DATA_SIZE: Final = 64  # asked for in every Image Block Request; servers may send less
BLOCK_TIMEOUT_S: Final = 2.0  # no Image Block Response: ask again
BLOCK_RETRIES: Final = 5  # then give up with Upgrade End Request(ABORT)
# A round trip through the real zigpy stack takes real time: at high simulation speeds a
# timeout in simulated seconds would expire before any answer could come back.
MIN_REAL_TIMEOUT_S: Final = 1.0
QUERY_TIMEOUT_S: Final = 10.0
UPGRADE_END_TIMEOUT_S: Final = 60.0
MAX_IMAGE_SIZE: Final = 4 * 1024 * 1024
UTC_TIME_NEVER: Final = 0xFFFFFFFF


class OtaStatus(IntEnum):
    """ZCL status codes of the OTA cluster (and the generic ones it uses)."""

    SUCCESS = 0x00
    MALFORMED_COMMAND = 0x80
    ABORT = 0x95
    INVALID_IMAGE = 0x96
    WAIT_FOR_DATA = 0x97
    NO_IMAGE_AVAILABLE = 0x98
    REQUIRE_MORE_IMAGE = 0x99


class ImageUpgradeStatus(IntEnum):
    """The client's ImageUpgradeStatus attribute (0x0006)."""

    NORMAL = 0x00
    DOWNLOAD_IN_PROGRESS = 0x01
    DOWNLOAD_COMPLETE = 0x02
    WAITING_TO_UPGRADE = 0x03


class OtaFileError(ValueError):
    """The bytes are not a well-formed Zigbee OTA upgrade file."""


class FirmwareCheck(IntEnum):
    """What a simulated device makes of the firmware inside an upgrade file."""

    VALID = 0
    FOREIGN = 1  # not a simulated firmware (a real vendor image): accepted as is
    CORRUPT = 2
    WRONG_MODEL = 3


@dataclass(frozen=True, slots=True)
class OtaHeader:
    """The header of an OTA upgrade file."""

    manufacturer_code: int
    image_type: int
    file_version: int
    stack_version: int = ZIGBEE_PRO_STACK
    header_string: str = ""
    total_size: int = 0
    field_control: int = 0
    header_length: int = _HEADER.size
    security_credential_version: int | None = None
    min_hardware_version: int | None = None
    max_hardware_version: int | None = None


@dataclass(frozen=True, slots=True)
class OtaFile:
    """A parsed OTA upgrade file: its header and its (tag, data) sub-elements."""

    header: OtaHeader
    elements: tuple[tuple[int, bytes], ...]

    @property
    def upgrade_image(self) -> bytes | None:
        """The data of the upgrade-image tag (the firmware itself)."""
        return next((data for tag, data in self.elements if tag == TAG_UPGRADE_IMAGE), None)


def build_ota_file(
    *,
    manufacturer_code: int,
    image_type: int,
    file_version: int,
    payload: bytes,
    stack_version: int = ZIGBEE_PRO_STACK,
    header_string: str = "",
    hardware_versions: tuple[int, int] | None = None,
) -> bytes:
    """A Zigbee OTA upgrade file with one upgrade-image tag holding ``payload``."""
    field_control = 0
    optional = b""
    if hardware_versions is not None:
        field_control |= FIELD_HARDWARE_VERSIONS
        optional += struct.pack("<HH", *hardware_versions)
    header_length = _HEADER.size + len(optional)
    elements = _TAG.pack(TAG_UPGRADE_IMAGE, len(payload)) + payload
    text = header_string.encode("utf-8")[:HEADER_STRING_LENGTH].ljust(HEADER_STRING_LENGTH, b"\0")
    header = _HEADER.pack(
        OTA_FILE_MAGIC,
        OTA_HEADER_VERSION,
        header_length,
        field_control,
        manufacturer_code,
        image_type,
        file_version,
        stack_version,
        text,
        header_length + len(elements),
    )
    return header + optional + elements


def parse_ota_file(data: bytes) -> OtaFile:
    """Parse and check an OTA upgrade file (raises :class:`OtaFileError`)."""
    if len(data) < _HEADER.size:
        raise OtaFileError(f"{len(data)} bytes is too short for an OTA header")
    (
        magic,
        header_version,
        header_length,
        field_control,
        manufacturer_code,
        image_type,
        file_version,
        stack_version,
        text,
        total_size,
    ) = _HEADER.unpack_from(data)
    if magic != OTA_FILE_MAGIC:
        raise OtaFileError(f"bad magic 0x{magic:08X}")
    if header_version != OTA_HEADER_VERSION:
        raise OtaFileError(f"unsupported header version 0x{header_version:04X}")
    offset = _HEADER.size
    credential: int | None = None
    min_hw: int | None = None
    max_hw: int | None = None
    try:
        if field_control & FIELD_SECURITY_CREDENTIAL:
            credential = data[offset]
            offset += 1
        if field_control & FIELD_DEVICE_SPECIFIC:
            offset += 8  # upgrade file destination (an IEEE address)
        if field_control & FIELD_HARDWARE_VERSIONS:
            min_hw, max_hw = struct.unpack_from("<HH", data, offset)
            offset += 4
    except (IndexError, struct.error) as err:
        raise OtaFileError("header shorter than its field control says") from err
    if header_length != offset:
        raise OtaFileError(f"header length {header_length} != {offset}")
    if total_size != len(data):
        raise OtaFileError(f"total image size {total_size} != {len(data)} bytes")
    elements: list[tuple[int, bytes]] = []
    while offset < total_size:
        if offset + _TAG.size > total_size:
            raise OtaFileError("truncated sub-element header")
        tag, length = _TAG.unpack_from(data, offset)
        offset += _TAG.size
        if offset + length > total_size:
            raise OtaFileError(f"sub-element 0x{tag:04X} runs past the end of the file")
        elements.append((tag, bytes(data[offset : offset + length])))
        offset += length
    header = OtaHeader(
        manufacturer_code=manufacturer_code,
        image_type=image_type,
        file_version=file_version,
        stack_version=stack_version,
        header_string=text.rstrip(b"\0").decode("utf-8", "replace"),
        total_size=total_size,
        field_control=field_control,
        header_length=header_length,
        security_credential_version=credential,
        min_hardware_version=min_hw,
        max_hardware_version=max_hw,
    )
    return OtaFile(header, tuple(elements))


def firmware_payload(model_id: str, file_version: int, size: int = DEFAULT_FIRMWARE_SIZE) -> bytes:
    """A simulated firmware of ``size`` bytes for ``model_id`` (deterministic content)."""
    model = model_id.encode("ascii")
    head = FIRMWARE_MARKER + bytes([len(model)]) + model + struct.pack("<I", file_version)
    filler_size = size - len(head) - 4
    if filler_size < 0:
        raise ValueError(f"a firmware for {model_id} needs at least {len(head) + 4} bytes")
    seed = hashlib.sha256(head).digest()
    filler = (seed * (filler_size // len(seed) + 1))[:filler_size]
    body = head + filler
    return body + struct.pack("<I", zlib.crc32(body))


def check_firmware_payload(payload: bytes, model_id: str) -> FirmwareCheck:
    """Whether a simulated device accepts ``payload`` as its firmware."""
    if not payload.startswith(FIRMWARE_MARKER):
        return FirmwareCheck.FOREIGN
    if len(payload) < len(FIRMWARE_MARKER) + 9:
        return FirmwareCheck.CORRUPT
    body, (crc,) = payload[:-4], struct.unpack("<I", payload[-4:])
    if zlib.crc32(body) != crc:
        return FirmwareCheck.CORRUPT
    length = payload[len(FIRMWARE_MARKER)]
    start = len(FIRMWARE_MARKER) + 1
    if payload[start : start + length] != model_id.encode("ascii"):
        return FirmwareCheck.WRONG_MODEL
    return FirmwareCheck.VALID


# -- the client ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OtaIdentity:
    """What a device says about itself in Query Next Image Request."""

    model_id: str
    manufacturer_code: int
    image_type: int
    hardware_version: int | None


@dataclass(frozen=True, slots=True)
class _Offer:
    """The image a server offered in its Query Next Image Response."""

    manufacturer_code: int
    image_type: int
    file_version: int
    size: int


@dataclass(slots=True)
class OtaStats:
    """Counters for tests, demos and benchmarks (simulated seconds for durations)."""

    queries: int = 0
    downloads_started: int = 0
    blocks_requested: int = 0
    block_retries: int = 0
    bytes_received: int = 0
    downloads_completed: int = 0
    images_rejected: int = 0
    downloads_aborted: int = 0
    upgrades_applied: int = 0
    last_end_status: int | None = None
    last_transfer_s: float | None = None
    end_statuses: list[int] = field(default_factory=list)


class OtaClient:
    """The OTA Upgrade client of one simulated device (endpoint 1, cluster 0x0019 out).

    ``send(command, payload)`` sends a client → server cluster command to the coordinator;
    ``current_version()`` is the running firmware's file version; ``apply(version)`` is
    called when the server says to upgrade to a downloaded, verified image.
    """

    def __init__(
        self,
        identity: OtaIdentity,
        clock: SimClock,
        *,
        send: Callable[[int, bytes], None],
        current_version: Callable[[], int],
        apply: Callable[[int], None],
        jitter_seed: int = 0,
    ) -> None:
        self.identity = identity
        self.clock = clock
        self._send = send
        self._current_version = current_version
        self._apply = apply
        self.stats = OtaStats()
        # Deterministic per-device stand-ins for the spec's random choices.
        self._jitter_pick = 1 + jitter_seed % 100  # compared with an Image Notify's jitter
        self.notify_delay_s = 0.2 + (jitter_seed % 8) / 10
        # Simulated seconds between two block requests (0: as fast as answers come).
        self.block_interval_s = 0.0
        # Image Notify is ignored until then (the device set it when it joined or booted).
        self.quiet_until = 0.0
        self.status = ImageUpgradeStatus.NORMAL
        self._querying = False
        self._offer: _Offer | None = None
        self._buffer = bytearray()
        self._retries = 0
        self._started_at: float | None = None
        self._timer: SimTimer | None = None

    # -- attributes ---------------------------------------------------------------------

    @property
    def file_offset(self) -> int:
        """FileOffset attribute (0x0001): bytes received of the current download."""
        return len(self._buffer)

    @property
    def downloaded_version(self) -> int:
        """DownloadedFileVersion attribute (0x0004)."""
        return self._offer.file_version if self._offer is not None else 0xFFFFFFFF

    @property
    def busy(self) -> bool:
        """True from the query until the download ends (or fails)."""
        return self._querying or self.status != ImageUpgradeStatus.NORMAL

    # -- control ------------------------------------------------------------------------

    def reset(self) -> None:
        """Forget a download in progress (power loss, leaving the network)."""
        self._cancel_timer()
        if self.status == ImageUpgradeStatus.DOWNLOAD_IN_PROGRESS:
            self.stats.downloads_aborted += 1
        self._querying = False
        self._offer = None
        self._buffer = bytearray()
        self.status = ImageUpgradeStatus.NORMAL

    def query(self) -> None:
        """Send Query Next Image Request (unless a download is under way)."""
        if self.busy:
            return
        self._querying = True
        self.stats.queries += 1
        identity = self.identity
        field_control = 0x01 if identity.hardware_version is not None else 0x00
        payload = struct.pack(
            "<BHHI",
            field_control,
            identity.manufacturer_code,
            identity.image_type,
            self._current_version(),
        )
        if identity.hardware_version is not None:
            payload += struct.pack("<H", identity.hardware_version)
        self._arm(QUERY_TIMEOUT_S, self._query_timed_out, timeout=True)
        self._send(CMD_QUERY_NEXT_IMAGE, payload)

    # -- server commands ----------------------------------------------------------------

    def handle(self, command: int, payload: bytes) -> OtaStatus | None:
        """A server → client command; returns a status for a Default Response, or None."""
        try:
            if command == CMD_IMAGE_NOTIFY:
                self._image_notify(payload)
            elif command == CMD_QUERY_NEXT_IMAGE_RESPONSE:
                self._query_response(payload)
            elif command == CMD_IMAGE_BLOCK_RESPONSE:
                self._block_response(payload)
            elif command == CMD_UPGRADE_END_RESPONSE:
                self._upgrade_end_response(payload)
            else:
                return None
        except struct.error, IndexError:
            return OtaStatus.MALFORMED_COMMAND
        return None

    def _image_notify(self, payload: bytes) -> None:
        payload_type, jitter = payload[0], payload[1]
        if payload_type >= 1:
            (manufacturer,) = struct.unpack_from("<H", payload, 2)
            if manufacturer not in (0xFFFF, self.identity.manufacturer_code):
                return
        if payload_type >= 2:
            (image_type,) = struct.unpack_from("<H", payload, 4)
            if image_type not in (0xFFFF, self.identity.image_type):
                return
        if payload_type >= 3:
            (version,) = struct.unpack_from("<I", payload, 6)
            if version == self._current_version():
                return
        if jitter < self._jitter_pick or self.busy or self.clock.now < self.quiet_until:
            return
        # Devices answer after a random delay so a broadcast does not make them all talk
        # at once; ours is deterministic per device.
        self.clock.call_later(self.notify_delay_s, self.query)

    def _query_response(self, payload: bytes) -> None:
        if not self._querying:
            return
        self._querying = False
        self._cancel_timer()
        status = payload[0]
        if status != OtaStatus.SUCCESS:
            return
        manufacturer, image_type, version, size = struct.unpack_from("<HHII", payload, 1)
        identity = self.identity
        if (
            manufacturer != identity.manufacturer_code
            or image_type != identity.image_type
            or not 0 < size <= MAX_IMAGE_SIZE
        ):
            self.stats.images_rejected += 1
            return
        self._offer = _Offer(manufacturer, image_type, version, size)
        self._buffer = bytearray()
        self._retries = 0
        self._started_at = self.clock.now
        self.status = ImageUpgradeStatus.DOWNLOAD_IN_PROGRESS
        self.stats.downloads_started += 1
        self._request_block()

    def _request_block(self) -> None:
        offer = self._offer
        if offer is None or self.status != ImageUpgradeStatus.DOWNLOAD_IN_PROGRESS:
            return
        self.stats.blocks_requested += 1
        payload = struct.pack(
            "<BHHIIB",
            0x00,
            offer.manufacturer_code,
            offer.image_type,
            offer.file_version,
            len(self._buffer),
            MAX_DATA_SIZE,
        )
        self._arm(BLOCK_TIMEOUT_S, self._block_timed_out, timeout=True)
        self._send(CMD_IMAGE_BLOCK, payload)

    def _block_response(self, payload: bytes) -> None:
        offer = self._offer
        if offer is None or self.status != ImageUpgradeStatus.DOWNLOAD_IN_PROGRESS:
            return
        status = payload[0]
        if status == OtaStatus.ABORT:
            self._cancel_timer()
            self.stats.downloads_aborted += 1
            self._finish_download()
            return
        if status == OtaStatus.WAIT_FOR_DATA:
            current, request, minimum_ms = struct.unpack_from("<IIH", payload, 1)
            delay = max(request - current, minimum_ms / 1000, 0.1)
            self._arm(delay, self._request_block)
            return
        if status != OtaStatus.SUCCESS:
            return
        manufacturer, image_type, version, offset, size = struct.unpack_from("<HHIIB", payload, 1)
        data = payload[14 : 14 + size]
        if (
            (manufacturer, image_type, version)
            != (
                offer.manufacturer_code,
                offer.image_type,
                offer.file_version,
            )
            or offset != len(self._buffer)
            or len(data) != size
            or size == 0
        ):
            return  # a late answer to a request we already repeated, or garbage
        if offset + size > offer.size:
            self._cancel_timer()
            self._end(OtaStatus.INVALID_IMAGE)
            return
        self._cancel_timer()
        self._retries = 0
        self._buffer += data
        self.stats.bytes_received += size
        if len(self._buffer) < offer.size:
            if self.block_interval_s > 0:
                self._arm(self.block_interval_s, self._request_block)
            else:
                self._request_block()
            return
        self._downloaded()

    def _downloaded(self) -> None:
        """All bytes are in: verify the image and tell the server."""
        offer = self._offer
        assert offer is not None
        if self._started_at is not None:
            self.stats.last_transfer_s = self.clock.now - self._started_at
        self.stats.downloads_completed += 1
        status = (
            OtaStatus.SUCCESS
            if self._verify(bytes(self._buffer), offer)
            else (OtaStatus.INVALID_IMAGE)
        )
        self._end(status)

    def _verify(self, data: bytes, offer: _Offer) -> bool:
        try:
            image = parse_ota_file(data)
        except OtaFileError:
            return False
        header = image.header
        if (header.manufacturer_code, header.image_type, header.file_version) != (
            offer.manufacturer_code,
            offer.image_type,
            offer.file_version,
        ):
            return False
        hardware = self.identity.hardware_version
        if hardware is not None and (
            (header.min_hardware_version is not None and hardware < header.min_hardware_version)
            or (header.max_hardware_version is not None and hardware > header.max_hardware_version)
        ):
            return False
        firmware = image.upgrade_image
        if not firmware:
            return False
        return check_firmware_payload(firmware, self.identity.model_id) in (
            FirmwareCheck.VALID,
            FirmwareCheck.FOREIGN,
        )

    def _end(self, status: OtaStatus) -> None:
        """Send Upgrade End Request; on success wait for the server's go-ahead."""
        offer = self._offer
        assert offer is not None
        self.stats.last_end_status = int(status)
        self.stats.end_statuses.append(int(status))
        if status == OtaStatus.SUCCESS:
            self.status = ImageUpgradeStatus.DOWNLOAD_COMPLETE
            self._arm(UPGRADE_END_TIMEOUT_S, self._finish_download, timeout=True)
        else:
            if status == OtaStatus.INVALID_IMAGE:
                self.stats.images_rejected += 1
            self._finish_download()
        self._send(
            CMD_UPGRADE_END,
            struct.pack(
                "<BHHI", status, offer.manufacturer_code, offer.image_type, offer.file_version
            ),
        )

    def _upgrade_end_response(self, payload: bytes) -> None:
        offer = self._offer
        if offer is None or self.status != ImageUpgradeStatus.DOWNLOAD_COMPLETE:
            return
        manufacturer, image_type, version, current, upgrade = struct.unpack_from("<HHIII", payload)
        if (manufacturer, image_type) != (offer.manufacturer_code, offer.image_type) or (
            version not in (offer.file_version, 0xFFFFFFFF)
        ):
            return
        self._cancel_timer()
        if upgrade == UTC_TIME_NEVER:
            self._finish_download()  # "wait for a later command": not supported, give up
            return
        # A zero current time makes the upgrade time an offset in seconds.
        delay = float(upgrade if current == 0 else max(0, upgrade - current))
        self.status = ImageUpgradeStatus.WAITING_TO_UPGRADE
        self._arm(delay, self._upgrade_now)

    def _upgrade_now(self) -> None:
        offer = self._offer
        self._offer = None
        self._buffer = bytearray()
        self.status = ImageUpgradeStatus.NORMAL
        if offer is not None:
            self.stats.upgrades_applied += 1
            self._apply(offer.file_version)

    # -- timers -------------------------------------------------------------------------

    def _finish_download(self) -> None:
        self._cancel_timer()
        self._offer = None
        self._buffer = bytearray()
        self.status = ImageUpgradeStatus.NORMAL

    def _query_timed_out(self) -> None:
        self._querying = False

    def _block_timed_out(self) -> None:
        self._timer = None
        if self._offer is None or self.status != ImageUpgradeStatus.DOWNLOAD_IN_PROGRESS:
            return
        self._retries += 1
        if self._retries > BLOCK_RETRIES:
            self.stats.downloads_aborted += 1
            self._end(OtaStatus.ABORT)
            return
        self.stats.block_retries += 1
        self._request_block()

    def _arm(self, delay: float, callback: Callable[[], None], *, timeout: bool = False) -> None:
        self._cancel_timer()
        if timeout and not self.clock.manual:
            delay = max(delay, MIN_REAL_TIMEOUT_S * self.clock.speed)
        self._timer = self.clock.call_later(delay, callback)

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
