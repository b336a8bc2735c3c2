"""The W100's 0xFFF2 frames, byte for byte against Zigbee2MQTT's converters.

The expected bytes are transcribed from ``w100SendPMTSD``, ``w100_mode`` and
``lumiExternalSensor`` (zigbee-herdsman-converters 26.112.0, lib/lumi.js); where it picks
bytes at random (counters, message ids) only the structure is compared.
"""

from __future__ import annotations

import struct

import pytest

from custom_components.aqara_zigbee.devices.model import FrameContext
from custom_components.aqara_zigbee.features.w100 import (
    ExternalValueWrite,
    PmtsdField,
    PmtsdRequest,
    PmtsdText,
    PmtsdWrite,
    SensorCodec,
    SensorWrite,
    ThermostatModeWrite,
    lumi_header,
    pmtsd_frame,
)

IEEE = "54:ef:44:10:01:26:5a:ab"
DEVICE = bytes.fromhex("54ef441001265aab")
HUB = bytes.fromhex("54ef4480711a")
FICTIVE = bytes.fromhex("00158d00019d1b98")


def _context(values: dict[str, object] | None = None, **numbers: float) -> FrameContext:
    return FrameContext(ieee=IEEE, values=values or {}, numbers=numbers, now=1_750_000_000.0)


def _from_unit(text: bytes) -> bytes:
    """A frame as the W100 sends a PMTSD change (the fields after ``08 44 <length>``)."""
    body = bytes(8) + bytes((0x08, 0x00, 0x08, 0x44, len(text))) + text
    return lumi_header(0x21, len(body), 0x05) + body


def test_the_pmtsd_write_is_zigbee2mqtt_s_frame() -> None:
    text = b"P0_M1_T22.5_S2_D0"
    expected = (
        bytes((0xAA, 0x71, 0x1F, 0x44, 0x10, 0x00, 0x05, 0x41, 0x1C, 0x00, 0x00))
        + HUB
        + bytes((0x08, 0x00, 0x08, 0x44, len(text)))
        + text
    )
    assert pmtsd_frame(0, 1, 22.5, 2, counter=0x10) == expected
    assert pmtsd_frame(1, 0, 15, 0, counter=0x10).endswith(b"P1_M0_T15_S0_D0")


def test_a_thermostat_value_is_written_with_the_confirmed_others() -> None:
    state = {"system_mode": "cool", "occupied_heating_setpoint": 24.0, "fan_mode": "low"}
    write = PmtsdWrite("fan_mode")
    (frame,) = write.frames("high", _context(state))
    assert frame.endswith(b"P0_M0_T24_S3_D0")
    assert write.confirmed("high", _context(state)) == {**state, "fan_mode": "high"}
    # Nothing known yet: Zigbee2MQTT's defaults (off, 15 °C, auto; cool kept as the mode)
    (frame,) = PmtsdWrite("system_mode").frames(None, _context())
    assert frame.endswith(b"P1_M0_T15_S0_D0")
    (frame,) = PmtsdWrite("system_mode").frames("auto", _context())
    assert frame.endswith(b"P0_M2_T15_S0_D0")


def test_the_set_point_keeps_to_the_target_range_options() -> None:
    write = PmtsdWrite("occupied_heating_setpoint")
    assert write.frames(30, _context())[0].endswith(b"T30_S0_D0")
    with pytest.raises(ValueError, match=r"between 5\.0 and 25"):
        write.frames(26, _context(max_target_temp=25))
    assert write.frames(3.5, _context(min_target_temp=-20))[0].endswith(b"T3.5_S0_D0")
    with pytest.raises(ValueError, match="is no fan_mode"):
        PmtsdWrite("fan_mode").frames("turbo", _context())


def test_the_unit_s_fields_are_decoded_each_on_its_own() -> None:
    frame = _from_unit(b"P0_M2_T23.5_S3_D0")
    assert PmtsdField("system_mode").decode(frame) == "auto"
    assert PmtsdField("occupied_heating_setpoint").decode(frame) == 23.5
    assert PmtsdField("fan_mode").decode(frame) == "high"
    assert PmtsdText().decode(frame) == "PW0_MW2_TW23.5_SW3_DW0"
    assert PmtsdRequest().decode(frame) is None
    # A change of one field tells nothing of the others
    only_setpoint = _from_unit(b"T19")
    assert PmtsdField("occupied_heating_setpoint").decode(only_setpoint) == 19.0
    assert PmtsdField("fan_mode").decode(only_setpoint) is None
    assert PmtsdField("system_mode").decode(only_setpoint) is None
    assert PmtsdField("system_mode").decode(_from_unit(b"P1_M1")) == "off"


def test_the_state_request_is_an_action_and_no_value() -> None:
    body = bytes(8) + bytes((0x08, 0x00, 0x08, 0x44))
    request = lumi_header(0x31, len(body), 0x05) + body
    assert PmtsdRequest().decode(request) == 1
    for field in ("system_mode", "fan_mode", "occupied_heating_setpoint"):
        assert PmtsdField(field).decode(request) is None
    assert PmtsdText().decode(request) is None
    assert PmtsdField("fan_mode").decode(b"\x01\x02") is None
    assert PmtsdField("fan_mode").decode(17) is None


def test_thermostat_mode_frames() -> None:
    (on,) = ThermostatModeWrite().frames(True, _context())
    assert len(on) == 56
    assert on[:4] == bytes.fromhex("aa713244")
    assert sum(on[:6]) % 256 == 0  # the header's integrity byte
    assert on[6:11] == bytes.fromhex("02412f6891")
    assert on[13] == 0x18
    assert on[14:22] == DEVICE
    assert on[22:24] == bytes(2)
    assert on[24:30] == HUB
    assert on[30:] == bytes.fromhex("08000844150a0109e7a9bae8b083e58a9f000000000001012a40")
    (off,) = ThermostatModeWrite().frames(False, _context())
    assert len(off) == 34
    assert off[:4] == bytes.fromhex("aa711c44")
    assert sum(off[:6]) % 256 == 0
    assert off[6:11] == bytes.fromhex("0441196891")
    assert off[13] == 0x18
    assert off[14:22] == DEVICE
    assert off[22:] == bytes(12)


def test_external_sensor_announcements() -> None:
    stamp = struct.pack(">I", 1_750_000_000)
    rest_temperature = bytes.fromhex("00020055150a0100000106e6b9bfe5baa6000000000001020865")
    rest_humidity = bytes.fromhex("00010055150a0100000106e6b8a9e5baa6000000000001020763")
    first, second = SensorWrite().frames("external", _context())
    params = stamp + b"\x15" + DEVICE + FICTIVE + rest_temperature
    assert first == lumi_header(0x12, len(params), 0x02) + params
    params = stamp + b"\x14" + DEVICE + FICTIVE + rest_humidity
    assert second == lumi_header(0x13, len(params), 0x02) + params
    first, second = SensorWrite().frames("internal", _context())
    assert first == lumi_header(0x12, 25, 0x04) + stamp + b"\x15" + DEVICE + bytes(12)
    assert second == lumi_header(0x13, 25, 0x04) + stamp + b"\x14" + DEVICE + bytes(12)
    assert SensorWrite().confirmed("external", _context()) == {"sensor": "external"}
    assert [SensorCodec().decode(raw) for raw in range(4)] == [
        "internal",
        "internal",
        "external",
        "external",
    ]


def test_external_readings() -> None:
    write = ExternalValueWrite("external_temperature", 1, -100.0, 100.0)
    (frame,) = write.frames(21.5, _context())
    assert frame == (
        bytes.fromhex("aa711344127c054110")
        + FICTIVE
        + bytes.fromhex("00010055")
        + b"\x45\x06\x60\x00"
    )
    humidity = ExternalValueWrite("external_humidity", 2, 0.0, 100.0)
    assert humidity.frames(40, _context())[0][17:21] == bytes.fromhex("00020055")
    with pytest.raises(ValueError, match="is not in"):
        humidity.frames(101, _context())
