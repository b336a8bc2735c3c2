"""What every Aqara device tells about itself: heartbeat, temperature, outages, signal, firmware."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from ..devices.model import (
    NUMBER,
    OPTION_DEVICE_TEMPERATURE_CALIBRATION,
    OPTION_DEVICE_TEMPERATURE_PRECISION,
    RAW,
    TLV_WHOLE,
    Access,
    AttributeSource,
    Codec,
    Expose,
    Feature,
    HeartbeatField,
    HeartbeatSource,
    LinkQualitySource,
    Platform,
    Source,
    TlvWhole,
)
from ..lumi.const import (
    ATTR_POWER_OUTAGE_COUNT,
    BASIC,
    BASIC_HEARTBEAT,
    CURRENT_TEMPERATURE,
    DEVICE_TEMPERATURE,
    LUMI_HEARTBEAT,
    LUMI_MANUFACTURER_CODE,
)
from ._lumi import lumi_attribute

_DEVICE_TEMPERATURE_INDEX = 3
_POWER_OUTAGE_COUNT_INDEX = 5
_POWER_OUTAGE_COUNT_CODEC = TlvWhole(counts_from_one=True)

#: Heartbeat entries whose meaning does not depend on the model (kept for diagnostics)
COMMON_HEARTBEAT_FIELDS = (
    # mV; Zigbee2MQTT calls it "voltage" on battery devices
    HeartbeatField(index=1, key="battery_voltage", codec=TLV_WHOLE),
    HeartbeatField(index=_DEVICE_TEMPERATURE_INDEX, key="device_temperature", codec=TLV_WHOLE),
    HeartbeatField(
        index=_POWER_OUTAGE_COUNT_INDEX, key="power_outage_count", codec=_POWER_OUTAGE_COUNT_CODEC
    ),
    # The device's parent NWK address (not a switch type, as some decoders have it)
    HeartbeatField(index=10, key="parent_nwk", codec=TLV_WHOLE),
)


#: The heartbeat profile of a device without a definition: the model-independent entries
UNKNOWN_MODEL_HEARTBEAT: Final[Mapping[int, tuple[str, Codec]]] = MappingProxyType(
    {field.index: (field.key, field.codec) for field in COMMON_HEARTBEAT_FIELDS}
)


def lumi_heartbeat() -> Feature:
    """The 0xFCC0 0x00F7 heartbeat of Aqara firmware, also answered to a read."""
    return Feature(
        heartbeat_fields=COMMON_HEARTBEAT_FIELDS,
        heartbeat_read=lumi_attribute(LUMI_HEARTBEAT, RAW),
    )


def basic_heartbeat() -> Feature:
    """The genBasic 0xFF01 heartbeat of old Xiaomi firmware, also answered to a read."""
    return Feature(
        heartbeat_fields=COMMON_HEARTBEAT_FIELDS,
        heartbeat_read=AttributeSource(
            endpoint=1,
            cluster=BASIC,
            attribute=BASIC_HEARTBEAT,
            manufacturer=LUMI_MANUFACTURER_CODE,
        ),
    )


def device_temperature(*, precision_option: bool = False) -> Feature:
    """The chip's temperature (°C): heartbeat, and the DeviceTemperature cluster.

    ``precision_option``: the model's Zigbee2MQTT page offers ``device_temperature_precision``.
    """
    expose = Expose(
        key="device_temperature",
        platform=Platform.SENSOR,
        access=Access.REPORT,
        description="Temperature of the device.",
        unit="°C",
        device_class="temperature",
        state_class="measurement",
        entity_category="diagnostic",
        sources=(
            HeartbeatSource(index=_DEVICE_TEMPERATURE_INDEX, codec=TLV_WHOLE),
            # Whole degrees, answered to reads too (what ZHA shows right after pairing)
            AttributeSource(
                endpoint=1,
                cluster=DEVICE_TEMPERATURE,
                attribute=CURRENT_TEMPERATURE,
                codec=NUMBER,
            ),
        ),
    )
    options: tuple[str, ...] = (OPTION_DEVICE_TEMPERATURE_CALIBRATION,)
    if precision_option:
        options = (OPTION_DEVICE_TEMPERATURE_PRECISION, *options)
    return Feature(exposes=(expose,), options=options)


def power_outage_count(*, extra_sources: tuple[Source, ...] = ()) -> Feature:
    """Power cuts since pairing: heartbeat, and 0xFCC0 0x0002 reports (never answered to reads).

    ``extra_sources``: where else the model says it (an old sensor's structure report).
    """
    expose = Expose(
        key="power_outage_count",
        platform=Platform.SENSOR,
        access=Access.REPORT,
        description="Number of power outages (since last pairing).",
        state_class="total_increasing",
        entity_category="diagnostic",
        sources=(
            HeartbeatSource(index=_POWER_OUTAGE_COUNT_INDEX, codec=_POWER_OUTAGE_COUNT_CODEC),
            lumi_attribute(ATTR_POWER_OUTAGE_COUNT, NUMBER, readable=False),
            *extra_sources,
        ),
    )
    return Feature(exposes=(expose,))


LINKQUALITY = Expose(
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


def linkquality() -> Feature:
    """The link quality of the last frame (Zigbee2MQTT shows it for every device)."""
    return Feature(exposes=(LINKQUALITY,))


def ota(image_type: int) -> Feature:
    """Firmware updates over the air, for images of this Lumi image type."""
    return Feature(ota_image_type=image_type)
