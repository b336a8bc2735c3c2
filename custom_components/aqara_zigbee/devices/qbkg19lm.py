"""Aqara QBKG19LM: smart wall switch T1 (with neutral, single rocker), ``lumi.switch.b1nacn01``.

Facts: Zigbee2MQTT's definition (lumiOnOff with binary power-outage memory and operation
mode, LED off at night, flipped indicator, clicks single/double, energy/voltage/current from
the 0xFCC0 heartbeat, power as AnalogInput presentValue reported every 10 s-1 h);
OTA image type 0x010C from the Koenkk/zigbee-OTA index. Inferred from its H1 and plug
siblings: AnalogInput on endpoint 21, clicks from hidden endpoint 41.
"""

from __future__ import annotations

from .. import features as f
from ..lumi.const import (
    ANALOG_INPUT,
    BASIC,
    DEVICE_TEMPERATURE,
    GROUPS,
    LUMI_CLUSTER,
    MULTISTATE_INPUT,
    ON_OFF,
    OTA,
    PRESENT_VALUE,
)
from .model import (
    ANY_ENDPOINT,
    Access,
    AttributeSource,
    BindStep,
    Definition,
    EndpointDecl,
    Feature,
    NumberCodec,
    ReportStep,
)

_POWER_ENDPOINT = 21

# Zigbee2MQTT's lumiOnOff / lumiLedDisabledNight descriptions
_POWER_OUTAGE_MEMORY = "Controls the behavior when the device is powered on after power loss."
_LED_DISABLED_NIGHT = "Enables/disables LED indicator at night."

DEFINITION = Definition(
    model="QBKG19LM",
    model_ids=("lumi.switch.b1nacn01",),
    vendor="Aqara",
    description="Smart wall switch T1 (with neutral, single rocker)",
    is_router=True,  # with neutral: a router
    features=(
        f.relay(),
        f.device_temperature(),
        f.power_outage_count(),
        f.power_outage_memory(description=_POWER_OUTAGE_MEMORY),
        f.operation_mode(description="Decoupled mode for a button.", decoupled_first=True),
        f.led_disabled_night(description=_LED_DISABLED_NIGHT),
        f.flip_indicator_light(),
        f.energy(),
        f.voltage(),
        f.current(),
        f.power(
            AttributeSource(
                endpoint=_POWER_ENDPOINT,
                cluster=ANALOG_INPUT,
                attribute=PRESENT_VALUE,
                codec=NumberCodec(ndigits=2),
            ),
            access=Access.REPORT,
            entity_category="diagnostic",
        ),
        # Zigbee2MQTT's lumiPower asks for power reports: 10 s apart at least, 5 W change
        Feature(
            configure=(
                BindStep(endpoint=_POWER_ENDPOINT, cluster=ANALOG_INPUT),
                ReportStep(
                    endpoint=_POWER_ENDPOINT,
                    cluster=ANALOG_INPUT,
                    attribute=PRESENT_VALUE,
                    min_interval=10,
                    max_interval=3600,
                    reportable_change=5,
                ),
            )
        ),
        # One button: which endpoint its clicks come from is undocumented, any counts
        f.multistate_clicks(
            {ANY_ENDPOINT: None}, clicks=f.SINGLE_DOUBLE, state_actions=("on", "off")
        ),
        f.event_mode(),
        f.linkquality(),
        f.lumi_heartbeat(),
        f.ota(0x010C),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0100,
            in_clusters=(BASIC, DEVICE_TEMPERATURE, 0x0003, GROUPS, 0x0005, ON_OFF, LUMI_CLUSTER),
            out_clusters=(0x000A, OTA),
        ),
        EndpointDecl(endpoint=_POWER_ENDPOINT, device_type=0x0100, in_clusters=(ANALOG_INPUT,)),
        EndpointDecl(endpoint=41, device_type=0x0000, in_clusters=(MULTISTATE_INPUT,)),
    ),
)
