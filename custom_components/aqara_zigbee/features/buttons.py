"""Buttons: clicks as the ``action`` event, and the event mode that makes them arrive."""

from __future__ import annotations

from collections.abc import Mapping

from ..devices.model import Access, ActionSource, Expose, Feature, Platform, WriteStep
from ..lumi.const import (
    ATTR_EVENT_MODE,
    LUMI_CLUSTER,
    LUMI_MANUFACTURER_CODE,
    MULTISTATE_DOUBLE,
    MULTISTATE_SINGLE,
    ZCL_UINT8,
)


def multistate_clicks(
    buttons: Mapping[int | None, str | None],
    *,
    clicks: Mapping[int, str],
    state_actions: tuple[str, ...] = (),
    by_button: bool = False,
    extra: tuple[ActionSource, ...] = (),
) -> Feature:
    """Clicks reported as MultistateInput presentValue on each button's (hidden) endpoint.

    ``buttons`` maps an endpoint (``ANY_ENDPOINT`` for a single-button model whose click
    endpoint is undocumented) to the button's name in the action strings (None: no suffix);
    ``clicks`` maps presentValue to the click kind (1 → "single"). ``state_actions`` are the
    relay actions the model's Zigbee2MQTT page also lists for ``state_action``.
    ``by_button``: the page lists the actions button by button (``single_left``,
    ``double_left``, ``single_right``...) rather than click kind by click kind.
    ``extra``: other sources of the same event (a slider's gestures), listed after the clicks.
    """

    def action(kind: str, name: str | None) -> str:
        return f"{kind}_{name}" if name else kind

    sources = extra + tuple(
        ActionSource(
            endpoint=endpoint,
            actions=tuple((value, action(kind, name)) for value, kind in clicks.items()),
        )
        for endpoint, name in buttons.items()
    )
    # Zigbee2MQTT lists the actions click kind by click kind, older pages button by button
    if by_button:
        options = tuple(action(kind, name) for name in buttons.values() for kind in clicks.values())
    else:
        options = tuple(action(kind, name) for kind in clicks.values() for name in buttons.values())
    options += tuple(action for source in extra for _, action in source.actions)
    expose = Expose(
        key="action",
        platform=Platform.EVENT,
        access=Access.REPORT,
        description="Triggered action (e.g. a button click).",
        options=options,
        state_action_options=state_actions,
        sources=sources,
    )
    return Feature(exposes=(expose,))


SINGLE_DOUBLE: Mapping[int, str] = {MULTISTATE_SINGLE: "single", MULTISTATE_DOUBLE: "double"}


def event_mode() -> Feature:
    """Event mode (0xFCC0 0x0009 = 1): without it the button endpoints stay silent when
    the rocker is decoupled from the relay."""
    return Feature(
        configure=(
            WriteStep(
                endpoint=1,
                cluster=LUMI_CLUSTER,
                attribute=ATTR_EVENT_MODE,
                zcl_type=ZCL_UINT8,
                value=1,
                manufacturer=LUMI_MANUFACTURER_CODE,
            ),
        )
    )
