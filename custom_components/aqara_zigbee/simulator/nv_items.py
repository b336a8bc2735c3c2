"""NV item ids and the layouts of the NV structures of a Z-Stack 3.30 coordinator.

Ids and struct members come from TI's Z-Stack headers (``zcomdef.h``: ``ZCD_NV_*`` and
``ZCD_NV_EX_*``; ``nwk.h``: ``nwkIB_t``; ``addr_mgr.h``, ``zd_sec_mgr.h``, ...). On the
CC2652 (32-bit ARM) every struct is stored as the compiler lays it out in memory, each
member at an offset that is a multiple of its own size, the whole padded to its largest
member: :class:`AlignedStruct` computes those offsets.

The names are those of TI's ``ZCD_NV_`` constants without the prefix, which is also how
zigpy-znp's NVRAM backup files name items; the three items hosts keep for themselves
(``HAS_CONFIGURED_*``, ``ZIGPY_ZNP_MIGRATION_ID``) are named as those files name them.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import IntEnum
import struct
from typing import Final


class ExItem(IntEnum):
    """Extended NV item ids (``ZCD_NV_EX_*``): tables with one sub id per row."""

    LEGACY = 0x0000  # the OSAL items, sub id = OSAL id
    ADDRMGR = 0x0001
    BINDING_TABLE = 0x0002
    DEVICE_LIST = 0x0003
    TCLK_TABLE = 0x0004
    TCLK_IC_TABLE = 0x0005
    APS_KEY_DATA_TABLE = 0x0006
    NWK_SEC_MATERIAL_TABLE = 0x0007


class NvSystem(IntEnum):
    """NV system ids (``NVINTF_SYSID_*``): only Z-Stack's items live in this store."""

    NVDRVR = 0
    ZSTACK = 1
    TIMAC = 2
    REMOTI = 3
    BLE = 4
    SIX_MESH = 5
    TIOP = 6
    APP = 7


class OsalItem(IntEnum):
    """OSAL NV item ids (``ZCD_NV_*``) the emulator reads or writes itself."""

    EXTADDR = 0x0001
    STARTUP_OPTION = 0x0003
    NIB = 0x0021
    EXTENDED_PAN_ID = 0x002D
    NWK_ACTIVE_KEY_INFO = 0x003A
    NWK_ALTERN_KEY_INFO = 0x003B
    GROUP_TABLE = 0x0042
    APS_USE_EXT_PANID = 0x0047
    APS_LINK_KEY_TABLE = 0x004C
    BDBNODEISONANETWORK = 0x0055
    ZIGPY_ZNP_MIGRATION_ID = 0x005F
    HAS_CONFIGURED_ZSTACK3 = 0x0060
    PRECFGKEY = 0x0062
    NWKKEY = 0x0082
    PANID = 0x0083
    CHANLIST = 0x0084
    ZDO_DIRECT_CB = 0x008F
    HAS_CONFIGURED_ZSTACK1 = 0x0F00


# Every OSAL item name a Z-Stack 3.x NV store can hold (TI's ZCD_NV_ names). Persisted
# files name items this way; ids outside the table are written as 0xNNNN.
OSAL_NAMES: Final[dict[int, str]] = {
    0x0001: "EXTADDR",
    0x0002: "BOOTCOUNTER",
    0x0003: "STARTUP_OPTION",
    0x0004: "START_DELAY",
    0x0021: "NIB",
    0x0022: "DEVICE_LIST",
    0x0023: "ADDRMGR",
    0x0024: "POLL_RATE_OLD16",
    0x0025: "QUEUED_POLL_RATE",
    0x0026: "RESPONSE_POLL_RATE",
    0x0027: "REJOIN_POLL_RATE",
    0x0028: "DATA_RETRIES",
    0x0029: "POLL_FAILURE_RETRIES",
    0x002A: "STACK_PROFILE",
    0x002B: "INDIRECT_MSG_TIMEOUT",
    0x002C: "ROUTE_EXPIRY_TIME",
    0x002D: "EXTENDED_PAN_ID",
    0x002E: "BCAST_RETRIES",
    0x002F: "PASSIVE_ACK_TIMEOUT",
    0x0030: "BCAST_DELIVERY_TIME",
    0x0031: "NWK_MODE",
    0x0032: "CONCENTRATOR_ENABLE",
    0x0033: "CONCENTRATOR_DISCOVERY",
    0x0034: "CONCENTRATOR_RADIUS",
    0x0035: "POLL_RATE",
    0x0036: "CONCENTRATOR_RC",
    0x0037: "NWK_MGR_MODE",
    0x0038: "SRC_RTG_EXPIRY_TIME",
    0x0039: "ROUTE_DISCOVERY_TIME",
    0x003A: "NWK_ACTIVE_KEY_INFO",
    0x003B: "NWK_ALTERN_KEY_INFO",
    0x003C: "ROUTER_OFF_ASSOC_CLEANUP",
    0x003D: "NWK_LEAVE_REQ_ALLOWED",
    0x003E: "NWK_CHILD_AGE_ENABLE",
    0x003F: "DEVICE_LIST_KA_TIMEOUT",
    0x0041: "BINDING_TABLE",
    0x0042: "GROUP_TABLE",
    0x0043: "APS_FRAME_RETRIES",
    0x0044: "APS_ACK_WAIT_DURATION",
    0x0045: "APS_ACK_WAIT_MULTIPLIER",
    0x0046: "BINDING_TIME",
    0x0047: "APS_USE_EXT_PANID",
    0x0048: "APS_USE_INSECURE_JOIN",
    0x0049: "COMMISSIONED_NWK_ADDR",
    0x004B: "APS_NONMEMBER_RADIUS",
    0x004C: "APS_LINK_KEY_TABLE",
    0x004D: "APS_DUPREJ_TIMEOUT_INC",
    0x004E: "APS_DUPREJ_TIMEOUT_COUNT",
    0x004F: "APS_DUPREJ_TABLE_SIZE",
    0x0050: "DIAGNOSTIC_STATS",
    0x0051: "NWK_PARENT_INFO",
    0x0052: "NWK_ENDDEV_TIMEOUT_DEF",
    0x0053: "END_DEV_TIMEOUT_VALUE",
    0x0054: "END_DEV_CONFIGURATION",
    0x0055: "BDBNODEISONANETWORK",
    0x0056: "BDBREPORTINGCONFIG",
    0x005F: "ZIGPY_ZNP_MIGRATION_ID",
    0x0060: "HAS_CONFIGURED_ZSTACK3",
    0x0061: "SECURITY_LEVEL",
    0x0062: "PRECFGKEY",
    0x0063: "PRECFGKEYS_ENABLE",
    0x0064: "SECURITY_MODE",
    0x0065: "SECURE_PERMIT_JOIN",
    0x0066: "APS_LINK_KEY_TYPE",
    0x0067: "APS_ALLOW_R19_SECURITY",
    0x0068: "DISTRIBUTED_KEY",
    0x0069: "IMPLICIT_CERTIFICATE",
    0x006A: "DEVICE_PRIVATE_KEY",
    0x006B: "CA_PUBLIC_KEY",
    0x006C: "KE_MAX_DEVICES",
    0x006D: "USE_DEFAULT_TCLK",
    0x006F: "RNG_COUNTER",
    0x0070: "RANDOM_SEED",
    0x0071: "TRUSTCENTER_ADDR",
    0x0072: "CERT_283",
    0x0073: "PRIVATE_KEY_283",
    0x0074: "PUBLIC_KEY_283",
    0x0075: "LEGACY_NWK_SEC_MATERIAL_TABLE_START",
    0x0080: "LEGACY_NWK_SEC_MATERIAL_TABLE_END",
    0x0081: "USERDESC",
    0x0082: "NWKKEY",
    0x0083: "PANID",
    0x0084: "CHANLIST",
    0x0085: "LEAVE_CTRL",
    0x0086: "SCAN_DURATION",
    0x0087: "LOGICAL_TYPE",
    0x0088: "NWKMGR_MIN_TX",
    0x0089: "NWKMGR_ADDR",
    0x008F: "ZDO_DIRECT_CB",
    0x0091: "SCENE_TABLE",
    0x0092: "MIN_FREE_NWK_ADDR",
    0x0093: "MAX_FREE_NWK_ADDR",
    0x0094: "MIN_FREE_GRP_ID",
    0x0095: "MAX_FREE_GRP_ID",
    0x0096: "MIN_GRP_IDS",
    0x0097: "MAX_GRP_IDS",
    0x0098: "OTA_BLOCK_REQ_DELAY",
    0x00A1: "SAPI_ENDPOINT",
    0x00B1: "SAS_SHORT_ADDR",
    0x00B2: "SAS_EXT_PANID",
    0x00B3: "SAS_PANID",
    0x00B4: "SAS_CHANNEL_MASK",
    0x00B5: "SAS_PROTOCOL_VER",
    0x00B6: "SAS_STACK_PROFILE",
    0x00B7: "SAS_STARTUP_CTRL",
    0x00C1: "SAS_TC_ADDR",
    0x00C2: "SAS_TC_MASTER_KEY",
    0x00C3: "SAS_NWK_KEY",
    0x00C4: "SAS_USE_INSEC_JOIN",
    0x00C5: "SAS_PRECFG_LINK_KEY",
    0x00C6: "SAS_NWK_KEY_SEQ_NUM",
    0x00C7: "SAS_NWK_KEY_TYPE",
    0x00C8: "SAS_NWK_MGR_ADDR",
    0x00D1: "SAS_CURR_TC_MASTER_KEY",
    0x00D2: "SAS_CURR_NWK_KEY",
    0x00D3: "SAS_CURR_PRECFG_LINK_KEY",
    0x00FF: "USE_NVOCMP",
    0x0101: "TCLK_SEED",
    0x0102: "TCLK_JOIN_DEV",
    0x0103: "TCLK_DEFAULT",
    0x0104: "LEGACY_TCLK_IC_TABLE_START",
    0x0110: "LEGACY_TCLK_IC_TABLE_END",
    0x0111: "LEGACY_TCLK_TABLE_START",
    0x01FF: "LEGACY_TCLK_TABLE_END",
    0x0201: "LEGACY_APS_LINK_KEY_DATA_START",
    0x02FF: "LEGACY_APS_LINK_KEY_DATA_END",
    0x0300: "DUPLICATE_BINDING_TABLE",
    0x0301: "DUPLICATE_DEVICE_LIST",
    0x0302: "DUPLICATE_DEVICE_LIST_KA_TIMEOUT",
    0x0310: "LEGACY_PROXY_TABLE_START",
    0x031F: "LEGACY_PROXY_TABLE_END",
    0x0320: "LEGACY_SINK_TABLE_START",
    0x032F: "LEGACY_SINK_TABLE_END",
    0x0F00: "HAS_CONFIGURED_ZSTACK1",
    0x0F01: "APP_ITEM_1",
    0x0F02: "APP_ITEM_2",
    0x0F03: "APP_ITEM_3",
    0x0F04: "APP_ITEM_4",
    0x0F05: "APP_ITEM_5",
    0x0F06: "APP_ITEM_6",
}
OSAL_IDS: Final[dict[str, int]] = {name: nvid for nvid, name in OSAL_NAMES.items()}

# Startup option bits (ZCD_NV_STARTUP_OPTION), applied at the next reset.
STARTOPT_CLEAR_CONFIG: Final = 0x01
STARTOPT_CLEAR_STATE: Final = 0x02
STARTOPT_CLEAR_NWK_FRAME_COUNTER: Final = 0x80


class AlignedStruct:
    """A C struct as the 32-bit ARM compiler lays it out (natural alignment).

    Members are ``(name, format)`` with ``B``/``H``/``I`` numbers (aligned to their size)
    and ``<n>s`` byte arrays (no alignment); the size is rounded up to the largest
    alignment of a member.
    """

    def __init__(self, members: tuple[tuple[str, str], ...]) -> None:
        self._members: dict[str, tuple[int, str]] = {}
        offset, largest = 0, 1
        for name, fmt in members:
            align = 1 if fmt.endswith("s") else struct.calcsize(fmt)
            offset = -(-offset // align) * align
            self._members[name] = (offset, fmt)
            offset += struct.calcsize(fmt)
            largest = max(largest, align)
        self.size: Final = -(-offset // largest) * largest

    def offset(self, name: str) -> int:
        return self._members[name][0]

    def pack(self, values: Mapping[str, int | bytes], *, fill: int = 0x00) -> bytes:
        """All members, padding bytes set to ``fill``."""
        if set(values) != set(self._members):
            raise ValueError(f"members differ: {sorted(set(values) ^ set(self._members))}")
        raw = bytearray([fill]) * self.size
        for name, value in values.items():
            self._put(raw, name, value)
        return bytes(raw)

    def get(self, raw: bytes, name: str) -> int | bytes:
        offset, fmt = self._members[name]
        (value,) = struct.unpack_from("<" + fmt, raw, offset)
        return value  # type: ignore[no-any-return]

    def get_int(self, raw: bytes, name: str) -> int:
        value = self.get(raw, name)
        assert isinstance(value, int)
        return value

    def get_bytes(self, raw: bytes, name: str) -> bytes:
        value = self.get(raw, name)
        assert isinstance(value, bytes)
        return value

    def replace(self, raw: bytes, **values: int | bytes) -> bytes:
        """``raw`` with some members changed (everything else, padding too, kept)."""
        changed = bytearray(raw)
        for name, value in values.items():
            self._put(changed, name, value)
        return bytes(changed)

    def _put(self, raw: bytearray, name: str, value: int | bytes) -> None:
        offset, fmt = self._members[name]
        struct.pack_into("<" + fmt, raw, offset, value)


# nwkKeyDesc: key sequence number, 16-byte key.
NWK_KEY_DESC: Final = AlignedStruct((("key_seq", "B"), ("key", "16s")))
# nwkActiveKeyItems (ZCD_NV_NWKKEY): the key descriptor, then the outgoing frame counter.
NWK_ACTIVE_KEY_ITEMS: Final = AlignedStruct((("active", "17s"), ("frame_counter", "I")))
# AddrMgrEntry_t (one ZCD_NV_EX_ADDRMGR row): user bits, short and extended address.
ADDRMGR_ENTRY: Final = AlignedStruct((("user", "B"), ("nwk", "H"), ("ieee", "8s")))
ADDRMGR_USER_ASSOC: Final = 0x01
ADDRMGR_USER_SECURITY: Final = 0x02
# APSME_TCLinkKeyNVEntry_t (one ZCD_NV_EX_TCLK_TABLE row).
TCLK_ENTRY: Final = AlignedStruct(
    (
        ("tx_counter", "I"),
        ("rx_counter", "I"),
        ("ieee", "8s"),
        ("key_attributes", "B"),
        ("key_type", "B"),
        ("seed_shift", "B"),  # which rotation of the TC link key seed is this key
    )
)
TCLK_KEY_VERIFIED: Final = 0x02
TCLK_KEY_DEFAULT: Final = 0xFF  # a free row
# nwkSecMaterialDesc_t (one ZCD_NV_EX_NWK_SEC_MATERIAL_TABLE row).
NWK_SEC_MATERIAL: Final = AlignedStruct((("frame_counter", "I"), ("ext_pan_id", "8s")))

# nwkIB_t, the NWK information base (ZCD_NV_NIB): 116 bytes on the CC2652.
NIB: Final = AlignedStruct(
    (
        ("SequenceNum", "B"),
        ("PassiveAckTimeout", "B"),
        ("MaxBroadcastRetries", "B"),
        ("MaxChildren", "B"),
        ("MaxDepth", "B"),
        ("MaxRouters", "B"),
        ("dummyNeighborTable", "B"),
        ("BroadcastDeliveryTime", "B"),
        ("ReportConstantCost", "B"),
        ("RouteDiscRetries", "B"),
        ("dummyRoutingTable", "B"),
        ("SecureAllFrames", "B"),
        ("SecurityLevel", "B"),
        ("SymLink", "B"),
        ("CapabilityFlags", "B"),
        ("TransactionPersistenceTime", "H"),
        ("nwkProtocolVersion", "B"),
        ("RouteDiscoveryTime", "B"),
        ("RouteExpiryTime", "B"),
        ("nwkDevAddress", "H"),
        ("nwkLogicalChannel", "B"),
        ("nwkCoordAddress", "H"),
        ("nwkCoordExtAddress", "8s"),
        ("nwkPanId", "H"),
        ("nwkState", "B"),
        ("channelList", "I"),
        ("beaconOrder", "B"),
        ("superFrameOrder", "B"),
        ("scanDuration", "B"),
        ("battLifeExt", "B"),
        ("allocatedRouterAddresses", "I"),
        ("allocatedEndDeviceAddresses", "I"),
        ("nodeDepth", "B"),
        ("extendedPANID", "8s"),
        ("nwkKeyLoaded", "B"),
        ("spare1", "17s"),
        ("spare2", "17s"),
        ("spare3", "B"),
        ("spare4", "B"),
        ("nwkLinkStatusPeriod", "B"),
        ("nwkRouterAgeLimit", "B"),
        ("nwkUseMultiCast", "B"),
        ("nwkIsConcentrator", "B"),
        ("nwkConcentratorDiscoveryTime", "B"),
        ("nwkConcentratorRadius", "B"),
        ("nwkAllFresh", "B"),
        ("nwkManagerAddr", "H"),
        ("nwkTotalTransmissions", "H"),
        ("nwkUpdateId", "B"),
    )
)
NWK_STATE_ROUTER: Final = 8  # nwk_states_t NWK_ROUTER: what a started coordinator holds
