"""Aqara QBCZ11LM: smart wall outlet (lumi.ctrl_86plug, lumi.ctrl_86plug.aq1).

Facts: Zigbee2MQTT's definition (lumi.plug's converters plus voltage; power_outage_memory
through the genBasic 0xFFF0 two-frame sequence of lumi.plug); endpoints 1-3 and the
genBasic 0xFF01 heartbeat from a public database entry (zigbee2mqtt#17994: endpoint 1
0000/0001/0002/0003/0004/0005/0006/000A/0010, endpoint 2 AnalogInput); OTA image type
0x0101 from the Koenkk/zigbee-OTA index.
"""

from __future__ import annotations

from .. import features as f
from ..features import metering
from ..lumi.const import ANALOG_INPUT, BASIC, DEVICE_TEMPERATURE, GROUPS, ON_OFF
from .model import Definition, EndpointDecl

DEFINITION = Definition(
    model="QBCZ11LM",
    model_ids=("lumi.ctrl_86plug", "lumi.ctrl_86plug.aq1"),
    vendor="Aqara",
    description="Smart wall outlet",
    is_router=True,
    features=(
        f.relay(device_class="outlet"),
        f.power(
            metering.analog_power(endpoint=2),
        ),
        f.energy(),
        f.device_temperature(),
        f.voltage(),
        f.plug_power_outage_memory(),
        f.linkquality(),
        f.basic_heartbeat(),
        f.ota(0x0101),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0051,
            in_clusters=(BASIC, DEVICE_TEMPERATURE, 0x0003, GROUPS, 0x0005, ON_OFF),
        ),
        EndpointDecl(endpoint=2, device_type=0x0009, in_clusters=(ANALOG_INPUT,)),
    ),
)
