"""Power outages: the power-on counter and power_outage_memory (relays after an outage)."""

from __future__ import annotations

from typing import Any

from ..clusters import (
    BASIC,
    BASIC_LUMI_WRITE,
    LUMI_CLUSTER,
    LUMI_POWER_OUTAGE_COUNT,
    LUMI_POWER_OUTAGE_MEMORY,
)
from ..properties import Property, as_bool, flip
from ..zcl import DataType, Status
from ..zcl_server import AttrTable, lumi_attr
from .base import Behaviour
from .relays import Relays

# lumi.plug power_outage_memory: two genBasic 0xFFF0 writes (mfr 0x115F) per setting.
LUMI_PLUG_POM_ON = (bytes.fromhex("aa8005d14707011001"), bytes.fromhex("aa8003d3070801"))
LUMI_PLUG_POM_OFF = (bytes.fromhex("aa8005d14709011000"), bytes.fromhex("aa8003d3070a01"))


class PowerOutageCounter(Behaviour):
    """Boots since pairing (heartbeat index 5); Zigbee2MQTT's ``power_outage_count`` is
    one less. ``exposed``: the model's page shows the count."""

    def __init__(self, *, exposed: bool) -> None:
        self.exposed = exposed
        self.power_on_count = 1

    @property
    def outages(self) -> int:
        return max(0, self.power_on_count - 1)

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if cluster == LUMI_CLUSTER and ep == 1:
            return {LUMI_POWER_OUTAGE_COUNT: lumi_attr(DataType.UINT8, lambda: self.outages)}
        return {}

    def power_restored(self) -> None:
        self.power_on_count += 1

    def properties(self) -> list[Property]:
        if not self.exposed:
            return []

        def change(value: object, report: bool) -> None:
            target = int(str(value))
            if not report:
                self.power_on_count = target + 1
                self.device.state_changed()
                return
            if target <= self.outages:
                raise ValueError("outages only add up (a reset clears them)")
            while self.outages < target:
                self.device.power_cycle()
            self.device.send_heartbeat()  # the counter travels in the heartbeat

        return [
            Property(
                "power_outage_count",
                read=lambda: self.outages,
                change=change,
                pick=lambda current: int(str(current)) + 1,
            )
        ]

    def factory_reset(self) -> None:
        self.power_on_count = 1

    def export_state(self, state: dict[str, Any]) -> None:
        state["power_on_count"] = self.power_on_count

    def import_state(self, state: dict[str, Any]) -> None:
        self.power_on_count = int(state.get("power_on_count", self.power_on_count))


class PowerOutageMemory(Behaviour):
    """Relays come back as they were after an outage (FCC0 0x0201), or off."""

    def __init__(self, *, default: bool) -> None:
        self.default = default
        self.enabled = default

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if cluster == LUMI_CLUSTER and ep == 1:
            return {
                LUMI_POWER_OUTAGE_MEMORY: lumi_attr(
                    DataType.BOOL, lambda: self.enabled, self._write
                )
            }
        return {}

    def _write(self, value: object) -> Status:
        self.enabled = bool(value)
        self.device.state_changed()
        return Status.SUCCESS

    def power_restored(self) -> None:
        relays = self.device.find(Relays)
        if not self.enabled and relays is not None:
            for ep in relays.relays:
                relays.relays[ep] = False

    def properties(self) -> list[Property]:
        def change(value: object, report: bool) -> None:
            self._write(as_bool(value))
            if report:
                self.device.report_attribute(1, LUMI_CLUSTER, LUMI_POWER_OUTAGE_MEMORY)

        return [
            Property(
                "power_outage_memory",
                read=lambda: self.enabled,
                change=change,
                pick=flip,
                writable=True,
            )
        ]

    def factory_reset(self) -> None:
        self.enabled = self.default

    def export_state(self, state: dict[str, Any]) -> None:
        state["power_outage_memory"] = self.enabled

    def import_state(self, state: dict[str, Any]) -> None:
        self.enabled = bool(state.get("power_outage_memory", self.enabled))


class PlugPowerOutageMemory(PowerOutageMemory):
    """lumi.plug's power_outage_memory: a two-write handshake on genBasic 0xFFF0.

    The first frame selects the setting, the second commits it; reads answer nothing.
    """

    def __init__(self, *, default: bool) -> None:
        super().__init__(default=default)
        self._pending: bool | None = None

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if cluster == BASIC:
            return {
                BASIC_LUMI_WRITE: lumi_attr(
                    DataType.OCTET_STRING, lambda: b"", self._write_handshake
                )
            }
        return {}

    def _write_handshake(self, value: object) -> Status:
        data = bytes(value) if isinstance(value, bytes | bytearray) else b""
        for enabled, (select, commit) in ((True, LUMI_PLUG_POM_ON), (False, LUMI_PLUG_POM_OFF)):
            if data == select:
                self._pending = enabled
                return Status.SUCCESS
            if data == commit:
                if self._pending is enabled:
                    self.enabled = enabled
                    self.device.state_changed()
                self._pending = None
                return Status.SUCCESS
        return Status.INVALID_VALUE

    def properties(self) -> list[Property]:
        def change(value: object, _report: bool) -> None:
            # The old firmware reports no change of this setting, and its heartbeat lacks
            # it: nothing goes on the air.
            self.enabled = as_bool(value)
            self.device.state_changed()

        return [
            Property(
                "power_outage_memory",
                read=lambda: self.enabled,
                change=change,
                pick=flip,
                writable=True,
                reported=False,
            )
        ]
