"""Aqara WP-P01D: smart wall outlet H2 EU.

Facts: Zigbee2MQTT's definition (``lumi.plug.aeu001``, modern extends): the relay reported;
device_temperature and power_outage_count from the heartbeat; power_on_behavior (0xFCC0
0x0517); power as AnalogInput presentValue (reported, not read); energy, voltage and
current from the heartbeat; overload protection up to 3840 W; the LED indicator (0x0203);
button lock (0x0200); charging protection (0x0202, 0x0206). The power endpoint (21) is
inferred from the H1 outlet QBCZ15LM. OTA image type 0x9B0E from the Koenkk/zigbee-OTA
index (the same image type as ZNQBCZ11LM's).
"""

from __future__ import annotations

from .. import features as f
from ..features import button_lock, charging_protection, led_indicator, metering, power_on_behavior
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
    model="WP-P01D",
    model_ids=("lumi.plug.aeu001",),
    vendor="Aqara",
    description="Smart wall outlet H2 EU",
    is_router=True,
    features=(
        f.relay(device_class="outlet", description="On/off state of the switch."),
        f.report_relay(),
        f.device_temperature(),
        f.power_outage_count(),
        power_on_behavior.power_on_behavior(),
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
        led_indicator.led_indicator(),
        button_lock.button_lock(),
        charging_protection.charging_protection(),
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
        EndpointDecl(endpoint=21, device_type=0x0051, in_clusters=(ANALOG_INPUT,)),
    ),
)
