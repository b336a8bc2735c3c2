"""Cluster and attribute ids the simulated devices use (ZCL and Lumi's own)."""

from __future__ import annotations

from typing import Final

BASIC: Final = 0x0000
POWER_CONFIGURATION: Final = 0x0001
DEVICE_TEMPERATURE: Final = 0x0002
IDENTIFY: Final = 0x0003
GROUPS: Final = 0x0004
SCENES: Final = 0x0005
ON_OFF: Final = 0x0006
ALARMS: Final = 0x0009
TIME: Final = 0x000A
ANALOG_INPUT: Final = 0x000C
BINARY_OUTPUT: Final = 0x0010
MULTISTATE_INPUT: Final = 0x0012
OTA: Final = 0x0019
POLL_CONTROL: Final = 0x0020
LEVEL_CONTROL: Final = 0x0008
WINDOW_COVERING: Final = 0x0102
THERMOSTAT: Final = 0x0201
THERMOSTAT_UI: Final = 0x0204
COLOR_CONTROL: Final = 0x0300
ILLUMINANCE: Final = 0x0400
TEMPERATURE: Final = 0x0402
HUMIDITY: Final = 0x0405
OCCUPANCY: Final = 0x0406
IAS_ZONE: Final = 0x0500
DIAGNOSTICS: Final = 0x0B05
TOUCHLINK: Final = 0x1000
GREEN_POWER: Final = 0x0021
METERING: Final = 0x0702
ELECTRICAL_MEASUREMENT: Final = 0x0B04
LUMI_CLUSTER: Final = 0xFCC0

#: presentValue of the Analog/Binary/Multistate Input and Output clusters
PRESENT_VALUE: Final = 0x0055
#: genBasic attribute Lumi uses for its handshakes (prevent reset, lumi.plug settings)
BASIC_LUMI_WRITE: Final = 0xFFF0
GP_PROFILE: Final = 0xA1E0
COORDINATOR_ENDPOINT: Final = 1

# 0xFCC0 attributes shared by many models (manufacturer code 0x115F)
LUMI_POWER_OUTAGE_COUNT: Final = 0x0002
LUMI_EVENT_MODE: Final = 0x0009
LUMI_HEARTBEAT: Final = 0x00F7
LUMI_OPERATION_MODE: Final = 0x0200
LUMI_POWER_OUTAGE_MEMORY: Final = 0x0201
