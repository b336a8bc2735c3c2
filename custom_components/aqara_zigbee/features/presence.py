"""mmWave presence sensors (FP1E): presence, movement, distance, and their settings on 0xFCC0.

Zigbee2MQTT's fp1e* extends: 0x0142 presence, 0x0160 movement, 0x015F target distance and
0x015B detection range (cm), 0x015E / 0x015D the AI interference and adaptive sensitivity
switches; commands: 0x0157 = 1 starts spatial learning, 0x00E8 = 0 restarts the device.
Unlike a PIR, the radar reports the end of presence itself: nothing clears by time.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from ..devices.model import (
    RO,
    RW,
    Access,
    DerivedSource,
    EnumCodec,
    Expose,
    Feature,
    FrameContext,
    FrameWrite,
    Gesture,
    GestureSource,
    HeartbeatSource,
    NumberCodec,
    Platform,
)
from ..lumi.const import LUMI_CLUSTER, LUMI_MANUFACTURER_CODE, ZCL_BOOL, ZCL_UINT8
from ._lumi import lumi_attribute, lumi_write
from .smoke_gas import IS_ONE

ATTR_PRESENCE: Final = 0x0142
ATTR_MOVEMENT: Final = 0x0160
ATTR_TARGET_DISTANCE: Final = 0x015F
ATTR_DETECTION_RANGE: Final = 0x015B
ATTR_AI_INTERFERENCE: Final = 0x015E
ATTR_AI_ADAPTIVE: Final = 0x015D
ATTR_SPATIAL_LEARNING: Final = 0x0157
ATTR_RESTART: Final = 0x00E8
ZCL_UINT32: Final = 0x23

MOVEMENT: Final = EnumCodec(
    pairs=(
        (0, "unknown_0"),
        (1, "unknown_1"),
        (2, "no_presence"),
        (3, "movement"),
        (4, "no_movement"),
    )
)
#: centimetres on the wire, metres shown
_METRES: Final = NumberCodec(scale=0.01, ndigits=2)


def presence() -> Feature:
    """Someone is there (the radar sees still people too)."""
    return Feature(
        exposes=(
            Expose(
                key="presence",
                platform=Platform.BINARY_SENSOR,
                access=RO,
                description="Indicates whether the device detected presence",
                device_class="occupancy",
                sources=(lumi_attribute(ATTR_PRESENCE, IS_ONE),),
            ),
        )
    )


def movement() -> Feature:
    return Feature(
        exposes=(
            Expose(
                key="movement",
                platform=Platform.SENSOR,
                access=RO,
                description="Is movement detected?",
                device_class="enum",
                options=MOVEMENT.options,
                sources=(lumi_attribute(ATTR_MOVEMENT, MOVEMENT),),
            ),
        )
    )


def target_distance() -> Feature:
    return Feature(
        exposes=(
            Expose(
                key="target_distance",
                platform=Platform.SENSOR,
                access=RO,
                description="Distance to the detected target",
                unit="m",
                device_class="distance",
                state_class="measurement",
                sources=(lumi_attribute(ATTR_TARGET_DISTANCE, _METRES),),
            ),
        )
    )


def detection_range(*, step: float = 0.3) -> Feature:
    codec = NumberCodec(scale=0.01, ndigits=2)
    return Feature(
        exposes=(
            Expose(
                key="detection_range",
                platform=Platform.NUMBER,
                access=RW,
                description="The device will monitor presence within the detection range",
                unit="m",
                device_class="distance",
                entity_category="config",
                native_min=0,
                native_max=6,
                native_step=step,
                sources=(lumi_attribute(ATTR_DETECTION_RANGE, codec),),
                write=lumi_write(
                    ATTR_DETECTION_RANGE, ZCL_UINT32, NumberCodec(scale=0.01, integer=True)
                ),
            ),
        )
    )


def _command(
    key: str, option: str, attribute: int, *, zcl_type: int, raw: int, text: str
) -> Feature:
    codec = EnumCodec(pairs=((raw, option),))
    return Feature(
        exposes=(
            Expose(
                key=key,
                platform=Platform.BUTTON,
                # A command without state: Zigbee2MQTT only writes it
                access=Access.WRITE,
                description=text,
                options=codec.options,
                entity_category="config",
                write=lumi_write(attribute, zcl_type, codec),
            ),
        )
    )


def spatial_learning() -> Feature:
    return _command(
        "spatial_learning",
        "Start Learning",
        ATTR_SPATIAL_LEARNING,
        zcl_type=ZCL_UINT8,
        raw=1,
        text="Initiate AI Spatial Learning.",
    )


def restart_device() -> Feature:
    return _command(
        "restart_device",
        "Restart Device",
        ATTR_RESTART,
        zcl_type=ZCL_BOOL,
        raw=0,
        text="Restarts the device.",
    )


def _ai_switch(key: str, attribute: int, description: str) -> Feature:
    return Feature(
        exposes=(
            Expose(
                key=key,
                platform=Platform.SWITCH,
                access=RW,
                description=description,
                entity_category="config",
                sources=(lumi_attribute(attribute, IS_ONE),),
                write=lumi_write(attribute, ZCL_UINT8, IS_ONE),
            ),
        )
    )


def ai_interference_identification() -> Feature:
    return _ai_switch(
        "ai_interference_source_selfidentification",
        ATTR_AI_INTERFERENCE,
        "AI interference source self-identification switch, when enabled can identify fans, "
        "air conditioners and other interference sources",
    )


def ai_adaptive_sensitivity() -> Feature:
    return _ai_switch(
        "ai_sensitivity_adaptive", ATTR_AI_ADAPTIVE, "Adaptive sensitivity switch function."
    )


# --------------------------------------------------------------------------- FP1

ATTR_PRESENCE_EVENT: Final = 0x0143
ATTR_MONITORING_MODE: Final = 0x0144
ATTR_APPROACH_DISTANCE: Final = 0x0146
ATTR_RESET_NO_PRESENCE: Final = 0x0157
#: an octet string [region id, event type] for each region event
ATTR_REGION_EVENT: Final = 0x0151
REGION_IDS: Final = range(1, 11)
REGION_EVENTS: Final = ((1, "enter"), (2, "leave"), (4, "occupied"), (8, "unoccupied"))

PRESENCE_EVENT: Final = EnumCodec(
    pairs=(
        (0, "enter"),
        (1, "leave"),
        (2, "left_enter"),
        (3, "right_leave"),
        (4, "right_enter"),
        (5, "left_leave"),
        (6, "approach"),
        (7, "away"),
    )
)
MONITORING_MODE: Final = EnumCodec(pairs=((0, "undirected"), (1, "left_right")))
APPROACH_DISTANCE: Final = EnumCodec(pairs=((0, "far"), (1, "medium"), (2, "near")))


@dataclass(frozen=True, slots=True)
class PresenceCodec:
    """0 no one, 1 someone; 255 means the radar does not know (yet)."""

    def decode(self, raw: object) -> object | None:
        if isinstance(raw, bool):
            return raw
        if not isinstance(raw, int) or raw not in (0, 1):
            return None
        return raw == 1

    def encode(self, value: object) -> object:
        raise ValueError("presence is not written")


@dataclass(frozen=True, slots=True)
class RegionEvents:
    """0xFCC0 0x0151: ``region_<id>_<event>`` from its two bytes."""

    def decode(self, attributes: Mapping[int, object]) -> Gesture | None:
        raw = attributes.get(ATTR_REGION_EVENT)
        if not isinstance(raw, bytes | bytearray) or len(raw) < 2:
            return None
        region, code = raw[0], raw[1]
        event = dict(REGION_EVENTS).get(code)
        if event is None or region not in REGION_IDS:
            return None
        return Gesture(action=f"region_{region}_{event}")

    @property
    def actions(self) -> tuple[str, ...]:
        return tuple(
            f"region_{region}_{event}" for region in REGION_IDS for _, event in REGION_EVENTS
        )


def fp1_presence() -> Feature:
    """FP1: presence (0x0142, heartbeat 101) and how people came or went (0x0143)."""
    codec = PresenceCodec()
    return Feature(
        exposes=(
            Expose(
                key="presence",
                platform=Platform.BINARY_SENSOR,
                access=RO,
                description="Indicates whether the device detected presence",
                device_class="occupancy",
                sources=(
                    lumi_attribute(ATTR_PRESENCE, codec),
                    HeartbeatSource(index=101, codec=codec),
                ),
            ),
            Expose(
                key="presence_event",
                platform=Platform.SENSOR,
                access=Access.REPORT,
                description="Presence events",
                device_class="enum",
                options=PRESENCE_EVENT.options,
                sources=(lumi_attribute(ATTR_PRESENCE_EVENT, PRESENCE_EVENT, readable=False),),
            ),
        )
    )


def _fp1_select(key: str, attribute: int, codec: EnumCodec, index: int, text: str) -> Expose:
    return Expose(
        key=key,
        platform=Platform.SELECT,
        access=RW,
        description=text,
        options=codec.options,
        entity_category="config",
        sources=(lumi_attribute(attribute, codec), HeartbeatSource(index=index, codec=codec)),
        write=lumi_write(attribute, ZCL_UINT8, codec),
    )


def fp1_settings() -> Feature:
    """FP1: monitoring mode (heartbeat 103), approach distance (105), the reset command."""
    reset = EnumCodec(pairs=((1, "reset"),))
    return Feature(
        exposes=(
            _fp1_select(
                "monitoring_mode",
                ATTR_MONITORING_MODE,
                MONITORING_MODE,
                103,
                "Monitoring mode with or without considering right and left sides",
            ),
            _fp1_select(
                "approach_distance",
                ATTR_APPROACH_DISTANCE,
                APPROACH_DISTANCE,
                105,
                "The distance at which the sensor detects approaching",
            ),
            Expose(
                key="reset_nopresence_status",
                platform=Platform.BUTTON,
                access=Access.WRITE,
                description="Reset the status of no presence",
                options=reset.options,
                entity_category="config",
                write=lumi_write(ATTR_RESET_NO_PRESENCE, ZCL_UINT8, reset),
            ),
        )
    )


def fp1_region_events() -> Feature:
    """FP1: ``region_<1-10>_<enter|leave|occupied|unoccupied>`` actions."""
    decoder = RegionEvents()
    return Feature(
        exposes=(
            Expose(
                key="action",
                platform=Platform.EVENT,
                access=Access.REPORT,
                description="Triggered action (e.g. a button click)",
                options=decoder.actions,
                sources=(
                    GestureSource(
                        endpoint=1,
                        cluster=LUMI_CLUSTER,
                        trigger=ATTR_REGION_EVENT,
                        decoder=decoder,
                    ),
                ),
            ),
        )
    )


# --------------------------------------------------------------------------- FP310

ATTR_PRESENCE_SENSITIVITY: Final = 0x010C
ATTR_ABSENCE_DELAY: Final = 0x0197
ATTR_TRACK_DISTANCE: Final = 0x0198
ATTR_ZONE_RANGE: Final = 0x019A
ZCL_UINT16: Final = 0x21
ZCL_OCTET_STRING: Final = 0x41
#: the FP310 sees in 25 cm zones, up to 6 m (24 zones, a bit each)
ZONE_M: Final = 0.25
REPORT_MODES: Final = EnumCodec(
    pairs=((1, "threshold"), (2, "reporting interval"), (3, "threshold and interval"))
)
SAMPLING: Final = EnumCodec(
    pairs=((0, "off"), (1, "low"), (2, "medium"), (3, "high"), (4, "custom"))
)
SENSITIVITY: Final = EnumCodec(pairs=((1, "low"), (2, "medium"), (3, "high")))


@dataclass(frozen=True, slots=True)
class ZoneRange:
    """0x019A: two header bytes, then a 24-bit mask of the 25 cm zones watched (from the
    sensor outwards); the range is the farthest zone's edge."""

    def decode(self, raw: object) -> object | None:
        if not isinstance(raw, bytes | bytearray) or len(raw) < 5:
            return None
        mask = raw[2] | raw[3] << 8 | raw[4] << 16
        return mask.bit_length() * ZONE_M

    def encode(self, value: object) -> object:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError(f"expected metres, got {value!r}")
        zones = round(max(0.0, min(6.0, float(value))) / ZONE_M)
        mask = (1 << zones) - 1
        return bytes((0x00, 0x03, mask & 0xFF, mask >> 8 & 0xFF, mask >> 16 & 0xFF))


def lumi_number(
    key: str,
    attribute: int,
    zcl_type: int,
    *,
    scale: float,
    minimum: float,
    maximum: float,
    step: float,
    unit: str,
    description: str,
) -> Expose:
    """A readable, writable, reported 0xFCC0 number shown as ``raw / scale``."""
    shown = NumberCodec(scale=1 / scale, ndigits=3)
    return Expose(
        key=key,
        platform=Platform.NUMBER,
        access=RW,
        description=description,
        unit=unit,
        entity_category="config",
        native_min=minimum,
        native_max=maximum,
        native_step=step,
        sources=(lumi_attribute(attribute, shown),),
        write=lumi_write(attribute, zcl_type, NumberCodec(scale=1 / scale, integer=True)),
    )


def lumi_enum(key: str, attribute: int, codec: EnumCodec, description: str) -> Expose:
    """A readable, writable, reported 0xFCC0 enum (uint8)."""
    return Expose(
        key=key,
        platform=Platform.SELECT,
        access=RW,
        description=description,
        options=codec.options,
        entity_category="config",
        sources=(lumi_attribute(attribute, codec),),
        write=lumi_write(attribute, ZCL_UINT8, codec),
    )


def fp310_presence_settings() -> Feature:
    return Feature(
        exposes=(
            lumi_enum(
                "presence_sensitivity",
                ATTR_PRESENCE_SENSITIVITY,
                SENSITIVITY,
                "Presence Detection Sensitivity",
            ),
            lumi_number(
                "absence_delay_timer",
                ATTR_ABSENCE_DELAY,
                ZCL_UINT32,
                scale=1,
                minimum=10,
                maximum=300,
                step=5,
                unit="sec",
                description="Value for delay before the device reports absence when no "
                "presence is detected",
            ),
        )
    )


_SAMPLING_TEXT: Final = (
    "Sampling time frequency, increasing affects battery life. Setting to custom allows "
    "specifying period, interval & threshold."
)


def fp310_sampling() -> Feature:
    """How often temperature, humidity and light are sampled and reported (custom mode)."""
    return Feature(
        exposes=(
            lumi_enum("temp_and_humidity_sampling", 0x0170, SAMPLING, _SAMPLING_TEXT),
            lumi_number(
                "temp_and_humidity_sampling_period",
                0x0162,
                ZCL_UINT32,
                scale=1000,
                minimum=0.5,
                maximum=3600,
                step=0.5,
                unit="sec",
                description="How often temp & humidity readings are taken on the device when "
                "in custom mode.",
            ),
            lumi_number(
                "temp_reporting_interval",
                0x0163,
                ZCL_UINT32,
                scale=1000,
                minimum=600,
                maximum=3600,
                step=600,
                unit="sec",
                description="Custom time interval for temperature data reporting.",
            ),
            lumi_number(
                "temp_reporting_threshold",
                0x0164,
                ZCL_UINT16,
                scale=100,
                minimum=0.2,
                maximum=3,
                step=0.1,
                unit="°C",
                description="Reporting will trigger as temperature change reaches this value "
                "when in custom mode.",
            ),
            lumi_enum(
                "temp_reporting_mode",
                0x0165,
                REPORT_MODES,
                "Temperature reporting type when in custom mode.",
            ),
            lumi_number(
                "humidity_reporting_interval",
                0x016A,
                ZCL_UINT32,
                scale=1000,
                minimum=600,
                maximum=3600,
                step=600,
                unit="sec",
                description="Custom time interval for humidity data reporting.",
            ),
            lumi_number(
                "humidity_reporting_threshold",
                0x016B,
                ZCL_UINT16,
                scale=100,
                minimum=2,
                maximum=15,
                step=0.5,
                unit="%",
                description="Reporting will trigger as humidity change reaches this value when "
                "in custom mode.",
            ),
            lumi_enum(
                "humidity_report_mode",
                0x016C,
                REPORT_MODES,
                "Humidity reporting type when in custom mode.",
            ),
            lumi_enum("light_sampling", 0x0192, SAMPLING, _SAMPLING_TEXT),
            lumi_number(
                "light_sampling_period",
                0x0193,
                ZCL_UINT32,
                scale=1000,
                minimum=0.5,
                maximum=3600,
                step=0.5,
                unit="sec",
                description="How often illumination readings are taken on the device when in "
                "custom mode.",
            ),
            lumi_number(
                "light_reporting_interval",
                0x0194,
                ZCL_UINT32,
                scale=1000,
                minimum=20,
                maximum=3600,
                step=20,
                unit="sec",
                description="Custom interval for illumination data reporting.",
            ),
            lumi_number(
                "light_reporting_threshold",
                0x0195,
                ZCL_UINT16,
                scale=100,
                minimum=3,
                maximum=20,
                step=0.5,
                unit="%",
                description="Reporting will trigger as illumination percentage change reaches "
                "this value when in custom mode.",
            ),
            lumi_enum(
                "light_report_mode",
                0x0196,
                REPORT_MODES,
                "illumination reporting type when in custom mode.",
            ),
        )
    )


def _track_target_distance() -> Feature:
    """The button asking the FP310/FP300 to report the target's distance."""
    return _command(
        "track_target_distance",
        "start_tracking_distance",
        ATTR_TRACK_DISTANCE,
        zcl_type=ZCL_UINT8,
        raw=1,
        text="Initiate current target distance tracking.",
    )


def fp310_distance() -> Feature:
    """Tracking the target's distance on request, and the zones watched."""
    return Feature(
        exposes=(
            *_track_target_distance().exposes,
            Expose(
                key="detection_range",
                platform=Platform.NUMBER,
                access=RW,
                description="Specifies the range that is being detected. Press the on-device "
                "button to wake the device up and refresh it's settings.",
                unit="m",
                device_class="distance",
                entity_category="config",
                native_min=0,
                native_max=6,
                native_step=ZONE_M,
                sources=(lumi_attribute(ATTR_ZONE_RANGE, ZoneRange()),),
                write=lumi_write(ATTR_ZONE_RANGE, ZCL_OCTET_STRING, ZoneRange()),
            ),
        )
    )


# --------------------------------------------------------------------------- FP300

ATTR_PIR_DETECTION: Final = 0x014D
ATTR_PIR_INTERVAL: Final = 0x014F
ATTR_DETECTION_OPTIONS: Final = 0x0199
DETECTION_OPTIONS: Final = EnumCodec(pairs=((0, "both"), (1, "mmwave"), (2, "pir")))
#: 0x019A's two header bytes as Zigbee2MQTT writes them when it has not read the device's
_ZONE_PREFIX: Final = b"\x00\x03"
_ZONE_MASK_MAX: Final = (1 << 24) - 1


@dataclass(frozen=True, slots=True)
class ZoneMask:
    """0x019A as the raw 24-bit mask of the 25 cm zones watched (FP300's page shows it so)."""

    def decode(self, raw: object) -> object | None:
        if not isinstance(raw, bytes | bytearray) or len(raw) < 5:
            return None
        return raw[2] | raw[3] << 8 | raw[4] << 16

    def encode(self, value: object) -> object:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError(f"expected a zone mask, got {value!r}")
        mask = max(0, min(_ZONE_MASK_MAX, int(value)))
        return _ZONE_PREFIX + mask.to_bytes(3, "little")


ZONE_COUNT: Final = 24
DETECTION_RANGE_KEY: Final = "detection_range"


@dataclass(frozen=True, slots=True)
class ZoneWatched:
    """Whether one 25 cm zone is watched: bit ``zone`` of the confirmed mask."""

    zone: int

    def decode(self, raw: object) -> object | None:
        if isinstance(raw, bool) or not isinstance(raw, int):
            return None
        return bool(raw >> self.zone & 1)

    def encode(self, value: object) -> object:
        raise ValueError("a zone is written within the whole mask (ZoneSwitchWrite)")


@dataclass(frozen=True, slots=True)
class ZoneSwitchWrite:
    """0x019A with one zone switched in the mask the device last confirmed.

    Zigbee2MQTT's composite sends the whole mask built from its state; here the other zones
    are the confirmed mask's. A sleeping device's write is built when it is sent (on its
    wake-up), from the mask confirmed then; with no mask known nothing is guessed.
    """

    zone: int

    def _mask(self, value: object, context: FrameContext) -> int:
        if not isinstance(value, bool):
            raise TypeError(f"expected on or off, got {value!r}")
        known = context.values.get(DETECTION_RANGE_KEY)
        mask = known if isinstance(known, int) and not isinstance(known, bool) else None
        if mask is None:
            raise ValueError(
                "the zones watched are not known yet: wake the device (press its button) "
                "so that its detection_range is read"
            )
        bit = 1 << self.zone
        return mask | bit if value else mask & ~bit

    def frames(self, value: object, context: FrameContext) -> tuple[object, ...]:
        return (ZoneMask().encode(self._mask(value, context)),)

    def confirmed(self, value: object, context: FrameContext) -> Mapping[str, object]:
        # The mask confirmed: every zone switch follows it (DerivedSource)
        return {DETECTION_RANGE_KEY: self._mask(value, context)}


def fp300_zone_switches() -> Feature:
    """Zigbee2MQTT's ``detection_range_composite``: one switch per 25 cm zone of the mask."""
    return Feature(
        exposes=tuple(
            Expose(
                key=f"detection_range_{zone}",
                platform=Platform.SWITCH,
                # Shown from the mask the device reports, as Zigbee2MQTT's composite is
                access=Access.WRITE | Access.REPORT,
                description=f"{zone * ZONE_M:.2f}m - {(zone + 1) * ZONE_M:.2f}m",
                entity_category="config",
                translation_key="detection_range_zone",
                translation_placeholders={
                    "start": f"{zone * ZONE_M:.2f}",
                    "end": f"{(zone + 1) * ZONE_M:.2f}",
                },
                sources=(DerivedSource(key=DETECTION_RANGE_KEY, codec=ZoneWatched(zone)),),
                write=FrameWrite(
                    endpoint=1,
                    cluster=LUMI_CLUSTER,
                    attribute=ATTR_ZONE_RANGE,
                    zcl_type=ZCL_OCTET_STRING,
                    codec=ZoneSwitchWrite(zone),
                    manufacturer=LUMI_MANUFACTURER_CODE,
                ),
            )
            for zone in range(ZONE_COUNT)
        )
    )


def fp300_presence_settings() -> Feature:
    """FP300: PIR detection next to the radar's presence, which sensor decides, the delays."""
    return Feature(
        exposes=(
            Expose(
                key="pir_detection",
                platform=Platform.BINARY_SENSOR,
                access=RO,
                description="Indicates whether the PIR sensor detects motion (in mmWave + PIR "
                "mode after mmWave presence detection PIR sensors gets turned off so this "
                "attribute might change to false although the presence is detected).",
                device_class="motion",
                sources=(lumi_attribute(ATTR_PIR_DETECTION, IS_ONE),),
            ),
            lumi_enum(
                "presence_detection_options",
                ATTR_DETECTION_OPTIONS,
                DETECTION_OPTIONS,
                "Presence detection sensor type",
            ),
            lumi_number(
                "absence_delay_timer",
                ATTR_ABSENCE_DELAY,
                ZCL_UINT32,
                scale=1,
                minimum=1,
                maximum=300,
                step=1,
                unit="sec",
                description="Value for delay before the device reports absence when no "
                "presence is detected",
            ),
            lumi_number(
                "pir_detection_interval",
                ATTR_PIR_INTERVAL,
                ZCL_UINT16,
                scale=1,
                minimum=2,
                maximum=300,
                step=1,
                unit="sec",
                description="Higher detection frequency results in higher accuracy but lower "
                "battery life.",
            ),
        )
    )


def fp300_distance() -> Feature:
    """Tracking the target's distance on request, and the zones watched as their mask."""
    return Feature(
        exposes=(
            *_track_target_distance().exposes,
            Expose(
                key="detection_range",
                platform=Platform.NUMBER,
                access=RW,
                description="Specifies the range that is being detected (bit n: the zone "
                "n*0.25 m to (n+1)*0.25 m). Requires mmWave radar mode. Press the on-device "
                "button to wake the device up and refresh its settings.",
                entity_category="config",
                native_min=0,
                native_max=_ZONE_MASK_MAX,
                native_step=1,
                sources=(lumi_attribute(ATTR_ZONE_RANGE, ZoneMask()),),
                write=lumi_write(ATTR_ZONE_RANGE, ZCL_OCTET_STRING, ZoneMask()),
            ),
        )
    )
