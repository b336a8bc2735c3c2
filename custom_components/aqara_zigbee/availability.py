"""Device availability: a frame makes a device available, silence beyond its timeout not.

Timeouts follow Zigbee2MQTT's: one for mains-powered devices and routers, a longer one for
battery end devices (entry options). Whether the radio itself is connected is the gateway's
part of the answer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import timedelta
import time
from typing import Protocol

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers.event import async_track_time_interval
import zigpy.device
from zigpy.zdo.types import LogicalType

from .const import (
    CONF_BATTERY_TIMEOUT,
    CONF_MAINS_TIMEOUT,
    DEFAULT_BATTERY_TIMEOUT,
    DEFAULT_MAINS_TIMEOUT,
    LOGGER,
)

AVAILABILITY_CHECK_INTERVAL = timedelta(minutes=1)

#: (ieee, zigpy device) of every device whose availability is checked
type WatchedDevices = Callable[[], Iterable[tuple[str, zigpy.device.Device]]]


class AvailabilitySubscriber(Protocol):
    """Told when its device's availability may have changed: the entity itself, not a
    bound method of it (one object less per entity; a dozen per device)."""

    def async_on_availability(self) -> None:
        """The device's availability may have changed."""


class DeviceAvailability:
    """Whether each device was heard from recently enough, and who wants to know."""

    def __init__(
        self,
        hass: HomeAssistant,
        entry: ConfigEntry,
        watched: WatchedDevices,
        is_sleepy: Callable[[str], bool] = lambda _ieee: False,
    ) -> None:
        self._hass = hass
        self._entry = entry
        self._watched = watched
        #: whether a device's definition says it is a battery end device
        self._is_sleepy = is_sleepy
        self._available: dict[str, bool] = {}
        # ieee → subscribers: a tuple (rebuilt on the rare change) rather than a list with
        # room to grow, and notifying may run while they change
        self._subscribers: dict[str, tuple[AvailabilitySubscriber, ...]] = {}

    def heard_from(self, ieee: str) -> bool:
        return self._available.get(ieee, False)

    @callback
    def add_subscriber(self, ieee: str, subscriber: AvailabilitySubscriber) -> None:
        """Tell ``subscriber`` of the device's availability changes until
        :meth:`remove_subscriber` (no unsubscribe object kept per entity)."""
        self._subscribers[ieee] = (*self._subscribers.get(ieee, ()), subscriber)

    @callback
    def remove_subscriber(self, ieee: str, subscriber: AvailabilitySubscriber) -> None:
        subscribers = self._subscribers.get(ieee, ())
        if subscriber not in subscribers:
            return
        index = subscribers.index(subscriber)
        remaining = subscribers[:index] + subscribers[index + 1 :]
        if remaining:
            self._subscribers[ieee] = remaining
        else:
            del self._subscribers[ieee]

    def track(self, ieee: str) -> None:
        """A device joined or was loaded: available until its timeout says otherwise."""
        self._available.setdefault(ieee, True)

    def forget(self, ieee: str) -> None:
        self._available.pop(ieee, None)

    def frame_received(self, ieee: str) -> None:
        """Any frame from the device (hot path)."""
        if not self._available.get(ieee, True):
            self._set(ieee, True)

    def notify(self, ieees: Iterable[str]) -> None:
        """Tell the subscribers of these devices that their availability may have changed."""
        for ieee in ieees:
            for subscriber in self._subscribers.get(ieee, ()):
                subscriber.async_on_availability()

    @callback
    def async_schedule(self) -> CALLBACK_TYPE:
        """Check the devices' last frames every minute."""
        return async_track_time_interval(self._hass, self.async_check, AVAILABILITY_CHECK_INTERVAL)

    @callback
    def async_check(self, _now: object = None) -> None:
        """Mark unavailable the devices silent beyond their timeout, available the others."""
        now = time.time()
        for ieee, device in self._watched():
            last_seen = device.last_seen
            fresh = last_seen is not None and now - last_seen < self._timeout_for(ieee, device)
            if fresh != self._available.get(ieee, True):
                self._set(ieee, fresh)

    def _timeout_for(self, ieee: str, device: zigpy.device.Device) -> float:
        node = device.node_desc
        mains = node is None or node.is_mains_powered or node.logical_type != LogicalType.EndDevice
        # A battery model is battery powered even before (or without) its node descriptor
        if mains and not self._is_sleepy(ieee):
            return float(self._entry.options.get(CONF_MAINS_TIMEOUT, DEFAULT_MAINS_TIMEOUT))
        return float(self._entry.options.get(CONF_BATTERY_TIMEOUT, DEFAULT_BATTERY_TIMEOUT))

    def _set(self, ieee: str, available: bool) -> None:
        self._available[ieee] = available
        if not available:
            LOGGER.info("Device %s is unavailable: no frame within its timeout", ieee)
        self.notify((ieee,))
