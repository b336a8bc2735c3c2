"""A small Zigbee OTA upgrade file builder for tests, written from the ZCL specification.

Independent of both the integration and the simulator's own builder (``simulator/ota.py``),
so each checks the other. The firmware inside the upgrade-image tag follows the simulated
devices' convention: ``AQSIMFW\\x01``, the model id (length-prefixed), the file version,
filler, then a CRC32 over everything before it.
"""

from __future__ import annotations

from pathlib import Path
import struct
import zlib

MAGIC = 0x0BEEF11E
HEADER_VERSION = 0x0100
LUMI = 0x115F
FIRMWARE_MARKER = b"AQSIMFW\x01"

# model id -> image type (Koenkk/zigbee-OTA index)
IMAGE_TYPES = {
    "lumi.plug": 0x0101,
    "lumi.plug.mmeu01": 0x4018,
    "lumi.switch.b2laus01": 0x0290,
    "lumi.switch.b1nc01": 0x1888,
}


def firmware(model_id: str, version: int, size: int = 2048) -> bytes:
    """Simulated firmware the device of ``model_id`` accepts."""
    head = FIRMWARE_MARKER + bytes([len(model_id)]) + model_id.encode() + struct.pack("<I", version)
    body = head + bytes((index * 7 + version) & 0xFF for index in range(size - len(head) - 4))
    return body + struct.pack("<I", zlib.crc32(body))


def ota_file(
    *,
    image_type: int,
    version: int,
    payload: bytes,
    manufacturer: int = LUMI,
    header_string: str = "test image",
    stack_version: int = 0x0002,
) -> bytes:
    """An OTA file: the 56-byte header (no optional fields) and one upgrade-image tag."""
    header_length = 4 + 2 + 2 + 2 + 2 + 2 + 4 + 2 + 32 + 4
    tag = struct.pack("<HI", 0x0000, len(payload)) + payload
    return (
        struct.pack(
            "<IHHHHHIH",
            MAGIC,
            HEADER_VERSION,
            header_length,
            0x0000,  # field control: no optional fields
            manufacturer,
            image_type,
            version,
            stack_version,
        )
        + header_string.encode().ljust(32, b"\0")
        + struct.pack("<I", header_length + len(tag))
        + tag
    )


def lumi_image(
    model_id: str,
    version: int,
    *,
    size: int = 2048,
    corrupt: bool = False,
    image_type: int | None = None,
    manufacturer: int = LUMI,
) -> bytes:
    """A valid (or deliberately wrong) image for a simulated Lumi model."""
    payload = bytearray(firmware(model_id, version, size))
    if corrupt:
        payload[len(payload) // 2] ^= 0x5A
    return ota_file(
        image_type=IMAGE_TYPES[model_id] if image_type is None else image_type,
        version=version,
        payload=bytes(payload),
        manufacturer=manufacturer,
        header_string=f"{model_id} {version}",
    )


def write_image(folder: Path, name: str, data: bytes, notes: str | None = None) -> Path:
    """Put an image (and optional release notes) in an image folder."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    if notes is not None:
        path.with_name(path.name + ".md").write_text(notes, encoding="utf-8")
    return path
