"""Helpers of the fault, restart and security tests (``test_faults*.py``, ``test_security.py``)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
import logging
import random
from typing import Any

from homeassistant.const import EVENT_STATE_CHANGED, STATE_UNAVAILABLE, STATE_UNKNOWN
from homeassistant.core import Event, EventStateChangedData, HomeAssistant, callback
from homeassistant.helpers import entity_registry as er
from zigpy.util import CatchingTaskMixin

from custom_components.aqara_zigbee.const import DOMAIN
from custom_components.aqara_zigbee.gateway import AqaraConfigEntry, AqaraGateway
from custom_components.aqara_zigbee.simulator import SimulatedNetwork
from custom_components.aqara_zigbee.simulator.air import ApsFrame
from custom_components.aqara_zigbee.simulator.device import TwinDevice
from tests.devices.fakes import record, report_frame
from tests.fuzzing import damaged_heartbeat, mutate, random_record

from .conftest import ieee_of, wait_for

HA_PROFILE = 0x0104
COORDINATOR_ENDPOINT = 1


def network(gateway: AqaraGateway) -> SimulatedNetwork:
    assert gateway.simulator is not None
    return gateway.simulator


def entity(hass: HomeAssistant, platform: str, ieee: str, key: str) -> str:
    found = er.async_get(hass).async_get_entity_id(platform, DOMAIN, f"{ieee}-{key}")
    assert found is not None, f"no {platform} entity for {ieee} {key}"
    return found


def state(hass: HomeAssistant, entity_id: str) -> str:
    current = hass.states.get(entity_id)
    assert current is not None, f"{entity_id} has no state"
    return current.state


async def settled(hass: HomeAssistant) -> None:
    """Configure/read tasks of the gateway are over (the network is idle)."""
    await hass.async_block_till_done(wait_background_tasks=True)


@dataclass(eq=False)
class Unit:
    """A joined seed device: IEEE, simulated unit, entity ids."""

    hass: HomeAssistant
    gateway: AqaraGateway
    ieee: str
    sim: TwinDevice

    def entity(self, platform: str, key: str) -> str:
        return entity(self.hass, platform, self.ieee, key)

    def state(self, platform: str, key: str) -> str:
        return state(self.hass, self.entity(platform, key))

    async def wait_state(self, platform: str, key: str, expected: str, timeout: float = 20) -> None:
        entity_id = self.entity(platform, key)
        await wait_for(
            self.hass,
            lambda: (
                (current := self.hass.states.get(entity_id)) is not None
                and current.state == expected
            ),
            timeout=timeout,
        )

    def send(self, endpoint: int, cluster: int, payload: bytes, profile: int = HA_PROFILE) -> None:
        """Make the simulated device transmit a frame (real or garbage) to the coordinator."""
        network(self.gateway).coordinator.transmit(
            ApsFrame(
                src_nwk=self.sim.nwk,
                src_ep=endpoint,
                dst=0x0000,
                dst_ep=COORDINATOR_ENDPOINT if endpoint else 0,
                cluster=cluster,
                profile=profile,
                payload=payload,
                lqi=self.sim.lqi,
            )
        )


def unit(entry: AqaraConfigEntry, model: str) -> Unit:
    gateway = entry.runtime_data
    ieee = ieee_of(gateway, model)
    return Unit(gateway.hass, gateway, ieee, network(gateway).devices[ieee])


def on_off(value: bool) -> str:
    return "on" if value else "off"


@dataclass
class StateLog:
    """Every state an entity took, in order."""

    states: dict[str, list[str]] = field(default_factory=dict)

    @callback
    def on_event(self, event: Event[EventStateChangedData]) -> None:
        new_state = event.data["new_state"]
        if new_state is not None:
            self.states.setdefault(event.data["entity_id"], []).append(new_state.state)

    def numbers(self, entity_id: str) -> list[float]:
        return [
            float(value)
            for value in self.states.get(entity_id, [])
            if value not in (STATE_UNAVAILABLE, STATE_UNKNOWN)
        ]


def log_states(hass: HomeAssistant, *entity_ids: str) -> StateLog:
    log = StateLog()
    wanted = set(entity_ids)
    hass.bus.async_listen(
        EVENT_STATE_CHANGED,
        log.on_event,
        event_filter=callback(lambda data: data["entity_id"] in wanted),
    )
    return log


def _upstream(record: logging.LogRecord) -> bool:
    """A known zigpy issue, outside the integration (docs/reliability.md, "Upstream").

    zigpy caches a reported attribute it does not know and stores it in its database; an
    unsigned 64-bit value above 2**63 does not fit SQLite's INTEGER and zigpy logs the
    failed write as an error (nothing else happens).

    A ZNP reports every ZDO response it receives with its own callback (id 0x80 | the
    cluster's low byte), as it came; one that does not fit zigpy-znp's definition of that
    callback (garbage, or a failure status without the rest), or whose id zigpy-znp does
    not know, is logged as an error and dropped (zigpy-znp issues #227, #258).
    """
    exc = record.exc_info[1] if record.exc_info else None
    zdo_callback = "subsystem=Subsystem.ZDO, type=CommandType.AREQ" in record.getMessage()
    if record.name == "zigpy_znp.uart":
        return zdo_callback and isinstance(exc, ValueError)
    if record.name == "zigpy_znp.api":
        return zdo_callback and record.getMessage().startswith("Received an unknown frame")
    return record.name == "zigpy.appdb" and isinstance(exc, OverflowError)


class ProblemLog(logging.Handler):
    """Errors (and tracebacks) logged by the integration or by the radio libraries."""

    PREFIXES = ("custom_components.aqara_zigbee", "zigpy", "homeassistant")

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []
        self.upstream: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if not record.name.startswith(self.PREFIXES) or record.levelno < logging.ERROR:
            return
        (self.upstream if _upstream(record) else self.records).append(record)

    def messages(self) -> list[str]:
        return [f"{record.name}: {record.getMessage()}" for record in self.records]


@contextmanager
def problem_log() -> Iterator[ProblemLog]:
    handler = ProblemLog()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield handler
    finally:
        root.removeHandler(handler)


# ZDO frames zigpy takes as network membership news (NWK/IEEE_addr_rsp): it believes their
# content whoever sends them, so garbage ones create phantom devices it then interviews and
# stores (docs/reliability.md, "Known limits"); kept out of the garbage. Device_annce stays
# in: the application drops announces that cannot be genuine (announce.py).
ZDO_MEMBERSHIP = frozenset({0x8000, 0x8001})


def garbage_frame(rng: random.Random, model: str, tsn: int) -> tuple[int, int, bytes, int]:
    """(endpoint, cluster, payload, profile) of one damaged or hostile frame of a device."""
    kind = rng.randrange(8)
    if kind == 0:
        return (
            rng.choice((1, 2, 41, rng.randrange(256))),
            rng.choice((0x0000, 0x0006, 0x0012, 0xFCC0, rng.randrange(0x10000))),
            rng.randbytes(rng.randint(0, 40)),
            HA_PROFILE,
        )
    if kind == 1:  # ZDO garbage
        cluster = rng.choice((0x8002, 0x8004, 0x8005, 0x8031, 0x8034, rng.randrange(0x10000)))
        if cluster in ZDO_MEMBERSHIP:
            cluster = 0x8005
        return 0, cluster, rng.randbytes(rng.randint(0, 30)), 0x0000
    if kind == 2:  # a damaged heartbeat (FCC0 octet string, or genBasic char string)
        attr_id, type_id, cluster = rng.choice(((0x00F7, 0x41, 0xFCC0), (0xFF01, 0x42, 0x0000)))
        payload = damaged_heartbeat(rng, model)
        length = rng.choice((len(payload), len(payload) + 1, len(payload) - 1)) & 0xFF
        body = attr_id.to_bytes(2, "little") + bytes([type_id, length]) + payload
        return 1, cluster, report_frame(tsn, body, manufacturer=0x115F), HA_PROFILE
    if kind == 3:  # the allocation bomb: genBasic octet strings reported as uint32
        attr_id = rng.choice((0x000A, 0xFFF0))
        body = record(attr_id, 0x23, rng.choice((0x7FFFFFFF, 0xFFFFFFFF)).to_bytes(4, "little"))
        return 1, 0x0000, report_frame(tsn, body, manufacturer=0x115F), HA_PROFILE
    endpoint, cluster, attr_ids = rng.choice(
        (
            (1, 0x0006, (0x0000,)),
            (1, 0x0002, (0x0000,)),
            (1, 0xFCC0, (0x0002, 0x0009, 0x0200, 0x0201, 0x020B, 0x00F0)),
            (41, 0x0012, (0x0055,)),
            (2, 0x000C, (0x0055,)),
            (1, 0x0000, (0x0005, 0x0004, 0x4000)),
        )
    )
    records = b"".join(random_record(rng, attr_ids) for _ in range(rng.randint(1, 3)))
    frame = report_frame(tsn, records, manufacturer=rng.choice((None, 0x115F)))
    if kind >= 6:
        frame = mutate(rng, frame)
    return endpoint, cluster, frame, HA_PROFILE


def zigpy_replies_pending() -> int:
    """zigpy's answers to device requests still on their way (tasks of its clusters)."""
    return sum(not task.done() for task in CatchingTaskMixin._tasks)


async def until(hass: HomeAssistant, predicate: Callable[[], Any], timeout: float = 20.0) -> None:
    """Poll without waiting for Home Assistant to be idle (traffic keeps it busy)."""
    async with asyncio.timeout(timeout):
        while not predicate():
            await asyncio.sleep(0.02)
