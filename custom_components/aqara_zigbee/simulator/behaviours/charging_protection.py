"""Charging protection (H2 plugs): off once a charge is done.

With FCC0 0x0202 on, the relay opens after the load stayed under the charging limit
(FCC0 0x0206, a float in W, 0.1-2 W) for half an hour. The firmware takes the limit in
tenths of a watt (inferred from the 0.1 W step of Zigbee2MQTT's expose).
"""

from __future__ import annotations

from typing import Any, Final

from ..clock import SimTimer
from ..clusters import LUMI_CLUSTER
from ..properties import Property, PropertyError, as_number, as_z2m_switch, flip, on_off
from ..zcl import DataType, Status
from ..zcl_server import AttrTable, lumi_attr
from .base import Behaviour
from .metering import Metering
from .relays import Relays

LUMI_CHARGING_PROTECTION: Final = 0x0202
LUMI_CHARGING_LIMIT: Final = 0x0206
CHARGING_LIMIT_RANGE: Final = (0.1, 2.0)
CHARGED_AFTER_S: Final = 30 * 60.0


class ChargingProtection(Behaviour):
    """The setting, the limit and the half-hour watch on relay 1.

    The load is looked at when the watch ends: still under the limit, the relay opens;
    over it, another half hour is watched (the twin has no finer view of the load's past).
    Listed after :class:`Metering`, it owns FCC0 0x0202 (older plugs' auto_off).
    """

    def __init__(self, *, default_limit_w: float = 0.5) -> None:
        self.enabled = False
        self.default_limit_w = default_limit_w
        self.limit_w = default_limit_w
        self.trips = 0
        self._timer: SimTimer | None = None

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if cluster == LUMI_CLUSTER and ep == 1:
            return {
                LUMI_CHARGING_PROTECTION: lumi_attr(
                    DataType.BOOL, lambda: self.enabled, self._write_enabled
                ),
                LUMI_CHARGING_LIMIT: lumi_attr(
                    DataType.FLOAT, lambda: self.limit_w, self._write_limit
                ),
            }
        return {}

    def _write_enabled(self, value: object) -> Status:
        self.enabled = bool(value)
        self.device.state_changed()
        self._watch()
        return Status.SUCCESS

    def _write_limit(self, value: object) -> Status:
        low, high = CHARGING_LIMIT_RANGE
        # The wire's single-precision float may miss a tenth by a hair
        if not isinstance(value, int | float) or not low - 1e-6 <= float(value) <= high + 1e-6:
            return Status.INVALID_VALUE
        self.limit_w = round(float(value), 1)
        self.device.state_changed()
        return Status.SUCCESS

    # -- the watch ------------------------------------------------------------------------

    def _relay_on(self) -> bool:
        relays = self.device.find(Relays)
        return relays is not None and relays.relays.get(1, False)

    def _watch(self) -> None:
        """Start (or stop) the half-hour watch as the setting and the relay say."""
        if not (self.enabled and self.device.powered and self._relay_on()):
            self.stop_timers()
            return
        if self._timer is None:
            self._timer = self.device.clock.call_later(CHARGED_AFTER_S, self._due)

    def _due(self) -> None:
        self._timer = None
        if not (self.enabled and self._relay_on()):
            return
        meter = self.device.find(Metering)
        if meter is not None and meter.power_w >= self.limit_w:
            self._watch()  # still charging
            return
        self.trips += 1
        self.device.behaviour(Relays).set(1, False)

    def after_relay_change(self, ep: int) -> None:
        if ep == 1:
            self._watch()

    def power_restored(self) -> None:
        self._watch()

    def stop_timers(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    # -- Zigbee2MQTT view -----------------------------------------------------------------

    def properties(self) -> list[Property]:
        def change_enabled(value: object, report: bool) -> None:
            self._write_enabled(on_off(value))
            if report:
                self.device.report_attribute(1, LUMI_CLUSTER, LUMI_CHARGING_PROTECTION)

        def change_limit(value: object, report: bool) -> None:
            if self._write_limit(as_number(value)) != Status.SUCCESS:
                raise PropertyError(f"charging_limit={value!r} is out of range")
            if report:
                self.device.report_attribute(1, LUMI_CLUSTER, LUMI_CHARGING_LIMIT)

        return [
            Property(
                "charging_protection",
                read=lambda: as_z2m_switch(self.enabled),
                change=change_enabled,
                pick=flip,
                writable=True,
            ),
            Property(
                "charging_limit",
                read=lambda: self.limit_w,
                change=change_limit,
                pick=lambda current: 1.5 if current != 1.5 else 0.5,
                writable=True,
            ),
        ]

    # -- persistence ----------------------------------------------------------------------

    def factory_reset(self) -> None:
        self.enabled = False
        self.limit_w = self.default_limit_w
        self.stop_timers()

    def export_state(self, state: dict[str, Any]) -> None:
        state.update(charging_protection=self.enabled, charging_limit_w=self.limit_w)

    def import_state(self, state: dict[str, Any]) -> None:
        self.enabled = bool(state.get("charging_protection", self.enabled))
        self.limit_w = float(state.get("charging_limit_w", self.limit_w))
