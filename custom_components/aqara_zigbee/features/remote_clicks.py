"""Wireless remotes: their clicks as the ``action`` event, and the mode they send them in.

Three generations tell a click differently, and one model may speak two of them:

* the oldest (``lumi.sensor_86sw*``, ``sensor_switch.aq2``) report the OnOff attribute of a
  button's endpoint, the multi-click ones a click count in OnOff 0x8000;
* later remotes (``lumi.remote.b*``) report MultistateInput presentValue (0 hold, 1-6
  clicks, 255 release) from each button's endpoint;
* the Opple remotes do too, named ``button_<endpoint>_<kind>`` by Zigbee2MQTT.

Zigbee2MQTT's page lists each model's actions in an order of its own: the definitions give
that list, and every action a source can fire must be in it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from ..devices.model import (
    OPTION_HOLD_TIMEOUT,
    OPTION_HOLD_TIMEOUT_EXPIRE,
    RW,
    Access,
    ActionSource,
    CommandSource,
    EnumCodec,
    Expose,
    Feature,
    GestureSource,
    Platform,
    TimedPressSource,
    WriteStep,
)
from ..lumi.const import (
    ATTR_EVENT_MODE,
    LUMI_CLUSTER,
    LUMI_MANUFACTURER_CODE,
    ON_OFF,
    ON_OFF_ATTR,
    ZCL_UINT8,
)
from ._lumi import lumi_attribute, lumi_write
from .click_mode import ATTR_CLICK_MODE

#: OnOff 0x8000: how many times the button was clicked (the multi-click mini switches)
ATTR_CLICK_COUNT: Final = 0x8000

#: MultistateInput presentValue of the remotes (Zigbee2MQTT's lumi_action_multistate)
HOLD: Final = 0
SINGLE: Final = 1
DOUBLE: Final = 2
TRIPLE: Final = 3
QUADRUPLE: Final = 4
QUINTUPLE: Final = 5
MANY: Final = 6
RELEASE: Final = 255
#: the WXKG12LM's gyroscope gestures
GYRO_HOLD: Final = 16
GYRO_RELEASE: Final = 17
SHAKE: Final = 18

SINGLE_DOUBLE_HOLD: Final[Mapping[int, str]] = {SINGLE: "single", DOUBLE: "double", HOLD: "hold"}
#: the clicks the newer remotes send with multi-click on
MULTI_CLICKS: Final[Mapping[int, str]] = {
    HOLD: "hold",
    SINGLE: "single",
    DOUBLE: "double",
    TRIPLE: "triple",
    RELEASE: "release",
}
#: the 2016 remotes: a click ends with the contact open or closed, either is a click
ONOFF_SINGLE: Final[Mapping[int, str]] = {0: "single", 1: "single"}
#: OnOff 0x8000 click counts
CLICK_COUNTS: Final[Mapping[int, str]] = {
    1: "single",
    2: "double",
    3: "triple",
    4: "quadruple",
}


def _named(kind: str, name: str | None) -> str:
    return f"{kind}_{name}" if name else kind


def multistate_buttons(
    buttons: Mapping[int | None, str | None], clicks: Mapping[int, str]
) -> tuple[ActionSource, ...]:
    """Clicks as presentValue of each button's endpoint: ``single_left``, or ``single``
    for the only button (``buttons``: endpoint → name, None for the only one)."""
    return tuple(
        ActionSource(
            endpoint=endpoint,
            actions=tuple((value, _named(kind, name)) for value, kind in clicks.items()),
        )
        for endpoint, name in buttons.items()
    )


def opple_buttons(
    endpoints: range | tuple[int, ...], clicks: Mapping[int, str]
) -> tuple[ActionSource, ...]:
    """Opple-style naming: ``button_<endpoint>_<kind>``."""
    return tuple(
        ActionSource(
            endpoint=endpoint,
            actions=tuple((value, f"button_{endpoint}_{kind}") for value, kind in clicks.items()),
        )
        for endpoint in endpoints
    )


def onoff_buttons(
    buttons: Mapping[int | None, str | None], values: Mapping[int, str]
) -> tuple[ActionSource, ...]:
    """Clicks as the OnOff attribute of each button's endpoint (the 2016 remotes send a
    click as 0 or 1, whichever the button's contact ends in)."""
    return tuple(
        ActionSource(
            endpoint=endpoint,
            cluster=ON_OFF,
            attribute=ON_OFF_ATTR,
            actions=tuple((value, _named(kind, name)) for value, kind in values.items()),
        )
        for endpoint, name in buttons.items()
    )


def click_count(counts: Mapping[int, str] = CLICK_COUNTS) -> ActionSource:
    """A multi-click told as a count in OnOff 0x8000, from whichever endpoint."""
    return ActionSource(
        endpoint=None,
        cluster=ON_OFF,
        attribute=ATTR_CLICK_COUNT,
        actions=tuple(counts.items()),
    )


def remote_action(
    options: tuple[str, ...], *sources: ActionSource | GestureSource | CommandSource
) -> Feature:
    """The ``action`` event: ``options`` as Zigbee2MQTT lists them, fired by ``sources``."""
    fired = {
        action
        for source in sources
        if isinstance(source, ActionSource | CommandSource)
        for _, action in source.actions
    }
    fired |= {
        action
        for source in sources
        if isinstance(source, CommandSource)
        for _, action in source.releases
    }
    fired |= {
        action
        for source in sources
        if isinstance(source, GestureSource)
        for action in source.decoder.actions
    }
    if not fired <= set(options):
        raise ValueError(f"actions {sorted(fired - set(options))} are not among {options}")
    return Feature(
        exposes=(
            Expose(
                key="action",
                platform=Platform.EVENT,
                access=Access.REPORT,
                description="Triggered action (e.g. a button click).",
                options=options,
                sources=sources,
            ),
        )
    )


REMOTE_MODE_CODEC: Final = EnumCodec(pairs=((0, "command"), (1, "event")))
#: the Opple remotes' and H1 remotes' wording
OPPLE_MODE_DESCRIPTION: Final = (
    'Operation mode, select "command" to enable bindings (wake up the device before '
    "changing modes!)"
)
#: lumiCommandMode's wording (the H1 knob)
COMMAND_MODE_DESCRIPTION: Final = (
    "Command mode is useful for binding. Event mode is useful for processing."
)


def remote_operation_mode(
    *, description: str = OPPLE_MODE_DESCRIPTION, event_first: bool = False
) -> Feature:
    """0xFCC0 0x0009: the buttons send commands (to bound lights) or events (to the hub).

    ``event_first``: the page lists ``event`` before ``command`` (lumiCommandMode).
    """
    pairs = REMOTE_MODE_CODEC.pairs
    codec = EnumCodec(pairs=tuple(reversed(pairs))) if event_first else REMOTE_MODE_CODEC
    return Feature(
        exposes=(
            Expose(
                key="operation_mode",
                platform=Platform.SELECT,
                access=RW,
                translation_key="remote_operation_mode",
                description=description,
                options=codec.options,
                entity_category="config",
                sources=(lumi_attribute(ATTR_EVENT_MODE, codec),),
                write=lumi_write(ATTR_EVENT_MODE, ZCL_UINT8, codec),
            ),
        )
    )


def multi_click_at_pairing() -> Feature:
    """Write click mode ``multi`` (0xFCC0 0x0125 = 2) at pairing, as Zigbee2MQTT does: out
    of the box the E1/H1M remotes send single clicks only."""
    return Feature(
        configure=(
            WriteStep(
                endpoint=1,
                cluster=LUMI_CLUSTER,
                attribute=ATTR_CLICK_MODE,
                zcl_type=ZCL_UINT8,
                value=2,
                manufacturer=LUMI_MANUFACTURER_CODE,
            ),
        )
    )


#: the Opple naming's kinds, in the order Zigbee2MQTT lists them per button
OPPLE_CLICKS: Final[Mapping[int, str]] = {
    HOLD: "hold",
    RELEASE: "release",
    SINGLE: "single",
    DOUBLE: "double",
    TRIPLE: "triple",
}


def opple_options(buttons: int) -> tuple[str, ...]:
    """Zigbee2MQTT's list of an Opple-style remote: button by button, kind by kind."""
    return tuple(
        f"button_{button}_{kind}"
        for button in range(1, buttons + 1)
        for kind in OPPLE_CLICKS.values()
    )


def press_release_clicks() -> Feature:
    """WXKG01LM: press (OnOff 0) and release (OnOff 1) timed into single, hold and release,
    with multi-clicks as a count in OnOff 0x8000 (five or more: ``many``)."""
    return Feature(
        exposes=(
            Expose(
                key="action",
                platform=Platform.EVENT,
                access=Access.REPORT,
                description="Triggered action (e.g. a button click).",
                options=("single", "double", "triple", "quadruple", "hold", "release", "many"),
                sources=(
                    TimedPressSource(
                        endpoint=None,
                        cluster=ON_OFF,
                        attribute=ON_OFF_ATTR,
                        pressed=0,
                        released=1,
                        click="single",
                        hold="hold",
                        release="release",
                        hold_option=OPTION_HOLD_TIMEOUT,
                        expire_option=OPTION_HOLD_TIMEOUT_EXPIRE,
                    ),
                    ActionSource(
                        endpoint=None,
                        cluster=ON_OFF,
                        attribute=ATTR_CLICK_COUNT,
                        actions=tuple(CLICK_COUNTS.items()),
                        otherwise="many",
                    ),
                ),
            ),
        ),
        options=(OPTION_HOLD_TIMEOUT, OPTION_HOLD_TIMEOUT_EXPIRE),
    )


# Command mode of the Opple remotes: what each button sends its bound devices, and the
# click Zigbee2MQTT names for it (lumi_action_on/off/step/move/stop/*_color_temp)
LEVEL_CONTROL: Final = 0x0008
COLOR_CONTROL: Final = 0x0300
_OFF, _ON = 0x00, 0x01
_MOVE, _STEP, _STOP = 0x01, 0x02, 0x03
_MOVE_COLOR_TEMP, _STEP_COLOR_TEMP = 0x4B, 0x4C


def opple_commands(buttons: int) -> tuple[CommandSource, ...]:
    """The commands of a 2-, 4- or 6-button Opple remote in command mode.

    Buttons 1/2 send Off/On; 3/4 Step down/up (single) and, on the six-button one, Move
    (hold) down/up then Stop (release); 3/4 of the four-button one double-clicked, and 5/6 of the
    six-button one, send Step/Move Color Temperature (up 1, down 3; a Move with mode 0
    stops).
    """
    sources = [
        CommandSource(
            endpoint=None, cluster=ON_OFF, command=_OFF, actions=((None, "button_1_single"),)
        ),
        CommandSource(
            endpoint=None, cluster=ON_OFF, command=_ON, actions=((None, "button_2_single"),)
        ),
    ]
    if buttons >= 4:
        sources.append(
            CommandSource(
                endpoint=None,
                cluster=LEVEL_CONTROL,
                command=_STEP,
                actions=((0, "button_4_single"), (None, "button_3_single")),
            )
        )
        colour_steps = (
            ((1, "button_3_double"), (None, "button_4_double"))
            if buttons == 4
            else ((1, "button_5_single"), (None, "button_6_single"))
        )
        sources.append(
            CommandSource(
                endpoint=None,
                cluster=COLOR_CONTROL,
                command=_STEP_COLOR_TEMP,
                actions=colour_steps,
            )
        )
    if buttons >= 6:
        held = (
            ("button_3_hold", "button_3_release"),
            ("button_4_hold", "button_4_release"),
            ("button_5_hold", "button_5_release"),
            ("button_6_hold", "button_6_release"),
        )
        sources += [
            CommandSource(
                endpoint=None,
                cluster=LEVEL_CONTROL,
                command=_MOVE,
                actions=((0, "button_4_hold"), (None, "button_3_hold")),
                releases=held,
            ),
            CommandSource(endpoint=None, cluster=LEVEL_CONTROL, command=_STOP, stops=True),
            CommandSource(
                endpoint=None,
                cluster=COLOR_CONTROL,
                command=_MOVE_COLOR_TEMP,
                actions=((3, "button_6_hold"), (None, "button_5_hold")),
                stop_modes=(0,),
                releases=held,
            ),
        ]
    return tuple(sources)
