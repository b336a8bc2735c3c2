"""Corpus, mutators and invariants shared by the fuzz tests and ``make soak``.

Frames are mutations of real payloads: the heartbeats of devices.md and the ones the
simulated devices send (built by the simulator's own TLV encoder), Aqara's button reports,
relay reports and power reports. One ``random.Random`` drives every mutator, so hypothesis
(``st.randoms()``) and the soak's plain loops share the code and every case is replayable.
"""

from __future__ import annotations

from collections.abc import Iterable
import math
import random
import struct
from typing import Final

from custom_components.aqara_zigbee.devices import DEFINITIONS, get_definition
from custom_components.aqara_zigbee.features.diagnostics import UNKNOWN_MODEL_HEARTBEAT
from custom_components.aqara_zigbee.lumi import heartbeat
from custom_components.aqara_zigbee.simulator.behaviours import Metering
from custom_components.aqara_zigbee.simulator.clock import SimClock
from custom_components.aqara_zigbee.simulator.models import (
    DEFAULT_MODELS,
    create_device,
    stable_ieee,
)

# Real heartbeats (devices.md); the ZNCZ04LM one is the 2019 firmware's
ZNCZ04LM_2019: Final = bytes.fromhex(
    "64 10 00 03 28 1A 98 39 00000000 95 39 441D343F 96 39 00801345 97 39 00000000"
    " 05 21 0100 9A 20 00 08 21 1601 07 27 0000000000000000 09 21 0004 0B 20 00 9B 10 00"
)
WS_USC01: Final = bytes.fromhex(
    "64 10 00 03 28 18 05 21 0500 9A 20 00 08 21 2001 0A 21 AD84 0B 20 00"
)
SSM_U02: Final = bytes.fromhex(
    "03 28 16 64 10 00 05 21 0200 08 21 1601 9A 20 00 0A 21 0000 0B 20 00"
)

# Zigbee model ids of the seed devices, and names a hostile device might claim
MODEL_IDS: Final = (*DEFAULT_MODELS, "lumi.switch.b1laus01")
HOSTILE_MODELS: Final = ("", "x" * 300, "lumi.plüg", "lumi.plug\x00junk", "\udcff", "ZNCZ04LM")


def simulated_heartbeats() -> dict[str, bytes]:
    """The heartbeat each simulated seed device sends, by model id (loaded plugs, relays on)."""
    clock = SimClock(manual=True)
    payloads: dict[str, bytes] = {}
    for model in DEFAULT_MODELS:
        device = create_device(model, stable_ieee(model, 0), 0x1234, lambda _frame: None, clock)
        for endpoint in device.relays:
            device.relays[endpoint] = True
        if (metering := device.find(Metering)) is not None:
            metering.load_watts = 1234.5
            metering.energy_kwh = 42.42
        payloads[model] = device.heartbeat_payload()
    return payloads


_SIMULATED: Final = simulated_heartbeats()
REAL_HEARTBEATS: Final[dict[str, tuple[bytes, ...]]] = {
    **{model: (payload,) for model, payload in _SIMULATED.items()},
    "lumi.plug.mmeu01": (ZNCZ04LM_2019, _SIMULATED["lumi.plug.mmeu01"]),
    "lumi.switch.b1laus01": (WS_USC01,),
    "lumi.switch.l0agl1": (SSM_U02, _SIMULATED["lumi.switch.l0agl1"]),
}

# ZCL types as they appear on the wire, weighted towards the ones Aqara uses
WIRE_TYPES: Final = (
    0x10, 0x18, 0x20, 0x21, 0x22, 0x23, 0x25, 0x27, 0x28, 0x29, 0x2B, 0x2F,
    0x30, 0x31, 0x38, 0x39, 0x3A, 0x41, 0x42, 0x43, 0x48, 0x4C, 0xE2, 0xF0, 0xFF,
)  # fmt: skip
_SIZES: Final = {
    0x10: 1, 0x18: 1, 0x20: 1, 0x21: 2, 0x22: 3, 0x23: 4, 0x25: 6, 0x27: 8, 0x28: 1, 0x29: 2,
    0x2B: 4, 0x2F: 8, 0x30: 1, 0x31: 2, 0x38: 2, 0x39: 4, 0x3A: 8, 0xE2: 4, 0xF0: 8,
}  # fmt: skip
SPECIAL_FLOATS: Final = (math.inf, -math.inf, math.nan, -0.0, -1.0, 1e38, -3.4e38, 1e-45)
SPECIAL_INTS: Final = (0, 1, 0x7F, 0x80, 0xFF, 0x7FFF, 0xFFFF, 0x7FFFFFFF, 0xFFFFFFFF)


def random_bytes(rng: random.Random, low: int = 0, high: int = 40) -> bytes:
    return rng.randbytes(rng.randint(low, high))


def mutate(rng: random.Random, data: bytes, rounds: int | None = None) -> bytes:
    """A damaged copy of ``data``: flips, overwrites, inserts, deletes, truncation, splices."""
    out = bytearray(data)
    for _ in range(rounds if rounds is not None else rng.randint(1, 4)):
        choice = rng.randrange(8)
        position = rng.randint(0, len(out))
        if choice == 0 and out:  # flip a bit
            index = min(position, len(out) - 1)
            out[index] ^= 1 << rng.randrange(8)
        elif choice == 1 and out:  # overwrite a byte with a boundary value
            out[min(position, len(out) - 1)] = rng.choice((0x00, 0x01, 0x7F, 0x80, 0xFE, 0xFF))
        elif choice == 2:  # insert junk
            out[position:position] = random_bytes(rng, 1, 6)
        elif choice == 3:  # delete a range
            del out[position : position + rng.randint(1, 6)]
        elif choice == 4:  # truncate
            del out[position:]
        elif choice == 5 and out:  # duplicate a slice (a repeated entry)
            end = min(len(out), position + rng.randint(1, 8))
            out[end:end] = out[position:end]
        elif choice == 6:  # overwrite with a special value of a wire type
            type_id = rng.choice((0x21, 0x23, 0x28, 0x39, 0x3A))
            out[position : position + _SIZES[type_id]] = special_value(rng, type_id)
        else:  # append trailing junk
            out += random_bytes(rng, 1, 4)
    return bytes(out)


def special_value(rng: random.Random, type_id: int) -> bytes:
    """Encoded value of a ZCL type: boundary numbers, non-finite floats, or random bytes."""
    if type_id == 0x39:
        return struct.pack("<f", rng.choice((*SPECIAL_FLOATS, rng.uniform(-1e6, 1e6))))
    if type_id == 0x3A:
        return struct.pack("<d", rng.choice((*SPECIAL_FLOATS, rng.uniform(-1e6, 1e6))))
    if type_id == 0x38:
        return struct.pack("<e", rng.choice((math.inf, -math.inf, math.nan, -2.0, 65504.0)))
    size = _SIZES.get(type_id)
    if size is None:  # strings, arrays, garbage types
        body = random_bytes(rng, 0, 30)
        return bytes([rng.choice((len(body), len(body) + 1, max(len(body) - 1, 0), 0xFF))]) + body
    if rng.random() < 0.5:
        return (rng.choice(SPECIAL_INTS) & ((1 << (8 * size)) - 1)).to_bytes(size, "little")
    return rng.randbytes(size)


def random_record(rng: random.Random, attr_ids: Iterable[int]) -> bytes:
    """One attribute record (report or read response body) for one of ``attr_ids``."""
    attr_id = rng.choice((*attr_ids, rng.randrange(0x10000)))
    type_id = rng.choice(WIRE_TYPES)
    return attr_id.to_bytes(2, "little") + bytes([type_id]) + special_value(rng, type_id)


def tlv_entry(rng: random.Random) -> bytes:
    """One random heartbeat entry (index, type, value), usually of an index we decode."""
    index = rng.choice((1, 3, 4, 5, 10, 100, 101, 149, 150, 151, 152, rng.randrange(256)))
    type_id = rng.choice(WIRE_TYPES)
    return bytes([index, type_id]) + special_value(rng, type_id)


def damaged_heartbeat(rng: random.Random, model: str) -> bytes:
    """A real heartbeat of ``model`` (or of another model), damaged or extended."""
    payloads = REAL_HEARTBEATS.get(model) or rng.choice(list(REAL_HEARTBEATS.values()))
    payload = rng.choice(payloads)
    kind = rng.randrange(4)
    if kind == 0:
        return mutate(rng, payload)
    if kind == 1:  # extra entries, possibly of indices we decode, in front or behind
        extra = b"".join(tlv_entry(rng) for _ in range(rng.randint(1, 3)))
        return extra + payload if rng.random() < 0.5 else payload + extra
    if kind == 2:  # entries from scratch
        return b"".join(tlv_entry(rng) for _ in range(rng.randint(0, 8)))
    return rng.randbytes(rng.randint(0, 80))


# ----------------------------------------------------------------------------- decoding


def profile_of(model: object) -> heartbeat.Profile:
    """The heartbeat profile the gateway uses for a Zigbee model id or Zigbee2MQTT name."""
    if isinstance(model, str):
        definition = get_definition(model) or next(
            (d for d in DEFINITIONS.values() if d.model == model), None
        )
        if definition is not None:
            return definition.heartbeat_profile
    return UNKNOWN_MODEL_HEARTBEAT


def parse(model: object, payload: bytes | bytearray | memoryview) -> dict[str, object]:
    """Decode a heartbeat TLV as the gateway does for ``model``."""
    return heartbeat.parse(payload, profile_of(model), model=str(model))


def parse_prefixed(model: object, data: object) -> dict[str, object]:
    """:func:`parse` for attribute bytes that still start with the ZCL length byte."""
    try:
        payload, _rest = heartbeat.split_prefixed(data)  # type: ignore[arg-type]
    except TypeError:
        return {}
    return parse(model, payload)


# ----------------------------------------------------------------------------- invariants

_OPTIONS: Final = {"mode_switch": frozenset({"anti_flicker_mode", "quick_mode"})}


def heartbeat_problems(model: str, result: dict[str, object]) -> list[str]:
    """What is wrong with a decoded heartbeat (empty when it is well formed)."""
    problems: list[str] = []
    names = {name for name, _decoder in profile_of(model).values()}
    for key, value in result.items():
        if key not in names:
            problems.append(f"{key}: not an index of {model!r}")
        elif key.startswith("state"):
            if not isinstance(value, bool):
                problems.append(f"{key}: {value!r} is not a bool")
        elif key in _OPTIONS:
            if value not in _OPTIONS[key]:
                problems.append(f"{key}: {value!r} is not an option")
        elif isinstance(value, bool) or not isinstance(value, int | float):
            problems.append(f"{key}: {value!r} is not a number")
        elif not math.isfinite(value):
            problems.append(f"{key}: {value!r} is not finite")
        elif key == "power_outage_count" and value < 0:
            problems.append(f"{key}: {value!r} is negative")
    return problems


def assert_agrees(partial: dict[str, object], whole: dict[str, object]) -> None:
    """Every value decoded from a damaged frame is the intact frame's value."""
    for key, value in partial.items():
        if key in whole:
            assert value == whole[key] or (
                isinstance(value, float) and math.isnan(value) and math.isnan(whole[key])  # type: ignore[arg-type]
            ), f"{key}: {value!r} != {whole[key]!r}"
