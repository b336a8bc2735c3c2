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

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Flag, StrEnum, auto
import math
from types import MappingProxyType
from typing import Final, Protocol, runtime_checkable

from ..lumi.const import (
    BASIC,
    BASIC_HEARTBEAT,
    BASIC_LUMI_WRITE,
    CURRENT_TEMPERATURE,
    DEVICE_TEMPERATURE,
    HA_PROFILE_ID,
    LUMI_CLUSTER,
    LUMI_HEARTBEAT,
    LUMI_MANUFACTURER_CODE,
    MULTISTATE_INPUT,
    ON_OFF,
    ON_OFF_ATTR,
    PRESENT_VALUE,
    ZCL_OCTET_STRING,
)


class Platform(StrEnum):
    """HA entity platforms; values equal ``homeassistant.const.Platform`` members."""

    SWITCH = "switch"
    SENSOR = "sensor"
    SELECT = "select"
    NUMBER = "number"
    BINARY_SENSOR = "binary_sensor"
    EVENT = "event"


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


def _as_number(raw: object) -> float | None:
    if isinstance(raw, bool):
        return float(raw)
    if isinstance(raw, int | float):
        value = float(raw)
        return None if math.isnan(value) else value
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
        number = _as_number(raw)
        if number is None:
            return None
        value = number * self.scale
        if self.ndigits is not None:
            value = round(value, self.ndigits)
        if self.integer and value.is_integer():
            return int(value)
        return value

    def encode(self, value: object) -> object:
        number = _as_number(value)
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


BOOL: Final = BoolCodec()
RAW: Final = RawCodec()
NUMBER: Final = NumberCodec()


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
    """A key of :func:`lumi.heartbeat.parse`'s result (0xFF01 / 0x00F7 heartbeats)."""

    key: str
    codec: Codec = RAW


#: :attr:`ActionSource.endpoint` of a single-button model: its clicks count from any endpoint
ANY_ENDPOINT: Final = None


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


@dataclass(frozen=True, kw_only=True, slots=True)
class LinkQualitySource:
    """The LQI zigpy records for the last packet received from the device."""


Source = AttributeSource | HeartbeatSource | ActionSource | LinkQualitySource


# --------------------------------------------------------------------------- writes


@dataclass(frozen=True, kw_only=True, slots=True)
class AttributeWrite:
    """Write one attribute (always with an explicit ZCL type)."""

    endpoint: int
    cluster: int
    attribute: int
    zcl_type: int
    codec: Codec
    manufacturer: int | None = None


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


Write = AttributeWrite | OnOffWrite | SequenceWrite


# --------------------------------------------------------------------------- expose


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
    """Configure step: bind a server cluster to the coordinator."""

    endpoint: int
    cluster: int


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


ConfigureStep = WriteStep | BindStep | ReportStep | RemoveFromGroupStep


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


@dataclass(frozen=True, kw_only=True, slots=True)
class Measurement:
    """How Zigbee2MQTT calibrates a numeric expose (``calibrateAndPrecisionRoundOptions``)."""

    percentual: bool  # calibration is ``value * (1 + c / 100)`` instead of ``value + c``
    #: digits kept after a calibration when no precision is configured (drops float noise)
    calibrated_digits: int


#: Numeric exposes with calibration/precision options, as Zigbee2MQTT names them
MEASUREMENTS: Final[Mapping[str, Measurement]] = MappingProxyType(
    {
        # Zigbee2MQTT rounds to 0 digits here, which swallows its own 0.1-step calibration
        "device_temperature": Measurement(percentual=False, calibrated_digits=2),
        "power": Measurement(percentual=True, calibrated_digits=2),
        "energy": Measurement(percentual=True, calibrated_digits=2),
        "voltage": Measurement(percentual=True, calibrated_digits=2),
        "current": Measurement(percentual=True, calibrated_digits=2),
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
        step=None,  # Zigbee2MQTT's calibration options take any number (no value step)
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

OPTION_SPECS: Final[Mapping[str, OptionSpec]] = MappingProxyType(
    {
        OPTION_STATE_ACTION: OptionSpec(
            key=OPTION_STATE_ACTION,
            kind=bool,
            default=False,
            description="State actions will also be published as 'action' when true "
            "(default false).",
        ),
        **{
            spec.key: spec
            for expose_key, measurement in MEASUREMENTS.items()
            for spec in (_calibration_spec(expose_key, measurement), _precision_spec(expose_key))
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
class Definition:
    """A supported device model."""

    model: str  # Z2M model, e.g. "ZNCZ04LM"
    model_ids: tuple[str, ...]  # Zigbee model identifiers (Basic 0x0005)
    vendor: str
    description: str
    exposes: tuple[Expose, ...]
    options: tuple[str, ...] = ()  # keys of OPTION_SPECS valid for this model
    ota: bool = False
    ota_image_type: int | None = None
    power_source: str = "mains"
    is_router: bool = False
    endpoints: tuple[EndpointDecl, ...] = ()  # endpoints / clusters to make sure exist
    configure: tuple[ConfigureStep, ...] = ()
    # Where the firmware answers a read of its heartbeat: the values only the heartbeat
    # carries are then known at pairing and startup instead of up to an hour later
    heartbeat_read: AttributeSource | None = None
    _by_key: Mapping[str, Expose] = field(init=False, repr=False, compare=False)
    #: the event expose that ``state_action`` fires on when the model has no ``action``
    state_action_event: Expose | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_key = {expose.key: expose for expose in self.exposes}
        if len(by_key) != len(self.exposes):
            raise ValueError(f"{self.model}: duplicate expose keys")
        if len(set(self.options)) != len(self.options):
            raise ValueError(f"{self.model}: duplicate options")
        unknown = set(self.options) - OPTION_SPECS.keys()
        if unknown:
            raise ValueError(f"{self.model}: unknown options {sorted(unknown)}")
        actions = [
            source
            for expose in self.exposes
            for source in expose.sources
            if isinstance(source, ActionSource)
        ]
        if any(source.endpoint is ANY_ENDPOINT for source in actions) and len(actions) > 1:
            raise ValueError(f"{self.model}: an any-endpoint action must be the only one")
        for key in self.options:
            expose_key = OPTION_SPECS[key].expose_key
            if expose_key is not None and expose_key not in by_key:
                raise ValueError(f"{self.model}: option {key} without a {expose_key} expose")
        relay_actions = tuple(
            f"{state}{expose.key.removeprefix('state')}"
            for expose in self.exposes
            if is_relay(expose)
            for state in ("on", "off")
        )
        if OPTION_STATE_ACTION in self.options and not relay_actions:
            raise ValueError(f"{self.model}: state_action without a relay")
        if (
            OPTION_STATE_ACTION in self.options
            and "action" in by_key
            and not set(by_key["action"].state_action_options) <= set(relay_actions)
        ):
            raise ValueError(f"{self.model}: state_action events must be of {relay_actions}")
        state_action_event = None
        if OPTION_STATE_ACTION in self.options and "action" not in by_key:
            # Zigbee2MQTT publishes ``action`` even where the page lists no such expose
            state_action_event = action((), (), state_action_options=relay_actions)
        object.__setattr__(self, "_by_key", MappingProxyType(by_key))
        object.__setattr__(self, "state_action_event", state_action_event)

    def expose(self, key: str) -> Expose:
        """The expose with this key; raises KeyError."""
        return self._by_key[key]

    def has(self, key: str) -> bool:
        return key in self._by_key


# --------------------------------------------------------------------------- builders
# Small helpers so the per-model modules read like the Zigbee2MQTT pages.


def lumi_attribute(
    attribute: int, codec: Codec, *, endpoint: int = 1, readable: bool = True
) -> AttributeSource:
    """A 0xFCC0 attribute source (manufacturer specific)."""
    return AttributeSource(
        endpoint=endpoint,
        cluster=LUMI_CLUSTER,
        attribute=attribute,
        codec=codec,
        manufacturer=LUMI_MANUFACTURER_CODE,
        readable=readable,
    )


def lumi_heartbeat_read() -> AttributeSource:
    """The 0xFCC0 0x00F7 heartbeat, read on request (Aqara firmware answers it)."""
    return lumi_attribute(LUMI_HEARTBEAT, RAW)


def basic_heartbeat_read() -> AttributeSource:
    """The genBasic 0xFF01 heartbeat of old Xiaomi firmware, read on request."""
    return AttributeSource(
        endpoint=1,
        cluster=BASIC,
        attribute=BASIC_HEARTBEAT,
        manufacturer=LUMI_MANUFACTURER_CODE,
    )


def lumi_write(attribute: int, zcl_type: int, codec: Codec, *, endpoint: int = 1) -> AttributeWrite:
    """A 0xFCC0 attribute write (manufacturer specific)."""
    return AttributeWrite(
        endpoint=endpoint,
        cluster=LUMI_CLUSTER,
        attribute=attribute,
        zcl_type=zcl_type,
        codec=codec,
        manufacturer=LUMI_MANUFACTURER_CODE,
    )


def is_relay(expose: Expose) -> bool:
    """A relay's on/off state (``state`` or ``state_<endpoint>``)."""
    return expose.platform is Platform.SWITCH and (
        expose.key == "state" or expose.key.startswith("state_")
    )


def relay_switch(
    key: str, *, endpoint: int, device_class: str, description: str, heartbeat: bool = True
) -> Expose:
    """A relay: OnOff reports/reads, OnOff commands, optionally heartbeat."""
    sources: tuple[Source, ...] = (
        AttributeSource(endpoint=endpoint, cluster=ON_OFF, attribute=ON_OFF_ATTR, codec=BOOL),
    )
    if heartbeat:
        sources += (HeartbeatSource(key=key),)
    return Expose(
        key=key,
        platform=Platform.SWITCH,
        access=RW,
        device_class=device_class,
        description=description,
        sources=sources,
        write=OnOffWrite(endpoint=endpoint),
    )


def linkquality() -> Expose:
    return Expose(
        key="linkquality",
        platform=Platform.SENSOR,
        access=Access.REPORT,
        description="Link quality (signal strength).",
        unit="lqi",
        state_class="measurement",
        entity_category="diagnostic",
        enabled_by_default=False,
        native_min=0,
        native_max=255,
        sources=(LinkQualitySource(),),
    )


def device_temperature() -> Expose:
    """device_temperature (°C, no scaling) from the heartbeat and the DeviceTemperature cluster."""
    return Expose(
        key="device_temperature",
        platform=Platform.SENSOR,
        access=Access.REPORT,
        description="Temperature of the device.",
        unit="°C",
        device_class="temperature",
        state_class="measurement",
        entity_category="diagnostic",
        sources=(
            HeartbeatSource(key="device_temperature"),
            # Whole degrees, answered to reads too (what ZHA shows right after pairing)
            AttributeSource(
                endpoint=1,
                cluster=DEVICE_TEMPERATURE,
                attribute=CURRENT_TEMPERATURE,
                codec=NUMBER,
            ),
        ),
    )


def power(*sources: Source) -> Expose:
    """Instantaneous power (W) from the model's own sources, then the heartbeat."""
    return Expose(
        key="power",
        platform=Platform.SENSOR,
        access=RO,
        description="Instantaneous measured power.",
        unit="W",
        device_class="power",
        state_class="measurement",
        suggested_display_precision=1,
        sources=(*sources, HeartbeatSource(key="power")),
    )


def energy(*extra: Source) -> Expose:
    """Consumed energy (kWh) from the heartbeat plus any extra sources."""
    return Expose(
        key="energy",
        platform=Platform.SENSOR,
        access=Access.REPORT,
        description="Sum of consumed energy.",
        unit="kWh",
        device_class="energy",
        state_class="total_increasing",
        suggested_display_precision=2,
        sources=(HeartbeatSource(key="energy"), *extra),
    )


def power_outage_count(*extra: Source) -> Expose:
    return Expose(
        key="power_outage_count",
        platform=Platform.SENSOR,
        access=Access.REPORT,
        description="Number of power outages (since last pairing).",
        state_class="total_increasing",
        entity_category="diagnostic",
        sources=(HeartbeatSource(key="power_outage_count"), *extra),
    )


def config_switch(
    key: str,
    *,
    description: str,
    sources: tuple[Source, ...],
    write: Write,
    access: Access = RW,
) -> Expose:
    return Expose(
        key=key,
        platform=Platform.SWITCH,
        access=access,
        description=description,
        entity_category="config",
        sources=sources,
        write=write,
    )


def lumi_config_switch(
    key: str, attribute: int, zcl_type: int, *, description: str, access: Access = RW
) -> Expose:
    """A config switch backed by a 0xFCC0 boolean-like attribute on endpoint 1."""
    return config_switch(
        key,
        description=description,
        access=access,
        sources=(lumi_attribute(attribute, BOOL, readable=Access.READ in access),),
        write=lumi_write(attribute, zcl_type, BOOL),
    )


def lumi_select(
    key: str,
    attribute: int,
    zcl_type: int,
    codec: EnumCodec,
    *,
    description: str,
    endpoint: int = 1,
    heartbeat: bool = False,
) -> Expose:
    """A config select backed by a 0xFCC0 enum attribute."""
    sources: tuple[Source, ...] = (lumi_attribute(attribute, codec, endpoint=endpoint),)
    if heartbeat:
        sources += (HeartbeatSource(key=key),)
    return Expose(
        key=key,
        platform=Platform.SELECT,
        access=RW,
        description=description,
        options=codec.options,
        entity_category="config",
        sources=sources,
        write=lumi_write(attribute, zcl_type, codec, endpoint=endpoint),
    )


def action(
    options: tuple[str, ...],
    sources: tuple[ActionSource, ...],
    *,
    state_action_options: tuple[str, ...] = (),
) -> Expose:
    return Expose(
        key="action",
        platform=Platform.EVENT,
        access=Access.REPORT,
        description="Triggered action (e.g. a button click).",
        options=options,
        state_action_options=state_action_options,
        sources=sources,
    )


def plug_power_outage_memory_sequence() -> SequenceWrite:
    """lumi.plug: power_outage_memory is two genBasic 0xFFF0 octet-string writes."""
    return SequenceWrite(
        endpoint=1,
        cluster=BASIC,
        attribute=BASIC_LUMI_WRITE,
        zcl_type=ZCL_OCTET_STRING,
        on=(bytes.fromhex("aa 80 05 d1 47 07 01 10 01"), bytes.fromhex("aa 80 03 d3 07 08 01")),
        off=(bytes.fromhex("aa 80 05 d1 47 09 01 10 00"), bytes.fromhex("aa 80 03 d3 07 0a 01")),
    )


POWER_OUTAGE_MEMORY_DESCRIPTION: Final = (
    "Enable/disable the power outage memory, this recovers the on/off mode after power failure."
)
FLIP_INDICATOR_LIGHT_DESCRIPTION: Final = (
    "After turn on, the indicator light turns on while switch is off, and vice versa."
)
OPERATION_MODE_CODEC: Final = EnumCodec(pairs=((1, "control_relay"), (0, "decoupled")))
