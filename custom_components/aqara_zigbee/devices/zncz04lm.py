"""Xiaomi ZNCZ04LM: Mi power plug ZigBee EU (lumi.plug.mmeu01)."""

from __future__ import annotations

from ..lumi.const import (
    ANALOG_INPUT,
    ATTR_AUTO_OFF,
    ATTR_CONSUMER_CONNECTED,
    ATTR_LED_DISABLED_NIGHT,
    ATTR_OVERLOAD_PROTECTION,
    ATTR_POWER_OUTAGE_MEMORY,
    BASIC,
    DEVICE_TEMPERATURE,
    ELECTRICAL_MEASUREMENT,
    EM_AC_CURRENT_DIVISOR,
    EM_AC_CURRENT_MULTIPLIER,
    EM_AC_POWER_DIVISOR,
    EM_AC_POWER_MULTIPLIER,
    EM_AC_VOLTAGE_DIVISOR,
    EM_AC_VOLTAGE_MULTIPLIER,
    EM_ACTIVE_POWER,
    EM_RMS_CURRENT,
    EM_RMS_VOLTAGE,
    GROUPS,
    LUMI_CLUSTER,
    METERING,
    METERING_CURRENT_SUMMATION,
    METERING_DIVISOR,
    METERING_MULTIPLIER,
    ON_OFF,
    PRESENT_VALUE,
    ZCL_BOOL,
    ZCL_FLOAT,
)
from .model import (
    BOOL,
    OPTION_DEVICE_TEMPERATURE_CALIBRATION,
    OPTION_DEVICE_TEMPERATURE_PRECISION,
    OPTION_STATE_ACTION,
    POWER_OUTAGE_MEMORY_DESCRIPTION,
    RW,
    Access,
    AttributeSource,
    Definition,
    EndpointDecl,
    Expose,
    HeartbeatSource,
    NumberCodec,
    Platform,
    RemoveFromGroupStep,
    config_switch,
    device_temperature,
    energy,
    linkquality,
    lumi_attribute,
    lumi_config_switch,
    lumi_heartbeat_read,
    lumi_write,
    measurement_options,
    power,
    relay_switch,
)


def _em(attribute: int, multiplier: int, divisor: int, ndigits: int) -> AttributeSource:
    """ElectricalMeasurement on endpoint 1 (old firmware), scaled the standard ZCL way."""
    return AttributeSource(
        endpoint=1,
        cluster=ELECTRICAL_MEASUREMENT,
        attribute=attribute,
        codec=NumberCodec(ndigits=ndigits),
        multiplier_attribute=multiplier,
        divisor_attribute=divisor,
    )


OVERLOAD_PROTECTION_CODEC = NumberCodec(ndigits=1)

DEFINITION = Definition(
    model="ZNCZ04LM",
    model_ids=("lumi.plug.mmeu01",),
    vendor="Xiaomi",
    description="Mi power plug ZigBee EU",
    exposes=(
        relay_switch("state", endpoint=1, device_class="outlet", description="Relay."),
        power(
            # Newer firmware: AnalogInput on endpoint 21
            AttributeSource(
                endpoint=21,
                cluster=ANALOG_INPUT,
                attribute=PRESENT_VALUE,
                codec=NumberCodec(ndigits=2),
            ),
            _em(EM_ACTIVE_POWER, EM_AC_POWER_MULTIPLIER, EM_AC_POWER_DIVISOR, 2),
        ),
        energy(
            AttributeSource(
                endpoint=1,
                cluster=METERING,
                attribute=METERING_CURRENT_SUMMATION,
                codec=NumberCodec(ndigits=3),
                multiplier_attribute=METERING_MULTIPLIER,
                divisor_attribute=METERING_DIVISOR,
            ),
        ),
        device_temperature(),
        Expose(
            key="voltage",
            platform=Platform.SENSOR,
            access=Access.REPORT,
            description="Measured electrical potential value.",
            unit="V",
            device_class="voltage",
            state_class="measurement",
            suggested_display_precision=1,
            sources=(
                HeartbeatSource(key="voltage"),
                _em(EM_RMS_VOLTAGE, EM_AC_VOLTAGE_MULTIPLIER, EM_AC_VOLTAGE_DIVISOR, 1),
            ),
        ),
        Expose(
            key="current",
            platform=Platform.SENSOR,
            access=Access.REPORT,
            description="Instantaneous measured electrical current.",
            unit="A",
            device_class="current",
            state_class="measurement",
            suggested_display_precision=2,
            sources=(
                HeartbeatSource(key="current"),
                _em(EM_RMS_CURRENT, EM_AC_CURRENT_MULTIPLIER, EM_AC_CURRENT_DIVISOR, 3),
            ),
        ),
        Expose(
            key="consumer_connected",
            platform=Platform.BINARY_SENSOR,
            access=Access.REPORT,
            description="Indicates whether a plug is physically attached.",
            device_class="plug",
            # Not on the Z2M page's /get, yet the firmware answers reads (sprut/Hub#361)
            sources=(lumi_attribute(ATTR_CONSUMER_CONNECTED, BOOL),),
        ),
        lumi_config_switch(
            "led_disabled_night",
            ATTR_LED_DISABLED_NIGHT,
            ZCL_BOOL,
            description="Enable/disable the LED at night.",
        ),
        lumi_config_switch(
            "power_outage_memory",
            ATTR_POWER_OUTAGE_MEMORY,
            ZCL_BOOL,
            description=POWER_OUTAGE_MEMORY_DESCRIPTION,
        ),
        config_switch(
            "auto_off",
            access=Access.WRITE | Access.REPORT,
            description=(
                "Turn the device automatically off when attached device consumes less "
                "than 2W for 20 minutes."
            ),
            # No /get on the page, but Z2M's converter reads 0x0202 for this model
            sources=(lumi_attribute(ATTR_AUTO_OFF, BOOL),),
            write=lumi_write(ATTR_AUTO_OFF, ZCL_BOOL, BOOL),
        ),
        Expose(
            key="overload_protection",
            platform=Platform.NUMBER,
            access=RW,
            description="Maximum allowed load, turns off if exceeded.",
            unit="W",
            device_class="power",
            entity_category="config",
            native_min=100,
            native_max=2300,
            native_step=1,
            sources=(lumi_attribute(ATTR_OVERLOAD_PROTECTION, OVERLOAD_PROTECTION_CODEC),),
            write=lumi_write(ATTR_OVERLOAD_PROTECTION, ZCL_FLOAT, OVERLOAD_PROTECTION_CODEC),
        ),
        linkquality(),
    ),
    options=(
        OPTION_STATE_ACTION,
        *measurement_options("power", "energy", "voltage", "current"),
        OPTION_DEVICE_TEMPERATURE_PRECISION,
        OPTION_DEVICE_TEMPERATURE_CALIBRATION,
    ),
    ota=True,
    ota_image_type=0x4018,
    is_router=True,
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0051,
            in_clusters=(BASIC, DEVICE_TEMPERATURE, 0x0003, GROUPS, 0x0005, ON_OFF, LUMI_CLUSTER),
        ),
    ),
    configure=(RemoveFromGroupStep(group=0),),
    heartbeat_read=lumi_heartbeat_read(),
)
