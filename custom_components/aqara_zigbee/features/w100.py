"""Aqara Climate Sensor W100 (TH-S04D): its thermostat frames, external sensor and buttons.

Facts from Zigbee2MQTT's library (``w100_pmtsd``, ``w100_mode``, ``w100_specific``,
``lumiExternalSensor``): the W100 talks in 0xFCC0 0xFFF2 octet strings (manufacturer
0x115F). In thermostat mode it shows a heating/cooling state the hub owns, as "PMTSD":
ASCII ``P<power 0 on/1 off>_M<mode 0 cool/1 heat/2 auto>_T<set point °C>_S<fan 0 auto/
1 low/2 medium/3 high>_D<unused>`` after the bytes ``08 44 <length>``. The unit sends the
fields a user changed on it, and asks for the whole state with a frame ending
``08 00 08 44``; the hub writes the state back in a frame of the same shape.
An external temperature/humidity (shown on the display) is announced by two frames and
then written as a big-endian float of hundredths; 0xFCC0 0x0172 says which sensor is shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
import struct
from typing import Final

from ..devices.model import (
    RO,
    RW,
    TLV_WHOLE,
    Access,
    ActionSource,
    AttributeSource,
    BindStep,
    Codec,
    EnumCodec,
    Expose,
    ExposeWriteStep,
    Feature,
    FrameAnswer,
    FrameCodec,
    FrameContext,
    FrameWrite,
    HeartbeatSource,
    Platform,
    ReportStep,
    finite_number,
)
from ..lumi.const import (
    LUMI_CLUSTER,
    LUMI_MANUFACTURER_CODE,
    ZCL_BOOL,
    ZCL_OCTET_STRING,
    ZCL_UINT16,
)
from ._lumi import lumi_attribute, lumi_write
from ._zcl import ZCL_INT16
from .climate import TEMPERATURE_CODEC, TEMPERATURE_MEASUREMENT
from .presence import lumi_enum, lumi_number
from .remote_clicks import multistate_buttons

ATTR_FRAME: Final = 0xFFF2
ATTR_SENSOR: Final = 0x0172
ATTR_AUTO_HIDE_MIDDLE_LINE: Final = 0x0173
ZCL_UINT32: Final = 0x23
#: heartbeat index of the battery % (Zigbee2MQTT: TH-S04D's index 102 is its battery)
HEARTBEAT_BATTERY: Final = 102

SYSTEM_MODE: Final = "system_mode"
SETPOINT: Final = "occupied_heating_setpoint"
FAN_MODE: Final = "fan_mode"
LOCAL_TEMPERATURE: Final = "local_temperature"
PMTSD_TEXT: Final = "PMTSD_from_W100_Data"
PMTSD_REQUEST: Final = "W100_PMTSD_request"

SYSTEM_MODES: Final = ("off", "heat", "cool", "auto")
#: M's values
MODES: Final = ("cool", "heat", "auto")
#: S's values
FAN_SPEEDS: Final = ("auto", "low", "medium", "high")
#: Zigbee2MQTT's state before the device or the user said anything
DEFAULT_SETPOINT: Final = 15.0
#: the target temperatures taken without the min/max_target_temp options
DEFAULT_TARGET_RANGE: Final = (5.0, 30.0)

_REQUEST_END: Final = bytes((0x08, 0x00, 0x08, 0x44))
_PMTSD_MARK: Final = bytes((0x08, 0x44))
#: the hub address Zigbee2MQTT's frames carry (an Aqara hub's)
_HUB_MAC: Final = bytes.fromhex("54ef4480711a")
#: the fictive external sensor's address Zigbee2MQTT announces
_FICTIVE_SENSOR: Final = bytes.fromhex("00158d00019d1b98")


def _counter(context: FrameContext) -> int:
    """A frame counter (Zigbee2MQTT picks one at random; any byte is taken)."""
    return int(context.now * 1000) & 0xFF


def _ieee_bytes(ieee: str) -> bytes:
    return bytes.fromhex(ieee.replace(":", "").replace("-", ""))


def lumi_header(counter: int, length: int, action: int) -> bytes:
    """Aqara's frame header: magic, length, counter, integrity byte, action, length."""
    head = [0xAA, 0x71, length + 3, 0x44, counter & 0xFF]
    integrity = (512 - sum(head)) & 0xFF
    return bytes((*head, integrity, action, 0x41, length))


# --------------------------------------------------------------------------- PMTSD


def pmtsd_fields(raw: object) -> dict[str, str] | None:
    """The fields of a PMTSD frame the W100 sent (``{"t": "22.5"}``), in order; None for a
    request or another frame."""
    if not isinstance(raw, bytes | bytearray):
        return None
    data = bytes(raw)
    if data.endswith(_REQUEST_END):
        return None
    start = data.find(_PMTSD_MARK)
    if start < 0 or start + 2 >= len(data):
        return None
    length = data[start + 2]
    payload = data[start + 3 : start + 3 + length]
    if len(payload) != length:
        return None
    try:
        text = payload.decode("ascii")
    except UnicodeDecodeError:
        return None
    return {pair[0].lower(): pair[1:] for pair in text.split("_") if len(pair) >= 2}


def _whole(text: str | None) -> int | None:
    try:
        return None if text is None else int(text)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class PmtsdRequest:
    """1 for the W100's request of its thermostat state (the action), else None."""

    def decode(self, raw: object) -> object | None:
        if isinstance(raw, bytes | bytearray) and bytes(raw).endswith(_REQUEST_END):
            return 1
        return None

    def encode(self, value: object) -> object:
        raise ValueError("requests are not written")


@dataclass(frozen=True, slots=True)
class PmtsdField:
    """One thermostat value of a PMTSD frame (None: the frame does not say it)."""

    key: str

    def decode(self, raw: object) -> object | None:
        fields = pmtsd_fields(raw)
        if fields is None:
            return None
        if self.key == SETPOINT:
            setpoint = _float(fields.get("t"))
            return None if setpoint is None else setpoint
        if self.key == FAN_MODE:
            speed = _whole(fields.get("s"))
            return FAN_SPEEDS[speed] if speed is not None and 0 <= speed < 4 else None
        power, mode = _whole(fields.get("p")), _whole(fields.get("m"))
        if power == 1:
            return "off"
        # Powered on, or only the mode changed (the unit is then on): the mode it runs
        if power in (0, None) and mode is not None and 0 <= mode < len(MODES):
            return MODES[mode]
        return None

    def encode(self, value: object) -> object:
        raise ValueError("written as a whole PMTSD frame")


def _float(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        return finite_number(float(text))
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class PmtsdText:
    """The fields the W100 sent, as Zigbee2MQTT's ``PMTSD_from_W100_Data`` lists them
    (``PW0_MW1_TW22.5``), without its date: Home Assistant records when the state changed."""

    def decode(self, raw: object) -> object | None:
        fields = pmtsd_fields(raw)
        if not fields:
            return None
        return "_".join(f"{name.upper()}W{value}" for name, value in fields.items())

    def encode(self, value: object) -> object:
        raise ValueError("the device's text is not written")


def _number_text(value: float) -> str:
    """A number as JavaScript prints it (22, 22.5)."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def pmtsd_frame(
    power: int, mode: int, setpoint: float, fan: int, *, unused: int = 0, counter: int = 0
) -> bytes:
    """The hub's PMTSD write, byte for byte as Zigbee2MQTT sends it (its checksum byte stays
    0: the copy it fills in is not the one sent, and the W100 takes the frame)."""
    text = f"P{power}_M{mode}_T{_number_text(setpoint)}_S{fan}_D{unused}".encode("ascii")
    header = bytes(
        (
            *(0xAA, 0x71, 0x1F, 0x44, counter & 0xFF, 0x00, 0x05, 0x41, 0x1C, 0x00, 0x00),
            *_HUB_MAC,
            *(0x08, 0x00, 0x08, 0x44, len(text)),
        )
    )
    return header + text


def _target_range(context: FrameContext) -> tuple[float, float]:
    low = context.numbers.get("min_target_temp", DEFAULT_TARGET_RANGE[0])
    high = context.numbers.get("max_target_temp", DEFAULT_TARGET_RANGE[1])
    return low, high


@dataclass(frozen=True, slots=True)
class PmtsdWrite:
    """A thermostat value written as the whole state (``key``'s value and the others
    confirmed now, Zigbee2MQTT's defaults where unknown)."""

    key: str

    def _state(self, value: object, context: FrameContext) -> dict[str, object]:
        values = context.values
        state: dict[str, object] = {
            SYSTEM_MODE: values.get(SYSTEM_MODE, "off"),
            SETPOINT: values.get(SETPOINT, DEFAULT_SETPOINT),
            FAN_MODE: values.get(FAN_MODE, "auto"),
        }
        if value is None:
            return state
        if self.key == SETPOINT:
            number = finite_number(value) if not isinstance(value, bool) else None
            low, high = _target_range(context)
            if number is None or not low <= number <= high:
                raise ValueError(f"{self.key} must be between {low} and {high}")
            value = number
        elif value not in (SYSTEM_MODES if self.key == SYSTEM_MODE else FAN_SPEEDS):
            raise ValueError(f"{value!r} is no {self.key}")
        state[self.key] = value
        return state

    def frames(self, value: object, context: FrameContext) -> tuple[bytes, ...]:
        state = self._state(value, context)
        mode = state[SYSTEM_MODE]
        setpoint = finite_number(state[SETPOINT])
        speed = state[FAN_MODE]
        # Off keeps a mode to come back to; Zigbee2MQTT's is cool (0) when it knows none
        return (
            pmtsd_frame(
                1 if mode == "off" else 0,
                MODES.index(str(mode)) if mode in MODES else 0,
                DEFAULT_SETPOINT if setpoint is None else setpoint,
                FAN_SPEEDS.index(str(speed)) if speed in FAN_SPEEDS else 0,
                counter=_counter(context),
            ),
        )

    def confirmed(self, value: object, context: FrameContext) -> Mapping[str, object]:
        return self._state(value, context)


# --------------------------------------------------------------------------- thermostat mode


@dataclass(frozen=True, slots=True)
class ThermostatModeWrite:
    """Thermostat mode on (the hub's frame binding the unit to it) or off."""

    def frames(self, value: object, context: FrameContext) -> tuple[bytes, ...]:
        if not isinstance(value, bool):
            raise TypeError(f"expected a boolean, got {value!r}")
        device = _ieee_bytes(context.ieee)
        counter = _counter(context)
        message = bytes((counter, (counter * 7) & 0xFF))
        if value:
            body = (
                bytes((0x68, 0x91))
                + message
                + bytes((0x18,))
                + device
                + bytes(2)
                + _HUB_MAC
                + bytes.fromhex("08000844150a0109e7a9bae8b083e58a9f000000000001012a40")
            )
            return (lumi_header(counter, len(body), 0x02) + body,)
        body = bytes((0x68, 0x91)) + message + bytes((0x18,)) + device
        # Zigbee2MQTT pads the off frame to 34 bytes (a 25-byte body)
        body += bytes(25 - len(body))
        return (lumi_header(counter, len(body), 0x04) + body,)

    def confirmed(self, value: object, context: FrameContext) -> Mapping[str, object]:
        return {"thermostat_mode": value}


# --------------------------------------------------------------------------- external sensor


@dataclass(frozen=True, slots=True)
class SensorCodec:
    """0xFCC0 0x0172: 0/1 the W100's own sensor, 2/3 an external one."""

    def decode(self, raw: object) -> object | None:
        if isinstance(raw, bool) or not isinstance(raw, int):
            return None
        return {0: "internal", 1: "internal", 2: "external", 3: "external"}.get(raw)

    def encode(self, value: object) -> object:
        raise ValueError("written as frames")


# The two announcements of the external sensor: (slot, the rest after the address pair)
_EXTERNAL_SLOTS: Final = (
    (0x15, "00020055150a0100000106e6b9bfe5baa6000000000001020865"),
    (0x14, "00010055150a0100000106e6b8a9e5baa6000000000001020763"),
)


@dataclass(frozen=True, slots=True)
class SensorWrite:
    """Which sensor the display shows: two frames announcing (or dropping) the external
    temperature and humidity sensor, stamped with the time."""

    def frames(self, value: object, context: FrameContext) -> tuple[bytes, ...]:
        if value not in ("internal", "external"):
            raise ValueError(f"{value!r} is not internal or external")
        stamp = struct.pack(">I", int(context.now) & 0xFFFFFFFF)
        device = _ieee_bytes(context.ieee)
        frames = []
        for counter, (slot, rest) in zip((0x12, 0x13), _EXTERNAL_SLOTS, strict=True):
            if value == "external":
                params = stamp + bytes((slot,)) + device + _FICTIVE_SENSOR
                params += bytes.fromhex(rest)
                action = 0x02
            else:
                params = stamp + bytes((slot,)) + device + bytes(12)
                action = 0x04
            frames.append(lumi_header(counter, len(params), action) + params)
        return tuple(frames)

    def confirmed(self, value: object, context: FrameContext) -> Mapping[str, object]:
        return {"sensor": value}


@dataclass(frozen=True, slots=True)
class ExternalValueWrite:
    """An external reading (``channel`` 1 temperature, 2 humidity): a float of hundredths."""

    key: str
    channel: int
    minimum: float
    maximum: float

    def frames(self, value: object, context: FrameContext) -> tuple[bytes, ...]:
        number = None if isinstance(value, bool) else finite_number(value)
        if number is None or not self.minimum <= number <= self.maximum:
            raise ValueError(f"{value!r} is not in [{self.minimum}, {self.maximum}]")
        params = _FICTIVE_SENSOR + bytes((0x00, self.channel, 0x00, 0x55))
        params += struct.pack(">f", float(round(number * 100)))
        return (lumi_header(0x12, len(params), 0x05) + params,)

    def confirmed(self, value: object, context: FrameContext) -> Mapping[str, object]:
        return {self.key: value}


# --------------------------------------------------------------------------- features


def _frame_write(codec: FrameCodec) -> FrameWrite:
    return FrameWrite(
        endpoint=1,
        cluster=LUMI_CLUSTER,
        attribute=ATTR_FRAME,
        zcl_type=ZCL_OCTET_STRING,
        codec=codec,
        manufacturer=LUMI_MANUFACTURER_CODE,
    )


def _frame_source(codec: Codec, *, readable: bool = True) -> AttributeSource:
    return lumi_attribute(ATTR_FRAME, codec, readable=readable)


def thermostat() -> Feature:
    """Thermostat mode and the climate entity whose state the hub keeps for the W100."""
    mode = Expose(
        key="thermostat_mode",
        platform=Platform.SWITCH,
        # Zigbee2MQTT offers /get, yet none of its converters reads it: nothing to ask
        access=Access.WRITE | Access.REPORT,
        description="ON: Enables thermostat mode, buttons send encrypted payloads, and the "
        "middle line is displayed. OFF: Disables thermostat mode, buttons send actions, and "
        "the middle line is hidden.",
        # Nothing tells it back (Zigbee2MQTT keeps what it wrote)
        assumed=True,
        write=_frame_write(ThermostatModeWrite()),
    )
    system_mode = Expose(
        key=SYSTEM_MODE,
        platform=Platform.CLIMATE,
        access=RW,
        description="Climate control (HVAC Mode & Target Temperature): Use when "
        "thermostat_mode is ON. Configure min/max temperature range in device-specific "
        "Settings.",
        options=SYSTEM_MODES,
        kind="enum",
        named_after_device=True,
        sources=(_frame_source(PmtsdField(SYSTEM_MODE)),),
        write=_frame_write(PmtsdWrite(SYSTEM_MODE)),
    )
    fan_mode = Expose(
        key=FAN_MODE,
        platform=Platform.CLIMATE,
        access=RW,
        description="Mode of the fan",
        options=FAN_SPEEDS,
        kind="enum",
        sources=(_frame_source(PmtsdField(FAN_MODE)),),
        write=_frame_write(PmtsdWrite(FAN_MODE)),
        member_of=SYSTEM_MODE,
    )
    setpoint = Expose(
        key=SETPOINT,
        platform=Platform.CLIMATE,
        access=RW,
        description="Temperature setpoint",
        unit="°C",
        kind="numeric",
        native_min=DEFAULT_TARGET_RANGE[0],
        native_max=DEFAULT_TARGET_RANGE[1],
        native_step=0.5,
        sources=(_frame_source(PmtsdField(SETPOINT)),),
        write=_frame_write(PmtsdWrite(SETPOINT)),
        member_of=SYSTEM_MODE,
    )
    local_temperature = Expose(
        key=LOCAL_TEMPERATURE,
        platform=Platform.CLIMATE,
        access=RO,
        description="Current temperature measured on the device",
        unit="°C",
        kind="numeric",
        # Zigbee2MQTT publishes the (calibrated) temperature under both names
        measurement="temperature",
        sources=(
            AttributeSource(
                endpoint=1, cluster=TEMPERATURE_MEASUREMENT, attribute=0, codec=TEMPERATURE_CODEC
            ),
        ),
        member_of=SYSTEM_MODE,
    )
    text = Expose(
        key=PMTSD_TEXT,
        platform=Platform.SENSOR,
        access=Access.REPORT,
        translation_key="pmtsd_from_w100_data",
        # Zigbee2MQTT prefixes the time it got them ("YYYY-MM-DD HH:mm:ss_"); the entity's
        # last change tells it here
        description="Latest PMTSD values sent by the W100 when manually changed, formatted "
        'as "PWx_MWx_TWx_SWx_DWx"',
        kind="text",
        sources=(_frame_source(PmtsdText(), readable=False),),
    )
    return Feature(
        exposes=(mode, system_mode, fan_mode, setpoint, local_temperature, text),
        options=("min_target_temp", "max_target_temp"),
        # The unit asks for its state: answered with the state confirmed now
        answers=(
            FrameAnswer(
                cluster=LUMI_CLUSTER, attribute=ATTR_FRAME, asks=PmtsdRequest(), key=SYSTEM_MODE
            ),
        ),
        configure=(
            # Zigbee2MQTT's pairing: thermostat mode off (the buttons then send actions)
            ExposeWriteStep(key="thermostat_mode", value=False),
            BindStep(endpoint=1, cluster=TEMPERATURE_MEASUREMENT),
            ReportStep(
                endpoint=1,
                cluster=TEMPERATURE_MEASUREMENT,
                attribute=0,
                min_interval=10,
                max_interval=3600,
                reportable_change=100,
            ),
        ),
    )


BUTTONS: Final[Mapping[int | None, str | None]] = {1: "plus", 2: "center", 3: "minus"}
CLICKS: Final = {0: "hold", 1: "single", 2: "double", 255: "release"}


def actions() -> Feature:
    """The state request, then each button's clicks (MultistateInput of endpoints 1-3)."""
    request = ActionSource(
        endpoint=1,
        cluster=LUMI_CLUSTER,
        attribute=ATTR_FRAME,
        actions=((1, PMTSD_REQUEST),),
        codec=PmtsdRequest(),
    )
    options = (
        PMTSD_REQUEST,
        *(f"{kind}_{name}" for kind in CLICKS.values() for name in BUTTONS.values()),
    )
    expose = Expose(
        key="action",
        platform=Platform.EVENT,
        access=Access.REPORT,
        description="Triggered action (e.g. a button click)",
        options=options,
        entity_category="diagnostic",
        sources=(request, *multistate_buttons(BUTTONS, CLICKS)),
    )
    return Feature(exposes=(expose,))


def external_sensor() -> Feature:
    """Whether the display shows an external sensor, and that sensor's readings."""
    sensor = Expose(
        key="sensor",
        platform=Platform.SELECT,
        access=RW,
        description="Select mode to display sensor: internal or both with external",
        options=("internal", "external"),
        entity_category="config",
        sources=(lumi_attribute(ATTR_SENSOR, SensorCodec()),),
        write=_frame_write(SensorWrite()),
    )

    def reading(
        key: str,
        channel: int,
        *,
        unit: str,
        span: tuple[float, float],
        step: float,
        description: str,
    ) -> Expose:
        return Expose(
            key=key,
            platform=Platform.NUMBER,
            access=Access.WRITE | Access.REPORT,
            description=description,
            unit=unit,
            entity_category="config",
            native_min=span[0],
            native_max=span[1],
            native_step=step,
            # The unit never tells it back: the state is what was written (as Zigbee2MQTT)
            assumed=True,
            write=_frame_write(ExternalValueWrite(key, channel, *span)),
        )

    return Feature(
        exposes=(
            sensor,
            reading(
                "external_temperature",
                1,
                unit="°C",
                span=(-100.0, 100.0),
                step=0.1,
                description="Value for external temperature sensor",
            ),
            reading(
                "external_humidity",
                2,
                unit="%",
                span=(0.0, 100.0),
                step=1.0,
                description="Value for external humidity sensor",
            ),
        )
    )


@dataclass(frozen=True, slots=True)
class _InvertedBool:
    """A flag the firmware stores the other way round (0 means on)."""

    def decode(self, raw: object) -> object | None:
        return None if not isinstance(raw, bool | int) else not bool(raw)

    def encode(self, value: object) -> object:
        if not isinstance(value, bool | int):
            raise TypeError(f"expected a boolean, got {value!r}")
        return int(not value)


_SAMPLING_MODES: Final = (("low", 1), ("standard", 2), ("high", 3), ("custom", 4))
_REPORT_MODES: Final = (("no", 0), ("threshold", 1), ("period", 2), ("threshold_period", 3))


def settings() -> Feature:
    """The display, alert and sampling settings (0xFCC0)."""
    sampling = EnumCodec(pairs=tuple((raw, name) for name, raw in _SAMPLING_MODES))
    report_modes = EnumCodec(pairs=tuple((raw, name) for name, raw in _REPORT_MODES))
    auto_hide = Expose(
        key="auto_hide_middle_line",
        platform=Platform.SWITCH,
        access=RW,
        description="Applies only when thermostat mode is enabled. True: Hides the middle "
        "line after 30 seconds of inactivity. False: Always displays the middle line.",
        entity_category="config",
        sources=(lumi_attribute(ATTR_AUTO_HIDE_MIDDLE_LINE, _InvertedBool()),),
        write=lumi_write(ATTR_AUTO_HIDE_MIDDLE_LINE, ZCL_BOOL, _InvertedBool()),
    )
    numbers = (
        ("high_temperature", 0x0167, ZCL_INT16, 100, (26, 60, 0.5), "°C", "High temperature alert"),
        ("low_temperature", 0x0166, ZCL_INT16, 100, (-20, 20, 0.5), "°C", "Low temperature alert"),
        ("high_humidity", 0x016E, ZCL_INT16, 100, (65, 100, 1), "%", "High humidity alert"),
        ("low_humidity", 0x016D, ZCL_INT16, 100, (0, 30, 1), "%", "Low humidity alert"),
        ("period", 0x0162, ZCL_UINT32, 1000, (0.5, 600, 0.5), "sec", "Sampling period"),
        ("temp_period", 0x0163, ZCL_UINT32, 1000, (1, 600, 1), "sec",
         "Temperature reporting period"),
        ("temp_threshold", 0x0164, ZCL_UINT16, 100, (0.2, 3, 0.1), "°C",
         "Temperature reporting threshold"),
        ("humi_period", 0x016A, ZCL_UINT32, 1000, (1, 600, 1), "sec", "Humidity reporting period"),
        ("humi_threshold", 0x016B, ZCL_UINT16, 100, (2, 10, 0.5), "%",
         "Humidity reporting threshold"),
    )  # fmt: skip
    number_exposes = {
        key: lumi_number(
            key,
            attribute,
            zcl_type,
            scale=scale,
            minimum=span[0],
            maximum=span[1],
            step=span[2],
            unit=unit,
            description=description,
        )
        for key, attribute, zcl_type, scale, span, unit, description in numbers
    }
    return Feature(
        exposes=(
            auto_hide,
            number_exposes["high_temperature"],
            number_exposes["low_temperature"],
            number_exposes["high_humidity"],
            number_exposes["low_humidity"],
            lumi_enum("sampling", 0x0170, sampling, "Temperature and Humidity sampling settings"),
            number_exposes["period"],
            lumi_enum("temp_report_mode", 0x0165, report_modes, "Temperature reporting mode"),
            number_exposes["temp_period"],
            number_exposes["temp_threshold"],
            lumi_enum("humi_report_mode", 0x016C, report_modes, "Humidity reporting mode"),
            number_exposes["humi_period"],
            number_exposes["humi_threshold"],
        )
    )


def battery() -> Feature:
    """The battery % the W100 puts in its heartbeat (index 102); no voltage there."""
    expose = Expose(
        key="battery",
        platform=Platform.SENSOR,
        access=Access.REPORT,
        translation_key="battery",
        description="Remaining battery in %, can take up to 24 hours before reported",
        unit="%",
        device_class="battery",
        state_class="measurement",
        entity_category="diagnostic",
        native_min=0,
        native_max=100,
        sources=(HeartbeatSource(index=HEARTBEAT_BATTERY, codec=TLV_WHOLE),),
    )
    return Feature(exposes=(expose,), sleepy=True)
