"""Button clicks (action), including in decoupled mode, and relay changes (state_action)."""

from __future__ import annotations

from collections.abc import Callable

from homeassistant.components.event import EventEntity
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.dispatcher import async_dispatcher_connect
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .const import SIGNAL_DEVICE_OPTIONS, SIGNAL_NEW_DEVICE
from .descriptions import AqaraEventEntityDescription, event_description
from .entity import AqaraEntity, async_setup_expose_entities
from .gateway import AqaraConfigEntry, AqaraGateway

PARALLEL_UPDATES = 0


async def async_setup_entry(
    hass: HomeAssistant,
    entry: AqaraConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    async_setup_expose_entities(
        hass, entry, async_add_entities, AqaraEventEntityDescription, AqaraEvent
    )

    # Models without an action expose get one while their state_action option is on
    gateway = entry.runtime_data
    with_state_action: set[str] = set()

    @callback
    def add_state_action_events(*_: object) -> None:
        entities = []
        for ieee, handle in gateway.handles.items():
            definition = handle.definition
            if (
                definition is None
                or definition.state_action_event is None
                or not handle.options.state_action
                or ieee in with_state_action
            ):
                continue
            with_state_action.add(ieee)
            description = event_description(definition.state_action_event)
            entities.append(StateActionEvent(gateway, ieee, description, with_state_action.discard))
        if entities:
            async_add_entities(entities)

    add_state_action_events()
    for signal in (SIGNAL_NEW_DEVICE, SIGNAL_DEVICE_OPTIONS):
        entry.async_on_unload(
            async_dispatcher_connect(hass, signal.format(entry.entry_id), add_state_action_events)
        )


class AqaraEvent(AqaraEntity, EventEntity):
    """Fires one event per click the device reports, with the page's action values."""

    @callback
    def async_on_value(self, value: object) -> None:
        if value in self.event_types:
            self._trigger_event(str(value))
            self.async_write_ha_state()

    def _apply_value(self, value: object) -> None:
        """Events carry no state between clicks: the last one is not fired again."""


class StateActionEvent(AqaraEvent):
    """Relay on/off as actions, on a model whose page has no action; gone when turned off."""

    def __init__(
        self,
        gateway: AqaraGateway,
        ieee: str,
        description: AqaraEventEntityDescription,
        on_removed: Callable[[str], None],
    ) -> None:
        super().__init__(gateway, ieee, description)
        self._on_removed = on_removed

    async def async_added_to_hass(self) -> None:
        await super().async_added_to_hass()
        self._async_follow_device_options(self._async_options_changed)

    async def async_will_remove_from_hass(self) -> None:
        await super().async_will_remove_from_hass()
        self._on_removed(self._ieee)

    @callback
    def _async_options_changed(self) -> None:
        handle = self._gateway.handles.get(self._ieee)
        if handle is None or not handle.options.state_action:
            # The option is off: the entity goes, not just quiet (it would never fire again)
            er.async_get(self.hass).async_remove(self.entity_id)
