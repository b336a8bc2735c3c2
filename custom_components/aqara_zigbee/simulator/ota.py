"""Demo OTA images a simulated model accepts (or rejects), and their command line.

``python -m custom_components.aqara_zigbee.simulator.ota MODEL VERSION FOLDER`` writes a demo
image for a simulated model (``--corrupt`` flips a byte of the firmware).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
import sys

from .behaviours.ota_updates import OtaUpdates
from .models import resolve_model
from .ota_client import DEFAULT_FIRMWARE_SIZE, build_ota_file, firmware_payload
from .zcl import LUMI_MANUFACTURER_CODE

# -- demo images -----------------------------------------------------------------------------


def demo_image(
    model: str,
    file_version: int,
    *,
    size: int = DEFAULT_FIRMWARE_SIZE,
    corrupt: bool = False,
    image_type: int | None = None,
    manufacturer_code: int | None = None,
) -> bytes:
    """An upgrade file a simulated ``model`` (model id or Z2M name) accepts (or not)."""
    twin = resolve_model(model)
    ota = next((b for b in twin.behaviours() if isinstance(b, OtaUpdates)), None)
    image_type = (ota.image_type if ota is not None else None) if image_type is None else image_type
    if image_type is None:
        raise ValueError(f"{twin.zigbee_model} has no OTA image type")
    payload = bytearray(firmware_payload(twin.zigbee_model, file_version, size))
    if corrupt:
        payload[len(payload) // 2] ^= 0xFF
    default_code = ota.manufacturer_code if ota is not None else LUMI_MANUFACTURER_CODE
    return build_ota_file(
        manufacturer_code=default_code if manufacturer_code is None else manufacturer_code,
        image_type=image_type,
        file_version=file_version,
        payload=bytes(payload),
        header_string=f"{twin.z2m_model} simulated firmware {file_version}",
    )


def demo_image_name(model: str, file_version: int) -> str:
    """A file name for a demo image (``ZNCZ02LM-0000005D.ota``)."""
    return f"{resolve_model(model).z2m_model}-{file_version:08X}.ota"


def write_demo_image(
    model: str,
    file_version: int,
    folder: Path,
    *,
    size: int = DEFAULT_FIRMWARE_SIZE,
    corrupt: bool = False,
) -> Path:
    """Write :func:`demo_image` into ``folder`` (created if needed); return the path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / demo_image_name(model, file_version)
    path.write_bytes(demo_image(model, file_version, size=size, corrupt=corrupt))
    return path


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m custom_components.aqara_zigbee.simulator.ota MODEL VERSION FOLDER``."""
    parser = argparse.ArgumentParser(
        prog="python -m custom_components.aqara_zigbee.simulator.ota",
        description="Write an OTA upgrade file a simulated Aqara device accepts.",
    )
    parser.add_argument("model", help="model id or Z2M name, e.g. ZNCZ02LM")
    parser.add_argument("version", type=lambda text: int(text, 0), help="new file version")
    parser.add_argument("folder", type=Path, help="e.g. <config>/aqara_zigbee/ota")
    parser.add_argument("--size", type=int, default=DEFAULT_FIRMWARE_SIZE, help="firmware bytes")
    parser.add_argument("--corrupt", action="store_true", help="flip a byte of the firmware")
    args = parser.parse_args(argv)
    try:
        path = write_demo_image(
            args.model, args.version, args.folder, size=args.size, corrupt=args.corrupt
        )
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
