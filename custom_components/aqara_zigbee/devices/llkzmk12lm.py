"""Aqara LLKZMK12LM: dual relay module T2.

Facts: Zigbee2MQTT's definition (``lumi.switch.acn047``: relays l1 on endpoint 1 and l2 on
2; power as AnalogInput presentValue; energy (in Wh), voltage and current from the
heartbeat; switch_type with ``none``; power_on_behavior with ``toggle``; operation mode
per relay; interlock; work mode and impulse length; single clicks as MultistateInput
presentValue 1 from the relays' endpoints). Endpoints from the zha-device-handlers
quirk (switch_acn047: 1 and 2 with MultistateInput and 0xFCC0, 21 with AnalogInput). OTA
image type 0x1910 from the Koenkk/zigbee-OTA index.
"""

from __future__ import annotations

from .. import features as f
from ..features import interlock, metering, power_on_behavior, relay_work_mode
from ..lumi.const import (
    ANALOG_INPUT,
    BASIC,
    ELECTRICAL_MEASUREMENT,
    GROUPS,
    LUMI_CLUSTER,
    METERING,
    MULTISTATE_INPUT,
    ON_OFF,
    OTA,
)
from .model import Access, Definition, EndpointDecl

DEFINITION = Definition(
    model="LLKZMK12LM",
    model_ids=("lumi.switch.acn047",),
    vendor="Aqara",
    description="Dual relay module T2",
    is_router=True,
    features=(
        # Zigbee2MQTT reads heartbeat index 100 of this model as ``state``; 100/101 are
        # the two relays here, as on every other two-relay Aqara module
        f.relay(endpoint=1, name="l1", description="First relay."),
        f.relay(endpoint=2, name="l2", description="Second relay."),
        f.power(
            metering.analog_power(),
            access=Access.REPORT,
        ),
        f.current(),
        f.energy(heartbeat_in_wh=True),
        f.voltage(),
        f.device_temperature(),
        f.switch_type(with_none=True),
        power_on_behavior.power_on_behavior(toggle=True),
        f.operation_mode(
            endpoint=1, name="l1", description="Decoupled mode for 1st relay.", decoupled_first=True
        ),
        f.operation_mode(
            endpoint=2, name="l2", description="Decoupled mode for 2nd relay.", decoupled_first=True
        ),
        interlock.interlock(),
        relay_work_mode.work_mode(),
        relay_work_mode.pulse_length(),
        f.multistate_clicks(
            {1: "l1", 2: "l2"},
            clicks={1: "single"},
            state_actions=("on_l1", "off_l1", "on_l2", "off_l2"),
        ),
        f.linkquality(),
        f.lumi_heartbeat(),
        f.ota(0x1910),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0000,
            in_clusters=(
                BASIC,
                0x0003,
                GROUPS,
                0x0005,
                ON_OFF,
                MULTISTATE_INPUT,
                METERING,
                ELECTRICAL_MEASUREMENT,
                LUMI_CLUSTER,
            ),
            out_clusters=(0x000A, OTA),
        ),
        EndpointDecl(
            endpoint=2,
            device_type=0x0000,
            in_clusters=(0x0003, GROUPS, 0x0005, ON_OFF, MULTISTATE_INPUT, LUMI_CLUSTER),
        ),
        EndpointDecl(endpoint=21, device_type=0x0000, in_clusters=(ANALOG_INPUT,)),
    ),
)
