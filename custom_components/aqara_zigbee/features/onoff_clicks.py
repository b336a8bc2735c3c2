"""Clicks of the older no-neutral wall switches: OnOff reports from their button endpoints.

Before MultistateInput, these switches (QBKG04LM's generation, the D1 without neutral) told
a press as the OnOff attribute of a button endpoint (4, 5, 6): 0 the button is held, 1 it is
released, 2 it was double-clicked. A release after no hold is a single click, after a hold
the hold's end; Zigbee2MQTT publishes that (``single`` / ``hold_release``), then ``release``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from ..devices.model import (
    Access,
    ActionSource,
    Expose,
    Feature,
    Platform,
    ReleaseActions,
)
from ..lumi.const import ON_OFF, ON_OFF_ATTR

HOLD: Final = 0
RELEASE: Final = 1
DOUBLE: Final = 2

#: the kinds of action, in the order Zigbee2MQTT lists them for a single button
KINDS: Final = ("release", "hold", "double", "single", "hold_release")


def onoff_clicks(
    buttons: Mapping[int, str | None],
    *,
    state_actions: tuple[str, ...] = (),
) -> Feature:
    """Clicks as OnOff reports of each button's endpoint (``buttons``: endpoint → the
    button's name in the action strings, None for the only one); every kind of action
    of every button, kind by kind."""

    def action(kind: str, name: str | None) -> str:
        return f"{kind}_{name}" if name else kind

    sources = tuple(
        ActionSource(
            endpoint=endpoint,
            cluster=ON_OFF,
            attribute=ON_OFF_ATTR,
            actions=(
                (HOLD, action("hold", name)),
                (RELEASE, action("release", name)),
                (DOUBLE, action("double", name)),
            ),
            release=ReleaseActions(
                value=RELEASE,
                hold_value=HOLD,
                after_click=action("single", name),
                after_hold=action("hold_release", name),
            ),
        )
        for endpoint, name in buttons.items()
    )
    expose = Expose(
        key="action",
        platform=Platform.EVENT,
        access=Access.REPORT,
        description="Triggered action (e.g. a button click).",
        options=tuple(action(kind, name) for kind in KINDS for name in buttons.values()),
        state_action_options=state_actions,
        sources=sources,
    )
    return Feature(exposes=(expose,))
