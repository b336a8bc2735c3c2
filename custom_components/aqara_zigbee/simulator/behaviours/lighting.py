"""On/Off, Level Control and Color Control servers as the ZCL specification describes them.

Transitions run on the simulated clock: the attribute moves linearly (RemainingTime counts
down) and is reported as its reporting configuration says. Commands other than the
"with On/Off" ones do nothing while the light is off unless the Options attribute (or the
command's options mask/override) says ExecuteIfOff (ZCL 6 and later).
"""

from __future__ import annotations

import struct
from typing import Any

from ..clock import SimTimer
from ..clusters import COLOR_CONTROL, LEVEL_CONTROL, ON_OFF
from ..properties import Property, PropertyError, as_number, as_z2m_switch, flip, on_off
from ..zcl import DataType, Status, ZclHeader
from ..zcl_server import AttrTable, Reply
from .base import NOT_MINE, CommandResult
from .standard import ClusterServer, Spec, in_range, one_of

# OnOff attributes and commands
ONOFF_ATTR = 0x0000
START_UP_ON_OFF = 0x4003
# LevelControl
CURRENT_LEVEL = 0x0000
LEVEL_REMAINING_TIME = 0x0001
MIN_LEVEL = 0x0002
MAX_LEVEL = 0x0003
LEVEL_OPTIONS = 0x000F
ON_OFF_TRANSITION_TIME = 0x0010
# ColorControl
CURRENT_HUE = 0x0000
CURRENT_SATURATION = 0x0001
COLOR_REMAINING_TIME = 0x0002
CURRENT_X = 0x0003
CURRENT_Y = 0x0004
COLOR_TEMPERATURE = 0x0007
COLOR_MODE = 0x0008
COLOR_OPTIONS = 0x000F
ENHANCED_CURRENT_HUE = 0x4000
ENHANCED_COLOR_MODE = 0x4001
COLOR_CAPABILITIES = 0x400A
COLOR_TEMP_MIN = 0x400B
COLOR_TEMP_MAX = 0x400C
# ColorCapabilities bits and ColorMode values
CAP_HUE_SATURATION = 0x01
CAP_ENHANCED_HUE = 0x02
CAP_XY = 0x08
CAP_COLOR_TEMPERATURE = 0x10
MODE_HS = 0
MODE_XY = 1
MODE_CT = 2
EXECUTE_IF_OFF = 0x01
# Hue is an angle: it wraps (CurrentHue 0..254, EnhancedCurrentHue 0..65535)
HUE_MODULO = {CURRENT_HUE: 255, ENHANCED_CURRENT_HUE: 65536}
# Transition times are in tenths of a second; 0xFFFF: "use the device's default"
TENTHS = 10.0
DEFAULT_TRANSITION = 0xFFFF


def _options_allow(options: int, payload: bytes, offset: int) -> bool:
    """ExecuteIfOff from the Options attribute and the command's mask/override (if sent)."""
    if len(payload) >= offset + 2:
        mask, override = payload[offset], payload[offset + 1]
        options = (options & ~mask) | (override & mask)
    return bool(options & EXECUTE_IF_OFF)


class OnOffServer(ClusterServer):
    """OnOff: Off, On, Toggle, Off with effect, On with recall global scene, On with timed off."""

    cluster = ON_OFF

    def __init__(self, endpoint: int = 1, *, start_up: bool = True, prop: str = "state") -> None:
        specs = {
            ONOFF_ATTR: Spec(DataType.BOOL, False, report=(0, 600, None)),
            0x4000: Spec(DataType.BOOL, True),  # GlobalSceneControl
            0x4001: Spec(DataType.UINT16, 0, writable=True),  # OnTime
            0x4002: Spec(DataType.UINT16, 0, writable=True),  # OffWaitTime
        }
        if start_up:
            specs[START_UP_ON_OFF] = Spec(
                DataType.ENUM8, 0x01, writable=True, check=one_of(0x00, 0x01, 0x02, 0xFF)
            )
        super().__init__(endpoint, specs)
        self.prop = prop
        self._timed_off: SimTimer | None = None

    @property
    def on(self) -> bool:
        return bool(self.get(ONOFF_ATTR))

    def switch(self, on: bool, *, report: bool = True) -> None:
        """Switch (the load behind it follows: metering hears of it as of a relay)."""
        if self._timed_off is not None:
            self._timed_off.cancel()
            self._timed_off = None
        behaviours = self.device.behaviours
        for behaviour in behaviours:
            behaviour.before_relay_change(self.endpoint)
        self.set(ONOFF_ATTR, on, report=report)
        if report:
            for behaviour in behaviours:
                behaviour.after_relay_change(self.endpoint)

    def cluster_command(
        self, ep: int, cluster: int, header: ZclHeader, payload: bytes, reply: Reply
    ) -> CommandResult:
        if ep != self.endpoint or cluster != ON_OFF:
            return NOT_MINE
        command = header.command
        if command in (0x00, 0x40):  # Off, Off with effect (the effect is only a fade)
            self.switch(False)
        elif command in (0x01, 0x41):  # On, On with recall global scene
            self.switch(True)
        elif command == 0x02:
            self.switch(not self.on)
        elif command == 0x42:  # On with timed off: control, on time, off wait (tenths)
            _control, on_time, _off_wait = struct.unpack_from("<BHH", payload)
            self.switch(True)
            self.set(0x4001, on_time, report=False)
            if on_time not in (0, 0xFFFF):
                self._timed_off = self.device.clock.call_later(on_time / TENTHS, self._time_out)
        else:
            return Status.UNSUP_CLUSTER_COMMAND
        return Status.SUCCESS

    def _time_out(self) -> None:
        self._timed_off = None
        self.set(0x4001, 0, report=False)
        self.switch(False)

    def power_restored(self) -> None:
        # StartUpOnOff: 0 off, 1 on, 2 toggle, 0xFF previous
        start_up = self.values.get(START_UP_ON_OFF, 0x01)
        if start_up in (0x00, 0x01):
            self.values[ONOFF_ATTR] = bool(start_up)
        elif start_up == 0x02:
            self.values[ONOFF_ATTR] = not self.values[ONOFF_ATTR]

    def announced(self) -> None:
        self.changed(ONOFF_ATTR)

    def properties(self) -> list[Property]:
        return [
            Property(
                self.prop,
                read=lambda: as_z2m_switch(self.on),
                change=lambda value, report: self.switch(on_off(value), report=report),
                pick=flip,
            )
        ]


class LevelControlServer(ClusterServer):
    """LevelControl: move to level, move, step, stop, each also "with On/Off"."""

    cluster = LEVEL_CONTROL

    def __init__(self, endpoint: int = 1, *, min_level: int = 1, max_level: int = 254) -> None:
        super().__init__(
            endpoint,
            {
                CURRENT_LEVEL: Spec(DataType.UINT8, max_level, report=(1, 600, 1)),
                LEVEL_REMAINING_TIME: Spec(DataType.UINT16, 0),
                MIN_LEVEL: Spec(DataType.UINT8, min_level),
                MAX_LEVEL: Spec(DataType.UINT8, max_level),
                LEVEL_OPTIONS: Spec(DataType.MAP8, 0, writable=True),
                ON_OFF_TRANSITION_TIME: Spec(DataType.UINT16, 0, writable=True),
                0x0011: Spec(DataType.UINT8, 0xFF, writable=True),  # OnLevel
                0x4000: Spec(DataType.UINT8, 0xFF, writable=True),  # StartUpCurrentLevel
            },
        )
        self.min_level = min_level
        self.max_level = max_level

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        table = super().server_attributes(ep, cluster)
        if table:
            # RemainingTime counts down while the level moves (tenths of a second)
            table[LEVEL_REMAINING_TIME].getter = lambda: round(
                self.remaining_s(CURRENT_LEVEL) * TENTHS
            )
        return table

    @property
    def level(self) -> int:
        return int(self.get(CURRENT_LEVEL))

    def _onoff(self) -> OnOffServer | None:
        return next(
            (
                b
                for b in self.device.behaviours
                if isinstance(b, OnOffServer) and b.endpoint == self.endpoint
            ),
            None,
        )

    def cluster_command(  # the command set of the cluster
        self, ep: int, cluster: int, header: ZclHeader, payload: bytes, reply: Reply
    ) -> CommandResult:
        if ep != self.endpoint or cluster != LEVEL_CONTROL:
            return NOT_MINE
        command = header.command
        with_on_off = command >= 0x04
        base = command - 0x04 if with_on_off else command
        options_at = {0x00: 3, 0x01: 2, 0x02: 4, 0x03: 0}.get(base)
        if options_at is None or command > 0x07:
            return Status.UNSUP_CLUSTER_COMMAND
        onoff = self._onoff()
        if (
            not with_on_off
            and onoff is not None
            and not onoff.on
            and not _options_allow(int(self.get(LEVEL_OPTIONS)), payload, options_at)
        ):
            return Status.SUCCESS  # off, and not told to execute anyway: ignored
        if base == 0x00:
            level, transition = struct.unpack_from("<BH", payload)
            self._go(min(level, self.max_level), self._seconds(transition), with_on_off, onoff)
        elif base == 0x01:
            mode, rate = struct.unpack_from("<BB", payload)
            target = self.max_level if mode == 0 else self.min_level
            # rate 0xFF: "as fast as possible"
            seconds = 0.0 if rate in (0, 0xFF) else abs(target - self.level) / rate
            self._go(target, seconds, with_on_off, onoff)
        elif base == 0x02:
            mode, size, transition = struct.unpack_from("<BBH", payload)
            target = self.level + size if mode == 0 else self.level - size
            target = max(self.min_level, min(self.max_level, target))
            self._go(target, self._seconds(transition), with_on_off, onoff)
        else:
            self.stop(CURRENT_LEVEL)
        return Status.SUCCESS

    def _seconds(self, transition: int) -> float:
        if transition == DEFAULT_TRANSITION:
            transition = int(self.get(ON_OFF_TRANSITION_TIME))
        return transition / TENTHS

    def _go(
        self, target: int, seconds: float, with_on_off: bool, onoff: OnOffServer | None
    ) -> None:
        if with_on_off and onoff is not None:
            if target > self.min_level and not onoff.on:
                onoff.switch(True)
            if target <= self.min_level:
                # Reaching the minimum "with On/Off" turns the light off at the end
                self.move(CURRENT_LEVEL, target, seconds, done=lambda: onoff.switch(False))
                return
        self.move(CURRENT_LEVEL, target, seconds)

    def properties(self) -> list[Property]:
        def change(value: object, report: bool) -> None:
            level = round(as_number(value))
            if not self.min_level <= level <= self.max_level:
                raise PropertyError(f"brightness {level} out of {self.min_level}..{self.max_level}")
            self.set(CURRENT_LEVEL, level, report=report)

        return [
            Property(
                "brightness",
                read=lambda: self.level,
                change=change,
                pick=lambda current: 100 if current != 100 else 200,
            )
        ]


class ColorControlServer(ClusterServer):
    """ColorControl: hue/saturation, xy and colour temperature, as ``capabilities`` allow."""

    cluster = COLOR_CONTROL

    def __init__(
        self,
        endpoint: int = 1,
        *,
        capabilities: int,
        mireds: tuple[int, int] = (153, 500),
        initial_mireds: int = 370,
    ) -> None:
        low, high = mireds
        specs: dict[int, Spec] = {
            COLOR_REMAINING_TIME: Spec(DataType.UINT16, 0),
            CURRENT_X: Spec(DataType.UINT16, 30138, report=(1, 600, 10)),
            CURRENT_Y: Spec(DataType.UINT16, 26909, report=(1, 600, 10)),
            COLOR_MODE: Spec(
                DataType.ENUM8, MODE_CT if capabilities & CAP_COLOR_TEMPERATURE else MODE_XY
            ),
            COLOR_OPTIONS: Spec(DataType.MAP8, 0, writable=True),
            ENHANCED_COLOR_MODE: Spec(
                DataType.ENUM8, MODE_CT if capabilities & CAP_COLOR_TEMPERATURE else MODE_XY
            ),
            COLOR_CAPABILITIES: Spec(DataType.MAP16, capabilities),
        }
        if capabilities & CAP_HUE_SATURATION:
            specs[CURRENT_HUE] = Spec(DataType.UINT8, 0, report=(1, 600, 1))
            specs[CURRENT_SATURATION] = Spec(DataType.UINT8, 0, report=(1, 600, 1))
        if capabilities & CAP_ENHANCED_HUE:
            specs[ENHANCED_CURRENT_HUE] = Spec(DataType.UINT16, 0)
        if capabilities & CAP_COLOR_TEMPERATURE:
            specs[COLOR_TEMPERATURE] = Spec(DataType.UINT16, initial_mireds, report=(1, 600, 1))
            specs[COLOR_TEMP_MIN] = Spec(DataType.UINT16, low)
            specs[COLOR_TEMP_MAX] = Spec(DataType.UINT16, high)
            specs[0x400D] = Spec(DataType.UINT16, low)  # CoupleColorTempToLevelMinMireds
            specs[0x4010] = Spec(  # StartUpColorTemperatureMireds (0xFFFF: previous)
                DataType.UINT16,
                0xFFFF,
                writable=True,
                check=lambda v: v == 0xFFFF or in_range(low, high)(v),
            )
        super().__init__(endpoint, specs)
        self.capabilities = capabilities
        self.mireds = mireds

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        table = super().server_attributes(ep, cluster)
        if table:
            table[COLOR_REMAINING_TIME].getter = lambda: round(
                max(self.remaining_s(attr) for attr in self.specs) * TENTHS
            )
        return table

    def get(self, attr: int) -> Any:
        value = super().get(attr)
        modulo = HUE_MODULO.get(attr)
        return value if modulo is None else int(value) % modulo

    def set(self, attr: int, value: object, *, report: bool = True) -> None:
        modulo = HUE_MODULO.get(attr)
        if modulo is not None and isinstance(value, int):
            value %= modulo
        super().set(attr, value, report=report)

    def _turn(self, attr: int, target: int, direction: int, seconds: float) -> None:
        """Move a hue to ``target`` the way ``direction`` says: 0 shortest, 1 longest,
        2 up, 3 down (ZCL 5.2.2.3.4); it passes through the wrap where that is the way."""
        modulo = HUE_MODULO[attr]
        current = int(self.get(attr))
        up = (target - current) % modulo
        down = up - modulo if up else 0
        if direction == 0:
            delta = up if up <= modulo / 2 else down
        elif direction == 1:
            delta = down if up <= modulo / 2 else up
        else:
            delta = up if direction == 2 else down
        self.move(attr, current + delta, seconds)

    def _set_mode(self, mode: int) -> None:
        if self.get(COLOR_MODE) != mode:
            self.set(COLOR_MODE, mode, report=False)
            self.set(ENHANCED_COLOR_MODE, mode, report=False)

    def cluster_command(  # the command set of the cluster
        self, ep: int, cluster: int, header: ZclHeader, payload: bytes, reply: Reply
    ) -> CommandResult:
        if ep != self.endpoint or cluster != COLOR_CONTROL:
            return NOT_MINE
        handlers: dict[int, tuple[int, int, Any]] = {
            # command: (capability needed, offset of the options fields, handler)
            0x00: (CAP_HUE_SATURATION, 4, self._move_to_hue),
            0x03: (CAP_HUE_SATURATION, 3, self._move_to_saturation),
            0x06: (CAP_HUE_SATURATION, 4, self._move_to_hue_saturation),
            0x07: (CAP_XY, 6, self._move_to_color),
            0x0A: (CAP_COLOR_TEMPERATURE, 4, self._move_to_color_temperature),
            0x40: (CAP_ENHANCED_HUE, 5, self._enhanced_move_to_hue),
            0x43: (CAP_ENHANCED_HUE, 5, self._enhanced_move_to_hue_saturation),
            0x47: (0, 0, self._stop_move_step),
            0x4B: (CAP_COLOR_TEMPERATURE, 7, self._move_color_temperature),
            0x4C: (CAP_COLOR_TEMPERATURE, 9, self._step_color_temperature),
        }
        found = handlers.get(header.command)
        if found is None:
            return Status.UNSUP_CLUSTER_COMMAND
        needed, options_at, handler = found
        if needed and not self.capabilities & needed:
            return Status.UNSUP_CLUSTER_COMMAND
        onoff = next(
            (b for b in self.device.behaviours if isinstance(b, OnOffServer) and b.endpoint == ep),
            None,
        )
        if (
            onoff is not None
            and not onoff.on
            and not _options_allow(int(self.get(COLOR_OPTIONS)), payload, options_at)
        ):
            return Status.SUCCESS  # off, and not told to execute anyway: ignored
        handler(payload)
        return Status.SUCCESS

    def _move_to_hue(self, payload: bytes) -> None:
        hue, direction, transition = struct.unpack_from("<BBH", payload)
        self._set_mode(MODE_HS)
        self._turn(CURRENT_HUE, min(hue, 254), direction, transition / TENTHS)

    def _move_to_saturation(self, payload: bytes) -> None:
        saturation, transition = struct.unpack_from("<BH", payload)
        self._set_mode(MODE_HS)
        self.move(CURRENT_SATURATION, min(saturation, 254), transition / TENTHS)

    def _move_to_hue_saturation(self, payload: bytes) -> None:
        hue, saturation, transition = struct.unpack_from("<BBH", payload)
        self._set_mode(MODE_HS)
        self._turn(CURRENT_HUE, min(hue, 254), 0, transition / TENTHS)
        self.move(CURRENT_SATURATION, min(saturation, 254), transition / TENTHS)

    def _enhanced_move_to_hue(self, payload: bytes) -> None:
        enhanced_hue, direction, transition = struct.unpack_from("<HBH", payload)
        self._set_mode(MODE_HS)
        self._turn(ENHANCED_CURRENT_HUE, enhanced_hue, direction, transition / TENTHS)
        self._turn(CURRENT_HUE, min(enhanced_hue >> 8, 254), direction, transition / TENTHS)

    def _enhanced_move_to_hue_saturation(self, payload: bytes) -> None:
        enhanced_hue, saturation, transition = struct.unpack_from("<HBH", payload)
        self._set_mode(MODE_HS)
        self._turn(ENHANCED_CURRENT_HUE, enhanced_hue, 0, transition / TENTHS)
        self._turn(CURRENT_HUE, min(enhanced_hue >> 8, 254), 0, transition / TENTHS)
        self.move(CURRENT_SATURATION, min(saturation, 254), transition / TENTHS)

    def _move_to_color(self, payload: bytes) -> None:
        x, y, transition = struct.unpack_from("<HHH", payload)
        self._set_mode(MODE_XY)
        self.move(CURRENT_X, min(x, 0xFEFF), transition / TENTHS)
        self.move(CURRENT_Y, min(y, 0xFEFF), transition / TENTHS)

    def _clamp_mireds(self, mireds: int, low: int = 0, high: int = 0xFFFF) -> int:
        # The physical range always, and the command's own limits where it has some (0: none)
        physical_low, physical_high = self.mireds
        low = max(physical_low, low or physical_low)
        high = min(physical_high, high or physical_high)
        return max(low, min(high, mireds))

    def _move_to_color_temperature(self, payload: bytes) -> None:
        mireds, transition = struct.unpack_from("<HH", payload)
        self._set_mode(MODE_CT)
        self.move(COLOR_TEMPERATURE, self._clamp_mireds(mireds), transition / TENTHS)

    def _move_color_temperature(self, payload: bytes) -> None:
        mode, rate, low, high = struct.unpack_from("<BHHH", payload)
        if mode == 0 or rate == 0:  # stop
            self.stop(COLOR_TEMPERATURE)
            return
        self._set_mode(MODE_CT)
        target = self._clamp_mireds(0xFFFF if mode == 0x01 else 0, low, high)
        seconds = abs(target - int(self.get(COLOR_TEMPERATURE))) / rate
        self.move(COLOR_TEMPERATURE, target, seconds)

    def _step_color_temperature(self, payload: bytes) -> None:
        mode, step, transition, low, high = struct.unpack_from("<BHHHH", payload)
        current = int(self.get(COLOR_TEMPERATURE))
        target = current + step if mode == 0x01 else current - step
        self._set_mode(MODE_CT)
        self.move(COLOR_TEMPERATURE, self._clamp_mireds(target, low, high), transition / TENTHS)

    def _stop_move_step(self, _payload: bytes) -> None:
        for attr in list(self.specs):
            self.stop(attr)

    # -- Zigbee2MQTT view ---------------------------------------------------------------

    def properties(self) -> list[Property]:
        found: list[Property] = []
        if self.capabilities & CAP_COLOR_TEMPERATURE:
            low, high = self.mireds

            def change_temperature(value: object, report: bool) -> None:
                mireds = round(as_number(value))
                if not low <= mireds <= high:
                    raise PropertyError(f"color_temp {mireds} out of {low}..{high}")
                self._set_mode(MODE_CT)
                self.set(COLOR_TEMPERATURE, mireds, report=report)

            found.append(
                Property(
                    "color_temp",
                    read=lambda: int(self.get(COLOR_TEMPERATURE)),
                    change=change_temperature,
                    pick=lambda current: low if current != low else high,
                )
            )
        if self.capabilities & CAP_XY:

            def change_color(value: object, report: bool) -> None:
                if not isinstance(value, dict) or not {"x", "y"} <= value.keys():
                    raise PropertyError(f"expected {{'x': ..., 'y': ...}}, got {value!r}")
                self._set_mode(MODE_XY)
                self.set(CURRENT_X, round(as_number(value["x"]) * 65535), report=report)
                self.set(CURRENT_Y, round(as_number(value["y"]) * 65535), report=report)

            found.append(
                Property(
                    "color",
                    read=lambda: {
                        "x": round(int(self.get(CURRENT_X)) / 65535, 4),
                        "y": round(int(self.get(CURRENT_Y)) / 65535, 4),
                    },
                    change=change_color,
                    pick=lambda current: (
                        {"x": 0.7, "y": 0.3}
                        if current != {"x": 0.7, "y": 0.3}
                        else {"x": 0.17, "y": 0.7}
                    ),
                )
            )
        return found
