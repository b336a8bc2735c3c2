"""What an EmberZNet NCP keeps in flash across resets, and how the emulator saves it.

The real chip keeps manufacturing tokens (its EUI64, a custom EUI64 written once) and
stack tokens (node data, network key, frame counters, the trust-centre link key, the key
table, the child table) in NVM3. Here they are one JSON document in the state directory,
written whole and atomically, readable only by its owner (it holds keys).

The emulator also remembers which devices the trust centre let in (EmberZNet's own record
is spread over the child, address and key tables): the simulated network asks it who is
on the network after a restart.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
import json
import logging
import os
import pathlib
import threading
from typing import Any, Final

_LOGGER = logging.getLogger(__name__)

STATE_FILE: Final = "ezsp_ncp.json"
STATE_VERSION: Final = 1
BLANK_EUI64: Final = b"\xff" * 8


@dataclass(slots=True)
class NetworkTokens:
    """The node-data token of a formed network."""

    pan_id: int
    extended_pan_id: bytes  # as on the air
    channel: int
    tx_power: int = 8
    nwk_manager_id: int = 0x0000
    nwk_update_id: int = 0
    channels: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "pan_id": self.pan_id,
            "extended_pan_id": self.extended_pan_id.hex(),
            "channel": self.channel,
            "tx_power": self.tx_power,
            "nwk_manager_id": self.nwk_manager_id,
            "nwk_update_id": self.nwk_update_id,
            "channels": self.channels,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> NetworkTokens:
        return cls(
            pan_id=int(data["pan_id"]),
            extended_pan_id=_hex(data["extended_pan_id"], 8),
            channel=int(data["channel"]),
            tx_power=int(data.get("tx_power", 8)),
            nwk_manager_id=int(data.get("nwk_manager_id", 0)),
            nwk_update_id=int(data.get("nwk_update_id", 0)),
            channels=int(data.get("channels", 0)),
        )


@dataclass(slots=True)
class LinkKey:
    """One row of the APS key table (a device's unique trust-centre link key)."""

    eui64: bytes
    key: bytes
    outgoing_frame_counter: int = 0
    incoming_frame_counter: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "eui64": self.eui64.hex(),
            "key": self.key.hex(),
            "outgoing_frame_counter": self.outgoing_frame_counter,
            "incoming_frame_counter": self.incoming_frame_counter,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LinkKey:
        return cls(
            eui64=_hex(data["eui64"], 8),
            key=_hex(data["key"], 16),
            outgoing_frame_counter=int(data.get("outgoing_frame_counter", 0)),
            incoming_frame_counter=int(data.get("incoming_frame_counter", 0)),
        )


@dataclass(slots=True)
class Child:
    """A row of the child table: an end device whose parent is the coordinator."""

    eui64: bytes
    nwk: int
    node_type: int  # NodeType

    def to_json(self) -> dict[str, Any]:
        return {"eui64": self.eui64.hex(), "nwk": self.nwk, "node_type": self.node_type}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Child:
        return cls(_hex(data["eui64"], 8), int(data["nwk"]), int(data["node_type"]))


@dataclass(slots=True)
class NcpTokens:
    """Everything that survives a reset of the NCP."""

    custom_eui64: bytes = BLANK_EUI64
    restored_eui64: bytes = BLANK_EUI64
    network: NetworkTokens | None = None
    network_key: bytes = bytes(16)
    network_key_sequence: int = 0
    nwk_frame_counter: int = 0
    tc_link_key: bytes = bytes(16)
    aps_frame_counter: int = 0
    security_bitmask: int = 0
    key_table: list[LinkKey | None] = field(default_factory=list)
    children: list[Child] = field(default_factory=list)
    # IEEE -> NWK of every device the trust centre let in (the simulator's bookkeeping)
    devices: dict[bytes, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "version": STATE_VERSION,
            "custom_eui64": self.custom_eui64.hex(),
            "restored_eui64": self.restored_eui64.hex(),
            "network": None if self.network is None else self.network.to_json(),
            "network_key": self.network_key.hex(),
            "network_key_sequence": self.network_key_sequence,
            "nwk_frame_counter": self.nwk_frame_counter,
            "tc_link_key": self.tc_link_key.hex(),
            "aps_frame_counter": self.aps_frame_counter,
            "security_bitmask": self.security_bitmask,
            "key_table": [None if row is None else row.to_json() for row in self.key_table],
            "children": [child.to_json() for child in self.children],
            "devices": {ieee.hex(): nwk for ieee, nwk in self.devices.items()},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> NcpTokens:
        network = data.get("network")
        return cls(
            custom_eui64=_hex(data.get("custom_eui64", BLANK_EUI64.hex()), 8),
            restored_eui64=_hex(data.get("restored_eui64", BLANK_EUI64.hex()), 8),
            network=None if network is None else NetworkTokens.from_json(network),
            network_key=_hex(data.get("network_key", "00" * 16), 16),
            network_key_sequence=int(data.get("network_key_sequence", 0)),
            nwk_frame_counter=int(data.get("nwk_frame_counter", 0)),
            tc_link_key=_hex(data.get("tc_link_key", "00" * 16), 16),
            aps_frame_counter=int(data.get("aps_frame_counter", 0)),
            security_bitmask=int(data.get("security_bitmask", 0)),
            key_table=[
                None if row is None else LinkKey.from_json(row) for row in data.get("key_table", [])
            ],
            children=[Child.from_json(child) for child in data.get("children", [])],
            devices={_hex(ieee, 8): int(nwk) for ieee, nwk in data.get("devices", {}).items()},
        )


def _hex(text: str, size: int) -> bytes:
    value = bytes.fromhex(text)
    if len(value) != size:
        raise ValueError(f"expected {size} bytes, got {len(value)}")
    return value


def load_tokens(path: pathlib.Path) -> NcpTokens | None:
    """The saved tokens, or None when there are none (or they cannot be read)."""
    try:
        data = json.loads(path.read_text())
        return NcpTokens.from_json(data)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as err:
        _LOGGER.warning("Ignoring unreadable EZSP NCP state %s: %s", path, err)
        return None


def write_private(path: pathlib.Path, text: str) -> None:
    """Replace ``path`` atomically with ``text``, readable by its owner only."""
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        os.fchmod(handle.fileno(), 0o600)  # an old .tmp keeps its mode through O_CREAT
        handle.write(text)
    tmp.replace(path)


class TokenWriter:
    """Writes snapshots in the loop's executor; a late older snapshot never wins."""

    def __init__(self, path: pathlib.Path) -> None:
        self._path = path
        self._lock = threading.Lock()
        self._submitted = 0
        self._written = 0
        self._pending: set[asyncio.Future[None]] = set()

    def submit(self, text: str) -> None:
        self._submitted += 1
        sequence = self._submitted
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self._write(sequence, text)
            return
        future = loop.run_in_executor(None, self._write, sequence, text)
        self._pending.add(future)
        future.add_done_callback(self._pending.discard)

    async def drain(self) -> None:
        """Wait until every submitted snapshot is on disk."""
        if self._pending:
            await asyncio.gather(*self._pending)

    def _write(self, sequence: int, text: str) -> None:
        with self._lock:
            if sequence <= self._written:
                return
            try:
                write_private(self._path, text)
            except OSError:
                _LOGGER.exception("Could not save the EZSP NCP state to %s", self._path)
                return
            self._written = sequence
