"""Remotes: the OnOff, Level Control and Scenes commands a device sends from its client
(output) clusters, as actions of one ``action`` event with Zigbee2MQTT's names.

The client clusters are bound to the coordinator at pairing, so the remote's commands
come to us as well as to whatever it controls.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from ..devices.model import Access, BindStep, CommandSource, Expose, Feature, Platform
from ._zcl import LEVEL_CONTROL, ON_OFF, SCENES

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
        if self.cluster == SCENES and command_id == _RECALL_SCENE and len(args) >= 2:
            scene = args[1]
            if isinstance(scene, int) and scene in SCENE_IDS:
                return f"recall_{scene}"
        return None


def _actions(cluster: int) -> tuple[str, ...]:
    if cluster == ON_OFF:
        return ("on", "off", "toggle")
    if cluster == LEVEL_CONTROL:
        return LEVEL_ACTIONS
    return tuple(f"recall_{scene}" for scene in SCENE_IDS)


def remote(clusters: Mapping[int, tuple[int, ...]], *, suffixed: bool) -> Feature:
    """One ``action`` event for every client OnOff/Level/Scenes cluster; ``clusters`` maps
    each endpoint to them. ``suffixed``: actions end in ``_<endpoint>`` (several endpoints)."""
    sources: list[CommandSource] = []
    options: list[str] = []
    binds: list[BindStep] = []
    for endpoint, endpoint_clusters in clusters.items():
        suffix = f"_{endpoint}" if suffixed else ""
        for cluster in endpoint_clusters:
            sources.append(
                CommandSource(
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
