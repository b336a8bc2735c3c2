"""The Aqara W100's thermostat display and external sensor: frames on 0xFCC0 0xFFF2.

Device facts (Zigbee2MQTT's W100 converters and its description of the unit): frames start
``AA 71 <length + 3> 44 <counter> <integrity> <action> 41 <length>``. The hub turns
thermostat mode on with action 0x02 and a body starting ``68 91`` (off: action 0x04); it
announces an external sensor with two action-0x02 frames stamped with the time (dropping it:
action 0x04), then writes its readings with action 0x05 (the fictive sensor's address,
``00 <1 temperature / 2 humidity> 00 55``, a big-endian float of hundredths). 0xFCC0 0x0172
tells the sensor shown (0 internal, 2 external). The thermostat state travels as ASCII
"PMTSD" (``P0_M1_T22.5_S0_D0``: power 0 on / 1 off, mode cool/heat/auto, set point, fan
auto/low/medium/high, unused) after ``08 44 <length>``; the unit asks for it with a frame
ending ``08 00 08 44`` and sends what a user changed on it. Inferred: the layout of the
unit's own frames (the hub's, with its own address zeroed), that a read of 0xFFF2 answers
the state, and that 0x0172 follows the announcements.
"""

from __future__ import annotations

import struct
from typing import Any, Final

from ..clusters import LUMI_CLUSTER
from ..properties import Property, PropertyError, as_number, as_z2m_switch, other_option
from ..zcl import LUMI_MANUFACTURER_CODE, AttributeValue, DataType, Status
from ..zcl_server import AttrTable, lumi_attr
from .base import Behaviour
from .measurements import Measured
from .sleepy import BatteryCell

FRAME: Final = 0xFFF2
SENSOR: Final = 0x0172
SYSTEM_MODES: Final = ("off", "heat", "cool", "auto")
MODES: Final = ("cool", "heat", "auto")
FANS: Final = ("auto", "low", "medium", "high")
REQUEST_END: Final = bytes((0x08, 0x00, 0x08, 0x44))
_ACTION_SENSOR_ON: Final = 0x02
_ACTION_SENSOR_OFF: Final = 0x04
_ACTION_READING: Final = 0x05
_MODE_BODY: Final = bytes((0x68, 0x91))
#: the address of the external sensor the hub announces
_FICTIVE_SENSOR: Final = bytes.fromhex("00158d00019d1b98")


def header(counter: int, length: int, action: int) -> bytes:
    head = [0xAA, 0x71, length + 3, 0x44, counter & 0xFF]
    return bytes((*head, (512 - sum(head)) & 0xFF, action, 0x41, length))


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


class W100Display(Behaviour):
    """Thermostat mode, the thermostat state it shows, and the external sensor."""

    def __init__(self) -> None:
        self.thermostat_mode = False
        self.power = 1  # off
        self.mode = 1  # heat
        self.setpoint = 15.0
        self.fan = 0
        self.unused = 0
        self.external = False
        self.external_values: dict[str, float] = {
            "external_temperature": 0.0,
            "external_humidity": 0.0,
        }
        #: the fields of the last PMTSD the unit sent, as Zigbee2MQTT lists them
        self.sent_text = ""
        self._counter = 0

    # -- frames ------------------------------------------------------------------------

    def pmtsd(self) -> str:
        return f"P{self.power}_M{self.mode}_T{_number(self.setpoint)}_S{self.fan}_D{self.unused}"

    def _frame(self, body: bytes, action: int = 0x05) -> bytes:
        self._counter = (self._counter + 1) & 0xFF
        return header(self._counter, len(body), action) + body

    def state_frame(self) -> bytes:
        text = self.pmtsd().encode("ascii")
        return self._frame(bytes(8) + REQUEST_END + bytes((len(text),)) + text)

    def request_frame(self) -> bytes:
        return self._frame(bytes(8) + REQUEST_END)

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if ep != 1 or cluster != LUMI_CLUSTER:
            return {}
        return {
            FRAME: lumi_attr(DataType.OCTET_STRING, self.state_frame, self._on_frame),
            SENSOR: lumi_attr(DataType.UINT8, lambda: 2 if self.external else 0),
        }

    def _on_frame(self, value: object) -> Status:
        if not isinstance(value, bytes | bytearray):
            return Status.INVALID_VALUE
        data = bytes(value)
        if len(data) < 9 or data[:2] != b"\xaa\x71" or data[3] != 0x44:
            return Status.INVALID_VALUE
        action, body = data[6], data[9:]
        marker = data.find(b"\x08\x44")
        if body.startswith(_MODE_BODY) and action in (_ACTION_SENSOR_ON, _ACTION_SENSOR_OFF):
            self.thermostat_mode = action == _ACTION_SENSOR_ON
        elif action in (_ACTION_SENSOR_ON, _ACTION_SENSOR_OFF):
            self.external = action == _ACTION_SENSOR_ON
        elif action == _ACTION_READING and body.startswith(_FICTIVE_SENSOR) and len(body) == 16:
            channel = body[9]
            (hundredths,) = struct.unpack(">f", body[12:16])
            key = {1: "external_temperature", 2: "external_humidity"}.get(channel)
            if key is None:
                return Status.INVALID_VALUE
            self.external_values[key] = round(hundredths / 100, 2)
        elif marker >= 0 and marker + 2 < len(data) and not data.endswith(REQUEST_END):
            self._take_pmtsd(data[marker + 3 : marker + 3 + data[marker + 2]])
        else:
            return Status.INVALID_VALUE
        self.device.state_changed()
        return Status.SUCCESS

    def _take_pmtsd(self, payload: bytes) -> None:
        for pair in payload.decode("ascii", "replace").split("_"):
            if len(pair) < 2:
                continue
            name, value = pair[0].upper(), pair[1:]
            if name == "T":
                self.setpoint = float(value)
            elif name in "PMSD":
                setattr(self, {"P": "power", "M": "mode", "S": "fan", "D": "unused"}[name],
                        int(value))  # fmt: skip

    def send_state(self) -> None:
        """A user changed the thermostat on the unit: it tells the hub every field."""
        self.sent_text = "_".join(f"{pair[0]}W{pair[1:]}" for pair in self.pmtsd().split("_"))
        self.device.send_report(
            1,
            LUMI_CLUSTER,
            [AttributeValue(FRAME, DataType.OCTET_STRING, self.state_frame())],
            manufacturer=LUMI_MANUFACTURER_CODE,
        )

    # -- Zigbee2MQTT view --------------------------------------------------------------

    @property
    def system_mode(self) -> str:
        return "off" if self.power == 1 else MODES[self.mode]

    def properties(self) -> list[Property]:
        def on_unit(apply: Any) -> Any:
            def change(value: object, report: bool) -> None:
                apply(value)
                self.device.state_changed()
                if report:
                    self.send_state()

            return change

        def set_mode(value: object) -> None:
            if value not in SYSTEM_MODES:
                raise PropertyError(f"{value!r} is no system mode")
            if value == "off":
                self.power = 1
            else:
                self.power, self.mode = 0, MODES.index(str(value))

        def set_fan(value: object) -> None:
            if value not in FANS:
                raise PropertyError(f"{value!r} is no fan mode")
            self.fan = FANS.index(str(value))

        def set_setpoint(value: object) -> None:
            self.setpoint = as_number(value)

        def set_text(value: object) -> None:
            fields = {pair[0]: pair[2:] for pair in str(value).split("_") if len(pair) > 2}
            self._take_pmtsd("_".join(f"{name}{text}" for name, text in fields.items()).encode())

        def pick_text(current: object) -> object:
            setpoint = self.setpoint + 0.5 if self.setpoint < 30 else 5.0
            return f"PW{self.power}_MW{self.mode}_TW{_number(setpoint)}_SW{self.fan}_DW0"

        def set_thermostat_mode(value: object, _report: bool) -> None:
            self.thermostat_mode = value in ("ON", True)

        def set_sensor(value: object, report: bool) -> None:
            if value not in ("internal", "external"):
                raise PropertyError(f"{value!r} is no sensor")
            self.external = value == "external"
            if report:
                self.device.report_attribute(1, LUMI_CLUSTER, SENSOR)

        def external(key: str) -> Property:
            def change(value: object, _report: bool) -> None:
                self.external_values[key] = as_number(value)

            return Property(
                key,
                read=lambda: self.external_values[key],
                change=change,
                pick=lambda current: round(as_number(current) + 1.5, 1),
                writable=True,
                reported=False,
            )

        return [
            Property(
                "thermostat_mode",
                read=lambda: as_z2m_switch(self.thermostat_mode),
                change=set_thermostat_mode,
                pick=lambda current: "OFF" if current == "ON" else "ON",
                writable=True,
                reported=False,
            ),
            Property(
                "system_mode",
                read=lambda: self.system_mode,
                change=on_unit(set_mode),
                pick=other_option(SYSTEM_MODES),
                writable=True,
            ),
            Property(
                "fan_mode",
                read=lambda: FANS[self.fan],
                change=on_unit(set_fan),
                pick=other_option(FANS),
                writable=True,
            ),
            Property(
                "occupied_heating_setpoint",
                read=lambda: self.setpoint,
                change=on_unit(set_setpoint),
                pick=lambda current: as_number(current) + 0.5 if as_number(current) < 30 else 5.0,
                writable=True,
            ),
            Property(
                "PMTSD_from_W100_Data",
                read=lambda: self.sent_text,
                change=on_unit(set_text),
                pick=pick_text,
                momentary=True,  # what the unit last sent: nothing to change silently
            ),
            Property(
                "sensor",
                read=lambda: "external" if self.external else "internal",
                change=set_sensor,
                pick=lambda current: "internal" if current == "external" else "external",
                writable=True,
            ),
            external("external_temperature"),
            external("external_humidity"),
        ]

    def export_state(self, state: dict[str, Any]) -> None:
        state["w100"] = {
            "thermostat_mode": self.thermostat_mode,
            "pmtsd": self.pmtsd(),
            "external": self.external,
        }

    def import_state(self, state: dict[str, Any]) -> None:
        saved = state.get("w100")
        if isinstance(saved, dict):
            self.thermostat_mode = bool(saved.get("thermostat_mode", False))
            self.external = bool(saved.get("external", False))
            self._take_pmtsd(str(saved.get("pmtsd", "")).encode())


class LocalTemperature(Behaviour):
    """Zigbee2MQTT shows the W100's temperature a second time, as the thermostat's."""

    def properties(self) -> list[Property]:
        measured = next(
            b for b in self.device.behaviours if isinstance(b, Measured) and b.name == "temperature"
        )
        (temperature,) = measured.properties()
        return [
            Property(
                "local_temperature",
                read=temperature.read,
                change=temperature.change,
                pick=temperature.pick,
            )
        ]


class OwnBatteryPercent(Behaviour):
    """The battery % the unit computes itself (heartbeat index 102); no voltage is told."""

    def properties(self) -> list[Property]:
        cell = self.device.behaviour(BatteryCell)

        def change(value: object, report: bool) -> None:
            wanted = round(as_number(value))
            voltages = [mv for mv in range(2000, 3400) if cell.percent_of(mv) == wanted]
            if not voltages:
                raise PropertyError(f"no voltage shows {wanted} %")
            cell.millivolts = voltages[0]
            if report:
                cell.send()

        def pick(current: object) -> object:
            here = round(as_number(current))
            return here - 10 if here > 10 else 100

        return [Property("battery", read=lambda: cell.percent, change=change, pick=pick)]


def battery_percent(device: Any) -> object:
    """Heartbeat index 102: the battery %."""
    return device.behaviour(BatteryCell).percent
