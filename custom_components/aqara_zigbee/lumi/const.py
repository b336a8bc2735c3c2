"""Wire constants shared by the Lumi (Xiaomi/Aqara) code. Pure data, no zigpy import."""

from __future__ import annotations

from typing import Final

# Lumi's manufacturer code: every write/read of a manufacturer specific attribute uses it.
LUMI_MANUFACTURER_CODE: Final = 0x115F

HA_PROFILE_ID: Final = 0x0104

# Cluster ids
BASIC: Final = 0x0000
DEVICE_TEMPERATURE: Final = 0x0002
IDENTIFY: Final = 0x0003
GROUPS: Final = 0x0004
ON_OFF: Final = 0x0006
ANALOG_INPUT: Final = 0x000C
BINARY_INPUT: Final = 0x000F
MULTISTATE_INPUT: Final = 0x0012
OTA: Final = 0x0019
METERING: Final = 0x0702
ELECTRICAL_MEASUREMENT: Final = 0x0B04
LUMI_CLUSTER: Final = 0xFCC0

# Attribute ids
PRESENT_VALUE: Final = 0x0055  # AnalogInput / MultistateInput / BinaryInput
ON_OFF_ATTR: Final = 0x0000
CURRENT_TEMPERATURE: Final = 0x0000  # DeviceTemperature, whole degrees Celsius
BASIC_HEARTBEAT: Final = 0xFF01  # genBasic char string holding the heartbeat TLV
BASIC_LUMI_WRITE: Final = 0xFFF0  # genBasic octet string, lumi.plug settings / prevent-reset
LUMI_HEARTBEAT: Final = 0x00F7  # 0xFCC0 octet string holding the heartbeat TLV

# 0xFCC0 attributes (see devices.md)
ATTR_POWER_OUTAGE_COUNT: Final = 0x0002
ATTR_MODE_SWITCH: Final = 0x0004
ATTR_EVENT_MODE: Final = 0x0009
ATTR_SWITCH_TYPE: Final = 0x000A
ATTR_FLIP_INDICATOR_LIGHT: Final = 0x00F0
ATTR_PRESS_HOLD: Final = 0x00FC
ATTR_OPERATION_MODE: Final = 0x0200
ATTR_POWER_OUTAGE_MEMORY: Final = 0x0201
ATTR_AUTO_OFF: Final = 0x0202
ATTR_LED_DISABLED_NIGHT: Final = 0x0203
ATTR_CONSUMER_CONNECTED: Final = 0x0207
ATTR_OVERLOAD_PROTECTION: Final = 0x020B

# ElectricalMeasurement / Metering attributes (old ZNCZ04LM firmware)
EM_RMS_VOLTAGE: Final = 0x0505
EM_RMS_CURRENT: Final = 0x0508
EM_ACTIVE_POWER: Final = 0x050B
EM_AC_VOLTAGE_MULTIPLIER: Final = 0x0600
EM_AC_VOLTAGE_DIVISOR: Final = 0x0601
EM_AC_CURRENT_MULTIPLIER: Final = 0x0602
EM_AC_CURRENT_DIVISOR: Final = 0x0603
EM_AC_POWER_MULTIPLIER: Final = 0x0604
EM_AC_POWER_DIVISOR: Final = 0x0605
METERING_CURRENT_SUMMATION: Final = 0x0000
METERING_MULTIPLIER: Final = 0x0301
METERING_DIVISOR: Final = 0x0302

# ZCL data type ids used on the wire by these devices
ZCL_BOOL: Final = 0x10
ZCL_UINT8: Final = 0x20
ZCL_UINT16: Final = 0x21
ZCL_FLOAT: Final = 0x39
ZCL_OCTET_STRING: Final = 0x41
ZCL_CHAR_STRING: Final = 0x42

# Multistate presentValue on the hidden button endpoints
MULTISTATE_HOLD: Final = 0
MULTISTATE_SINGLE: Final = 1
MULTISTATE_DOUBLE: Final = 2
MULTISTATE_TRIPLE: Final = 3
MULTISTATE_RELEASE: Final = 255

# genBasic 0xFFF0 "prevent reset": the device asks (aa 10 05 41 87 ...), we must answer
PREVENT_RESET_QUERY_PREFIX: Final = bytes.fromhex("aa 10 05 41 87")
PREVENT_RESET_ANSWER: Final = bytes.fromhex("aa 10 05 41 47 01 01 10 01")
