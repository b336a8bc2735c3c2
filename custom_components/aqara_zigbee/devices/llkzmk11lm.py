"""Aqara LLKZMK11LM: dual relay module (lumi.relay.c2acn01).

Facts: Zigbee2MQTT's definition (relays l1/l2 on endpoints 1/2 and heartbeat indexes
100/101; power in AnalogInput; the genBasic 0xFF01 heartbeat, its current at index 151
already in amperes; power-outage memory as lumi.plug's genBasic 0xFFF0 sequence; interlock
in BinaryOutput 0xFF06); its descriptors (zha-device-handlers#222: endpoint 1 with
0000/0001/0002/0003/0004/0005/0006/000A/0010/0B04/000C, endpoint 2 with 0006/0010/0004/
0005); a real heartbeat (sprut/Hub#157: 150 = 2343.4 dV, 151 = 0.26 A, 152 = 61.5 W);
OTA image type 0x0101 (zigbee-OTA index).
"""

from __future__ import annotations

from dataclasses import replace

from .. import features as f
from ..features import metering
from ..features.binary_output_interlock import BINARY_OUTPUT, binary_output_interlock
from ..lumi.const import ANALOG_INPUT, BASIC, DEVICE_TEMPERATURE, GROUPS, ON_OFF
from .model import (
    Definition,
    EndpointDecl,
    Feature,
    HeartbeatSource,
    TlvNumber,
)


def _current_in_amperes() -> Feature:
    """Current, whose heartbeat entry this module sends in A (not mA)."""
    feature = f.current()
    (expose,) = feature.exposes
    sources = tuple(
        HeartbeatSource(index=source.index, codec=TlvNumber(ndigits=4))
        if isinstance(source, HeartbeatSource)
        else source
        for source in expose.sources
    )
    return replace(feature, exposes=(replace(expose, sources=sources),))


DEFINITION = Definition(
    model="LLKZMK11LM",
    model_ids=("lumi.relay.c2acn01",),
    vendor="Aqara",
    description="Dual relay module",
    is_router=True,
    features=(
        f.power(
            metering.analog_power(endpoint=1),
        ),
        f.energy(),
        f.device_temperature(),
        f.voltage(),
        _current_in_amperes(),
        f.relay(endpoint=1, name="l1", description="Relay l1."),
        f.relay(endpoint=2, name="l2", description="Relay l2."),
        f.power_outage_count(),
        f.plug_power_outage_memory(),
        binary_output_interlock(),
        f.linkquality(),
        f.basic_heartbeat(),
        f.ota(0x0101),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0101,
            in_clusters=(
                BASIC,
                DEVICE_TEMPERATURE,
                0x0003,
                GROUPS,
                0x0005,
                ON_OFF,
                BINARY_OUTPUT,
                ANALOG_INPUT,
            ),
        ),
        EndpointDecl(
            endpoint=2, device_type=0x0101, in_clusters=(ON_OFF, BINARY_OUTPUT, GROUPS, 0x0005)
        ),
    ),
)
