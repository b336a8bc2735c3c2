"""The zigpy device class used for Lumi devices.

zigpy drops ZCL frames from endpoints/clusters a device did not declare in its descriptors,
and Aqara firmwares both hide endpoints (buttons on 41/42/51, 0xFCC0) and sometimes set the
ZCL direction bit the wrong way. :class:`LumiDevice` keeps such frames:

* a frame from an unknown endpoint or cluster declares it on the fly (bounded), and the
  device tells its listeners (``lumi_cluster_added``) so they can attach to it;
* a cluster is looked up on the side the direction bit names first, then the other side.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import TYPE_CHECKING, Any, Final

import zigpy.device
import zigpy.endpoint
from zigpy.profiles import zha, zll
import zigpy.types as t
import zigpy.zcl
from zigpy.zcl import Cluster, foundation
import zigpy.zdo
import zigpy.zdo.types as zdo_t

from .clusters import LUMI_CLUSTERS, LumiTolerantMixin, decode_command
from .const import HA_PROFILE_ID, LUMI_MANUFACTURER_CODE
from .zcl_header import decode_zcl_header

if TYPE_CHECKING:
    from zigpy.application import ControllerApplication

_LOGGER = logging.getLogger(__name__)

# Upper bound of endpoints / clusters declared on the fly, so a hostile device cannot grow
# the device object without limit
MAX_AUTO_DECLARED: Final = 32

#: listener event fired (with the cluster) when a cluster is declared on the fly
CLUSTER_ADDED_EVENT: Final = "lumi_cluster_added"

#: the profiles whose frames carry a ZCL header (Home Automation, Light Link)
_ZCL_PROFILES: Final = frozenset({zha.PROFILE_ID, zll.PROFILE_ID})


# General commands that answer one of our requests
_RESPONSE_SCHEMAS: Final = tuple(
    foundation.GENERAL_COMMANDS[command].schema
    for command in (
        foundation.GeneralCommand.Read_Attributes_rsp,
        foundation.GeneralCommand.Write_Attributes_rsp,
        foundation.GeneralCommand.Configure_Reporting_rsp,
        foundation.GeneralCommand.Read_Reporting_Configuration_rsp,
        foundation.GeneralCommand.Default_Response,
    )
)


def new_cluster(endpoint: zigpy.endpoint.Endpoint, cluster_id: int, *, server: bool) -> Cluster:
    """A cluster object for a Lumi device: our Lumi classes on the server side."""
    cls = LUMI_CLUSTERS.get(cluster_id) if server else None
    if cls is not None:
        return cls(endpoint, is_server=True)
    return Cluster.from_id(endpoint, cluster_id, is_server=server)


def ensure_endpoint(
    device: zigpy.device.Device,
    endpoint_id: int,
    *,
    profile_id: int = HA_PROFILE_ID,
    device_type: int = 0,
) -> zigpy.endpoint.Endpoint:
    """The endpoint, created (initialized, HA profile) when the device hides it."""
    existing = device.endpoints.get(endpoint_id)
    if isinstance(existing, zigpy.endpoint.Endpoint):
        return existing
    endpoint = device.add_endpoint(endpoint_id)
    endpoint.profile_id = profile_id
    endpoint.device_type = device_type  # type: ignore[assignment]
    endpoint.status = zigpy.endpoint.Status.ZDO_INIT
    return endpoint


def ensure_cluster(endpoint: zigpy.endpoint.Endpoint, cluster_id: int, *, server: bool) -> Cluster:
    """The cluster, added to the endpoint when missing."""
    clusters = endpoint.in_clusters if server else endpoint.out_clusters
    cluster = clusters.get(cluster_id)
    if cluster is not None:
        return cluster  # type: ignore[no-any-return]
    cluster = new_cluster(endpoint, cluster_id, server=server)
    if server:
        return endpoint.add_input_cluster(cluster_id, cluster)
    return endpoint.add_output_cluster(cluster_id, cluster)


class LumiDevice(zigpy.device.ZigbeeDevice):
    """A Lumi device: manufacturer code 0x115F and tolerant frame routing."""

    manufacturer_id_override = LUMI_MANUFACTURER_CODE  # type: ignore[assignment]

    def __init__(self, application: ControllerApplication, ieee: t.EUI64, nwk: t.NWK) -> None:
        super().__init__(application, ieee, nwk)
        self._auto_declared = 0
        # The frame whose ZCL header was just decoded, with its command bytes, for
        # _parse_packet_command; cleared as soon as it is used
        self._decoded_header: tuple[t.ZigbeePacket, foundation.ZCLHeader, bytes] | None = None

    def _declare_on_the_fly(self) -> bool:
        if self._auto_declared >= MAX_AUTO_DECLARED:
            return False
        self._auto_declared += 1
        return True

    def packet_received(self, packet: t.ZigbeePacket) -> None:
        # A malformed or mistyped frame from one device must not escape into the radio
        # library's receive path
        try:
            super().packet_received(packet)
        except Exception:
            self.debug("Failed to handle frame %r", packet, exc_info=True)

    def _maybe_match_response(
        self,
        rsp_key: zigpy.device.ResponseKey,
        cmd: object | None,
        error: Exception | None,
    ) -> bool:
        if super()._maybe_match_response(rsp_key, cmd, error):
            return True
        # An answer with Aqara's wrong direction bit still answers our request
        if rsp_key.direction is None or not isinstance(cmd, _RESPONSE_SCHEMAS):
            return False
        flipped = dataclasses.replace(rsp_key, direction=rsp_key.direction.flip())
        if flipped not in self._requests:
            return False
        return super()._maybe_match_response(flipped, cmd, error)

    def _parse_packet_header(
        self, packet: t.ZigbeePacket
    ) -> (
        tuple[zdo_t.ZDOHeader | foundation.ZCLHeader, zigpy.device.ResponseKey] | tuple[None, None]
    ):
        """The frame's header and the key of the request it may answer.

        A ZCL header is decoded from a template (:mod:`.zcl_header`) and kept, with the
        command bytes after it, for :meth:`_parse_packet_command`; ZDO and other profiles
        go through zigpy.
        """
        self._decoded_header = None
        # zigpy lets a truncated header escape into the radio library; drop the frame instead
        try:
            if packet.src_ep == zigpy.zdo.ZDO_ENDPOINT or packet.profile_id not in _ZCL_PROFILES:
                return super()._parse_packet_header(packet)
            hdr, body = decode_zcl_header(packet.data.serialize())
        except ValueError, KeyError:
            self.debug("Dropping frame with an undecodable header: %r", packet)
            return None, None
        self._decoded_header = (packet, hdr, body)
        assert packet.src_ep is not None
        return hdr, zigpy.device.ResponseKey(
            endpoint_id=packet.src_ep,
            cluster_id=packet.cluster_id,
            direction=hdr.frame_control.direction,
            tsn=hdr.tsn,
        )

    def _parse_packet_command(
        self, packet: t.ZigbeePacket, endpoint: Any, zcl_cluster: Cluster | None
    ) -> Any:
        """The frame's command, decoded from the bytes after the header already decoded.

        zigpy decodes every ZCL header twice (once to route the frame, again in
        ``Cluster.deserialize``); the second pass and its eagerly formatted debug
        messages are a sixth of a report's CPU. With zigpy's ZCL debug log on, or for a
        cluster class with its own ``deserialize``, zigpy's path is kept as it is.
        """
        decoded, self._decoded_header = self._decoded_header, None
        if (
            decoded is None
            or decoded[0] is not packet
            or zcl_cluster is None
            or zigpy.zcl.LOGGER.isEnabledFor(logging.DEBUG)
        ):
            return super()._parse_packet_command(packet, endpoint, zcl_cluster)
        _packet, hdr, body = decoded
        if isinstance(zcl_cluster, LumiTolerantMixin):
            return zcl_cluster.deserialize_command(hdr, body)
        if type(zcl_cluster).deserialize is Cluster.deserialize:
            return decode_command(zcl_cluster, hdr, body)
        return super()._parse_packet_command(packet, endpoint, zcl_cluster)

    def custom_profile_packet_received(self, packet: t.ZigbeePacket) -> None:
        """Frames without a usable header (or of a foreign profile) are ignored."""

    def _match_packet_endpoint_cluster(
        self, packet: t.ZigbeePacket, hdr: zdo_t.ZDOHeader | foundation.ZCLHeader
    ) -> tuple[zigpy.endpoint.Endpoint, Cluster] | tuple[zigpy.zdo.ZDO, None] | tuple[None, None]:
        src_ep = packet.src_ep
        if (
            src_ep is not None
            and src_ep not in self.endpoints
            and isinstance(hdr, foundation.ZCLHeader)
            and 1 <= src_ep <= 240
            and self._declare_on_the_fly()
        ):
            self.debug("Declaring hidden endpoint %s", src_ep)
            profile = packet.profile_id if packet.profile_id is not None else HA_PROFILE_ID
            ensure_endpoint(self, src_ep, profile_id=profile)
        return super()._match_packet_endpoint_cluster(packet, hdr)

    def _find_zcl_cluster(self, hdr: foundation.ZCLHeader, packet: t.ZigbeePacket) -> Cluster:
        assert packet.src_ep is not None
        endpoint = self.endpoints[packet.src_ep]
        assert isinstance(endpoint, zigpy.endpoint.Endpoint)
        cluster_id = packet.cluster_id
        # A frame sent client → server comes from the device's client (out) cluster
        from_client = hdr.frame_control.direction == foundation.Direction.Client_to_Server
        named, other = (
            (endpoint.out_clusters, endpoint.in_clusters)
            if from_client
            else (endpoint.in_clusters, endpoint.out_clusters)
        )
        cluster = named.get(cluster_id)
        if cluster is None:
            cluster = other.get(cluster_id)  # Aqara's wrong direction bit
        if cluster is None:
            if not self._declare_on_the_fly():
                raise KeyError(cluster_id)
            self.debug("Declaring hidden cluster 0x%04x on endpoint %s", cluster_id, packet.src_ep)
            # Reports and responses of Aqara devices come from server clusters
            cluster = ensure_cluster(endpoint, cluster_id, server=not from_client)
            self.listener_event(CLUSTER_ADDED_EVENT, cluster)
        return cluster


def lumi_device_from(raw: zigpy.device.Device) -> LumiDevice:
    """A :class:`LumiDevice` with the raw device's state, endpoints, clusters and caches."""
    new = LumiDevice(raw.application, raw.ieee, raw.nwk)
    new.lqi = raw.lqi
    new.rssi = raw.rssi
    new._last_seen = raw._last_seen
    new._relays = raw.relays
    new.status = raw.status
    new.node_desc = raw.node_desc
    new.manufacturer = raw.manufacturer
    new.model = raw.model
    new.skip_configuration = raw.skip_configuration
    new.original_signature = raw.original_signature
    # Keep the ZCL sequence going: some devices ignore a repeated TSN
    new._send_sequence = getattr(raw, "_send_sequence", 0)

    for endpoint in raw.non_zdo_endpoints:
        new_endpoint = new.add_endpoint(endpoint.endpoint_id)
        new_endpoint.status = endpoint.status
        new_endpoint.profile_id = endpoint.profile_id
        new_endpoint.device_type = endpoint.device_type
        for server, clusters in ((True, endpoint.in_clusters), (False, endpoint.out_clusters)):
            for cluster_id, cluster in clusters.items():
                copy = new_cluster(new_endpoint, cluster_id, server=server)
                if server:
                    new_endpoint.add_input_cluster(cluster_id, copy)
                else:
                    new_endpoint.add_output_cluster(cluster_id, copy)
                copy._attr_cache_internal = cluster._attr_cache.clone(copy)
    return new


__all__ = [
    "CLUSTER_ADDED_EVENT",
    "LumiDevice",
    "ensure_cluster",
    "ensure_endpoint",
    "lumi_device_from",
    "new_cluster",
]
