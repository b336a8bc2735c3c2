"""Issue #21: probing a TCP "radio" that is not one must end, answer and clean up.

Each server below is a hostile coordinator on 127.0.0.1:0; the probe is tried against
every one for both radio families. PHCC's cleanup check fails a test that leaves a task
or timer behind.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
import logging
import random
from typing import Any
from unittest.mock import patch

import pytest

from custom_components.aqara_zigbee import radio
from custom_components.aqara_zigbee.const import CONF_BAUDRATE, CONF_DEVICE_PATH, RadioType

PROBE_TIMEOUT = 1.0

Behaviour = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Coroutine[Any, Any, None]]


async def _close_at_once(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    writer.close()


async def _silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    while await reader.read(4096):
        pass


async def _garbage_once(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    writer.write(random.Random(21).randbytes(4096))
    await writer.drain()
    await _silent(reader, writer)


async def _endless_garbage(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    rng = random.Random(21)
    while True:
        writer.write(rng.randbytes(16384))
        await writer.drain()


HOSTILE: dict[str, tuple[Behaviour, set[str]]] = {
    "closes_at_once": (_close_at_once, {"cannot_connect", "not_this_radio"}),
    "accepts_and_stays_silent": (_silent, {"not_this_radio"}),
    "sends_random_bytes": (_garbage_once, {"not_this_radio"}),
    "sends_an_endless_stream": (_endless_garbage, {"not_this_radio"}),
}


@asynccontextmanager
async def hostile_server(behaviour: Behaviour) -> AsyncIterator[str]:
    """A TCP server that treats every client with ``behaviour``; yields its socket URL."""
    handlers: set[asyncio.Task[None]] = set()

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        handlers.add(asyncio.current_task())  # type: ignore[arg-type]
        try:
            await behaviour(reader, writer)
        except ConnectionError, OSError:
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"socket://127.0.0.1:{port}"
    finally:
        server.close()
        for task in list(handlers):
            task.cancel()
        await asyncio.gather(*handlers, return_exceptions=True)
        await server.wait_closed()


@pytest.fixture(autouse=True)
def short_probe_timeout() -> Any:
    with patch.object(radio, "PROBE_TIMEOUT", PROBE_TIMEOUT):
        yield


@pytest.mark.parametrize("radio_type", [RadioType.ZNP, RadioType.EZSP])
@pytest.mark.parametrize("name", list(HOSTILE))
async def test_probe_of_a_hostile_radio_answers_and_cleans_up(
    radio_type: RadioType, name: str, caplog: pytest.LogCaptureFixture
) -> None:
    behaviour, reasons = HOSTILE[name]
    caplog.set_level(logging.DEBUG)
    loop = asyncio.get_running_loop()
    async with hostile_server(behaviour) as url:
        device = {CONF_DEVICE_PATH: url, CONF_BAUDRATE: 115200}
        started = loop.time()
        with pytest.raises(radio.RadioError) as err:
            async with asyncio.timeout(PROBE_TIMEOUT * 4):
                await radio.probe(radio_type, device)
        elapsed = loop.time() - started
    assert err.value.reason in reasons
    assert elapsed < PROBE_TIMEOUT * 2.5
    # Let transports finish closing, then nothing of the probe may be left running
    for _ in range(5):
        await asyncio.sleep(0)
    leftovers = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
    assert leftovers == []
    messages = [record.getMessage() for record in caplog.records]
    assert not [m for m in messages if "Event loop is closed" in m or "was destroyed" in m]
