"""Fuzzing the device path: garbage through zigpy, LumiDevice and every DeviceHandle decoder.

Frames go in where the radio library hands them to zigpy (``app.packet_received``), from all
five seed models at once: random bytes, reports and read responses on every route the
definitions decode (with boundary and non-finite values of every wire type), damaged real
heartbeats, button events, frames from undeclared endpoints and clusters, wrong direction
bits. Nothing may escape, no decoder may log an error, what the gateway lets through is
well formed, and every device keeps decoding its real frames in between.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
import logging
import math
import random
import time

from hypothesis import HealthCheck, given, settings, strategies as st
import pytest
from zigpy.datastructures import Debouncer
import zigpy.device
import zigpy.types as t
from zigpy.zcl import foundation

from custom_components.aqara_zigbee.devices import get_definition
from custom_components.aqara_zigbee.devices.handle import DeviceHandle
from custom_components.aqara_zigbee.devices.model import (
    ActionSource,
    AttributeSource,
    Definition,
    Platform,
)
from custom_components.aqara_zigbee.devices.resolver import resolve_device
from custom_components.aqara_zigbee.lumi.const import (
    BASIC,
    BASIC_HEARTBEAT,
    LUMI_CLUSTER,
    LUMI_HEARTBEAT,
    LUMI_MANUFACTURER_CODE,
    ON_OFF,
)
from custom_components.aqara_zigbee.lumi.device import MAX_AUTO_DECLARED, LumiDevice
from custom_components.aqara_zigbee.value_bus import implausible
from tests.figures import SOAK, report, scale
from tests.fuzzing import damaged_heartbeat, mutate, random_record, special_value

from .fakes import (
    QBKG40LM_ENDPOINTS,
    SSM_U02_ENDPOINTS,
    WS_USC02_ENDPOINTS,
    ZNCZ02LM_ENDPOINTS,
    ZNCZ04LM_ENDPOINTS,
    EndpointSpec,
    FakeApp,
    build_device,
    make_packet,
    record,
    report_frame,
    settle,
)

SEEDS: dict[str, tuple[list[EndpointSpec], bool]] = {
    "lumi.plug": (ZNCZ02LM_ENDPOINTS, False),
    "lumi.plug.mmeu01": (ZNCZ04LM_ENDPOINTS, False),
    "lumi.switch.l0agl1": (SSM_U02_ENDPOINTS, True),
    "lumi.switch.b2laus01": (WS_USC02_ENDPOINTS, True),
    "lumi.switch.b1nc01": (QBKG40LM_ENDPOINTS, False),
}
COORDINATOR = t.EUI64.convert("00:12:4b:00:00:00:00:01")


@dataclass
class Node:
    """One fuzzed device: zigpy object, handle, what it published, where it listens."""

    model: str
    device: LumiDevice
    handle: DeviceHandle
    definition: Definition
    routes: list[tuple[int, int, int, int | None]]
    actions: dict[tuple[int, int, int], dict[int, str]]
    published: list[tuple[str, object]] = field(default_factory=list)
    tsn: int = 0

    def next_tsn(self) -> int:
        self.tsn = (self.tsn + 1) & 0xFF
        return self.tsn


class ErrorLog(logging.Handler):
    """Errors logged by the integration (a decoder that raised logs one)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith("custom_components.aqara_zigbee"):
            self.records.append(record)


def build_network() -> tuple[FakeApp, list[Node]]:
    app = FakeApp()
    app.register_device_resolver(resolve_device)
    # The coordinator's own device (ZDO frames from devices are parsed against it)
    app.state.node_info.ieee = COORDINATOR
    app.add_device(COORDINATOR, t.NWK(0x0000))
    nodes: list[Node] = []
    for index, (model, (endpoints, end_device)) in enumerate(SEEDS.items()):
        raw = build_device(
            app,
            model,
            endpoints,
            ieee=f"54:ef:44:00:00:00:00:{index + 1:02x}",
            nwk=0x2000 + index,
            end_device=end_device,
        )
        app.device_initialized(raw)
        device = app.get_device(ieee=raw.ieee)
        assert isinstance(device, LumiDevice)
        definition = get_definition(model)
        assert definition is not None
        handle = DeviceHandle(device, definition)
        routes: set[tuple[int, int, int, int | None]] = {
            (1, LUMI_CLUSTER, LUMI_HEARTBEAT, LUMI_MANUFACTURER_CODE),
            (1, BASIC, BASIC_HEARTBEAT, LUMI_MANUFACTURER_CODE),
            (1, BASIC, 0xFFF0, LUMI_MANUFACTURER_CODE),
            (1, BASIC, 0x000A, None),  # product code: an octet string
        }
        actions: dict[tuple[int, int, int], dict[int, str]] = {}
        for expose in definition.exposes:
            for source in expose.sources:
                if isinstance(source, AttributeSource):
                    routes.add(
                        (source.endpoint, source.cluster, source.attribute, source.manufacturer)
                    )
                elif isinstance(source, ActionSource):
                    # An any-endpoint click: fuzz the family's button endpoint and the relay's
                    click_endpoints = (41, 1) if source.endpoint is None else (source.endpoint,)
                    for endpoint in click_endpoints:
                        route = (endpoint, source.cluster, source.attribute)
                        routes.add((*route, None))
                        actions[route] = dict(source.actions)
        node = Node(model, device, handle, definition, sorted(routes, key=str), actions)
        handle.add_listener(lambda key, value, node=node: node.published.append((key, value)))
        handle.start()
        nodes.append(node)
    return app, nodes


def garbage(rng: random.Random, node: Node) -> tuple[int, int, bytes, int | None]:
    """(endpoint, cluster, ZCL bytes, profile) of one damaged or hostile frame."""
    endpoint, cluster, attr_id, manufacturer = rng.choice(node.routes)
    kind = rng.randrange(10)
    if kind == 0:  # anything at all, anywhere
        endpoint = rng.choice((endpoint, rng.randrange(256)))
        cluster = rng.choice((cluster, rng.randrange(0x10000)))
        return endpoint, cluster, rng.randbytes(rng.randint(0, 50)), rng.choice((0x0104, 0, None))
    if kind == 1:  # a damaged heartbeat, with a wrong length byte or type now and then
        attr_id, type_id = rng.choice(((LUMI_HEARTBEAT, 0x41), (BASIC_HEARTBEAT, 0x42)))
        cluster = LUMI_CLUSTER if attr_id == LUMI_HEARTBEAT else BASIC
        payload = damaged_heartbeat(rng, node.model)
        length = rng.choice((len(payload), len(payload) + 1, len(payload) - 1)) & 0xFF
        body = attr_id.to_bytes(2, "little") + bytes([type_id, length]) + payload
        frame = report_frame(node.next_tsn(), body, manufacturer=LUMI_MANUFACTURER_CODE)
        return 1, cluster, frame, 0x0104
    records = b"".join(random_record(rng, (attr_id,)) for _ in range(rng.randint(1, 3)))
    if kind == 2:  # a read response to nothing we asked
        header = foundation.ZCLHeader.general(
            tsn=node.next_tsn(),
            command_id=foundation.GeneralCommand.Read_Attributes_rsp,
            manufacturer=manufacturer,
            direction=foundation.Direction.Server_to_Client,
        )
        body = attr_id.to_bytes(2, "little") + b"\x00" + records[2:]
        return endpoint, cluster, header.serialize() + body, 0x0104
    frame = report_frame(node.next_tsn(), records, manufacturer=manufacturer)
    if kind == 3:
        frame = mutate(rng, frame)
    elif kind == 4:  # Aqara's wrong direction bit, or a cluster-specific frame type
        frame = bytes([frame[0] ^ rng.choice((0x08, 0x01, 0x04))]) + frame[1:]
    elif kind == 5:  # a hidden endpoint or cluster we never declared
        endpoint = rng.choice((endpoint, rng.randint(1, 240)))
        cluster = rng.choice((cluster, rng.randrange(0x10000)))
    return endpoint, cluster, frame, 0x0104


def button_frame(rng: random.Random, node: Node) -> tuple[int, bytes, str | None] | None:
    """(endpoint, frame, expected action or None) of a click report, or None (no buttons)."""
    if not node.actions:
        return None
    (endpoint, _cluster, attr_id), values = rng.choice(sorted(node.actions.items()))
    value = rng.choice((*values, 0, 255, rng.randrange(0x10000)))
    type_id = rng.choice((0x21, 0x21, 0x20, 0x39))
    raw = value.to_bytes(2, "little") if type_id == 0x21 else special_value(rng, type_id)
    if type_id == 0x20:
        raw = bytes([value & 0xFF])
    frame = report_frame(node.next_tsn(), record(attr_id, type_id, raw))
    expected = values.get(value) if type_id in (0x20, 0x21) else None
    if type_id == 0x20:
        expected = values.get(value & 0xFF)
    return endpoint, frame, expected


def send(app: FakeApp, node: Node, endpoint: int, cluster: int, frame: bytes, **kw: object) -> None:
    app.packet_received(make_packet(node.device, endpoint, cluster, frame, **kw))  # type: ignore[arg-type]


def problems_of(node: Node) -> Iterator[str]:
    """Published values that are malformed once past the gateway's gate."""
    for key, value in node.published:
        if not node.definition.has(key):
            if key != "linkquality":
                yield f"{node.model} {key}: not an expose"
            continue
        expose = node.definition.expose(key)
        counter = expose.state_class == "total_increasing"
        if implausible(value, counter=counter) is not None:
            continue  # the gateway drops it
        platform = expose.platform
        if platform in (Platform.SWITCH, Platform.BINARY_SENSOR):
            ok = isinstance(value, bool)
        elif platform in (Platform.SELECT, Platform.EVENT):
            ok = value in expose.options
        else:
            ok = isinstance(value, int | float) and not isinstance(value, bool)
            ok = ok and math.isfinite(value)  # type: ignore[arg-type]
        if not ok:
            yield f"{node.model} {key}: {value!r} on a {platform.value}"


def check_still_decoding(app: FakeApp, nodes: list[Node]) -> None:
    """Every device decodes a real relay report right after the garbage."""
    for node in nodes:
        state_keys = [e.key for e in node.definition.exposes if e.key.startswith("state")]
        endpoint = 1
        wanted = not node.handle.values.get(state_keys[0], False)
        # The fuzzer's TSNs wrap within zigpy's 10 s duplicate-packet filter: this frame
        # may equal one sent a few seconds ago (a real device is far slower)
        node.device._packet_debouncer = Debouncer()
        frame = report_frame(node.next_tsn(), record(0x0000, 0x10, bytes([wanted])))
        send(app, node, endpoint, ON_OFF, frame)
        assert node.handle.values[state_keys[0]] is wanted, node.model


@dataclass
class Figures:
    frames: int = 0
    garbage: int = 0
    clicks: int = 0
    events_expected: int = 0
    events_fired: int = 0
    decoder_errors: int = 0
    malformed_published: int = 0
    rejected_by_gate: int = 0
    exceptions_escaped: int = 0
    first_problem: str = ""


async def fuzz_devices(
    rng: random.Random, frames: int, figures: Figures, app: FakeApp, nodes: list[Node]
) -> None:
    """Send ``frames`` frames, checking the invariants as they go."""
    errors = ErrorLog()
    logging.getLogger().addHandler(errors)
    try:
        for index in range(frames):
            node = rng.choice(nodes)
            node.published.clear()
            click = button_frame(rng, node) if rng.random() < 0.2 else None
            try:
                if click is not None:
                    endpoint, frame, expected = click
                    # At this rate a device's 8-bit TSN wraps within the click dedupe
                    # window and zigpy's 10 s duplicate-packet filter (a real device sends
                    # a few frames a minute): a click starts afresh, its repeat does not
                    node.handle._recent_tsns.clear()
                    node.device._packet_debouncer = Debouncer()
                    send(app, node, endpoint, 0x0012, frame)
                    # Aqara repeats a click: the same frame again fires nothing more
                    send(app, node, endpoint, 0x0012, frame)
                    figures.clicks += 1
                    figures.events_expected += expected is not None
                    figures.events_fired += sum(key == "action" for key, _ in node.published)
                else:
                    endpoint, cluster, frame, profile = garbage(rng, node)
                    send(app, node, endpoint, cluster, frame, profile=profile)
                    figures.garbage += 1
            except Exception as exc:  # every escape is counted (and fails the test)
                figures.exceptions_escaped += 1
                figures.first_problem = figures.first_problem or repr(exc)
            for problem in problems_of(node):
                figures.malformed_published += 1
                figures.first_problem = figures.first_problem or problem
            figures.rejected_by_gate += sum(
                implausible(v, counter=True) is not None for _, v in node.published
            )
            figures.frames += 1
            if index % 64 == 0:
                await settle()  # zigpy's answers and the prevent-reset writes
            if index % 500 == 499:
                check_still_decoding(app, nodes)
        check_still_decoding(app, nodes)
    finally:
        logging.getLogger().removeHandler(errors)
    figures.decoder_errors += len(errors.records)
    if errors.records and not figures.first_problem:
        figures.first_problem = errors.records[0].getMessage()
    for node in nodes:
        declared = sum(
            len(ep.in_clusters) + len(ep.out_clusters) + 1 for ep in node.device.non_zdo_endpoints
        )
        assert node.device._auto_declared <= MAX_AUTO_DECLARED
        assert declared < 200, f"{node.model} grew to {declared} clusters"


FUZZ = settings(
    max_examples=scale(25, 400),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(rng=st.randoms(use_true_random=False))
async def test_garbage_never_escapes_and_devices_keep_decoding(rng: random.Random) -> None:
    app, nodes = build_network()
    figures = Figures()
    try:
        await fuzz_devices(rng, 40, figures, app, nodes)
    finally:
        for node in nodes:
            node.handle.stop()
            node.device.on_remove()
    assert figures.exceptions_escaped == 0, figures.first_problem
    assert figures.decoder_errors == 0, figures.first_problem
    assert figures.malformed_published == 0, figures.first_problem
    assert figures.events_fired == figures.events_expected


async def test_device_path_volume() -> None:
    """The soak's volume (a plain loop); ``make test`` runs a slice of it."""
    rng = random.Random(11)
    figures = Figures()
    app, nodes = build_network()
    started = time.perf_counter()
    try:
        await fuzz_devices(rng, scale(2_000, 400_000), figures, app, nodes)
    finally:
        for node in nodes:
            node.handle.stop()
            node.device.on_remove()
    elapsed = time.perf_counter() - started
    report(
        "fuzz device path (zigpy -> LumiDevice -> DeviceHandle, 5 models)",
        frames=figures.frames,
        garbage_frames=figures.garbage,
        click_frames=figures.clicks * 2,
        events_expected=figures.events_expected,
        events_fired=figures.events_fired,
        values_stopped_by_gateway_gate=figures.rejected_by_gate,
        decoder_errors=figures.decoder_errors,
        malformed_published=figures.malformed_published,
        exceptions_escaped=figures.exceptions_escaped,
        first_problem=figures.first_problem,
        seconds=round(elapsed, 1),
        frames_per_s=round(figures.frames / elapsed),
    )
    assert figures.exceptions_escaped == 0, figures.first_problem
    assert figures.decoder_errors == 0, figures.first_problem
    assert figures.malformed_published == 0, figures.first_problem
    assert figures.events_fired == figures.events_expected
    if SOAK:
        assert figures.frames >= 400_000


async def test_zigpy_itself_is_safe_for_unresolved_devices() -> None:
    """A device without a definition (plain zigpy device) sending the allocation bomb."""
    app = FakeApp()
    raw = build_device(app, "vendor.unknown", [(1, 0x51, (0x0000,), ())])
    bomb = report_frame(1, record(0x000A, 0x23, (0xFFFFFFFF).to_bytes(4, "little")))
    with pytest.raises(TypeError, match="allocation bomb"):
        raw.packet_received(make_packet(raw, 1, 0x0000, bomb))
    assert raw.endpoints[1].in_clusters[0x0000].get(0x000A) is None
    assert isinstance(raw, zigpy.device.Device)
