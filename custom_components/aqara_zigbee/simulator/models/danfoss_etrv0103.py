"""Danfoss Ally eTRV0103 (Zigbee2MQTT 014G2461): a thermostatic radiator valve.

Signature (device type 0x0301, clusters, manufacturer code 4678) and Basic strings — the
manufacturer name really ends in a NUL — from a Zigbee2MQTT database entry:
https://github.com/Koenkk/zigbee2mqtt/issues/15464. Its standard thermostat only: Danfoss'
own attributes are out of scope. It takes no system mode but heat
(https://github.com/Koenkk/zigbee2mqtt/issues/4504).
"""

from __future__ import annotations

from ..behaviours import Identify
from ..behaviours.hvac import Thermostat, ThermostatUserInterface
from ..behaviours.sensing import Battery
from ..clusters import (
    BASIC,
    DIAGNOSTICS,
    IDENTIFY,
    OTA,
    POLL_CONTROL,
    POWER_CONFIGURATION,
    THERMOSTAT,
    THERMOSTAT_UI,
    TIME,
)
from ..profile import EndpointSpec, Twin

TWIN = Twin(
    zigbee_models=("eTRV0103",),
    z2m_model="014G2461",
    ieee_oui=bytes.fromhex("70ac08"),
    router=False,
    node_manufacturer_code=0x1246,
    endpoints=(
        EndpointSpec(
            1,
            0x0301,
            (
                BASIC,
                POWER_CONFIGURATION,
                IDENTIFY,
                TIME,
                POLL_CONTROL,
                THERMOSTAT,
                THERMOSTAT_UI,
                DIAGNOSTICS,
            ),
            (BASIC, OTA),
        ),
    ),
    manufacturer="Danfoss\x00",
    zcl_version=3,
    app_version=20,
    stack_version=8,
    hw_version=69,
    date_code="20221130",
    sw_build_id="00.20.0008 00.20",
    power_source=0x03,
    join_report=False,
    source="https://github.com/Koenkk/zigbee2mqtt/issues/15464",
    behaviours=lambda: [
        Thermostat(1, system_modes=(0x04,), local_c=21.65, setpoint_c=16.0),
        ThermostatUserInterface(1),
        Battery(1, volts=3.0, percent=100, size=0x03, quantity=2),  # two AA cells
        Identify(),
    ],
)
