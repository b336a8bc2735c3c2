"""ZCL headers decoded from templates equal zigpy's own decoding (lumi/zcl_header.py)."""

from __future__ import annotations

import itertools

import pytest
from zigpy.zcl import foundation

from custom_components.aqara_zigbee.lumi import zcl_header
from custom_components.aqara_zigbee.lumi.zcl_header import MAX_TEMPLATES, decode_zcl_header

# Frame controls: general/cluster, manufacturer specific or not, both directions, default
# response disabled or not, and reserved bits set
FRAME_CONTROLS = (0x00, 0x01, 0x04, 0x05, 0x08, 0x0C, 0x10, 0x18, 0x1C, 0x19, 0xF8, 0xFD)


@pytest.fixture(autouse=True)
def no_templates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zcl_header, "_templates", {})


def _frame(frame_control: int, tsn: int, command: int, payload: bytes = b"\x01\x02") -> bytes:
    manufacturer = b"\x5f\x11" if frame_control & 0x04 else b""
    return bytes([frame_control]) + manufacturer + bytes([tsn, command]) + payload


def _same(ours: foundation.ZCLHeader, zigpy: foundation.ZCLHeader) -> None:
    assert ours == zigpy
    assert ours.serialize() == zigpy.serialize()
    for name in ("frame_control", "manufacturer", "tsn", "command_id"):
        assert type(getattr(ours, name)) is type(getattr(zigpy, name)), name
    assert ours.direction == zigpy.direction


@pytest.mark.parametrize("frame_control", FRAME_CONTROLS)
def test_every_tsn_decodes_like_zigpy(frame_control: int) -> None:
    for tsn, command in itertools.product(range(256), (0x00, 0x0A, 0x01)):
        frame = _frame(frame_control, tsn, command)
        ours, rest = decode_zcl_header(frame)
        zigpy, zigpy_rest = foundation.ZCLHeader.deserialize(frame)
        _same(ours, zigpy)
        assert rest == zigpy_rest == b"\x01\x02"


def test_each_frame_gets_its_own_header() -> None:
    frame = _frame(0x18, 7, 0x0A)
    first, _ = decode_zcl_header(frame)
    second, _ = decode_zcl_header(frame)
    assert first is not second
    second.tsn = 8  # a listener changing its header changes no other
    third, _ = decode_zcl_header(frame)
    assert (first.tsn, third.tsn) == (7, 7)


def test_truncated_headers_raise_like_zigpy() -> None:
    for frame in (b"", b"\x18", b"\x18\x01", b"\x1c\x5f\x11\x01"):
        with pytest.raises(ValueError):  # noqa: PT011 - zigpy's message varies by field
            foundation.ZCLHeader.deserialize(frame)
        with pytest.raises(ValueError):  # noqa: PT011
            decode_zcl_header(frame)


def test_templates_are_bounded() -> None:
    for manufacturer in range(MAX_TEMPLATES + 10):
        frame = b"\x1c" + manufacturer.to_bytes(2, "little") + b"\x01\x0a"
        header, _ = decode_zcl_header(frame)
        assert header.manufacturer == manufacturer
    assert 0 < len(zcl_header._templates) <= MAX_TEMPLATES
