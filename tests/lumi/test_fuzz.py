"""Fuzzing the Lumi codec: the heartbeat TLV and the 0xFCC0 / Lumi Basic clusters.

Property based (hypothesis, bounded and fast) in ``make test``; ``make soak`` runs the plain
loops at the bottom over hundreds of thousands of random and mutated frames.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Generator
import random
import time
import tracemalloc
from typing import Any

from hypothesis import HealthCheck, given, settings, strategies as st
import pytest
import zigpy.endpoint
from zigpy.zcl import Cluster, foundation

from custom_components.aqara_zigbee.lumi import heartbeat
from custom_components.aqara_zigbee.lumi.clusters import LumiBasic, LumiCluster, LumiTlv
from custom_components.aqara_zigbee.lumi.const import BASIC_HEARTBEAT, LUMI_HEARTBEAT
from tests.devices.fakes import FakeApp, build_device, report_frame
from tests.figures import SOAK, report, scale
from tests.fuzzing import (
    HOSTILE_MODELS,
    MODEL_IDS,
    REAL_HEARTBEATS,
    assert_agrees,
    damaged_heartbeat,
    heartbeat_problems,
    mutate,
    parse,
    parse_prefixed,
    random_record,
)

FUZZ = settings(
    max_examples=scale(150, 3000),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
ALL_MODELS = st.sampled_from((*MODEL_IDS, *HOSTILE_MODELS))
REAL = st.sampled_from(
    [(model, payload) for model, ps in REAL_HEARTBEATS.items() for payload in ps]
)

# What zigpy raises for a malformed frame or a value of the wrong type. LumiDevice drops
# such a frame (tests/devices/test_fuzz_handlers.py checks that nothing escapes it)
# (zigpy asserts that a dataN value fills a declared type exactly: AssertionError)
FRAME_ERRORS = (ValueError, KeyError, TypeError, AssertionError)

# ------------------------------------------------------------------------------ heartbeat


@FUZZ
@given(model=ALL_MODELS, payload=st.binary(max_size=260))
def test_heartbeat_random_bytes(model: str, payload: bytes) -> None:
    result = parse(model, payload)
    assert heartbeat_problems(model, result) == []
    prefixed = parse_prefixed(model, payload)
    assert heartbeat_problems(model, prefixed) == []
    tlv, rest = heartbeat.split_prefixed(payload)
    assert len(tlv) + len(rest) == max(len(payload) - 1, 0)


@FUZZ
@given(real=REAL, rng=st.randoms(use_true_random=False))
def test_heartbeat_mutated_real_payloads(real: tuple[str, bytes], rng: random.Random) -> None:
    model, payload = real
    damaged = damaged_heartbeat(rng, model)
    assert heartbeat_problems(model, parse(model, damaged)) == []
    assert heartbeat_problems(model, parse_prefixed(model, damaged)) == []
    assert heartbeat_problems(model, parse(model, mutate(rng, payload))) == []


@FUZZ
@given(real=REAL, cut=st.integers(min_value=0, max_value=255), junk=st.binary(max_size=12))
def test_partial_heartbeat_never_changes_a_value(
    real: tuple[str, bytes], cut: int, junk: bytes
) -> None:
    """A cut-off heartbeat only loses entries: what it still holds is the real value.

    This is what keeps a truncated frame from publishing a bogus (lower) energy total.
    """
    model, payload = real
    whole = parse(model, payload)
    partial = parse(model, payload[:cut])
    assert partial.keys() <= whole.keys()
    assert_agrees(partial, whole)
    # Junk after the cut may add entries the frame lacked, never change one it has
    assert_agrees(parse(model, payload[:cut] + junk), partial)


@FUZZ
@given(real=REAL, delta=st.integers(min_value=-4, max_value=4), tail=st.binary(max_size=12))
def test_wrong_length_byte_never_changes_a_value(
    real: tuple[str, bytes], delta: int, tail: bytes
) -> None:
    """Aqara's off-by-one (or worse) length byte, followed by the next record or junk."""
    model, payload = real
    whole = parse(model, payload)
    declared = max(0, min(255, len(payload) + delta))
    repaired = parse_prefixed(model, bytes([declared]) + payload + tail)
    assert heartbeat_problems(model, repaired) == []
    assert_agrees(repaired, whole)


@FUZZ
@given(real=REAL, payload=st.binary(max_size=300))
def test_lumi_tlv_round_trip(real: tuple[str, bytes], payload: bytes) -> None:
    # A well formed TLV survives serialization; anything else still deserializes
    _model, tlv = real
    assert LumiTlv.deserialize(LumiTlv(tlv).serialize()) == (tlv, b"")
    if len(payload) > 254:
        with pytest.raises(ValueError, match="too long"):
            LumiTlv(payload).serialize()
    decoded, rest = LumiTlv.deserialize(payload)  # whatever the length byte says
    assert isinstance(decoded, LumiTlv)
    assert len(decoded) + len(rest) == max(len(payload) - 1, 0)


# ------------------------------------------------------------------------------ clusters

_APP = FakeApp()
_DEVICE = build_device(_APP, "lumi.plug.mmeu01", [(1, 0x51, (), ())])
_ENDPOINT = _DEVICE.endpoints[1]
assert isinstance(_ENDPOINT, zigpy.endpoint.Endpoint)
CLUSTERS: dict[str, Cluster] = {
    "fcc0": _ENDPOINT.add_input_cluster(0xFCC0, LumiCluster(_ENDPOINT)),
    "basic": _ENDPOINT.add_input_cluster(0x0000, LumiBasic(_ENDPOINT)),
}
_HEARTBEAT_ATTR = {"fcc0": (LUMI_HEARTBEAT, 0x41), "basic": (BASIC_HEARTBEAT, 0x42)}
_ATTR_IDS = {
    name: tuple(attr.id for attr in cluster.attributes.values())
    for name, cluster in CLUSTERS.items()
}


class _Listener:
    def __init__(self) -> None:
        self.frames = 0

    def general_command(self, hdr: foundation.ZCLHeader, args: Any) -> None:
        self.frames += 1

    def cluster_command(self, tsn: int, command_id: int, args: Any) -> None:
        self.frames += 1


def cluster_frame(rng: random.Random, name: str) -> bytes:
    """A report (or another general command) for a Lumi cluster, mostly well framed."""
    kind = rng.randrange(5)
    if kind == 0:
        return rng.randbytes(rng.randint(0, 60))
    records = b""
    for _ in range(rng.randint(1, 3)):
        if rng.random() < 0.4:
            attr_id, type_id = _HEARTBEAT_ATTR[name]
            payload = damaged_heartbeat(rng, "lumi.plug.mmeu01")
            length = rng.choice((len(payload), len(payload) + 1, len(payload) - 1, 0xFF))
            records += attr_id.to_bytes(2, "little") + bytes([type_id, length & 0xFF]) + payload
        else:
            records += random_record(rng, _ATTR_IDS[name])
    frame = report_frame(
        rng.randrange(256), records, manufacturer=rng.choice((None, 0x115F, 0x1234))
    )
    if kind == 1:
        frame = mutate(rng, frame)
    elif kind == 2:  # another general command id (read response, write response...)
        frame = frame[: -len(records) - 1] + bytes([rng.randrange(0x18)]) + records
    return frame


@pytest.fixture(scope="module")
def loop() -> Generator[asyncio.AbstractEventLoop]:
    """A loop for zigpy's answers (a device may send us a Read Attributes request)."""
    event_loop = asyncio.new_event_loop()
    yield event_loop
    event_loop.close()


def in_loop[T](event_loop: asyncio.AbstractEventLoop, work: Callable[[], T]) -> T:
    """Run synchronous frame handling inside ``event_loop``, then drop what it scheduled."""

    async def run() -> T:
        result = work()
        for _ in range(3):  # let zigpy send its answers (to the fake radio)
            await asyncio.sleep(0)
        for task in asyncio.all_tasks() - {asyncio.current_task()}:
            task.cancel()
        await asyncio.sleep(0)
        return result

    return event_loop.run_until_complete(run())


def feed_cluster(cluster: Cluster, frame: bytes) -> str:
    """What zigpy does with a frame for this cluster: handled, undecodable or rejected."""
    try:
        hdr, args = cluster.deserialize(frame)
    except ValueError, KeyError:
        return "undecodable"
    try:
        cluster.handle_message(hdr, args)
    except FRAME_ERRORS:
        return "rejected"
    return "handled"


@FUZZ
@given(name=st.sampled_from(sorted(CLUSTERS)), rng=st.randoms(use_true_random=False))
def test_lumi_clusters_take_any_frame(
    loop: asyncio.AbstractEventLoop, name: str, rng: random.Random
) -> None:
    """Deserialize and handling raise only what zigpy's device layer expects to drop."""
    cluster = CLUSTERS[name]
    listener = _Listener()
    cluster.add_listener(listener)
    try:
        for _ in range(5):
            frame = cluster_frame(rng, name)
            if in_loop(loop, lambda frame=frame: feed_cluster(cluster, frame)) == "handled":
                assert listener.frames >= 1
    finally:
        cluster.remove_listener(listener)
    heartbeat_value = cluster.get(_HEARTBEAT_ATTR[name][0])
    assert heartbeat_value is None or isinstance(heartbeat_value, bytes)


def test_integer_for_a_byte_string_does_not_allocate() -> None:
    """Basic 0xFFF0 (octet string) reported as uint32 0x04000000 must not allocate 64 MiB.

    Before hardening.py, zigpy built ``bytes(0x04000000)`` (a 0xFFFFFFFF report: 4 GiB).
    """
    record = (0xFFF0).to_bytes(2, "little") + b"\x23" + (0x04000000).to_bytes(4, "little")
    cluster = CLUSTERS["basic"]
    tracemalloc.start()
    try:
        outcome = feed_cluster(cluster, report_frame(1, record, manufacturer=0x115F))
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * 1024 * 1024
    assert outcome in {"handled", "rejected"}
    value = cluster.get(0xFFF0)
    assert value is None or len(value) < 1024


# ------------------------------------------------------------------------------ volume


def run_codec_volume(frames: int, seed: int = 8) -> dict[str, int | float | str]:
    """Heartbeats and cluster frames in a plain loop; every exception is counted."""
    event_loop = asyncio.new_event_loop()
    try:
        return event_loop.run_until_complete(_codec_volume(frames, seed))
    finally:
        event_loop.close()


async def _codec_volume(frames: int, seed: int) -> dict[str, int | float | str]:
    rng = random.Random(seed)
    started = time.perf_counter()
    problems = escaped = 0
    first_escape = ""
    outcomes = {"handled": 0, "undecodable": 0, "rejected": 0}
    models = (*MODEL_IDS, *HOSTILE_MODELS)
    names = sorted(CLUSTERS)
    for index in range(frames):
        try:
            if index % 4:
                model = rng.choice(models)
                payload = damaged_heartbeat(rng, model)
                decode = parse if index % 2 else parse_prefixed
                problems += bool(heartbeat_problems(model, decode(model, payload)))
            else:
                name = rng.choice(names)
                outcomes[feed_cluster(CLUSTERS[name], cluster_frame(rng, name))] += 1
        except Exception as exc:
            escaped += 1
            first_escape = first_escape or repr(exc)
        if index % 256 == 0:
            await asyncio.sleep(0)  # zigpy's answers to the device's requests
    elapsed = time.perf_counter() - started
    return report(
        "fuzz lumi codec (heartbeat TLV, 0xFCC0, Lumi Basic)",
        frames=frames,
        malformed_results=problems,
        cluster_frames_handled=outcomes["handled"],
        cluster_frames_undecodable=outcomes["undecodable"],
        cluster_frames_rejected=outcomes["rejected"],
        exceptions_escaped=escaped,
        first_escape=first_escape,
        seconds=round(elapsed, 1),
        frames_per_s=round(frames / elapsed),
    )


def test_codec_volume() -> None:
    figures = run_codec_volume(scale(3_000, 600_000))
    assert figures["malformed_results"] == 0
    assert figures["exceptions_escaped"] == 0
    if SOAK:
        assert figures["frames"] >= 600_000
