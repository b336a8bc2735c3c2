"""Aqara SSM-U01: single switch module T1 (with neutral).

Facts: Zigbee2MQTT's definition (``lumi.switch.n0agl1``): power from AnalogInput
presentValue, energy, voltage and current from the heartbeat (149-152); its Metering and
ElectricalMeasurement reports are ignored as unreliable (Koenkk/zigbee2mqtt#10709).
Endpoints from public device signatures (zha-device-handlers' switch_t1 quirk,
Koenkk/zigbee2mqtt#22491): power on AnalogInput of endpoint 21. OTA image type 0x1819
from the Koenkk/zigbee-OTA index.
"""

from __future__ import annotations

from .. import features as f
from ..features import metering
from ..lumi.const import (
    ANALOG_INPUT,
    BASIC,
    DEVICE_TEMPERATURE,
    GROUPS,
    LUMI_CLUSTER,
    MULTISTATE_INPUT,
    ON_OFF,
    OTA,
)
from .model import Access, Definition, EndpointDecl

DEFINITION = Definition(
    model="SSM-U01",
    model_ids=("lumi.switch.n0agl1",),
    vendor="Aqara",
    description="Single switch module T1 (with neutral)",
    is_router=True,  # with neutral (Zigbee2MQTT forces the Router type)
    features=(
        f.relay(description="On/off state of the switch."),
        f.report_relay(),
        f.energy(),
        f.power(
            metering.analog_power(),
            access=Access.REPORT,
        ),
        f.device_temperature(),
        f.power_outage_memory(),
        f.power_outage_count(),
        f.switch_type(),
        f.voltage(),
        f.current(),
        f.linkquality(),
        f.lumi_heartbeat(),
        f.ota(0x1819),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0100,
            in_clusters=(
                BASIC,
                DEVICE_TEMPERATURE,
                0x0003,
                GROUPS,
                0x0005,
                ON_OFF,
                0x0009,
                0x000A,
                LUMI_CLUSTER,
            ),
            out_clusters=(0x000A, OTA),
        ),
        EndpointDecl(endpoint=21, device_type=0x0100, in_clusters=(ANALOG_INPUT,)),
        EndpointDecl(endpoint=41, device_type=0x0100, in_clusters=(MULTISTATE_INPUT,)),
    ),
)
