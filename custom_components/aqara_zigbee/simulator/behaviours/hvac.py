"""Thermostat (0x0201) and Thermostat User Interface Configuration (0x0204) servers.

A heating thermostat (a radiator valve): local temperature, the occupied heating set point
within its limits, system mode as the control sequence allows, Setpoint Raise/Lower, and
the running state and heating demand that follow from them.
"""

from __future__ import annotations

import struct

from ..clusters import THERMOSTAT, THERMOSTAT_UI
from ..properties import Property, PropertyError, as_number, enum_option, enum_value, other_option
from ..zcl import DataType, Status, ZclHeader
from ..zcl_server import AttrTable, Reply
from .base import NOT_MINE, CommandResult
from .standard import ClusterServer, Spec, one_of

LOCAL_TEMPERATURE = 0x0000
PI_HEATING_DEMAND = 0x0008
OCCUPIED_HEATING_SETPOINT = 0x0012
MIN_HEAT_SETPOINT = 0x0015
MAX_HEAT_SETPOINT = 0x0016
CONTROL_SEQUENCE = 0x001B
SYSTEM_MODE = 0x001C
RUNNING_STATE = 0x0029
HEAT_RUNNING = 0x0001
#: Zigbee2MQTT's names of the SystemMode values (ZCL 6.3.2.2.2.15)
SYSTEM_MODES = {"off": 0x00, "auto": 0x01, "cool": 0x03, "heat": 0x04, "emergency_heating": 0x05}
#: SystemMode values each ControlSequenceOfOperation allows (heating sequences: 2, 3)
HEATING_MODES = (0x00, 0x01, 0x04, 0x05)


class Thermostat(ClusterServer):
    """A heating thermostat. ``system_modes``: the modes the firmware takes (a subset of
    what the control sequence allows: some valves refuse "off")."""

    cluster = THERMOSTAT

    def __init__(
        self,
        endpoint: int = 1,
        *,
        limits: tuple[float, float] = (5.0, 35.0),
        system_modes: tuple[int, ...] = HEATING_MODES,
        local_c: float = 21.0,
        setpoint_c: float = 21.0,
    ) -> None:
        low, high = (round(limit * 100) for limit in limits)
        super().__init__(
            endpoint,
            {
                LOCAL_TEMPERATURE: Spec(
                    DataType.INT16, round(local_c * 100), report=(30, 3600, 10)
                ),
                0x0003: Spec(DataType.INT16, low),  # AbsMinHeatSetpointLimit
                0x0004: Spec(DataType.INT16, high),  # AbsMaxHeatSetpointLimit
                PI_HEATING_DEMAND: Spec(DataType.UINT8, 0, report=(60, 3600, 10)),
                OCCUPIED_HEATING_SETPOINT: Spec(
                    DataType.INT16, round(setpoint_c * 100), writable=True, report=(0, 3600, 1)
                ),
                MIN_HEAT_SETPOINT: Spec(DataType.INT16, low, writable=True),
                MAX_HEAT_SETPOINT: Spec(DataType.INT16, high, writable=True),
                CONTROL_SEQUENCE: Spec(
                    DataType.ENUM8, 0x02, writable=True, check=one_of(0x02, 0x03)
                ),
                SYSTEM_MODE: Spec(
                    DataType.ENUM8,
                    0x04,
                    writable=True,
                    check=one_of(*system_modes),
                    report=(0, 3600, None),
                ),
                RUNNING_STATE: Spec(DataType.MAP16, 0, report=(0, 3600, None)),
            },
        )
        self.system_modes = system_modes

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        table = super().server_attributes(ep, cluster)
        if table:
            table[PI_HEATING_DEMAND].getter = self._demand
            table[RUNNING_STATE].getter = lambda: HEAT_RUNNING if self._demand() > 0 else 0
        return table

    def _demand(self) -> int:
        """Valve opening (%): proportional to how far the room is below the set point."""
        if self.get(SYSTEM_MODE) not in (0x01, 0x04, 0x05):
            return 0
        missing = int(self.get(OCCUPIED_HEATING_SETPOINT)) - int(self.get(LOCAL_TEMPERATURE))
        return max(0, min(100, missing // 2))  # fully open 2 °C below

    def _in_limits(self, value: object) -> bool:
        return isinstance(value, int) and int(self.get(MIN_HEAT_SETPOINT)) <= value <= int(
            self.get(MAX_HEAT_SETPOINT)
        )

    def written(self, attr: int, value: object) -> Status:
        if attr == OCCUPIED_HEATING_SETPOINT and not self._in_limits(value):
            return Status.INVALID_VALUE
        return Status.SUCCESS

    def set(self, attr: int, value: object, *, report: bool = True) -> None:
        super().set(attr, value, report=report)
        if report and attr in (LOCAL_TEMPERATURE, OCCUPIED_HEATING_SETPOINT, SYSTEM_MODE):
            # What follows from them changes with them
            self.changed(PI_HEATING_DEMAND)
            self.changed(RUNNING_STATE)

    def cluster_command(
        self, ep: int, cluster: int, header: ZclHeader, payload: bytes, reply: Reply
    ) -> CommandResult:
        if ep != self.endpoint or cluster != THERMOSTAT:
            return NOT_MINE
        if header.command != 0x00:  # Setpoint Raise/Lower is the only one a heater takes
            return Status.UNSUP_CLUSTER_COMMAND
        mode, amount = struct.unpack_from("<Bb", payload)
        if mode not in (0x00, 0x02):  # heat or both; a heater has no cooling set point
            return Status.INVALID_FIELD
        # amount in steps of 0.1 °C; the set point stays within its limits
        target = int(self.get(OCCUPIED_HEATING_SETPOINT)) + amount * 10
        target = max(
            int(self.get(MIN_HEAT_SETPOINT)), min(int(self.get(MAX_HEAT_SETPOINT)), target)
        )
        self.set(OCCUPIED_HEATING_SETPOINT, target)
        return Status.SUCCESS

    def properties(self) -> list[Property]:
        def change_local(value: object, report: bool) -> None:
            celsius = as_number(value)
            if not -10 <= celsius <= 50:
                raise PropertyError(f"local_temperature {celsius} out of -10..50")
            self.set(LOCAL_TEMPERATURE, round(celsius * 100), report=report)

        def change_setpoint(value: object, report: bool) -> None:
            raw = round(as_number(value) * 100)
            if not self._in_limits(raw):
                raise PropertyError(f"set point {value} outside the limits")
            self.set(OCCUPIED_HEATING_SETPOINT, raw, report=report)

        modes = {name: raw for name, raw in SYSTEM_MODES.items() if raw in self.system_modes}

        def change_mode(value: object, report: bool) -> None:
            self.set(SYSTEM_MODE, enum_value(modes, value), report=report)

        found = [
            Property(
                "local_temperature",
                read=lambda: int(self.get(LOCAL_TEMPERATURE)) / 100,
                change=change_local,
                pick=lambda current: 18.5 if current != 18.5 else 23.0,
            ),
            Property(
                "occupied_heating_setpoint",
                read=lambda: int(self.get(OCCUPIED_HEATING_SETPOINT)) / 100,
                change=change_setpoint,
                pick=lambda current: 22.5 if current != 22.5 else 17.0,
                writable=True,
            ),
        ]
        if len(modes) > 1:
            found.append(
                Property(
                    "system_mode",
                    read=lambda: enum_option(modes, int(self.get(SYSTEM_MODE))),
                    change=change_mode,
                    pick=other_option(list(modes)),
                    writable=True,
                )
            )
        return found


#: Zigbee2MQTT's names of the user interface settings
DISPLAY_MODES = {"celsius": 0, "fahrenheit": 1}
KEYPAD_LOCKOUTS = {"unlock": 0, "lock1": 1, "lock2": 2, "lock3": 3, "lock4": 4, "lock5": 5}


class ThermostatUserInterface(ClusterServer):
    """Temperature display mode and keypad lockout, written by the hub."""

    cluster = THERMOSTAT_UI

    def __init__(self, endpoint: int = 1) -> None:
        super().__init__(
            endpoint,
            {
                0x0000: Spec(
                    DataType.ENUM8, 0, writable=True, check=one_of(*DISPLAY_MODES.values())
                ),
                0x0001: Spec(
                    DataType.ENUM8, 0, writable=True, check=one_of(*KEYPAD_LOCKOUTS.values())
                ),
            },
        )

    def properties(self) -> list[Property]:
        return [
            self._enum("temperature_display_mode", 0x0000, DISPLAY_MODES),
            self._enum("keypad_lockout", 0x0001, KEYPAD_LOCKOUTS),
        ]

    def _enum(self, name: str, attr: int, options: dict[str, int]) -> Property:
        return Property(
            name,
            read=lambda: enum_option(options, int(self.get(attr))),
            change=lambda value, report: self.set(attr, enum_value(options, value), report=report),
            pick=other_option(list(options)),
            writable=True,
            reported=False,
        )
