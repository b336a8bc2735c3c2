"""The Z1 Pro's touch slider: gestures and their measurements, one 0xFCC0 report per slide.

Each slide sends attributes 0x0231 (duration, ms), 0x0232 (speed, mm/s), 0x0233 (relative
displacement), 0x028C (the gesture) and 0x0301 (time since the previous slide, ms) together
(Zigbee2MQTT's lumiSlider). The values are only reported, never answered to reads.
"""

from __future__ import annotations

from typing import Final

from ..devices.model import NUMBER, Access, ActionSource, Expose, Feature, Platform
from ..lumi.const import LUMI_CLUSTER
from ._lumi import lumi_attribute

ATTR_SLIDE_TIME: Final = 0x0231
ATTR_SLIDE_SPEED: Final = 0x0232
ATTR_SLIDE_RELATIVE_DISPLACEMENT: Final = 0x0233
ATTR_SLIDE_ACTION: Final = 0x028C
ATTR_SLIDE_TIME_DELTA: Final = 0x0301

SLIDER_GESTURES: Final = (
    (1, "slider_single"),
    (2, "slider_double"),
    (3, "slider_hold"),
    (4, "slider_up"),
    (5, "slider_down"),
)


def slider_actions(*, endpoint: int = 1) -> ActionSource:
    """The slider's gestures, for the model's ``action`` event (``multistate_clicks(extra=)``)."""
    return ActionSource(
        endpoint=endpoint,
        actions=SLIDER_GESTURES,
        cluster=LUMI_CLUSTER,
        attribute=ATTR_SLIDE_ACTION,
    )


def _measurement(key: str, attribute: int, unit: str | None, endpoint: int) -> Expose:
    return Expose(
        key=key,
        platform=Platform.SENSOR,
        access=Access.REPORT,
        unit=unit,
        entity_category="diagnostic",
        sources=(lumi_attribute(attribute, NUMBER, endpoint=endpoint, readable=False),),
    )


def slider_measurements(*, endpoint: int = 1) -> Feature:
    """Duration, speed, displacement and interval of the last slide."""
    return Feature(
        exposes=(
            _measurement("action_slide_time", ATTR_SLIDE_TIME, "ms", endpoint),
            _measurement("action_slide_speed", ATTR_SLIDE_SPEED, "mm/s", endpoint),
            _measurement(
                "action_slide_relative_displacement",
                ATTR_SLIDE_RELATIVE_DISPLACEMENT,
                None,
                endpoint,
            ),
            _measurement("action_slide_time_delta", ATTR_SLIDE_TIME_DELTA, "ms", endpoint),
        )
    )
