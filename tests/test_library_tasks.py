"""The tasks a radio library starts inside ``owned_tasks`` are ended and awaited with it."""

from __future__ import annotations

import asyncio
import gc
import logging

import pytest

from custom_components.aqara_zigbee.library_tasks import owned_tasks


async def _fail_soon() -> None:
    await asyncio.sleep(0)
    raise AttributeError("'NoneType' object has no attribute 'write'")


async def _forever() -> None:
    await asyncio.Event().wait()


def _unretrieved(caplog: pytest.LogCaptureFixture) -> list[str]:
    gc.collect()  # a failed task reports an unretrieved error only when collected
    return [r.getMessage() for r in caplog.records if "never retrieved" in r.getMessage()]


async def test_a_task_that_failed_inside_the_block_is_retrieved(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    async with owned_tasks(grace=1.0):
        # Started and forgotten by the "library", failed before the block ends
        asyncio.get_running_loop().create_task(_fail_soon())
        for _ in range(3):
            await asyncio.sleep(0)
    assert _unretrieved(caplog) == []
    assert any("AttributeError" in record.getMessage() for record in caplog.records)


async def test_tasks_still_running_are_cancelled_and_awaited() -> None:
    async with owned_tasks(grace=1.0):
        task = asyncio.ensure_future(_forever())

        async def starts_another() -> asyncio.Task[None]:
            return asyncio.create_task(_forever())

        grandchild = await asyncio.create_task(starts_another())
    assert task.cancelled()
    assert grandchild.cancelled()  # started by a task of the block: owned too


async def test_tasks_of_other_code_are_left_alone() -> None:
    loop = asyncio.get_running_loop()
    started = asyncio.Event()
    others: list[asyncio.Task[None]] = []

    async def other_code() -> None:
        # Runs in its own context, created before the block: not the block's
        await started.wait()
        others.append(loop.create_task(_forever()))

    outside = loop.create_task(other_code())
    async with owned_tasks(grace=1.0):
        started.set()
        await outside
    assert len(others) == 1
    assert not others[0].done()
    others[0].cancel()
    await asyncio.gather(others[0], return_exceptions=True)


async def test_the_loop_gets_its_own_task_factory_back() -> None:
    loop = asyncio.get_running_loop()
    before = loop.get_task_factory()
    async with owned_tasks(grace=1.0):
        async with owned_tasks(grace=1.0):
            assert loop.get_task_factory() is not before
        assert loop.get_task_factory() is not before  # the outer block is still open
    assert loop.get_task_factory() is before
