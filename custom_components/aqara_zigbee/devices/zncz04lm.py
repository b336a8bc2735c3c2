"""Xiaomi ZNCZ04LM: Mi power plug ZigBee EU (lumi.plug.mmeu01)."""

from __future__ import annotations

from .. import features as f
from ..features import metering
from ..lumi.const import (
    BASIC,
    DEVICE_TEMPERATURE,
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
    ON_OFF,
)
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="ZNCZ04LM",
    model_ids=("lumi.plug.mmeu01",),
    vendor="Xiaomi",
    description="Mi power plug ZigBee EU",
    is_router=True,
    features=(
        f.relay(device_class="outlet"),
        f.power(
            # Newer firmware: AnalogInput on endpoint 21; older: ElectricalMeasurement
            metering.analog_power(),
            f.electrical_measurement(
                EM_ACTIVE_POWER, EM_AC_POWER_MULTIPLIER, EM_AC_POWER_DIVISOR, ndigits=2
            ),
        ),
        f.energy(f.metering_summation()),
        f.device_temperature(precision_option=True),
        f.voltage(
            f.electrical_measurement(
                EM_RMS_VOLTAGE, EM_AC_VOLTAGE_MULTIPLIER, EM_AC_VOLTAGE_DIVISOR, ndigits=1
            )
        ),
        f.current(
            f.electrical_measurement(
                EM_RMS_CURRENT, EM_AC_CURRENT_MULTIPLIER, EM_AC_CURRENT_DIVISOR, ndigits=3
            )
        ),
        f.consumer_connected(),
        f.led_disabled_night(),
        f.power_outage_memory(),
        f.auto_off(),
        f.overload_protection(),
        f.linkquality(),
        f.leave_group(0),
        f.lumi_heartbeat(),
        f.ota(0x4018),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0051,
            in_clusters=(BASIC, DEVICE_TEMPERATURE, 0x0003, GROUPS, 0x0005, ON_OFF, LUMI_CLUSTER),
        ),
    ),
)
