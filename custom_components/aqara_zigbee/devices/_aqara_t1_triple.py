"""The Aqara smart wall switch T1 triple rocker (QBKG33LM, QBKG34LM): one layout.

Zigbee2MQTT builds both alike: relays left 1 / center 2 / right 3, lumiOnOff with binary
power-outage memory and per-rocker operation mode, LED off at night, flipped indicator,
clicks from endpoints 41-43, 51-53 and 61; the with-neutral QBKG34LM adds energy, voltage
and current from the 0xFCC0 heartbeat (no power). Inferred: the endpoints' clusters.
"""

from __future__ import annotations

from collections.abc import Mapping

from .. import features as f
from ..lumi.const import (
    BASIC,
    DEVICE_TEMPERATURE,
    GROUPS,
    LUMI_CLUSTER,
    MULTISTATE_INPUT,
    ON_OFF,
    OTA,
)
from .model import Definition, EndpointDecl

#: Zigbee2MQTT's buttonLookup: one endpoint per rocker and per combination pressed together
_BUTTONS: Mapping[int | None, str | None] = {
    41: "left",
    42: "center",
    43: "right",
    51: "left_center",
    52: "left_right",
    53: "center_right",
    61: "all",
}

# Zigbee2MQTT's lumiOnOff / lumiLedDisabledNight descriptions
_POWER_OUTAGE_MEMORY = "Controls the behavior when the device is powered on after power loss."
_LED_DISABLED_NIGHT = "Enables/disables LED indicator at night."


def t1_triple_switch(
    *, model: str, model_id: str, description: str, neutral: bool, ota_image_type: int
) -> Definition:
    """``neutral``: wired with neutral (a metered router), else an end device."""
    return Definition(
        model=model,
        model_ids=(model_id,),
        vendor="Aqara",
        description=description,
        is_router=neutral,  # with neutral a router, without an end device
        features=(
            f.relay(endpoint=1, name="left", description="Left relay."),
            f.relay(endpoint=2, name="center", description="Center relay."),
            f.relay(endpoint=3, name="right", description="Right relay."),
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
                name="center",
                description="Decoupled mode for center button.",
                decoupled_first=True,
            ),
            f.operation_mode(
                endpoint=3,
                name="right",
                description="Decoupled mode for right button.",
                decoupled_first=True,
            ),
            f.led_disabled_night(description=_LED_DISABLED_NIGHT),
            f.flip_indicator_light(),
            # With neutral: energy, voltage and current in the heartbeat (no power)
            *((f.energy(), f.voltage(), f.current()) if neutral else ()),
            # Zigbee2MQTT lists single/double only, yet publishes them with the button
            f.multistate_clicks(
                _BUTTONS,
                clicks=f.SINGLE_DOUBLE,
                state_actions=(
                    "on_left",
                    "off_left",
                    "on_center",
                    "off_center",
                    "on_right",
                    "off_right",
                ),
            ),
            f.event_mode(),
            f.linkquality(),
            f.lumi_heartbeat(),
            f.ota(ota_image_type),
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
                    LUMI_CLUSTER,
                ),
                out_clusters=(0x000A, OTA),
            ),
            EndpointDecl(endpoint=2, device_type=0x0100, in_clusters=(GROUPS, 0x0005, ON_OFF)),
            EndpointDecl(endpoint=3, device_type=0x0100, in_clusters=(GROUPS, 0x0005, ON_OFF)),
            *(
                EndpointDecl(endpoint=endpoint, device_type=0x0000, in_clusters=(MULTISTATE_INPUT,))
                for endpoint in _BUTTONS
                if endpoint is not None
            ),
        ),
    )
