"""zigpy device resolver: turns a raw Lumi device into a :class:`LumiDevice`.

Register with ``ControllerApplication.new(..., device_resolver=resolve_device)`` (or
``app.register_device_resolver(resolve_device)``). zigpy calls it

* after a fresh interview (``device_initialized`` → ``_finalize_device``),
* for every device restored from its database at start (``appdb.load``), with the model read
  back from the attribute cache,
* after a re-interview, on the new shadow device.

For a known model id the result is a new :class:`LumiDevice` carrying the raw device's
state plus every endpoint/cluster the definition declares (hidden button endpoints, 0xFCC0),
with the Lumi cluster classes in place. Anything else is returned unchanged. It never
raises: a failure is logged and the raw device is returned.
"""

from __future__ import annotations

import asyncio
import logging

import zigpy.device

from ..lumi.device import LumiDevice, ensure_cluster, ensure_endpoint, lumi_device_from
from . import get_definition
from .model import Definition

_LOGGER = logging.getLogger(__name__)


def declare_endpoints(device: zigpy.device.Device, definition: Definition) -> None:
    """Make sure every endpoint and cluster the definition lists exists (adds, never removes)."""
    for decl in definition.endpoints:
        endpoint = ensure_endpoint(
            device, decl.endpoint, profile_id=decl.profile_id, device_type=decl.device_type
        )
        for cluster_id in decl.in_clusters:
            ensure_cluster(endpoint, cluster_id, server=True)
        for cluster_id in decl.out_clusters:
            ensure_cluster(endpoint, cluster_id, server=False)


def _discard(device: zigpy.device.ZigbeeDevice) -> None:
    """Release a replaced raw device once the task that resolves it has finished.

    zigpy resolves a freshly interviewed device from inside that device's own ``initialize``
    task. ``on_remove`` cancels the device's tasks, so called right away it would cancel the
    running interview, and zigpy 2.3 then fails in its own bookkeeping ("Error doing job:
    KeyError: <Task cancelled name='initialize'>"). After the task is done nothing is left
    to cancel.
    """
    try:
        task = asyncio.current_task()
    except RuntimeError:  # no running loop
        task = None
    # Only the device's own task waits: anything else (the start-up that loads the
    # database) would keep the raw device alive, and able to start tasks, for too long
    if task is not None and not task.done() and task in getattr(device, "_tasks", ()):
        task.add_done_callback(lambda _task: device.on_remove())
    else:
        device.on_remove()


def resolve_device(device: zigpy.device.BaseDevice) -> zigpy.device.BaseDevice:
    """zigpy ``DeviceResolver``: a :class:`LumiDevice` for known models, else ``device``."""
    try:
        if isinstance(device, LumiDevice) or not isinstance(device, zigpy.device.ZigbeeDevice):
            return device
        definition = get_definition(device.model)
        if definition is None:
            return device
        resolved = lumi_device_from(device)
        declare_endpoints(resolved, definition)
        # The raw device is discarded: drop the callback listener it registered with the
        # application, or every restored device would stay in memory twice.
        _discard(device)
    except Exception:
        _LOGGER.warning("Could not resolve device %r, using it as is", device, exc_info=True)
        return device
    _LOGGER.debug("Resolved %s (%s) as %s", resolved.ieee, resolved.model, definition.model)
    return resolved


__all__ = ["declare_endpoints", "resolve_device"]
