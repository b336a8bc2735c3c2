"""Aqara QBKG20LM: smart wall switch T1 (with neutral, double rocker), ``lumi.switch.b2nacn01``.

Facts: Zigbee2MQTT's definition (a router; relays left 1 / right 2, lumiOnOff with binary
power-outage memory and per-rocker operation mode, LED off at night, flipped indicator,
clicks from endpoints 41 left, 42 right, 51 both, energy/voltage/current from the 0xFCC0
heartbeat, power as AnalogInput presentValue reported every 10 s-1 h); OTA image type 0x018C
from the Koenkk/zigbee-OTA index. Inferred from its H1 and plug siblings: AnalogInput on
endpoint 21.
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
    model="QBKG20LM",
    model_ids=("lumi.switch.b2nacn01",),
    vendor="Aqara",
    description="Smart wall switch T1 (with neutral, double rocker)",
    is_router=True,  # Zigbee2MQTT forces Router
    features=(
        f.relay(endpoint=1, name="left", description="Left relay."),
        f.relay(endpoint=2, name="right", description="Right relay."),
        f.device_temperature(),
        f.power_outage_count(),
        f.power_outage_memory(description=_POWER_OUTAGE_MEMORY),
        f.operation_mode(
            endpoint=1,
            name="left",
            description="Decoupled mode for left button.",
            decoupled_first=True,
        ),
        f.operation_mode(
            endpoint=2,
            name="right",
            description="Decoupled mode for right button.",
            decoupled_first=True,
        ),
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
        # Zigbee2MQTT lists single/double only, yet publishes them with the button
        f.multistate_clicks(
            {41: "left", 42: "right", 51: "both"},
            clicks=f.SINGLE_DOUBLE,
            state_actions=("on_left", "off_left", "on_right", "off_right"),
        ),
        f.event_mode(),
        f.linkquality(),
        f.lumi_heartbeat(),
        f.ota(0x018C),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0100,
            in_clusters=(BASIC, DEVICE_TEMPERATURE, 0x0003, GROUPS, 0x0005, ON_OFF, LUMI_CLUSTER),
            out_clusters=(0x000A, OTA),
        ),
        EndpointDecl(endpoint=2, device_type=0x0100, in_clusters=(GROUPS, 0x0005, ON_OFF)),
        EndpointDecl(endpoint=_POWER_ENDPOINT, device_type=0x0100, in_clusters=(ANALOG_INPUT,)),
        EndpointDecl(endpoint=41, device_type=0x0000, in_clusters=(MULTISTATE_INPUT,)),
        EndpointDecl(endpoint=42, device_type=0x0000, in_clusters=(MULTISTATE_INPUT,)),
        EndpointDecl(endpoint=51, device_type=0x0000, in_clusters=(MULTISTATE_INPUT,)),
    ),
)
