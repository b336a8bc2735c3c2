"""ZCL On/Off: a switch, an outlet or (with Level/Colour Control) a light's state, and what
it does when mains power comes back (StartUpOnOff, ZCL 3.8.2.2.5)."""

from __future__ import annotations

from typing import Final

from ..devices.model import (
    BOOL,
    RW,
    AttributeSource,
    AttributeWrite,
    EnumCodec,
    Expose,
    Feature,
    OnOffWrite,
    Platform,
)
from ._zcl import FIRST_ENDPOINT, ON_OFF, REPORT_MAX, ZCL_ENUM8, Place, reporting

ON_OFF_ATTR: Final = 0x0000
START_UP_ON_OFF: Final = 0x4003
#: Zigbee2MQTT's order: off, on, toggle, previous (0xFF)
START_UP_CODEC: Final = EnumCodec(pairs=((0, "off"), (1, "on"), (2, "toggle"), (0xFF, "previous")))


def on_off_state(
    place: Place, *, platform: Platform, device_class: str | None, member_of: str | None = None
) -> Expose:
    """The OnOff attribute, commanded with On/Off; a light's or a switch's main value."""
    return Expose(
        key=place.key("state"),
        platform=platform,
        access=RW,
        description="On/off state of this light"
        if platform is Platform.LIGHT
        else "On/off state of the switch",
        device_class=device_class,
        sources=(
            AttributeSource(
                endpoint=place.endpoint, cluster=ON_OFF, attribute=ON_OFF_ATTR, codec=BOOL
            ),
        ),
        write=OnOffWrite(endpoint=place.endpoint),
        # The only one is the device's main function; several are told apart by endpoint
        named_after_device=place.label is None,
        translation_key="state_endpoint" if place.label else None,
        translation_placeholders=place.placeholders(),
        member_of=member_of,
    )


def power_on_behavior(place: Place) -> Expose:
    return Expose(
        key=place.key("power_on_behavior"),
        platform=Platform.SELECT,
        access=RW,
        description="Controls the behavior when the device is powered on after power loss",
        options=START_UP_CODEC.options,
        entity_category="config",
        sources=(
            AttributeSource(
                endpoint=place.endpoint,
                cluster=ON_OFF,
                attribute=START_UP_ON_OFF,
                codec=START_UP_CODEC,
            ),
        ),
        write=AttributeWrite(
            endpoint=place.endpoint,
            cluster=ON_OFF,
            attribute=START_UP_ON_OFF,
            zcl_type=ZCL_ENUM8,
            codec=START_UP_CODEC,
        ),
        translation_key=place.translation_key("power_on_behavior"),
        translation_placeholders=place.placeholders(),
    )


def on_off_reporting(place: Place) -> Feature:
    return Feature(configure=reporting(place, ON_OFF, ON_OFF_ATTR, (0, REPORT_MAX)))


def switch(place: Place = FIRST_ENDPOINT, *, outlet: bool = False) -> Feature:
    """A relay: HA ``switch`` (device class outlet for plugs and mains outlets)."""
    return Feature(
        exposes=(
            on_off_state(
                place, platform=Platform.SWITCH, device_class="outlet" if outlet else "switch"
            ),
            power_on_behavior(place),
        ),
        configure=on_off_reporting(place).configure,
    )
