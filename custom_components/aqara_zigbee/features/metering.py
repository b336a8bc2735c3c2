"""Power metering: power, energy, voltage, current, with Zigbee2MQTT's calibration options.

Every value comes from the Lumi heartbeat (indices 149-152) and, where the firmware has
them, from standard clusters the model passes in as extra sources.
"""

from __future__ import annotations

from ..devices.model import (
    RO,
    Access,
    AttributeSource,
    BindStep,
    Expose,
    Feature,
    HeartbeatSource,
    NumberCodec,
    Platform,
    ReportStep,
    Source,
    TlvNumber,
    calibration_key,
    precision_key,
)
from ..lumi.const import (
    ANALOG_INPUT,
    ELECTRICAL_MEASUREMENT,
    EM_ACTIVE_POWER,
    METERING,
    METERING_CURRENT_SUMMATION,
    METERING_DIVISOR,
    METERING_MULTIPLIER,
    PRESENT_VALUE,
)


def _measurement(expose: Expose) -> Feature:
    return Feature(
        exposes=(expose,), options=(calibration_key(expose.key), precision_key(expose.key))
    )


def power(*sources: Source, access: Access = RO, entity_category: str | None = None) -> Feature:
    """Instantaneous power (W): the model's own sources first, then the heartbeat.

    ``access``: Access.REPORT where the model's Zigbee2MQTT expose cannot be read (/get).
    """
    return _measurement(
        Expose(
            key="power",
            platform=Platform.SENSOR,
            access=access,
            description="Instantaneous measured power.",
            unit="W",
            device_class="power",
            state_class="measurement",
            entity_category=entity_category,
            suggested_display_precision=1,
            sources=(*sources, HeartbeatSource(index=152, codec=TlvNumber())),
        )
    )


def energy(
    *sources: Source, heartbeat_in_wh: bool = False, access: Access = Access.REPORT
) -> Feature:
    """Consumed energy (kWh): the heartbeat, then the model's own sources.

    ``heartbeat_in_wh``: the heartbeat counts watt-hours (T2 relay module LLKZMK12LM).
    ``access``: RO where Zigbee2MQTT reads it (/get) from the model's own sources.
    """
    heartbeat = TlvNumber(scale=0.001, ndigits=3) if heartbeat_in_wh else TlvNumber()
    return _measurement(
        Expose(
            key="energy",
            platform=Platform.SENSOR,
            access=access,
            description="Sum of consumed energy.",
            unit="kWh",
            device_class="energy",
            state_class="total_increasing",
            suggested_display_precision=2,
            sources=(HeartbeatSource(index=149, codec=heartbeat), *sources),
        )
    )


def voltage(*sources: Source) -> Feature:
    """Mains voltage (V; the heartbeat carries tenths of a volt)."""
    return _measurement(
        Expose(
            key="voltage",
            platform=Platform.SENSOR,
            access=Access.REPORT,
            description="Measured electrical potential value.",
            unit="V",
            device_class="voltage",
            state_class="measurement",
            suggested_display_precision=1,
            sources=(HeartbeatSource(index=150, codec=TlvNumber(scale=0.1, ndigits=1)), *sources),
        )
    )


def current(*sources: Source, access: Access = Access.REPORT) -> Feature:
    """Load current (A; the heartbeat carries milliamperes).

    ``access``: RO where Zigbee2MQTT reads it (/get) from the model's own sources.
    """
    return _measurement(
        Expose(
            key="current",
            platform=Platform.SENSOR,
            access=access,
            description="Instantaneous measured electrical current.",
            unit="A",
            device_class="current",
            state_class="measurement",
            suggested_display_precision=2,
            sources=(
                HeartbeatSource(index=151, codec=TlvNumber(scale=0.001, ndigits=4)),
                *sources,
            ),
        )
    )


def electrical_measurement(
    attribute: int, multiplier: int, divisor: int, *, ndigits: int, endpoint: int = 1
) -> AttributeSource:
    """An ElectricalMeasurement attribute, scaled the standard ZCL way."""
    return AttributeSource(
        endpoint=endpoint,
        cluster=ELECTRICAL_MEASUREMENT,
        attribute=attribute,
        codec=NumberCodec(ndigits=ndigits),
        multiplier_attribute=multiplier,
        divisor_attribute=divisor,
    )


def metering_summation(*, endpoint: int = 1) -> AttributeSource:
    """Metering's current summation delivered (kWh), scaled the standard ZCL way."""
    return AttributeSource(
        endpoint=endpoint,
        cluster=METERING,
        attribute=METERING_CURRENT_SUMMATION,
        codec=NumberCodec(ndigits=3),
        multiplier_attribute=METERING_MULTIPLIER,
        divisor_attribute=METERING_DIVISOR,
    )


def analog_power(*, endpoint: int = 21) -> AttributeSource:
    """Power (W) as AnalogInput presentValue (Aqara switches and plugs: endpoint 21)."""
    return AttributeSource(
        endpoint=endpoint,
        cluster=ANALOG_INPUT,
        attribute=PRESENT_VALUE,
        codec=NumberCodec(ndigits=2),
    )


def report_analog_power(*, endpoint: int = 21) -> Feature:
    """Bind AnalogInput and have power reported (Zigbee2MQTT's lumiPower: 10 s-1 h, 5 W)."""
    return Feature(
        configure=(
            BindStep(endpoint=endpoint, cluster=ANALOG_INPUT),
            ReportStep(
                endpoint=endpoint,
                cluster=ANALOG_INPUT,
                attribute=PRESENT_VALUE,
                min_interval=10,
                max_interval=3600,
                reportable_change=5,
            ),
        )
    )


def endpoint_power(*, endpoint: int, name: str, description: str) -> Feature:
    """One endpoint's power (W) as ElectricalMeasurement activePower, read unscaled as
    Zigbee2MQTT's m.numeric does (WP-P09D: ``power_1``, ``power_2``, ``power_usb``); the
    ``power_calibration``/``power_precision`` options apply to each."""
    return Feature(
        exposes=(
            Expose(
                key=f"power_{name}",
                platform=Platform.SENSOR,
                access=Access.REPORT,
                description=description,
                unit="W",
                device_class="power",
                state_class="measurement",
                suggested_display_precision=1,
                sources=(
                    AttributeSource(
                        endpoint=endpoint,
                        cluster=ELECTRICAL_MEASUREMENT,
                        attribute=EM_ACTIVE_POWER,
                        codec=NumberCodec(),
                    ),
                ),
                translation_key="power_endpoint",
                translation_placeholders={"endpoint": name},
                measurement="power",
            ),
        ),
        options=(calibration_key("power"), precision_key("power")),
    )
