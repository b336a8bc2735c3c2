"""What a migration takes from another Zigbee integration: its network and its devices."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

type Source = Literal["zha", "zigbee2mqtt"]


class MigrationError(Exception):
    """A file that cannot be taken over.

    ``reason`` is a translation key of the config flow; the message is one English line
    for the command line (it names the file and what is wrong with it).
    """

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class NetworkSummary:
    """The network's identity, as the user and the stick see it."""

    channel: int
    pan_id: int
    extended_pan_id: str  # 16 lower-case hex digits, most significant byte first
    coordinator_ieee: str  # aa:bb:... (zigpy's and Home Assistant's spelling)

    def as_json(self) -> dict[str, Any]:
        return {
            "channel": self.channel,
            "pan_id": f"0x{self.pan_id:04x}",
            "extended_pan_id": f"0x{self.extended_pan_id}",
            "coordinator_ieee": self.coordinator_ieee,
        }


@dataclass(frozen=True, slots=True)
class MigratedEndpoint:
    """One endpoint as the other integration interviewed it."""

    endpoint_id: int
    profile_id: int
    device_type: int
    in_clusters: tuple[int, ...]
    out_clusters: tuple[int, ...]


@dataclass(slots=True)
class MigratedDevice:
    """A device of the other network, with what is known about it."""

    ieee: str
    nwk: int
    manufacturer: str | None = None
    model: str | None = None
    name: str | None = None
    area: str | None = None
    #: manufacturer code of its node descriptor, when known
    manufacturer_code: int | None = None
    #: the node descriptor's logical type: 0 coordinator, 1 router, 2 end device
    logical_type: int | None = None
    endpoints: list[MigratedEndpoint] = field(default_factory=list)
    supported: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "ieee": self.ieee,
            "nwk": f"0x{self.nwk:04x}",
            "manufacturer": self.manufacturer,
            "model": self.model,
            "name": self.name,
            "supported": self.supported,
        }


@dataclass(slots=True)
class MigrationSource:
    """Everything read from the other integration's files (nothing was changed there)."""

    source: Source
    network: NetworkSummary
    #: the network in the open coordinator backup format (what is restored on the stick)
    backup: dict[str, Any]
    devices: list[MigratedDevice]

    def as_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "network": self.network.as_json(),
            "devices": [device.as_json() for device in self.devices],
        }
