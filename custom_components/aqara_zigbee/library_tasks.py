"""Tasks a radio library starts while we await it, owned by the code that awaited it.

A radio library may start tasks of its own inside a call and not end them when the call
fails or is cancelled. zigpy-znp's connect pings the coordinator in a task; when our
probe's time limit cancels the connect, or the link drops meanwhile, that task runs on
against the closed port and fails with nobody to retrieve its error ("Task exception was
never retrieved ... AttributeError"). Looking for such tasks afterwards
(``asyncio.all_tasks``) misses every one that has already failed, so they are collected
as they are created: while a scope is open, a task factory on the loop hands each new
task to the scope whose context created it (asyncio copies the creator's context into
the task, so tasks started by those tasks belong to the scope too).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Coroutine
from contextlib import asynccontextmanager, suppress
from contextvars import ContextVar
from typing import Any
import weakref

from .const import LOGGER

#: the scope of the running code, inherited by every task it starts
_SCOPE: ContextVar[_Scope | None] = ContextVar("aqara_zigbee_library_tasks", default=None)


class _Scope:
    """The tasks started inside one ``owned_tasks`` block."""

    def __init__(self) -> None:
        self.tasks: list[asyncio.Task[Any]] = []

    async def end(self, grace: float) -> None:
        """Cancel what still runs, wait for it (bounded), and retrieve every error."""
        pending = [task for task in self.tasks if not task.done()]
        for task in pending:
            task.cancel()
        if pending:
            _, still_running = await asyncio.wait(pending, timeout=grace)
            if still_running:
                LOGGER.debug("Radio library tasks ignore cancellation: %s", still_running)
        for task in self.tasks:
            if task.done() and not task.cancelled() and (error := task.exception()) is not None:
                # Its own work failed because ours did (the link or the probe ended): the
                # reason we report is that of the call we awaited, this is detail
                LOGGER.debug("A radio library task ended with %r", error)
        self.tasks.clear()


class _CollectingFactory:
    """A loop's task factory that gives each new task to its creator's scope."""

    def __init__(self, previous: Any) -> None:
        self.previous = previous
        self.open_scopes = 0

    def __call__(
        self, loop: asyncio.AbstractEventLoop, coro: Coroutine[Any, Any, Any], **kwargs: Any
    ) -> asyncio.Future[Any]:
        task: asyncio.Future[Any]
        if self.previous is not None:
            task = self.previous(loop, coro, **kwargs)
        else:
            task = asyncio.Task(coro, loop=loop, **kwargs)
        if isinstance(task, asyncio.Task) and (scope := task.get_context().get(_SCOPE)):
            scope.tasks.append(task)
        return task


_FACTORIES: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _CollectingFactory] = (
    weakref.WeakKeyDictionary()
)


def _open(loop: asyncio.AbstractEventLoop) -> _CollectingFactory:
    factory = _FACTORIES.get(loop)
    if factory is None:
        factory = _FACTORIES[loop] = _CollectingFactory(loop.get_task_factory())
        loop.set_task_factory(factory)
    factory.open_scopes += 1
    return factory


def _close(loop: asyncio.AbstractEventLoop, factory: _CollectingFactory) -> None:
    factory.open_scopes -= 1
    if factory.open_scopes:
        return
    # The loop goes back to its own factory; if another one was put on top of ours
    # meanwhile it calls ours, which then just passes tasks through
    if loop.get_task_factory() is factory:
        loop.set_task_factory(factory.previous)
        del _FACTORIES[loop]


@asynccontextmanager
async def owned_tasks(grace: float) -> AsyncIterator[None]:
    """Own every task started inside the block: at its end, cancel and await them.

    ``grace`` bounds the wait for tasks that take their time to end once cancelled.

    Only for code whose every library task is done with when the block ends (a probe's
    application, disconnected at its end): a started network's tasks live on.
    """
    loop = asyncio.get_running_loop()
    factory = _open(loop)
    scope = _Scope()
    token = _SCOPE.set(scope)
    try:
        yield
    finally:
        with suppress(ValueError):  # closed from another context: nothing was set there
            _SCOPE.reset(token)
        try:
            await scope.end(grace)
        finally:
            _close(loop, factory)


__all__ = ["owned_tasks"]
