"""Declarative description of supported devices: what HA shows and how it maps to the wire.

Everything here is frozen data. The runtime (``handle.py``) interprets it; the HA platforms
only read the presentation half of :class:`Expose` (platform, options, unit, classes...).

Value conventions of :attr:`DeviceHandle.values` (and of every codec's ``decode``):

* switch / binary_sensor: ``bool``
* select: the option string, exactly as on the Zigbee2MQTT page
* number / sensor: ``int`` or ``float`` in the expose's unit
* event: the last action string
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Flag, StrEnum, auto
import math
from types import MappingProxyType
from typing import Final, Protocol, runtime_checkable

from ..lumi.const import (
    HA_PROFILE_ID,
    LUMI_MANUFACTURER_CODE,
    MULTISTATE_INPUT,
    PRESENT_VALUE,
)


class Platform(StrEnum):
    """HA entity platforms; values equal ``homeassistant.const.Platform`` members."""

    SWITCH = "switch"
    SENSOR = "sensor"
    SELECT = "select"
    NUMBER = "number"
    BINARY_SENSOR = "binary_sensor"
    EVENT = "event"
    LIGHT = "light"
    COVER = "cover"
    CLIMATE = "climate"
    FAN = "fan"
    LOCK = "lock"
    BUTTON = "button"


class Access(Flag):
    """What can be done with an expose (Zigbee2MQTT's access bits)."""

    NONE = 0
    READ = auto()  # can be read on request (``/get``)
    WRITE = auto()  # can be written (``/set``)
    REPORT = auto()  # arrives by report / heartbeat


RW: Final = Access.READ | Access.WRITE | Access.REPORT
RO: Final = Access.READ | Access.REPORT


# --------------------------------------------------------------------------- codecs


@runtime_checkable
class Codec(Protocol):
    """Converts a raw wire value into the expose value and back."""

    def decode(self, raw: object) -> object | None:
        """Expose value for a raw value, or None when the raw value means nothing."""

    def encode(self, value: object) -> object:
        """Raw value to write for an expose value; raises ValueError when invalid."""


def finite_number(raw: object) -> float | None:
    """A finite int or float as float (a ZCL bool counts as 0/1); None for anything else.

    The one number check of the integration: codecs, options and entity inputs use it.
    """
    if isinstance(raw, int | float) and math.isfinite(raw):
        return float(raw)
    return None


@dataclass(frozen=True, slots=True)
class BoolCodec:
    """ZCL bool / uint8 0-1 ↔ ``bool``."""

    def decode(self, raw: object) -> object | None:
        if isinstance(raw, bool | int):
            return bool(raw)
        return None

    def encode(self, value: object) -> object:
        if not isinstance(value, bool | int):
            raise TypeError(f"expected a boolean, got {value!r}")
        return int(bool(value))


@dataclass(frozen=True, slots=True)
class EnumCodec:
    """Raw integer ↔ option string."""

    pairs: tuple[tuple[int, str], ...]

    def decode(self, raw: object) -> object | None:
        if isinstance(raw, int):
            for wire, option in self.pairs:
                if wire == raw:
                    return option
        return None

    def encode(self, value: object) -> object:
        for wire, option in self.pairs:
            if option == value:
                return wire
        raise ValueError(f"{value!r} is not one of {[o for _, o in self.pairs]}")

    @property
    def options(self) -> tuple[str, ...]:
        return tuple(option for _, option in self.pairs)


@dataclass(frozen=True, slots=True)
class NumberCodec:
    """Raw number * ``scale`` (rounded to ``ndigits``) ↔ expose number."""

    scale: float = 1.0
    ndigits: int | None = None
    integer: bool = False  # the wire wants an integer

    def decode(self, raw: object) -> object | None:
        if isinstance(raw, int) and not isinstance(raw, bool) and self.scale == 1.0:
            return int(raw)  # counters and whole degrees stay integers
        number = finite_number(raw)
        if number is None:
            return None
        value = number * self.scale
        if self.ndigits is not None:
            value = round(value, self.ndigits)
        if self.integer and value.is_integer():
            return int(value)
        return value

    def encode(self, value: object) -> object:
        number = finite_number(value)
        if number is None:
            raise ValueError(f"expected a number, got {value!r}")
        raw = number / self.scale
        return round(raw) if self.integer else raw


@dataclass(frozen=True, slots=True)
class RawCodec:
    """Pass-through (values already decoded, e.g. by the heartbeat parser)."""

    def decode(self, raw: object) -> object | None:
        return raw

    def encode(self, value: object) -> object:
        return value


@dataclass(frozen=True, slots=True)
class TlvNumber:
    """A heartbeat number: raw * ``scale``, rounded (always a float, like Zigbee2MQTT)."""

    scale: float = 1.0
    ndigits: int = 2

    def decode(self, raw: object) -> object | None:
        number = finite_number(raw)
        return None if number is None else round(number * self.scale, self.ndigits)

    def encode(self, value: object) -> object:
        raise ValueError("heartbeat values are not written")


@dataclass(frozen=True, slots=True)
class TlvWhole:
    """A heartbeat whole number (degrees, millivolts, addresses).

    ``counts_from_one``: Lumi counts power-ups from one; Zigbee2MQTT shows outages (minus one).
    """

    counts_from_one: bool = False

    def decode(self, raw: object) -> object | None:
        number = finite_number(raw)
        if number is None:
            return None
        return max(int(number) - 1, 0) if self.counts_from_one else int(number)

    def encode(self, value: object) -> object:
        raise ValueError("heartbeat values are not written")


BOOL: Final = BoolCodec()
RAW: Final = RawCodec()
NUMBER: Final = NumberCodec()
TLV_WHOLE: Final = TlvWhole()


# --------------------------------------------------------------------------- sources


@dataclass(frozen=True, kw_only=True, slots=True)
class AttributeSource:
    """A ZCL attribute (report or read response) that carries the expose value."""

    endpoint: int
    cluster: int
    attribute: int
    codec: Codec = RAW
    manufacturer: int | None = None  # manufacturer code for reads
    readable: bool = True  # the device answers a read of it (async_read may poll it)
    # Standard ZCL scaling: value * multiplier / divisor, both attributes of the same cluster;
    # the handle reads them and holds values back until they are known
    multiplier_attribute: int | None = None
    divisor_attribute: int | None = None

    @property
    def scaling_attributes(self) -> tuple[int, ...]:
        return tuple(
            attr_id
            for attr_id in (self.multiplier_attribute, self.divisor_attribute)
            if attr_id is not None
        )


@dataclass(frozen=True, kw_only=True, slots=True)
class HeartbeatSource:
    """An entry of the Lumi heartbeat TLV (genBasic 0xFF01 / 0xFCC0 0x00F7), by its index."""

    index: int
    codec: Codec


@dataclass(frozen=True, kw_only=True, slots=True)
class HeartbeatField:
    """A heartbeat entry no entity shows, kept for diagnostics (e.g. the parent's address)."""

    index: int
    key: str
    codec: Codec


#: :attr:`ActionSource.endpoint` of a single-button model: its clicks count from any endpoint
ANY_ENDPOINT: Final = None


@dataclass(frozen=True, kw_only=True, slots=True)
class ReleaseActions:
    """Old switches send a release, not a click: what it ended is an action of its own.

    A release (``value``) fires ``after_hold`` when the button's previous frame was a hold
    (``hold_value``), else ``after_click``, then the release's own action (as Zigbee2MQTT
    publishes them); None: the model's page lists no such action.
    """

    value: int
    hold_value: int
    after_click: str | None
    after_hold: str | None


@dataclass(frozen=True, kw_only=True, slots=True)
class ActionSource:
    """Button presses as MultistateInput presentValue on a (hidden) endpoint.

    A model with one button uses ``ANY_ENDPOINT``: which endpoint its firmware sends the
    click from is undocumented, and Zigbee2MQTT maps such models without looking at it.
    Models with several buttons name each button's endpoint.
    """

    endpoint: int | None
    actions: tuple[tuple[int, str], ...]  # presentValue → action string
    cluster: int = MULTISTATE_INPUT
    attribute: int = PRESENT_VALUE
    release: ReleaseActions | None = None
    #: the action of any other value (WXKG01LM: five clicks or more are "many")
    otherwise: str | None = None
    #: a hold the button never tells the end of: (hold value, release action, seconds)
    #: fires the release when nothing else came from the button that long
    auto_release: tuple[int, str, float] | None = None
    #: turns a raw value that is no click count (a 0xFCC0 frame) into a key of ``actions``
    #: (None: the frame is no action)
    codec: Codec | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class TimedPressSource:
    """A button that tells only press and release (WXKG01LM's OnOff 0 and 1).

    As Zigbee2MQTT does, a press still held after the ``hold_option`` device option (ms,
    else ``hold_after_ms``) fires ``hold``, its release then ``release``; a shorter press
    fires ``click`` on release. A hold whose release never comes is forgotten after the
    ``expire_option`` (else ``expire_after_ms``).
    """

    endpoint: int | None
    cluster: int
    attribute: int
    pressed: int
    released: int
    click: str
    hold: str
    release: str
    hold_option: str
    expire_option: str
    hold_after_ms: float = 1000.0
    expire_after_ms: float = 4000.0


@dataclass(frozen=True, kw_only=True, slots=True)
class CommandSource:
    """A cluster command a remote sends its bound devices, told as a click (command mode).

    ``actions`` maps the command's first argument (a step or move mode) to the action,
    None for any; a ``stop_modes`` argument or a ``stops`` command ends the button held by
    an action of ``releases`` (hold action → release action) with that release.
    """

    endpoint: int | None
    cluster: int
    command: int
    actions: tuple[tuple[int | None, str], ...] = ()
    stop_modes: tuple[int, ...] = ()
    stops: bool = False
    releases: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Gesture:
    """What one frame told: an action (None: none) and values of other exposes (a side)."""

    action: str | None
    values: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))


@runtime_checkable
class GestureDecoder(Protocol):
    """Turns the attributes of one report into a gesture (cubes, knobs)."""

    def decode(self, attributes: Mapping[int, object]) -> Gesture | None:
        """The gesture these attributes tell, None when they tell nothing known."""

    @property
    def actions(self) -> tuple[str, ...]:
        """Every action the decoder can return."""


@dataclass(frozen=True, kw_only=True, slots=True)
class GestureSource:
    """A report whose attribute ``trigger`` carries a gesture, decoded with every attribute
    of the same report (a knob sends its angle and speed along with the rotation event)."""

    endpoint: int | None  # None: from any endpoint
    cluster: int
    trigger: int
    decoder: GestureDecoder


@dataclass(frozen=True, kw_only=True, slots=True)
class LinkQualitySource:
    """The LQI zigpy records for the last packet received from the device."""


@runtime_checkable
class CommandDecoder(Protocol):
    """Names what a cluster command received from a device means (None: nothing)."""

    def decode(self, command_id: int, args: tuple[object, ...]) -> object | None:
        """The expose value (an action string, a state) of this command, or None."""


@dataclass(frozen=True, kw_only=True, slots=True)
class ClusterCommandSource:
    """Cluster commands a device sends: a remote's OnOff/Level/Scenes client commands
    (actions of the event expose), or a server's notification (IAS Zone status change).

    ``output``: the cluster is on the endpoint's output (client) list.
    """

    endpoint: int
    cluster: int
    decoder: CommandDecoder
    output: bool = False


@dataclass(frozen=True, kw_only=True, slots=True)
class DerivedSource:
    """A value computed from another expose's confirmed value (battery % from its voltage).

    ``codec.decode`` gets the other expose's value as decoded, before any device option
    (a voltage calibration) adjusts it: Zigbee2MQTT derives from the raw reading too.
    """

    key: str
    codec: Codec


Source = (
    AttributeSource
    | HeartbeatSource
    | ActionSource
    | CommandSource
    | ClusterCommandSource
    | TimedPressSource
    | GestureSource
    | LinkQualitySource
    | DerivedSource
)


# --------------------------------------------------------------------------- writes


@dataclass(frozen=True, kw_only=True, slots=True)
class AttributeWrite:
    """Write one attribute (always with an explicit ZCL type).

    ``also``: attributes written right after, each with its own codec of the same value
    (a smoke detector's buzzer: the command, then the manual-mute flag Zigbee2MQTT sets).
    """

    endpoint: int
    cluster: int
    attribute: int
    zcl_type: int
    codec: Codec
    manufacturer: int | None = None
    also: tuple[AttributeWrite, ...] = ()


@dataclass(frozen=True, kw_only=True, slots=True)
class OnOffWrite:
    """OnOff cluster commands (on 0x01 / off 0x00) on an endpoint."""

    endpoint: int


@dataclass(frozen=True, kw_only=True, slots=True)
class SequenceWrite:
    """Several raw attribute writes in a row (lumi.plug 0xFFF0 settings)."""

    endpoint: int
    cluster: int
    attribute: int
    zcl_type: int
    on: tuple[bytes, ...]
    off: tuple[bytes, ...]
    manufacturer: int | None = LUMI_MANUFACTURER_CODE


@dataclass(frozen=True, kw_only=True, slots=True)
class IdentifyWrite:
    """Identify command (0x00) for ``identify_timeout`` seconds (the device option)."""

    endpoint: int = 1


@runtime_checkable
class CommandCodec(Protocol):
    """Turns an expose value into one cluster command, and says what its success confirms."""

    def command(self, value: object) -> tuple[int, tuple[object, ...]]:
        """(command id, arguments) for ``value``; raises ValueError when invalid."""

    def confirmed(self, value: object) -> Mapping[str, object]:
        """Expose key → value that a successful command confirms (may be empty: the
        device's report then sets the state, as a moving cover's position)."""


@dataclass(frozen=True, kw_only=True, slots=True)
class CommandWrite:
    """A server cluster command (Level move-to-level, Color move-to-colour, cover up/down...)."""

    endpoint: int
    cluster: int
    codec: CommandCodec


@dataclass(frozen=True, kw_only=True, slots=True)
class FrameContext:
    """What a frame write may need besides its value: the device and its confirmed state."""

    ieee: str  # ``54:ef:44:10:01:26:5a:ab``
    values: Mapping[str, object]  # the last confirmed value per expose key
    numbers: Mapping[str, float]  # numeric device options set (option key → value)
    now: float  # Unix time (seconds)


@runtime_checkable
class FrameCodec(Protocol):
    """Builds the raw frames of one write from its value and the device's other values
    (Aqara's thermostat frames carry mode, set point and fan speed at once)."""

    def frames(self, value: object, context: FrameContext) -> tuple[bytes, ...]:
        """The frames to write, in order; ``value`` None: the state confirmed now.
        Raises ValueError when the value is invalid."""

    def confirmed(self, value: object, context: FrameContext) -> Mapping[str, object]:
        """Expose key → value the written frames confirm."""


@dataclass(frozen=True, kw_only=True, slots=True)
class FrameWrite:
    """Frames (octet strings) written to one attribute, built by ``codec``."""

    endpoint: int
    cluster: int
    attribute: int
    zcl_type: int
    codec: FrameCodec
    manufacturer: int | None = None


Write = AttributeWrite | OnOffWrite | SequenceWrite | IdentifyWrite | CommandWrite | FrameWrite


# --------------------------------------------------------------------------- expose


@dataclass(frozen=True, kw_only=True, slots=True)
class ClearAfter:
    """A binary sensor the device only ever sets: the hub clears it after a timeout.

    Motion sensors send "occupied", never "unoccupied" (Zigbee2MQTT's ``occupancy_timeout``
    semantics). The timeout restarts with every new detection; 0 never clears.

    Without ``interval_key`` the timeout is the ``option`` if set, else ``default``. With it
    (the device's own ``detection_interval`` expose), the base is that interval (``default``
    while unknown): the option counts only when it is at least the base, else the timeout is
    the base plus ``margin`` — the device cannot report again sooner than its interval.
    """

    option: str  # key of OPTION_SPECS holding the user's timeout (seconds)
    default: float
    interval_key: str | None = None
    margin: float = 2.0

    def timeout(self, configured: float | None, interval: object) -> float:
        """Seconds until the value clears, for the option and the interval known now."""
        if self.interval_key is None:
            return self.default if configured is None else configured
        known = finite_number(interval)
        base = self.default if known is None or isinstance(interval, bool) else known
        if configured is not None and configured >= base:
            return configured
        return base + self.margin


@dataclass(frozen=True, kw_only=True, slots=True)
class Expose:
    """One Zigbee2MQTT expose, rendered as one HA entity."""

    key: str  # Z2M property; unique-id suffix
    platform: Platform
    access: Access
    #: HA translation key of the entity's name; None: the key itself
    translation_key: str | None = None
    #: Filled into the translated name, e.g. ``{"endpoint": "top"}`` for a per-endpoint expose
    #: (not hashed: a mapping cannot be, and the key tells exposes apart)
    translation_placeholders: Mapping[str, str] = field(
        default_factory=lambda: MappingProxyType({}), hash=False
    )
    description: str = ""
    options: tuple[str, ...] = ()  # select options / event types, exactly the page values
    # Extra event types fired only when the device option ``state_action`` is true
    state_action_options: tuple[str, ...] = ()
    unit: str | None = None
    device_class: str | None = None
    state_class: str | None = None
    entity_category: str | None = None
    enabled_by_default: bool = True
    native_min: float | None = None
    native_max: float | None = None
    native_step: float | None = None
    suggested_display_precision: int | None = None
    sources: tuple[Source, ...] = ()
    write: Write | None = None
    #: a relay's (on, off) action strings, fired on its reports when ``state_action`` is set
    state_actions: tuple[str, str] | None = None
    #: the device's main function (its only relay): the entity takes the device's name
    named_after_device: bool = False
    #: the state is the last confirmed write, as Zigbee2MQTT's own state of it: the device
    #: neither reports the setting nor answers a read of it (old genBasic 0xFFF0 settings)
    assumed: bool = False
    #: the measurement whose calibration/precision options apply (per-endpoint ``power_1``
    #: follows ``power_calibration``, as Zigbee2MQTT calibrates by the expose's name)
    measurement: str | None = None

    @property
    def measurement_key(self) -> str:
        return self.measurement or self.key

    #: key of the composite expose (a light's ``state``) whose entity shows this value too;
    #: a member is no entity of its own (brightness, colour temperature, a cover's position)
    member_of: str | None = None
    #: the expose's Zigbee2MQTT type when its platform does not say it (``binary``,
    #: ``numeric``, ``enum``; None: from the platform)
    kind: str | None = None
    #: a binary sensor the device only sets: the hub clears it after a timeout
    clears_after: ClearAfter | None = None
    #: Home Assistant shows the opposite of Zigbee2MQTT's value (``contact`` is true when
    #: closed; a door binary sensor is on when open)
    z2m_inverted: bool = False

    @property
    def readable(self) -> bool:
        return Access.READ in self.access

    @property
    def writable(self) -> bool:
        return Access.WRITE in self.access and self.write is not None

    @property
    def event_types(self) -> tuple[str, ...]:
        """Every event type an event entity must declare (page values + state_action)."""
        return self.options + self.state_action_options


# --------------------------------------------------------------------------- definition


@dataclass(frozen=True, kw_only=True, slots=True)
class EndpointDecl:
    """An endpoint (and clusters) the resolver makes sure exists on the zigpy device."""

    endpoint: int
    device_type: int
    in_clusters: tuple[int, ...] = ()
    out_clusters: tuple[int, ...] = ()
    profile_id: int = HA_PROFILE_ID


@dataclass(frozen=True, kw_only=True, slots=True)
class WriteStep:
    """Configure step: write an attribute."""

    endpoint: int
    cluster: int
    attribute: int
    zcl_type: int
    value: object
    manufacturer: int | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class BindStep:
    """Configure step: bind a cluster to the coordinator.

    ``output``: a client cluster (a remote's OnOff/Level commands then come to us).
    """

    endpoint: int
    cluster: int
    output: bool = False


@dataclass(frozen=True, kw_only=True, slots=True)
class IasEnrollStep:
    """Configure step: write the coordinator as the IAS zone's CIE and enroll the zone."""

    endpoint: int


@dataclass(frozen=True, kw_only=True, slots=True)
class ReportStep:
    """Configure step: configure attribute reporting."""

    endpoint: int
    cluster: int
    attribute: int
    min_interval: int
    max_interval: int
    reportable_change: int = 0


@dataclass(frozen=True, kw_only=True, slots=True)
class RemoveFromGroupStep:
    """Configure step: remove every endpoint from a group (plugs answer group 0)."""

    group: int


@dataclass(frozen=True, kw_only=True, slots=True)
class ExposeWriteStep:
    """Configure step: write an expose's value, as its entity would (the W100's thermostat
    mode off at pairing, so that its buttons send actions); the value is then confirmed."""

    key: str
    value: object


ConfigureStep = (
    WriteStep | BindStep | ReportStep | RemoveFromGroupStep | IasEnrollStep | ExposeWriteStep
)


@dataclass(frozen=True, kw_only=True, slots=True)
class FrameAnswer:
    """A reported frame that asks the hub for its state, answered by an expose's frame
    write with the state confirmed now (the W100 asks for its thermostat state).

    ``asks``: decodes the reported value to something true when it is the question.
    """

    cluster: int
    attribute: int
    asks: Codec
    key: str  # the expose whose FrameWrite answers


@dataclass(frozen=True, kw_only=True, slots=True)
class ReportAnswer:
    """A reported attribute value that asks the hub a question, and the write answering it.

    (H2 EU switches report 0xFCC0 0x00FC false and expect it written back true, or they
    leave the network: Zigbee2MQTT's lumiPreventLeave.)
    """

    cluster: int
    attribute: int
    value: object  # the reported value that asks
    answer: WriteStep


@dataclass(frozen=True, kw_only=True, slots=True)
class OptionSpec:
    """A per-device option of Zigbee2MQTT's device library (key and description verbatim)."""

    key: str
    kind: type[bool] | type[int] | type[float]
    default: bool | int | float | None
    description: str
    minimum: float | None = None
    maximum: float | None = None
    step: float | None = None
    #: the numeric expose a ``*_calibration`` / ``*_precision`` option applies to
    expose_key: str | None = None
    #: a calibration in percent of the value rather than in the expose's unit
    percentual: bool = False

    def accepts(self, value: object) -> bool:
        """Whether the options form would take ``value`` (stored options are checked alike)."""
        if self.kind is bool:
            return isinstance(value, bool)
        number = None if isinstance(value, bool) else finite_number(value)
        if number is None:
            return False
        if (self.minimum is not None and number < self.minimum) or (
            self.maximum is not None and number > self.maximum
        ):
            return False
        if self.step is None:
            return True
        steps = (number - (self.minimum or 0)) / self.step
        return abs(steps - round(steps)) <= 1e-6


@dataclass(frozen=True, kw_only=True, slots=True)
class Measurement:
    """How Zigbee2MQTT calibrates a numeric expose (``calibrateAndPrecisionRoundOptions``)."""

    percentual: bool  # calibration is ``value * (1 + c / 100)`` instead of ``value + c``
    #: digits kept after a calibration when no precision is configured (drops float noise)
    calibrated_digits: int
    #: Zigbee2MQTT offers ``<key>_precision`` too (not for illuminance, voc)
    precision_option: bool = True


#: Numeric exposes with calibration/precision options, as Zigbee2MQTT names them
MEASUREMENTS: Final[Mapping[str, Measurement]] = MappingProxyType(
    {
        # Zigbee2MQTT rounds to 0 digits here, which swallows its own 0.1-step calibration
        "device_temperature": Measurement(percentual=False, calibrated_digits=2),
        "power": Measurement(percentual=True, calibrated_digits=2),
        "energy": Measurement(percentual=True, calibrated_digits=2),
        "voltage": Measurement(percentual=True, calibrated_digits=2),
        "current": Measurement(percentual=True, calibrated_digits=2),
        # Battery sensors (Zigbee2MQTT's default precisions: 2, 2, 1; illuminance/voc: 0)
        "temperature": Measurement(percentual=False, calibrated_digits=2),
        "humidity": Measurement(percentual=False, calibrated_digits=2),
        "pressure": Measurement(percentual=False, calibrated_digits=1),
        "illuminance": Measurement(percentual=True, calibrated_digits=0, precision_option=False),
        "voc": Measurement(percentual=False, calibrated_digits=0, precision_option=False),
    }
)

#: Zigbee2MQTT offers precisions 0-3
PRECISION_RANGE: Final = (0, 3)
#: a percentual calibration below -100 % would turn a consumption negative
PERCENTUAL_CALIBRATION_RANGE: Final = (-100.0, 100.0)
ABSOLUTE_CALIBRATION_RANGE: Final = (-50.0, 50.0)


def calibration_key(expose_key: str) -> str:
    return f"{expose_key}_calibration"


def precision_key(expose_key: str) -> str:
    return f"{expose_key}_precision"


def _calibration_spec(expose_key: str, measurement: Measurement) -> OptionSpec:
    kind = "percentual" if measurement.percentual else "absolute"
    low, high = (
        PERCENTUAL_CALIBRATION_RANGE if measurement.percentual else ABSOLUTE_CALIBRATION_RANGE
    )
    return OptionSpec(
        key=calibration_key(expose_key),
        kind=float,
        default=0.0,
        description=f"Calibrates the {expose_key} value ({kind} offset), "
        "takes into effect on next report of device.",
        minimum=low,
        maximum=high,
        # Zigbee2MQTT suggests steps of 0.1; any number is taken (a -1.25 °C offset is real)
        step=None,
        expose_key=expose_key,
        percentual=measurement.percentual,
    )


def _precision_spec(expose_key: str) -> OptionSpec:
    return OptionSpec(
        key=precision_key(expose_key),
        kind=int,
        default=None,  # unset: the value as decoded
        description=f"Number of digits after decimal point for {expose_key}, "
        "takes into effect on next report of device. "
        "This option can only decrease the precision, not increase it.",
        minimum=PRECISION_RANGE[0],
        maximum=PRECISION_RANGE[1],
        step=1,
        expose_key=expose_key,
    )


OPTION_DEVICE_TEMPERATURE_CALIBRATION: Final = calibration_key("device_temperature")
# On the device pages; the current library no longer offers it (its default precision is 0)
OPTION_DEVICE_TEMPERATURE_PRECISION: Final = precision_key("device_temperature")
OPTION_STATE_ACTION: Final = "state_action"
OPTION_OCCUPANCY_TIMEOUT: Final = "occupancy_timeout"
OPTION_VIBRATION_TIMEOUT: Final = "vibration_timeout"
#: the longest clearing timeout the options form takes (Zigbee2MQTT sets none): a day
MAX_CLEAR_TIMEOUT: Final = 86400.0
OPTION_IDENTIFY_TIMEOUT: Final = "identify_timeout"
OPTION_MIN_TARGET_TEMP: Final = "min_target_temp"
OPTION_MAX_TARGET_TEMP: Final = "max_target_temp"
#: Zigbee2MQTT's range of both target temperature options (°C)
_TARGET_TEMP_RANGE: Final = (-20.0, 60.0, 0.5)
OPTION_HOLD_TIMEOUT: Final = "hold_timeout"
OPTION_HOLD_TIMEOUT_EXPIRE: Final = "hold_timeout_expire"
#: Zigbee2MQTT bounds neither timeout above; a minute is far beyond any press
_TIMEOUT_MAX_MS: Final = 60000
#: Zigbee2MQTT's default identification time (seconds)
DEFAULT_IDENTIFY_TIMEOUT: Final = 3

OPTION_SPECS: Final[Mapping[str, OptionSpec]] = MappingProxyType(
    {
        OPTION_STATE_ACTION: OptionSpec(
            key=OPTION_STATE_ACTION,
            kind=bool,
            default=False,
            description="State actions will also be published as 'action' when true "
            "(default false).",
        ),
        # Zigbee2MQTT's ``occupancy_timeout`` (and its ``_2`` variant of newer sensors,
        # "default is detection_interval + 2 seconds", same key): the default depends on
        # the model (ClearAfter), so unset means "the model's default"
        OPTION_OCCUPANCY_TIMEOUT: OptionSpec(
            key=OPTION_OCCUPANCY_TIMEOUT,
            kind=float,
            default=None,
            description="Time in seconds after which occupancy is cleared after detecting it "
            "(default 90 seconds).",
            minimum=0.0,
            maximum=MAX_CLEAR_TIMEOUT,
        ),
        OPTION_VIBRATION_TIMEOUT: OptionSpec(
            key=OPTION_VIBRATION_TIMEOUT,
            kind=float,
            default=None,
            description="Time in seconds after which vibration is cleared after detecting it "
            "(default 90 seconds).",
            minimum=0.0,
            maximum=MAX_CLEAR_TIMEOUT,
        ),
        OPTION_IDENTIFY_TIMEOUT: OptionSpec(
            key=OPTION_IDENTIFY_TIMEOUT,
            kind=int,
            default=DEFAULT_IDENTIFY_TIMEOUT,
            description="Sets the duration of the identification procedure in seconds (i.e., "
            "how long the device would flash).The value ranges from 1 to 30 seconds "
            "(default: 3).",
            minimum=1,
            maximum=30,
            step=1,
        ),
        # The W100's thermostat: the set points it takes (unset: 5 and 30 °C)
        OPTION_MIN_TARGET_TEMP: OptionSpec(
            key=OPTION_MIN_TARGET_TEMP,
            kind=float,
            default=None,
            description="Minimum target temperature for the thermostat (default: 5°C)",
            minimum=_TARGET_TEMP_RANGE[0],
            maximum=_TARGET_TEMP_RANGE[1],
            step=_TARGET_TEMP_RANGE[2],
        ),
        OPTION_MAX_TARGET_TEMP: OptionSpec(
            key=OPTION_MAX_TARGET_TEMP,
            kind=float,
            default=None,
            description="Maximum target temperature for the thermostat (default: 30°C)",
            minimum=_TARGET_TEMP_RANGE[0],
            maximum=_TARGET_TEMP_RANGE[1],
            step=_TARGET_TEMP_RANGE[2],
        ),
        OPTION_HOLD_TIMEOUT: OptionSpec(
            key=OPTION_HOLD_TIMEOUT,
            kind=int,
            default=None,  # unset: 1000 ms
            description="The WXKG01LM only reports a button press and release.By default, a "
            "hold action is published when there is at least 1000 ms between both events. It "
            "could be that due to delays in the network the release message is received late. "
            "This causes a single click to be identified as a hold action. If you are "
            "experiencing this you can try experimenting with this option (e.g. set it to "
            "2000) (value is in ms).",
            minimum=0,
            maximum=_TIMEOUT_MAX_MS,
            step=1,
        ),
        OPTION_HOLD_TIMEOUT_EXPIRE: OptionSpec(
            key=OPTION_HOLD_TIMEOUT_EXPIRE,
            kind=int,
            default=None,  # unset: 4000 ms
            description="Sometimes it happens that the button does not send a release. To "
            "avoid problems a release is automatically send after a timeout. The default "
            "timeout is 4000 ms, you can increase it with this option (value is in ms).",
            minimum=0,
            maximum=_TIMEOUT_MAX_MS,
            step=1,
        ),
        **{
            spec.key: spec
            for expose_key, measurement in MEASUREMENTS.items()
            for spec in (
                _calibration_spec(expose_key, measurement),
                *((_precision_spec(expose_key),) if measurement.precision_option else ()),
            )
        },
    }
)


def measurement_options(*expose_keys: str) -> tuple[str, ...]:
    """The calibration and precision options of these numeric exposes."""
    return tuple(
        option
        for expose_key in expose_keys
        for option in (calibration_key(expose_key), precision_key(expose_key))
    )


@dataclass(frozen=True, kw_only=True, slots=True)
class Feature:
    """One capability of a device, everything it needs in one place (Zigbee2MQTT's
    ``modernExtend`` idea): its exposes, device options, pairing steps, heartbeat entries.

    The feature library (``features/``) builds these; a definition lists them.
    """

    exposes: tuple[Expose, ...] = ()
    options: tuple[str, ...] = ()  # keys of OPTION_SPECS
    configure: tuple[ConfigureStep, ...] = ()
    heartbeat_fields: tuple[HeartbeatField, ...] = ()
    # Where the firmware answers a read of its heartbeat: the values only the heartbeat
    # carries are then known at pairing and startup instead of up to an hour later
    heartbeat_read: AttributeSource | None = None
    ota_image_type: int | None = None
    answers: tuple[ReportAnswer | FrameAnswer, ...] = ()
    #: a battery (sleepy) end device: it hears frames only when it polls its parent, so
    #: writes wait for it to wake and its availability uses the battery timeout
    sleepy: bool = False


def _unique[T](items: Iterable[T]) -> tuple[T, ...]:
    """Items in first-seen order, each once (features may repeat a step or an option)."""
    return tuple(dict.fromkeys(items))


@dataclass(frozen=True, kw_only=True, slots=True)
class Definition:
    """A supported device model: its identity and the features it has."""

    model: str  # Z2M model, e.g. "ZNCZ04LM"
    model_ids: tuple[str, ...]  # Zigbee model identifiers (Basic 0x0005)
    vendor: str
    description: str
    features: tuple[Feature, ...]
    is_router: bool  # mains powered and rx-on-when-idle (routes for others)
    endpoints: tuple[EndpointDecl, ...] = ()  # endpoints / clusters to make sure exist
    #: built from the device's endpoints and clusters, not written for the model
    generated: bool = False
    # Everything below is gathered from the features
    exposes: tuple[Expose, ...] = field(init=False)
    options: tuple[str, ...] = field(init=False)
    configure: tuple[ConfigureStep, ...] = field(init=False)
    heartbeat_read: AttributeSource | None = field(init=False)
    ota_image_type: int | None = field(init=False)
    answers: tuple[ReportAnswer | FrameAnswer, ...] = field(init=False)
    #: a battery end device that sleeps between polls (a feature says so)
    sleepy: bool = field(init=False)
    #: heartbeat TLV index → (key, codec): every entry this model's heartbeat is read for
    heartbeat_profile: Mapping[int, tuple[str, Codec]] = field(init=False, repr=False)
    _by_key: Mapping[str, Expose] = field(init=False, repr=False, compare=False)
    #: the event expose that ``state_action`` fires on when the model has no ``action``
    state_action_event: Expose | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        exposes = tuple(expose for feature in self.features for expose in feature.exposes)
        options = _unique(option for feature in self.features for option in feature.options)
        reads = {f.heartbeat_read for f in self.features if f.heartbeat_read is not None}
        images = {f.ota_image_type for f in self.features if f.ota_image_type is not None}
        if len(reads) > 1 or len(images) > 1:
            raise ValueError(f"{self.model}: features disagree on the heartbeat or OTA image")
        object.__setattr__(self, "exposes", exposes)
        object.__setattr__(self, "options", options)
        object.__setattr__(
            self, "configure", _unique(step for f in self.features for step in f.configure)
        )
        object.__setattr__(self, "answers", _unique(a for f in self.features for a in f.answers))
        object.__setattr__(self, "heartbeat_read", next(iter(reads), None))
        object.__setattr__(self, "ota_image_type", next(iter(images), None))
        object.__setattr__(self, "sleepy", any(feature.sleepy for feature in self.features))
        if self.sleepy and self.is_router:
            raise ValueError(f"{self.model}: a router never sleeps")
        object.__setattr__(self, "heartbeat_profile", self._heartbeat_profile())
        by_key = {expose.key: expose for expose in exposes}
        if len(by_key) != len(exposes):
            raise ValueError(f"{self.model}: duplicate expose keys")
        measured = {expose.measurement_key for expose in exposes}
        unknown = set(options) - OPTION_SPECS.keys()
        if unknown:
            raise ValueError(f"{self.model}: unknown options {sorted(unknown)}")
        actions = [
            source
            for expose in exposes
            for source in expose.sources
            if isinstance(source, ActionSource)
        ]
        routes = [(action.cluster, action.attribute) for action in actions]
        for action, route in zip(actions, routes, strict=True):
            # Any-endpoint clicks of an attribute would shadow a button's own endpoint
            if action.endpoint is ANY_ENDPOINT and routes.count(route) > 1:
                raise ValueError(f"{self.model}: an any-endpoint action must be the only one")
        for expose in exposes:
            for source in expose.sources:
                if isinstance(source, DerivedSource) and source.key not in by_key:
                    raise ValueError(f"{self.model}: {expose.key} derives from a missing key")
        for key in options:
            expose_key = OPTION_SPECS[key].expose_key
            if expose_key is not None and expose_key not in measured:
                raise ValueError(f"{self.model}: option {key} without a {expose_key} expose")
        relay_actions = tuple(
            action for expose in exposes if expose.state_actions for action in expose.state_actions
        )
        if OPTION_STATE_ACTION in options and not relay_actions:
            raise ValueError(f"{self.model}: state_action without a relay")
        if (
            OPTION_STATE_ACTION in options
            and "action" in by_key
            and not set(by_key["action"].state_action_options) <= set(relay_actions)
        ):
            raise ValueError(f"{self.model}: state_action events must be of {relay_actions}")
        state_action_event = None
        if OPTION_STATE_ACTION in options and "action" not in by_key:
            # Zigbee2MQTT publishes ``action`` even where the page lists no such expose
            state_action_event = Expose(
                key="action",
                platform=Platform.EVENT,
                access=Access.REPORT,
                description="Triggered action (e.g. a button click).",
                state_action_options=relay_actions,
            )
        for expose in exposes:
            clears = expose.clears_after
            if clears is not None and (
                clears.option not in options
                or (clears.interval_key is not None and clears.interval_key not in by_key)
            ):
                raise ValueError(f"{self.model}: {expose.key} clears without its option/interval")
        object.__setattr__(self, "_by_key", MappingProxyType(by_key))
        object.__setattr__(self, "state_action_event", state_action_event)

    def _heartbeat_profile(self) -> Mapping[int, tuple[str, Codec]]:
        profile: dict[int, tuple[str, Codec]] = {}
        for feature in self.features:
            for extra in feature.heartbeat_fields:
                profile[extra.index] = (extra.key, extra.codec)
        # An expose takes its index over from a diagnostics-only field (battery voltage)
        by_exposes: dict[int, str] = {}
        for expose in self.exposes:
            for source in expose.sources:
                if isinstance(source, HeartbeatSource):
                    if by_exposes.get(source.index, expose.key) != expose.key:
                        raise ValueError(f"{self.model}: heartbeat index {source.index} twice")
                    by_exposes[source.index] = expose.key
                    profile[source.index] = (expose.key, source.codec)
        return MappingProxyType(profile)

    @property
    def kind(self) -> str:
        """``generated`` (from the device's clusters) or ``model`` (written for the model)."""
        return "generated" if self.generated else "model"

    def members(self, key: str) -> tuple[Expose, ...]:
        """The exposes a composite expose's entity shows besides its own value."""
        return tuple(expose for expose in self.exposes if expose.member_of == key)

    @property
    def ota(self) -> bool:
        """Firmware updates are offered (the model's OTA image type is known)."""
        return self.ota_image_type is not None

    def expose(self, key: str) -> Expose:
        """The expose with this key; raises KeyError."""
        return self._by_key[key]

    def has(self, key: str) -> bool:
        return key in self._by_key
