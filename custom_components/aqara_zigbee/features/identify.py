"""Identify: the device blinks its LED so it can be found (a command, no state)."""

from __future__ import annotations

from ..devices.model import (
    OPTION_IDENTIFY_TIMEOUT,
    Access,
    Expose,
    Feature,
    IdentifyWrite,
    Platform,
)


def identify(*, sleepy: bool = True) -> Feature:
    """A button sending Identify for the ``identify_timeout`` option's seconds (3 unset).

    ``sleepy``: the page warns the device must be woken up first (m.identify's isSleepy);
    a sleeping device's command is kept here until it is heard.
    """
    description = "Initiate device identification."
    if sleepy:
        description += (
            " This device is asleep by default.You may need to wake it up first before "
            "sending the identify command."
        )
    return Feature(
        exposes=(
            Expose(
                key="identify",
                platform=Platform.BUTTON,
                access=Access.WRITE,
                translation_key="identify",
                description=description,
                options=("identify",),
                device_class="identify",
                entity_category="config",
                write=IdentifyWrite(
                    endpoint=1, seconds_option=OPTION_IDENTIFY_TIMEOUT, default_seconds=3
                ),
            ),
        ),
        options=(OPTION_IDENTIFY_TIMEOUT,),
    )
