"""The Aqara T1 plug and wall outlet (ZNCZ15LM, QBCZ14LM): one layout.

Zigbee2MQTT builds both alike: the relay, power from AnalogInput presentValue, energy,
voltage and current from the heartbeat (149-152), device temperature, power-outage memory,
LED off at night, button lock on 0xFCC0 0x0200, overload protection up to 2500 W; the plug
also tells whether a consumer is connected. Endpoints inferred from ZNCZ04LM.
"""

from __future__ import annotations

from .. import features as f
from ..features import button_lock, metering
from ..lumi.const import (
    BASIC,
    DEVICE_TEMPERATURE,
    GROUPS,
    LUMI_CLUSTER,
    ON_OFF,
)
from .model import Access, Definition, EndpointDecl


def t1_plug(
    *,
    model: str,
    model_id: str,
    description: str,
    consumer_connected: bool,
    ota_image_type: int,
) -> Definition:
    """``consumer_connected``: the model's page shows it (the plug's, not the outlet's)."""
    return Definition(
        model=model,
        model_ids=(model_id,),
        vendor="Aqara",
        description=description,
        is_router=True,
        features=(
            f.relay(device_class="outlet", description="On/off state of the switch."),
            f.power(metering.analog_power(), access=Access.REPORT),
            f.energy(),
            f.device_temperature(),
            f.voltage(),
            f.current(),
            *((f.consumer_connected(),) if consumer_connected else ()),
            f.power_outage_memory(),
            f.led_disabled_night(),
            button_lock.button_lock(),
            f.overload_protection(maximum=2500),
            f.linkquality(),
            f.lumi_heartbeat(),
            f.ota(ota_image_type),
        ),
        endpoints=(
            EndpointDecl(
                endpoint=1,
                device_type=0x0051,
                in_clusters=(
                    BASIC,
                    DEVICE_TEMPERATURE,
                    0x0003,
                    GROUPS,
                    0x0005,
                    ON_OFF,
                    LUMI_CLUSTER,
                ),
            ),
        ),
    )
