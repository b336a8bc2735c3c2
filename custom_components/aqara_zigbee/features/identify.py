"""Identify: make the device flash so it can be found (Zigbee2MQTT's ``identify``).

The Identify cluster's command 0x00 with the ``identify_timeout`` device option (1-30 s,
default 3). Sleepy devices only hear it while awake: the write is then kept and sent
when the device next talks (see ``DeviceHandle.async_write``), as Zigbee2MQTT's
description warns ("you may need to wake it up first").
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


def identify(*, endpoint: int = 1, sleepy: bool = False) -> Feature:
    """An identify button (``sleepy``: the page's description for sleeping devices)."""
    description = "Initiate device identification."
    if sleepy:
        description += (
            " This device is asleep by default.You may need to wake it up first before "
            "sending the identify command."
        )
    expose = Expose(
        key="identify",
        platform=Platform.BUTTON,
        access=Access.WRITE,
        translation_key="identify",
        description=description,
        options=("identify",),
        device_class="identify",
        entity_category="config",
        write=IdentifyWrite(endpoint=endpoint),
    )
    return Feature(exposes=(expose,), options=(OPTION_IDENTIFY_TIMEOUT,))
