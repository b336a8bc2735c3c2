"""Identify: Zigbee2MQTT's ``m.identify()``, a button that makes the device flash.

Identify's Identify command (0x0003 / 0x00) for the ``identify_timeout`` option's seconds
(3 unless set); the device answers with a default response and nothing to show after.
"""

from __future__ import annotations

from ..devices.model import (
    OPTION_IDENTIFY_TIMEOUT,
    Access,
    Expose,
    Feature,
    IdentifyWrite,
    Platform,
)


def identify(*, endpoint: int = 1) -> Feature:
    """The ``identify`` command (Zigbee2MQTT's enum with its one value ``identify``)."""
    return Feature(
        exposes=(
            Expose(
                key="identify",
                platform=Platform.BUTTON,
                access=Access.WRITE,
                description="Initiate device identification.",
                options=("identify",),
                device_class="identify",
                entity_category="config",
                write=IdentifyWrite(endpoint=endpoint),
            ),
        ),
        options=(OPTION_IDENTIFY_TIMEOUT,),
    )
