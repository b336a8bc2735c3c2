"""ZCL Analog, Binary and Multistate Input: their PresentValue as a sensor."""

from __future__ import annotations

from ..devices.model import BOOL, RO, AttributeSource, Expose, Feature, NumberCodec, Platform
from ._zcl import (
    ANALOG_INPUT,
    BINARY_INPUT,
    FIRST_ENDPOINT,
    MULTISTATE_INPUT,
    PRESENT_VALUE,
    REPORT_MAX,
    Place,
    reporting,
    sensor,
)


def analog_input(place: Place = FIRST_ENDPOINT) -> Feature:
    return Feature(
        exposes=(
            sensor(
                place,
                "analog_input",
                ANALOG_INPUT,
                PRESENT_VALUE,
                NumberCodec(ndigits=3),
                unit=None,
                device_class=None,
                description=f"Analog input on endpoint {place.endpoint}",
            ),
        ),
        configure=reporting(place, ANALOG_INPUT, PRESENT_VALUE, (0, REPORT_MAX), 1),
    )


def multistate_input(place: Place = FIRST_ENDPOINT) -> Feature:
    """The state's number (1-based, as the cluster counts them)."""
    return Feature(
        exposes=(
            sensor(
                place,
                "multistate_input",
                MULTISTATE_INPUT,
                PRESENT_VALUE,
                NumberCodec(),
                unit=None,
                device_class=None,
                state_class=None,
                description=f"Multistate input on endpoint {place.endpoint}",
            ),
        ),
        configure=reporting(place, MULTISTATE_INPUT, PRESENT_VALUE, (0, REPORT_MAX)),
    )


def binary_input(place: Place = FIRST_ENDPOINT) -> Feature:
    return Feature(
        exposes=(
            Expose(
                key=place.key("binary_input"),
                platform=Platform.BINARY_SENSOR,
                access=RO,
                description=f"Binary input on endpoint {place.endpoint}",
                sources=(
                    AttributeSource(
                        endpoint=place.endpoint,
                        cluster=BINARY_INPUT,
                        attribute=PRESENT_VALUE,
                        codec=BOOL,
                    ),
                ),
                translation_key=place.translation_key("binary_input"),
                translation_placeholders=place.placeholders(),
            ),
        ),
        configure=reporting(place, BINARY_INPUT, PRESENT_VALUE, (0, REPORT_MAX)),
    )
