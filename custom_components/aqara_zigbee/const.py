"""Constants for the Aqara Zigbee integration."""

from __future__ import annotations

from enum import StrEnum
import logging
from typing import Final

DOMAIN: Final = "aqara_zigbee"
LOGGER = logging.getLogger(__package__)

CONF_RADIO_TYPE: Final = "radio_type"
CONF_DEVICE: Final = "device"
CONF_DEVICE_PATH: Final = "path"
CONF_BAUDRATE: Final = "baudrate"
CONF_FLOW_CONTROL: Final = "flow_control"
CONF_NETWORK: Final = "network"
CONF_NETWORK_ACTION: Final = "network_action"

CONF_PERMIT_JOIN_DURATION: Final = "permit_join_duration"
CONF_MAINS_TIMEOUT: Final = "mains_availability_timeout"
CONF_BATTERY_TIMEOUT: Final = "battery_availability_timeout"
CONF_SIMULATION_SPEED: Final = "simulation_speed"
# Which coordinator the simulated network emulates (a RadioType value: znp or ezsp)
CONF_SIMULATED_RADIO: Final = "simulated_radio"
# Which devices the simulated network has (a SimulatedDevices value; seed when absent)
CONF_SIMULATED_DEVICES: Final = "simulated_devices"
CONF_DEVICE_OPTIONS: Final = "device_options"
CONF_OTA_FOLDER: Final = "ota_folder"
CONF_OTA_Z2M_INDEX: Final = "ota_z2m_index"
CONF_OTA_Z2M_INDEX_URL: Final = "ota_z2m_index_url"

DEFAULT_PERMIT_JOIN_DURATION: Final = 60
MAX_PERMIT_JOIN_DURATION: Final = 254
DEFAULT_MAINS_TIMEOUT: Final = 2 * 3600
DEFAULT_BATTERY_TIMEOUT: Final = 25 * 3600
DEFAULT_SIMULATION_SPEED: Final = 1.0
# Bounds of the network options (the form's selectors and the check of saved options).
AVAILABILITY_TIMEOUT_RANGE: Final = (60, 7 * 86400)
SIMULATION_SPEED_RANGE: Final = (1, 3600)
# Serial speeds a Zigbee radio can be driven at (any integer in between is allowed).
BAUDRATE_RANGE: Final = (1200, 4_000_000)
# How many characters of a user's input an error message quotes.
MAX_QUOTED_INPUT: Final = 64
# Firmware images are looked for in this folder under HA's config directory.
DEFAULT_OTA_FOLDER: Final = "aqara_zigbee/ota"

ZIGPY_DATABASE: Final = "zigpy.db"


class RadioType(StrEnum):
    """Coordinator families we can drive, and the built-in simulated network."""

    ZNP = "znp"
    EZSP = "ezsp"
    SIMULATED = "simulated"


class SimulatedDevices(StrEnum):
    """The device sets of the simulated network (the simulator's DEVICE_SETS)."""

    SEED = "seed"  # one of each of the five seed models (what the tests use)
    HOUSE = "house"  # the seeds plus battery sensors, a remote, a cube, other brands (demo)


class FlowControl(StrEnum):
    """Serial flow control, as zigpy's schema spells it."""

    NONE = "none"
    SOFTWARE = "software"
    HARDWARE = "hardware"


# The coordinators the simulated network can put its devices behind
SIMULATED_RADIOS: Final = (RadioType.ZNP, RadioType.EZSP)

# Sensible serial defaults per radio family (Z-Stack sticks run without flow control,
# EZSP firmware defaults to XON/XOFF).
SERIAL_DEFAULTS: Final[dict[RadioType, tuple[int, FlowControl]]] = {
    RadioType.ZNP: (115200, FlowControl.NONE),
    RadioType.EZSP: (115200, FlowControl.SOFTWARE),
}

SIGNAL_NEW_DEVICE: Final = f"{DOMAIN}_new_device_{{}}"
SIGNAL_DEVICE_OPTIONS: Final = f"{DOMAIN}_device_options_{{}}"
