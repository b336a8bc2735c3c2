"""Aqara's smoke and natural gas detectors: an alarm with its buzzer, all on 0xFCC0.

The firmware reports each attribute when it changes (lumi_specific): 0x013A alarm,
0x013B density (smoke 0-10, gas %LEL), 0x0127 self-test running, 0x0126 buzzer muted by
hand, 0x013D buzzer alarmed by hand, 0x014C linkage alarm triggered, 0x0139 the gas
detector warming up. The hub writes 0x0127 true to start a self-test (it runs a few seconds)
and the buzzer command (0x013E smoke, 0x013F gas: 15361 alarm, 15360 mute).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

from ..clusters import LUMI_CLUSTER
from ..properties import Property, PropertyError, as_bool, as_number
from ..zcl import DataType, Status
from ..zcl_server import AttrTable, as_int, lumi_attr
from .base import Behaviour

if TYPE_CHECKING:
    from ..device import TwinDevice

ALARM: Final = 0x013A
DENSITY: Final = 0x013B
SELFTEST: Final = 0x0127
BUZZER_MANUAL_MUTE: Final = 0x0126
BUZZER_MANUAL_ALARM: Final = 0x013D
LINKAGE_ALARM_STATE: Final = 0x014C
STATE: Final = 0x0139
SMOKE_BUZZER: Final = 0x013E
GAS_BUZZER: Final = 0x013F
POWER_UPS: Final = 0x0002
BUZZER: Final = {"mute": 15360, "alarm": 15361}
SMOKE_DBM: Final = (0, 0.085, 0.088, 0.093, 0.095, 0.1, 0.105, 0.11, 0.115, 0.12, 0.125)
#: how long a self-test sounds (simulated s; inferred)
SELFTEST_S: Final = 5.0


class Detector(Behaviour):
    """``gas``: the natural gas detector (density in %LEL, warm-up state, 0x013F buzzer,
    power-ups in 0x0002); else the smoke detector (density 0-10, also shown in dB/m)."""

    def __init__(self, *, gas: bool) -> None:
        self.gas = gas
        self.alarm = False
        self.density = 0
        self.testing = False
        self.manual_mute = False
        self.manual_alarm = False
        self.linkage_triggered = False
        self.preparing = False
        self.buzzer: int | None = None  # the last buzzer command written
        self.power_ups = 1  # the gas detector counts its boots in 0x0002, from one

    @property
    def alarm_name(self) -> str:
        return "gas" if self.gas else "smoke"

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if ep != 1 or cluster != LUMI_CLUSTER:
            return {}
        table: AttrTable = {
            ALARM: lumi_attr(DataType.UINT8, lambda: int(self.alarm)),
            DENSITY: lumi_attr(DataType.UINT8, lambda: self.density),
            SELFTEST: lumi_attr(DataType.BOOL, lambda: self.testing, self._write_selftest),
            BUZZER_MANUAL_MUTE: lumi_attr(
                DataType.UINT8, lambda: int(self.manual_mute), self._write_manual_mute
            ),
            BUZZER_MANUAL_ALARM: lumi_attr(DataType.UINT8, lambda: int(self.manual_alarm)),
            LINKAGE_ALARM_STATE: lumi_attr(DataType.UINT8, lambda: int(self.linkage_triggered)),
            GAS_BUZZER if self.gas else SMOKE_BUZZER: lumi_attr(
                DataType.UINT32, lambda: self.buzzer or 0, self._write_buzzer
            ),
        }
        if self.gas:
            table[STATE] = lumi_attr(DataType.UINT8, lambda: int(self.preparing))
            table[POWER_UPS] = lumi_attr(DataType.UINT16, lambda: self.power_ups)
        return table

    def power_restored(self) -> None:
        self.power_ups += 1

    # -- what the hub writes ------------------------------------------------------------

    def _write_selftest(self, value: object) -> Status:
        if not value:
            return Status.SUCCESS
        self._set(SELFTEST, "testing", True, report=True)
        self.device.clock.call_later(
            SELFTEST_S, lambda: self._set(SELFTEST, "testing", False, report=True)
        )
        return Status.SUCCESS

    def _write_buzzer(self, value: object) -> Status:
        raw = as_int(value)
        if raw not in BUZZER.values():
            return Status.INVALID_VALUE
        self.buzzer = raw
        alarm = raw == BUZZER["alarm"]
        self.manual_alarm = alarm and not self.alarm
        self.device.state_changed()
        return Status.SUCCESS

    def _write_manual_mute(self, value: object) -> Status:
        self.manual_mute = as_int(value) == 1
        self.device.state_changed()
        return Status.SUCCESS

    @staticmethod
    def _command(write: Callable[[object], Status], value: object) -> None:
        """What the hub's write does, done at the device (a property change)."""
        if write(value) is not Status.SUCCESS:
            raise PropertyError(f"{value!r} refused")

    def _set(self, attribute: int, name: str, value: object, *, report: bool) -> None:
        setattr(self, name, value)
        self.device.state_changed()
        if report:
            self.device.report_attribute(1, LUMI_CLUSTER, attribute)

    # -- Zigbee2MQTT view ---------------------------------------------------------------

    def properties(self) -> list[Property]:
        def flag(name: str, attribute: int, attr: str) -> Property:
            return Property(
                name,
                read=lambda: getattr(self, attr),
                change=lambda value, report: self._set(
                    attribute, attr, as_bool(value), report=report
                ),
                pick=lambda current: not current,
            )

        def set_density(value: object, report: bool) -> None:
            self._set(DENSITY, "density", int(as_number(value)), report=report)

        def set_dbm(value: object, report: bool) -> None:
            if value not in SMOKE_DBM:
                raise PropertyError(f"{value!r} is not a density of {SMOKE_DBM}")
            set_density(SMOKE_DBM.index(as_number(value)), report)

        def buzzer_command() -> object:
            for option, raw in BUZZER.items():
                if raw == self.buzzer:
                    return option
            return None

        props = [
            flag(self.alarm_name, ALARM, "alarm"),
            Property(
                f"{self.alarm_name}_density",
                read=lambda: self.density,
                change=set_density,
                pick=lambda current: (int(as_number(current)) + 3) % (100 if self.gas else 11),
            ),
            flag("test", SELFTEST, "testing"),
            flag("buzzer_manual_alarm", BUZZER_MANUAL_ALARM, "manual_alarm"),
            flag("buzzer_manual_mute", BUZZER_MANUAL_MUTE, "manual_mute"),
            flag("linkage_alarm_state", LINKAGE_ALARM_STATE, "linkage_triggered"),
            Property(
                "selftest",
                read=lambda: "selftest" if self.testing else None,
                change=lambda value, _report: self._command(
                    self._write_selftest, value == "selftest"
                ),
                pick=lambda _current: "selftest",
                writable=True,
                momentary=True,  # a command
            ),
            Property(
                "buzzer",
                read=buzzer_command,
                change=lambda value, report: self._command(self._write_buzzer, BUZZER[str(value)]),
                pick=lambda current: "alarm" if current != "alarm" else "mute",
                writable=True,
                reported=False,  # a command; its flags (manual alarm/mute) are reported
            ),
        ]
        if self.gas:

            def set_outages(value: object, report: bool) -> None:
                self._set(POWER_UPS, "power_ups", int(as_number(value)) + 1, report=report)

            props += [
                # Zigbee2MQTT's binary "preparation" (true) / "work" (false)
                flag("state", STATE, "preparing"),
                Property(
                    "power_outage_count",
                    read=lambda: self.power_ups - 1,
                    change=set_outages,
                    pick=lambda current: int(as_number(current)) + 1,
                ),
            ]
        else:
            props.append(
                Property(
                    "smoke_density_dbm",
                    read=lambda: SMOKE_DBM[self.density] if self.density < 11 else None,
                    change=set_dbm,
                    pick=lambda current: SMOKE_DBM[(SMOKE_DBM.index(as_number(current)) + 3) % 11],
                )
            )
        return props

    def export_state(self, state: dict[str, Any]) -> None:
        state["density"] = self.density
        state["power_ups"] = self.power_ups

    def import_state(self, state: dict[str, Any]) -> None:
        self.density = int(state.get("density", self.density))
        self.power_ups = int(state.get("power_ups", self.power_ups))


def heartbeat_alarm(device: TwinDevice) -> object:
    """Heartbeat index 160: the alarm."""
    return int(device.behaviour(Detector).alarm)


def heartbeat_density(device: TwinDevice) -> object:
    """Heartbeat index 161: the density."""
    return device.behaviour(Detector).density


#: ssIasZone 0xFFF1 of the Mijia Honeywell detectors: commands (0x04LL0000 sensitivity
#: level LL, 0x03010000 self-test)
HONEYWELL_COMMAND: Final = 0xFFF1
HONEYWELL_SENSITIVITY: Final = {"low": 0x04010000, "medium": 0x04020000, "high": 0x04030000}
HONEYWELL_SELFTEST: Final = 0x03010000
IAS_ZONE: Final = 0x0500
IAS_TEST_BIT: Final = 0x0002


class HoneywellDetector(Behaviour):
    """The Mijia Honeywell detectors' density (heartbeat index 100) and the hub's commands
    on ssIasZone 0xFFF1; ``density_name``: ``smoke_density`` or ``gas_density``."""

    def __init__(self, density_name: str) -> None:
        self.density_name = density_name
        self.density = 0
        self.sensitivity = "medium"
        self.selftests = 0

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if ep == 1 and cluster == IAS_ZONE:
            return {HONEYWELL_COMMAND: lumi_attr(DataType.UINT32, lambda: 0, self._command)}
        return {}

    def _command(self, value: object) -> Status:
        raw = as_int(value)
        if raw == HONEYWELL_SELFTEST:
            self.selftests += 1
            self._test(True)
            self.device.clock.call_later(SELFTEST_S, lambda: self._test(False))
            return Status.SUCCESS
        for level, command in HONEYWELL_SENSITIVITY.items():
            if raw == command:
                self.sensitivity = level
                self.device.state_changed()
                return Status.SUCCESS
        return Status.INVALID_VALUE

    def _test(self, on: bool) -> None:
        from .ias_zone import IasZone  # noqa: PLC0415  # the zone carries the test bit

        self.device.behaviour(IasZone).set_bit(IAS_TEST_BIT, on)

    def properties(self) -> list[Property]:
        def set_density(value: object, report: bool) -> None:
            self.density = int(as_number(value))
            if report:
                self.device.send_heartbeat()  # the density travels in the heartbeat

        def set_sensitivity(value: object, _report: bool) -> None:
            self._command(HONEYWELL_SENSITIVITY[str(value)])

        return [
            Property(
                self.density_name,
                read=lambda: self.density,
                change=set_density,
                pick=lambda current: (int(as_number(current)) + 7) % 100,
            ),
            Property(
                "sensitivity",
                read=lambda: self.sensitivity,
                change=set_sensitivity,
                pick=lambda current: "high" if current != "high" else "low",
                writable=True,
                reported=False,  # the detector tells nobody
            ),
            Property(
                "selftest",
                read=lambda: "selftest" if self.selftests else None,
                change=lambda _value, _report: Detector._command(self._command, HONEYWELL_SELFTEST),
                pick=lambda _current: "selftest",
                writable=True,
                momentary=True,  # a command
            ),
        ]


def honeywell_density(device: TwinDevice) -> object:
    """genBasic heartbeat index 100: the density."""
    return device.behaviour(HoneywellDetector).density
