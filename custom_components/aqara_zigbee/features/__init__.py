"""The feature library: each capability of an Aqara device, defined once.

A device model (``devices/<name>.py``) is its identity plus a list of these features; each
feature bundles what the capability needs — exposes (entities), device options, pairing
steps, heartbeat entries, OTA image — so a definition never restates attribute ids, ZCL
types or descriptions. Facts come from Zigbee2MQTT's device library and device logs.

The ``zcl_*`` modules are the standard ZCL capabilities (from the ZCL specification) that
generated definitions are built of (``devices/generated.py``).
"""

from __future__ import annotations

from .buttons import SINGLE_DOUBLE, event_mode, multistate_clicks
from .diagnostics import (
    LINKQUALITY,
    basic_heartbeat,
    device_temperature,
    linkquality,
    lumi_heartbeat,
    ota,
    power_outage_count,
)
from .metering import (
    current,
    electrical_measurement,
    energy,
    metering_summation,
    power,
    voltage,
)
from .relay import (
    leave_group,
    plug_power_outage_memory,
    power_outage_memory,
    relay,
    report_relay,
)
from .settings import (
    auto_off,
    consumer_connected,
    flip_indicator_light,
    led_disabled_night,
    mode_switch,
    operation_mode,
    overload_protection,
    switch_type,
)

__all__ = [
    "LINKQUALITY",
    "SINGLE_DOUBLE",
    "auto_off",
    "basic_heartbeat",
    "consumer_connected",
    "current",
    "device_temperature",
    "electrical_measurement",
    "energy",
    "event_mode",
    "flip_indicator_light",
    "leave_group",
    "led_disabled_night",
    "linkquality",
    "lumi_heartbeat",
    "metering_summation",
    "mode_switch",
    "multistate_clicks",
    "operation_mode",
    "ota",
    "overload_protection",
    "plug_power_outage_memory",
    "power",
    "power_outage_count",
    "power_outage_memory",
    "relay",
    "report_relay",
    "switch_type",
    "voltage",
]
