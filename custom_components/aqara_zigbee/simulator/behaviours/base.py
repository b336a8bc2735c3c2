"""What a behaviour can do: serve attributes and commands, react to the device's life."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from ..properties import Property
from ..zcl import Status, ZclHeader
from ..zcl_server import AttrTable, Reply

if TYPE_CHECKING:
    from ..device import TwinDevice


class _NotMine:
    """A command handler's answer when the command is for another behaviour."""


#: returned by :meth:`Behaviour.cluster_command` for commands it does not handle
NOT_MINE: Final = _NotMine()
CommandResult = Status | None | _NotMine


class Behaviour:
    """One capability of a firmware (relay, buttons, heartbeat...), composed into a device.

    Every hook does nothing by default; the device calls them in its behaviours' order,
    which is the order the firmware does things in (it decides the order of frames).
    """

    device: TwinDevice

    def attach(self, device: TwinDevice) -> None:
        """Become part of ``device`` (before any attribute table is built)."""
        self.device = device

    # -- ZCL --------------------------------------------------------------------------

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        """Attributes this behaviour adds to a server cluster of an endpoint."""
        return {}

    def client_attributes(self, ep: int, cluster: int) -> AttrTable:
        """Attributes this behaviour adds to a client cluster of an endpoint."""
        return {}

    def cluster_command(
        self, ep: int, cluster: int, header: ZclHeader, payload: bytes, reply: Reply
    ) -> CommandResult:
        """A cluster-specific command: a status for the Default Response, None when
        answered otherwise, :data:`NOT_MINE` when another behaviour's."""
        return NOT_MINE

    # -- Zigbee2MQTT view -------------------------------------------------------------

    def properties(self) -> list[Property]:
        """The Zigbee2MQTT properties this behaviour is behind."""
        return []

    # -- the device's life ------------------------------------------------------------

    def created(self) -> None:
        """The unit exists (powered, not yet joined)."""

    def joined(self) -> None:
        """The coordinator accepted the device."""

    def left(self) -> None:
        """The device left the network."""

    def before_relay_change(self, ep: int) -> None:
        """A relay is about to switch."""

    def after_relay_change(self, ep: int) -> None:
        """A relay switched (and reported)."""

    def before_power_off(self) -> None:
        """Mains is about to go."""

    def stop_timers(self) -> None:
        """Mains is gone: nothing of this behaviour runs until it is back."""

    def power_restored(self) -> None:
        """Mains is back (first step of the boot)."""

    def announced(self) -> None:
        """A joined device announced itself after booting."""

    def booted(self) -> None:
        """The boot is over."""

    def factory_reset(self) -> None:
        """Forget what a reset forgets."""

    # -- persistence ------------------------------------------------------------------

    def export_state(self, state: dict[str, Any]) -> None:
        """Add this behaviour's persistent state to ``state``."""

    def import_state(self, state: dict[str, Any]) -> None:
        """Restore what :meth:`export_state` saved (missing keys keep their value)."""
