"""Heartbeat TLV decoding: real payloads, broken length prefixes, garbage."""

from __future__ import annotations

import logging
import math
import struct

from hypothesis import given, settings, strategies as st
import pytest

from custom_components.aqara_zigbee.lumi import heartbeat
from custom_components.aqara_zigbee.lumi.heartbeat import split_prefixed
from tests.fuzzing import parse, parse_prefixed

# Real payloads (devices.md)
ZNCZ04LM_2019 = bytes.fromhex(
    "64 10 00 | 03 28 1A | 98 39 00000000 | 95 39 441D343F | 96 39 00801345 | 97 39 00000000"
    " | 05 21 0100 | 9A 20 00 | 08 21 1601 | 07 27 0000000000000000 | 09 21 0004 | 0B 20 00"
    " | 9B 10 00".replace("|", "")
)
WS_USC01 = bytes.fromhex("64 10 00 03 28 18 05 21 0500 9A 20 00 08 21 2001 0A 21 AD84 0B 20 00")
# SSM-U02: {3=22, 100=false, 5=2, 8=278, 154=0, 10=0, 11=0}
SSM_U02 = bytes.fromhex("03 28 16 64 10 00 05 21 0200 08 21 1601 9A 20 00 0A 21 0000 0B 20 00")

ZNCZ04LM_EXPECTED = {
    "state": False,
    "device_temperature": 26,
    "power": 0.0,
    "energy": 0.7,
    "voltage": 236.0,
    "current": 0.0,
    "power_outage_count": 0,
}


def test_zncz04lm_real_payload() -> None:
    assert parse("lumi.plug.mmeu01", ZNCZ04LM_2019) == ZNCZ04LM_EXPECTED
    # The Zigbee2MQTT model name is accepted too
    assert parse("ZNCZ04LM", ZNCZ04LM_2019) == ZNCZ04LM_EXPECTED


def test_ws_usc01_real_payload() -> None:
    assert parse("lumi.switch.b1laus01", WS_USC01) == {
        "state": False,
        "device_temperature": 24,
        "power_outage_count": 4,
        "parent_nwk": 0x84AD,
    }


def test_ws_usc02_relays_and_mode_switch() -> None:
    payload = bytes.fromhex("64 10 01 65 10 00 03 28 20 04 21 0400 05 21 0300")
    assert parse("lumi.switch.b2laus01", payload) == {
        "state_top": True,
        "state_bottom": False,
        "device_temperature": 32,
        "mode_switch": "anti_flicker_mode",
        "power_outage_count": 2,
    }
    assert parse("lumi.switch.b2laus01", bytes.fromhex("04 21 0100"))["mode_switch"] == "quick_mode"


def test_ssm_u02_parent_nwk_is_not_switch_type() -> None:
    result = parse("lumi.switch.l0agl1", SSM_U02)
    assert result == {
        "device_temperature": 22,
        "state": False,
        "power_outage_count": 1,
        "parent_nwk": 0,
    }
    assert "switch_type" not in result


def test_integer_voltage_and_current() -> None:
    payload = bytes.fromhex("96 21 5009") + bytes.fromhex("97 39") + struct.pack("<f", 1234.0)
    payload += bytes.fromhex("98 39") + struct.pack("<f", 281.5)
    assert parse("lumi.plug.mmeu01", payload) == {
        "voltage": 238.4,
        "current": 1.234,
        "power": 281.5,
    }
    # ZNCZ02LM has no voltage or current (Zigbee2MQTT neither): only what it shows is decoded
    assert parse("lumi.plug", payload) == {"power": 281.5}


def test_negative_temperature_and_unknown_model() -> None:
    payload = bytes.fromhex("03 28 F6 64 10 01 95 39") + struct.pack("<f", 12.345)
    # Relay index 100 and metering index 149 mean different things on unknown models
    assert parse("lumi.sensor_unknown", payload) == {"device_temperature": -10}


def test_battery_voltage() -> None:
    # The Aqara weather sensor's profile names index 1 as its page does: voltage (mV)
    assert parse("lumi.weather", bytes.fromhex("01 21 D10B")) == {"voltage": 3025}


@pytest.mark.parametrize(
    "payload",
    [
        ZNCZ04LM_2019 + b"\x01",  # trailing byte (length prefix one too long)
        ZNCZ04LM_2019 + b"\x00\x00",
        ZNCZ04LM_2019 + b"\x10\x4c\x03",  # trailing entry of an unknowable type (struct)
    ],
)
def test_trailing_bytes_keep_everything(payload: bytes) -> None:
    assert parse("lumi.plug.mmeu01", payload) == ZNCZ04LM_EXPECTED


def test_missing_byte_keeps_complete_entries() -> None:
    # Last entry (9B 10 00) loses its value byte: everything before it still decodes
    assert parse("lumi.plug.mmeu01", ZNCZ04LM_2019[:-1]) == ZNCZ04LM_EXPECTED
    # Cut in the middle of the energy float: what precedes it survives
    cut = ZNCZ04LM_2019.index(bytes.fromhex("95 39")) + 3
    assert parse("lumi.plug.mmeu01", ZNCZ04LM_2019[:cut]) == {
        "state": False,
        "device_temperature": 26,
        "power": 0.0,
    }


def test_unknown_type_stops_but_keeps_prefix() -> None:
    payload = bytes.fromhex("03 28 19 07 4C 01 02 03 64 10 01")
    assert parse("lumi.plug", payload) == {"device_temperature": 25}


def test_string_entries_are_skipped() -> None:
    payload = bytes.fromhex("0D 41 03 AA BB CC 0E 43 0200 0102 03 28 14")
    assert parse("lumi.plug", payload) == {"device_temperature": 20}


def test_odd_width_integers_and_nan() -> None:
    payload = bytes.fromhex("0A 22 010000 03 2A FEFFFF 98 39") + struct.pack("<f", math.nan)
    assert parse("lumi.plug", payload) == {"parent_nwk": 1, "device_temperature": -2}


def test_problems_logged_once_per_model_and_reason(caplog: pytest.LogCaptureFixture) -> None:
    heartbeat._logged.clear()
    with caplog.at_level(logging.DEBUG, logger=heartbeat.__name__):
        for _ in range(5):
            parse("lumi.plug", ZNCZ04LM_2019 + b"\x01")
    assert len([r for r in caplog.records if "trailing" in r.getMessage()]) == 1


@pytest.mark.parametrize("delta", [0, 1, -1])
def test_prefixed_length_repair(delta: int) -> None:
    data = bytes([len(WS_USC01) + delta]) + WS_USC01
    assert parse_prefixed("lumi.switch.b1laus01", data)["parent_nwk"] == 0x84AD
    payload, rest = split_prefixed(data)
    assert payload == WS_USC01
    assert rest == b""


def test_split_keeps_following_attribute_records() -> None:
    following = bytes.fromhex("05 00 42 03") + b"abc"  # next report record
    payload, rest = split_prefixed(bytes([len(WS_USC01)]) + WS_USC01 + following)
    assert payload == WS_USC01
    assert rest == following


def test_split_degenerate_inputs() -> None:
    assert split_prefixed(b"") == (b"", b"")
    assert split_prefixed(b"\x05\x03") == (b"\x03", b"")
    assert parse_prefixed("lumi.plug", b"") == {}


def test_never_raises_on_wrong_argument_types() -> None:
    assert parse("lumi.plug", None) == {}  # type: ignore[arg-type]
    # An unknown (here: missing) model gets the model-independent indices only
    generic = {"device_temperature": 26, "power_outage_count": 0}
    assert parse(None, ZNCZ04LM_2019) == generic  # type: ignore[arg-type]
    assert parse(["not", "hashable"], ZNCZ04LM_2019) == generic
    assert parse_prefixed("lumi.plug", 12) == {}  # type: ignore[arg-type]


def test_memoryview_and_bytearray() -> None:
    assert parse("lumi.plug.mmeu01", memoryview(ZNCZ04LM_2019)) == ZNCZ04LM_EXPECTED
    assert parse("lumi.plug.mmeu01", bytearray(ZNCZ04LM_2019)) == ZNCZ04LM_EXPECTED


MODELS = st.sampled_from(
    ["lumi.plug", "lumi.plug.mmeu01", "lumi.switch.b2laus01", "lumi.switch.l0agl1", "x" * 300, ""]
)


@settings(max_examples=400, deadline=None)
@given(model=MODELS, payload=st.binary(max_size=300))
def test_fuzz_never_raises(model: str, payload: bytes) -> None:
    result = parse(model, payload)
    assert isinstance(result, dict)
    assert all(isinstance(key, str) for key in result)
    parse_prefixed(model, payload)


@settings(max_examples=200, deadline=None)
@given(cut=st.integers(min_value=0, max_value=len(ZNCZ04LM_2019)), junk=st.binary(max_size=8))
def test_fuzz_truncated_real_payload_is_a_subset(cut: int, junk: bytes) -> None:
    result = parse("lumi.plug.mmeu01", ZNCZ04LM_2019[:cut] + junk)
    # Whatever decodes from a damaged frame agrees with the intact one up to the cut
    intact = parse("lumi.plug.mmeu01", ZNCZ04LM_2019[:cut])
    assert intact.items() <= ZNCZ04LM_EXPECTED.items()
    for key, value in intact.items():
        assert result[key] == value
