"""A remote: client OnOff/Level Control commands sent when its buttons are used.

Commands go along the remote's bindings for the cluster (a group, or a device's endpoint);
a remote nobody bound sends them to the coordinator, the hub that paired it. The action
names are Zigbee2MQTT's (``commandsOnOff``/``commandsLevelCtrl``).
"""

from __future__ import annotations

from dataclasses import dataclass
import struct

from ..air import COORDINATOR_NWK, HA_PROFILE, AddressMode, ApsFrame
from ..clusters import COORDINATOR_ENDPOINT, LEVEL_CONTROL, ON_OFF
from ..properties import Property, PropertyError
from ..zcl import FrameType, ZclHeader
from ..zdo_responder import ieee_from_str
from .base import Behaviour


@dataclass(frozen=True, slots=True)
class RemoteCommand:
    """What one action sends: cluster, command id and payload."""

    cluster: int
    command: int
    payload: bytes = b""


def level_move(up: bool, rate: int, *, with_on_off: bool) -> RemoteCommand:
    return RemoteCommand(
        LEVEL_CONTROL, 0x05 if with_on_off else 0x01, struct.pack("<BB", 0 if up else 1, rate)
    )


def level_step(up: bool, size: int, tenths: int, *, with_on_off: bool) -> RemoteCommand:
    command = 0x06 if with_on_off else 0x02
    return RemoteCommand(LEVEL_CONTROL, command, struct.pack("<BBH", 0 if up else 1, size, tenths))


#: the OnOff actions every OnOff client has
ON_OFF_ACTIONS = {
    "on": RemoteCommand(ON_OFF, 0x01),
    "off": RemoteCommand(ON_OFF, 0x00),
    "toggle": RemoteCommand(ON_OFF, 0x02),
}


class Remote(Behaviour):
    """Buttons that send client commands from ``endpoint``; ``actions`` maps Zigbee2MQTT
    action names to what the firmware sends for them."""

    def __init__(self, endpoint: int, actions: dict[str, RemoteCommand]) -> None:
        self.endpoint = endpoint
        self.actions = dict(actions)
        self.last_action: str | None = None
        self.sent = 0

    def send(self, action: str) -> None:
        """Use the button behind ``action`` (``on``, ``brightness_move_up``...)."""
        try:
            command = self.actions[action]
        except KeyError:
            raise PropertyError(
                f"{self.device.zigbee_model} has no action {action!r} (has {sorted(self.actions)})"
            ) from None
        self.last_action = action
        header = ZclHeader(
            command=command.command,
            tsn=self.device.next_tsn(),
            frame_type=FrameType.CLUSTER,
            disable_default_response=True,
        )
        data = header.encode() + command.payload
        for dst_mode, dst, dst_ep in self._destinations(command.cluster):
            self.sent += 1
            self.device.send(
                ApsFrame(
                    src_nwk=self.device.nwk,
                    src_ep=self.endpoint,
                    dst=dst,
                    dst_ep=dst_ep,
                    cluster=command.cluster,
                    profile=HA_PROFILE,
                    payload=data,
                    dst_mode=dst_mode,
                    lqi=self.device.lqi,
                    rssi=self.device.rssi,
                )
            )

    def _destinations(self, cluster: int) -> list[tuple[AddressMode, int, int]]:
        bound = [
            binding
            for binding in self.device.bindings
            if binding.src_ep == self.endpoint and binding.cluster == cluster
        ]
        if not bound:
            return [(AddressMode.NWK, COORDINATOR_NWK, COORDINATOR_ENDPOINT)]
        targets: list[tuple[AddressMode, int, int]] = []
        for binding in bound:
            if binding.dst_mode == 0x01:
                targets.append((AddressMode.GROUP, int(binding.dst), 0xFF))
                continue
            ieee, _, ep = binding.dst.partition("/")
            resolve = self.device.resolve_nwk
            # Alone (no network around it) the device knows only the hub
            nwk = COORDINATOR_NWK if resolve is None else resolve(ieee_from_str(ieee))
            if nwk is not None:  # a bound device that is gone gets nothing
                targets.append((AddressMode.NWK, nwk, int(ep)))
        return targets

    def properties(self) -> list[Property]:
        def change(value: object, report: bool) -> None:
            if report:
                self.send(str(value))
            else:
                self.last_action = str(value)

        return [
            Property(
                "action",
                read=lambda: self.last_action,
                change=change,
                pick=lambda current: next(a for a in self.actions if a != current),
            )
        ]
