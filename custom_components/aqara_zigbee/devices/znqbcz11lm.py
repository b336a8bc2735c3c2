"""Aqara ZNQBCZ11LM: smart wall outlet H2 (USB).

Facts: Zigbee2MQTT's definition (``lumi.plug.acn005``, modern extends): the relay on
endpoint 1 and the USB ports on 2, both reported; power_on_behavior (0xFCC0 0x0517) instead
of power_outage_memory; power as AnalogInput presentValue (reported, not read); energy,
voltage and current from the heartbeat; overload protection up to 3840 W; button lock on
0x0200; button_switch_mode on 0x0226. The power endpoint (21) is inferred from the H1
outlet QBCZ15LM. OTA image type 0x9B0E from the Koenkk/zigbee-OTA index.
"""

from __future__ import annotations

from .. import features as f
from ..features import button_lock, button_switch_mode, metering, power_on_behavior
from ..lumi.const import (
    ANALOG_INPUT,
    BASIC,
    DEVICE_TEMPERATURE,
    GROUPS,
    LUMI_CLUSTER,
    ON_OFF,
    OTA,
)
from .model import (
    Access,
    Definition,
    EndpointDecl,
)

DEFINITION = Definition(
    model="ZNQBCZ11LM",
    model_ids=("lumi.plug.acn005",),
    vendor="Aqara",
    description="Smart wall outlet H2 (USB)",
    is_router=True,
    features=(
        button_switch_mode.button_switch_mode(),
        f.relay(endpoint=1, name="relay", device_class="outlet", description="The outlet's relay."),
        f.report_relay(endpoint=1),
        f.relay(
            endpoint=2,
            name="usb",
            label="USB",
            device_class="outlet",
            description="The USB ports' power.",
        ),
        f.report_relay(endpoint=2),
        f.device_temperature(),
        f.power_outage_count(),
        power_on_behavior.power_on_behavior(),
        f.led_disabled_night(),
        f.power(
            metering.analog_power(),
            access=Access.REPORT,
            entity_category="diagnostic",
        ),
        metering.report_analog_power(),  # lumiPower: 10 s-1 h, 5 W
        f.energy(),
        f.voltage(),
        f.current(),
        f.overload_protection(maximum=3840),
        button_lock.button_lock(),
        f.linkquality(),
        f.lumi_heartbeat(),
        f.ota(0x9B0E),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0051,
            in_clusters=(BASIC, DEVICE_TEMPERATURE, 0x0003, GROUPS, 0x0005, ON_OFF, LUMI_CLUSTER),
            out_clusters=(0x000A, OTA),
        ),
        EndpointDecl(endpoint=2, device_type=0x0051, in_clusters=(GROUPS, 0x0005, ON_OFF)),
        EndpointDecl(endpoint=21, device_type=0x0051, in_clusters=(ANALOG_INPUT,)),
    ),
)
