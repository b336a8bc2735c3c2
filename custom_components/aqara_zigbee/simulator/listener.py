"""The TCP side both emulated coordinators share: one listening socket, one host at a time.

A network-attached stick (``socket://host:port``) behaves like this: the host connects, the
coordinator serves it; stopping closes the socket, drops the host and saves what the
coordinator keeps across power cycles.
"""

from __future__ import annotations

import asyncio
import logging
from typing import ClassVar, Protocol

_LOGGER = logging.getLogger(__name__)


class _HostConnection(Protocol):
    transport: asyncio.Transport | None


class _StateWriter(Protocol):
    async def drain(self) -> None: ...


class CoordinatorListener:
    """Start/stop/url of an emulated coordinator; the coordinator supplies the rest."""

    #: what the log calls the coordinator ("Z-Stack emulator")
    kind: ClassVar[str]
    _server: asyncio.Server | None
    _client: _HostConnection | None
    _host: str
    _port: int
    _writer: _StateWriter | None

    def _connection(self) -> asyncio.Protocol:
        """A protocol object for a host that connects."""
        raise NotImplementedError

    def _cancel_permit_timer(self) -> None:
        raise NotImplementedError

    def _flush(self) -> None:
        """Hand what the coordinator keeps across power cycles to its writer."""
        raise NotImplementedError

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> int:
        """Listen for a host; returns the bound port."""
        if self._server is not None:
            return self._port
        loop = asyncio.get_running_loop()
        self._server = await loop.create_server(self._connection, host, port)
        self._host = host
        self._port = int(self._server.sockets[0].getsockname()[1])
        _LOGGER.debug("%s listening on %s", self.kind, self.url)
        return self._port

    async def stop(self) -> None:
        """Stop serving, drop the host and save the coordinator's persistent state."""
        server, self._server = self._server, None
        client, self._client = self._client, None
        if server is not None:
            server.close()
        if client is not None and client.transport is not None:
            client.transport.abort()
        self._cancel_permit_timer()
        if server is not None:
            await server.wait_closed()
        self._flush()
        if self._writer is not None:
            await self._writer.drain()

    @property
    def url(self) -> str:
        return f"socket://{self._host}:{self._port}"

    async def drop_connection(self) -> None:
        """Abruptly close the host's connection; keep serving so it can reconnect."""
        client, self._client = self._client, None
        if client is not None and client.transport is not None:
            client.transport.abort()
        self._flush()
        await asyncio.sleep(0)

    def _client_connected(self, client: _HostConnection) -> None:
        previous, self._client = self._client, client
        if previous is not None and previous.transport is not None:
            # A serial port has one user: a new connection replaces a stale one.
            previous.transport.abort()
        _LOGGER.debug("A host connected to the %s", self.kind)

    def _client_disconnected(self, client: _HostConnection) -> None:
        if self._client is client:
            self._client = None
            self._flush()
