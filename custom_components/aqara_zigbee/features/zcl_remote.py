"""Remotes: the OnOff, Level Control, Scenes, Colour Control and Window Covering commands a
device sends from its client (output) clusters, as actions of one ``action`` event with
Zigbee2MQTT's names.

The client clusters are bound to the coordinator at pairing, so the remote's commands
come to us as well as to whatever it controls.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from ..devices.model import Access, BindStep, ClusterCommandSource, Expose, Feature, Platform
from ._zcl import COLOR_CONTROL, LEVEL_CONTROL, ON_OFF, SCENES, WINDOW_COVERING

#: On/Off commands (ZCL 3.8.2.3): off, on, toggle, off with effect, on with recall global
#: scene, on with timed off
ON_OFF_ACTIONS: Final[Mapping[int, str]] = MappingProxyType(
    {0x00: "off", 0x01: "on", 0x02: "toggle", 0x40: "off", 0x41: "on", 0x42: "on"}
)
#: Level commands 0x00-0x03 and their "with on/off" twins 0x04-0x07; move and step carry
#: the direction as their first argument (0 up, 1 down)
_LEVEL_ACTIONS: Final = (
    "brightness_move_to_level",
    "brightness_move",
    "brightness_step",
    "brightness_stop",
)
LEVEL_ACTIONS: Final = (
    "brightness_move_to_level",
    "brightness_move_up",
    "brightness_move_down",
    "brightness_step_up",
    "brightness_step_down",
    "brightness_stop",
)
#: Window Covering up/open, down/close, stop
COVER_ACTIONS: Final[Mapping[int, str]] = MappingProxyType(
    {0x00: "open", 0x01: "close", 0x02: "stop"}
)
#: Colour Control commands (ZCL 5.2.2.3) named as Zigbee2MQTT names them; the move and step
#: commands carry their direction as the first argument
_COLOR_FIXED: Final[Mapping[int, str]] = MappingProxyType(
    {
        0x00: "move_to_hue",
        0x03: "move_to_saturation",
        0x06: "move_to_hue_and_saturation",
        0x07: "color_move",
        0x0A: "color_temperature_move",
        0x43: "enhanced_move_to_hue_and_saturation",
        0x44: "color_loop_set",
        0x47: "stop_move_step",
    }
)
#: command → (action when stopping, action going up, action going down); None: no stop mode
_COLOR_DIRECTED: Final[Mapping[int, tuple[str | None, str, str]]] = MappingProxyType(
    {
        0x01: ("hue_stop", "hue_move", "hue_move"),
        0x02: (None, "color_hue_step_up", "color_hue_step_down"),
        0x05: (None, "color_saturation_step_up", "color_saturation_step_down"),
        0x4B: (
            "color_temperature_move_stop",
            "color_temperature_move_up",
            "color_temperature_move_down",
        ),
        0x4C: (None, "color_temperature_step_up", "color_temperature_step_down"),
    }
)
COLOR_ACTIONS: Final = tuple(
    dict.fromkeys(
        (
            *_COLOR_FIXED.values(),
            *(name for names in _COLOR_DIRECTED.values() for name in names if name),
        )
    )
)
_RECALL_SCENE: Final = 0x05
#: scene ids declared as event types (the commonest remotes use the first few)
SCENE_IDS: Final = range(16)


@dataclass(frozen=True, slots=True)
class RemoteCommands:
    """Names a received client command; ``suffix`` tells a remote's endpoints apart."""

    cluster: int
    suffix: str = ""

    def decode(self, command_id: int, args: tuple[object, ...]) -> object | None:
        action = self._action(command_id, args)
        return None if action is None else f"{action}{self.suffix}"

    def _action(self, command_id: int, args: tuple[object, ...]) -> str | None:
        if self.cluster == ON_OFF:
            return ON_OFF_ACTIONS.get(command_id)
        if self.cluster == LEVEL_CONTROL and 0 <= command_id <= 0x07:
            action = _LEVEL_ACTIONS[command_id & 0x03]
            if action in ("brightness_move", "brightness_step"):
                direction = args[0] if args else 0
                return f"{action}_{'down' if direction == 1 else 'up'}"
            return action
        if self.cluster == WINDOW_COVERING:
            return COVER_ACTIONS.get(command_id)
        if self.cluster == COLOR_CONTROL:
            return _color_action(command_id, args)
        if self.cluster == SCENES and command_id == _RECALL_SCENE and len(args) >= 2:
            scene = args[1]
            if isinstance(scene, int) and scene in SCENE_IDS:
                return f"recall_{scene}"
        return None


def _color_action(command_id: int, args: tuple[object, ...]) -> str | None:
    if command_id in _COLOR_FIXED:
        return _COLOR_FIXED[command_id]
    if command_id not in _COLOR_DIRECTED:
        return None
    stop, up, down = _COLOR_DIRECTED[command_id]
    # Move modes: 0 stop, 1 up, 3 down; step modes: 1 up, 3 down
    mode = args[0] if args else 1
    if mode == 0 and stop is not None:
        return stop
    return down if mode == 3 else up


def _actions(cluster: int) -> tuple[str, ...]:
    if cluster == ON_OFF:
        return ("on", "off", "toggle")
    if cluster == LEVEL_CONTROL:
        return LEVEL_ACTIONS
    if cluster == WINDOW_COVERING:
        return tuple(COVER_ACTIONS.values())
    if cluster == COLOR_CONTROL:
        return COLOR_ACTIONS
    return tuple(f"recall_{scene}" for scene in SCENE_IDS)


def remote(clusters: Mapping[int, tuple[int, ...]], *, suffixed: bool) -> Feature:
    """One ``action`` event for every client OnOff/Level/Scenes cluster; ``clusters`` maps
    each endpoint to them. ``suffixed``: actions end in ``_<endpoint>`` (several endpoints)."""
    sources: list[ClusterCommandSource] = []
    options: list[str] = []
    binds: list[BindStep] = []
    for endpoint, endpoint_clusters in clusters.items():
        suffix = f"_{endpoint}" if suffixed else ""
        for cluster in endpoint_clusters:
            sources.append(
                ClusterCommandSource(
                    endpoint=endpoint,
                    cluster=cluster,
                    decoder=RemoteCommands(cluster, suffix),
                    output=True,
                )
            )
            options += (f"{action}{suffix}" for action in _actions(cluster))
            binds.append(BindStep(endpoint=endpoint, cluster=cluster, output=True))
    return Feature(
        exposes=(
            Expose(
                key="action",
                platform=Platform.EVENT,
                access=Access.REPORT,
                description="Triggered action (e.g. a button click)",
                options=tuple(dict.fromkeys(options)),
                sources=tuple(sources),
            ),
        ),
        configure=tuple(binds),
    )
