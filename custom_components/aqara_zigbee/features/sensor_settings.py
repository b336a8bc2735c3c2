"""Settings of Aqara battery sensors on 0xFCC0, and their heartbeat-only counters.

The sensors sleep: a setting written while one sleeps waits for it to wake (the handle
keeps it, see ``DeviceHandle.async_write``); Zigbee2MQTT asks to press the button first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from ..devices.model import (
    RW,
    Access,
    EnumCodec,
    Expose,
    Feature,
    HeartbeatSource,
    NumberCodec,
    Platform,
    finite_number,
)
from ..lumi.const import ZCL_UINT8, ZCL_UINT16
from ._lumi import lumi_attribute, lumi_write

ATTR_DETECTION_PERIOD: Final = 0x0000
ATTR_DETECTION_DISTANCE: Final = 0x010C
DETECTION_DISTANCE: Final = EnumCodec(((1, "10mm"), (2, "20mm"), (3, "30mm")))
_TRIGGER_COUNT_INDEX: Final = 6


def detection_distance(*, heartbeat_index: int | None = None) -> Feature:
    """How far the magnet may move before the door counts as open (MCCGQ13LM)."""
    sources: tuple[HeartbeatSource, ...] = ()
    if heartbeat_index is not None:
        sources = (HeartbeatSource(index=heartbeat_index, codec=DETECTION_DISTANCE),)
    expose = Expose(
        key="detection_distance",
        platform=Platform.SELECT,
        access=RW,
        translation_key="detection_distance",
        description='The sensor will be considered "off" within the set distance. '
        "Please press the device button before setting",
        options=DETECTION_DISTANCE.options,
        entity_category="config",
        sources=(lumi_attribute(ATTR_DETECTION_DISTANCE, DETECTION_DISTANCE), *sources),
        write=lumi_write(ATTR_DETECTION_DISTANCE, ZCL_UINT8, DETECTION_DISTANCE),
    )
    return Feature(exposes=(expose,))


def detection_period(*, minimum: int = 1, maximum: int = 59) -> Feature:
    """Seconds between reports after the light changed (GZCGQ11LM; heartbeat index 0)."""
    codec = NumberCodec(integer=True)
    expose = Expose(
        key="detection_period",
        platform=Platform.NUMBER,
        access=RW,
        translation_key="detection_period",
        description="Time interval in seconds to report after light changes",
        unit="s",
        entity_category="config",
        native_min=minimum,
        native_max=maximum,
        native_step=1,
        sources=(
            lumi_attribute(ATTR_DETECTION_PERIOD, codec),
            HeartbeatSource(index=0, codec=codec),
        ),
        write=lumi_write(ATTR_DETECTION_PERIOD, ZCL_UINT16, codec),
    )
    return Feature(exposes=(expose,))


@dataclass(frozen=True, slots=True)
class _TriggerCount:
    """Heartbeat index 6 of old sensors: triggers since the last heartbeat, plus one.

    Zigbee2MQTT keeps the low 16 bits (routers of other brands mangle the rest).
    """

    def decode(self, raw: object) -> object | None:
        number = finite_number(raw)
        if number is None or isinstance(raw, bool):
            return None
        return max((int(number) & 0xFFFF) - 1, 0)

    def encode(self, value: object) -> object:
        raise ValueError("heartbeat values are not written")


def trigger_count() -> Feature:
    """How many times the sensor was triggered since its last heartbeat."""
    expose = Expose(
        key="trigger_count",
        platform=Platform.SENSOR,
        access=Access.REPORT,
        translation_key="trigger_count",
        description="Indicates how many times the sensor was triggered "
        "(since last scheduled report)",
        state_class="measurement",
        entity_category="diagnostic",
        sources=(HeartbeatSource(index=_TRIGGER_COUNT_INDEX, codec=_TriggerCount()),),
    )
    return Feature(exposes=(expose,))
