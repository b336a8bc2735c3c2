"""EZSP frames as an EmberZNet 7.4 NCP (EZSP protocol version 13) sees them.

Identifiers, value sets and field orders are those of Silicon Labs' UG100 ("EZSP
Reference Guide", EmberZNet 7.4) and the generated EZSP headers of the Gecko SDK 4.4;
they are re-typed here from those documents, never taken from a host library. Every
integer on the wire is little-endian; EUI64s are sent least significant byte first, as on
the air.

A frame is ``sequence | frame control | frame id | parameters``. The host's first
``version`` command uses the legacy format (1-byte frame control and id); once version 8
or later is agreed, frames carry a 2-byte frame control (high byte: frame format version
1) and a 2-byte frame id.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, IntFlag
import struct
from typing import Final, Self

PROTOCOL_VERSION: Final = 13
STACK_TYPE_MESH: Final = 0x02

# Frame control, low byte
FC_RESPONSE: Final = 0x80
FC_NETWORK_INDEX_MASK: Final = 0x60
FC_CALLBACK_ASYNC: Final = 0x10
FC_CALLBACK_SYNC: Final = 0x08
FC_CALLBACK_PENDING: Final = 0x04
FC_TRUNCATED: Final = 0x02
FC_OVERFLOW: Final = 0x01
# Frame control, high byte
FC_HIGH_FORMAT_VERSION: Final = 0x01
FC_HIGH_FORMAT_MASK: Final = 0x03
FC_HIGH_SECURITY: Final = 0x80
FC_HIGH_PADDING: Final = 0x40


class FrameId(IntEnum):
    """EZSP frame ids (commands, their responses and callbacks) this NCP knows."""

    # Configuration
    VERSION = 0x0000
    GET_CONFIGURATION_VALUE = 0x0052
    SET_CONFIGURATION_VALUE = 0x0053
    ADD_ENDPOINT = 0x0002
    SET_POLICY = 0x0055
    GET_POLICY = 0x0056
    GET_VALUE = 0x00AA
    GET_EXTENDED_VALUE = 0x0003
    SET_VALUE = 0x00AB
    SET_PASSIVE_ACK_CONFIG = 0x0105
    # Utilities
    NOP = 0x0005
    ECHO = 0x0081
    INVALID_COMMAND = 0x0058
    CALLBACK = 0x0006
    NO_CALLBACKS = 0x0007
    SET_TOKEN = 0x0009
    GET_TOKEN = 0x000A
    GET_MFG_TOKEN = 0x000B
    SET_MFG_TOKEN = 0x000C
    STACK_TOKEN_CHANGED_HANDLER = 0x000D
    GET_RANDOM_NUMBER = 0x0049
    READ_AND_CLEAR_COUNTERS = 0x0065
    READ_COUNTERS = 0x00F1
    GET_LIBRARY_STATUS = 0x0001
    GET_XNCP_INFO = 0x0013
    CUSTOM_FRAME = 0x0047
    GET_EUI64 = 0x0026
    GET_NODE_ID = 0x0027
    # Networking
    SET_MANUFACTURER_CODE = 0x0015
    SET_POWER_DESCRIPTOR = 0x0016
    NETWORK_INIT = 0x0017
    NETWORK_STATE = 0x0018
    STACK_STATUS_HANDLER = 0x0019
    START_SCAN = 0x001A
    ENERGY_SCAN_RESULT_HANDLER = 0x0048
    NETWORK_FOUND_HANDLER = 0x001B
    SCAN_COMPLETE_HANDLER = 0x001C
    STOP_SCAN = 0x001D
    FORM_NETWORK = 0x001E
    JOIN_NETWORK = 0x001F
    LEAVE_NETWORK = 0x0020
    PERMIT_JOINING = 0x0022
    CHILD_JOIN_HANDLER = 0x0023
    ENERGY_SCAN_REQUEST = 0x009C
    GET_NETWORK_PARAMETERS = 0x0028
    GET_RADIO_PARAMETERS = 0x00FD
    GET_PARENT_CHILD_PARAMETERS = 0x0029
    GET_CHILD_DATA = 0x004A
    SET_CHILD_DATA = 0x00AC
    CHILD_ID = 0x0106
    CHILD_INDEX = 0x0107
    GET_SOURCE_ROUTE_TABLE_TOTAL_SIZE = 0x00C3
    GET_SOURCE_ROUTE_TABLE_FILLED_SIZE = 0x00C2
    GET_SOURCE_ROUTE_TABLE_ENTRY = 0x00C1
    GET_NEIGHBOR = 0x0079
    NEIGHBOR_COUNT = 0x007A
    GET_ROUTE_TABLE_ENTRY = 0x007B
    SET_RADIO_POWER = 0x0099
    SET_RADIO_CHANNEL = 0x009A
    GET_RADIO_CHANNEL = 0x00FF
    SET_CONCENTRATOR = 0x0010
    SET_BROKEN_ROUTE_ERROR_CODE = 0x0011
    SET_LOGICAL_AND_RADIO_CHANNEL = 0x00B9
    # Binding
    CLEAR_BINDING_TABLE = 0x002A
    SET_BINDING = 0x002B
    GET_BINDING = 0x002C
    DELETE_BINDING = 0x002D
    # Messaging
    MAXIMUM_PAYLOAD_LENGTH = 0x0033
    SEND_UNICAST = 0x0034
    SEND_BROADCAST = 0x0036
    SEND_MULTICAST = 0x0038
    SEND_REPLY = 0x0039
    MESSAGE_SENT_HANDLER = 0x003F
    SEND_MANY_TO_ONE_ROUTE_REQUEST = 0x0041
    INCOMING_SENDER_EUI64_HANDLER = 0x0062
    INCOMING_MESSAGE_HANDLER = 0x0045
    SET_SOURCE_ROUTE_DISCOVERY_MODE = 0x005A
    INCOMING_ROUTE_ERROR_HANDLER = 0x0080
    INCOMING_NETWORK_STATUS_HANDLER = 0x00C4
    INCOMING_ROUTE_RECORD_HANDLER = 0x0059
    SET_SOURCE_ROUTE = 0x00AE
    ADDRESS_TABLE_ENTRY_IS_ACTIVE = 0x005B
    SET_ADDRESS_TABLE_REMOTE_EUI64 = 0x005C
    SET_ADDRESS_TABLE_REMOTE_NODE_ID = 0x005D
    GET_ADDRESS_TABLE_REMOTE_EUI64 = 0x005E
    GET_ADDRESS_TABLE_REMOTE_NODE_ID = 0x005F
    SET_EXTENDED_TIMEOUT = 0x007E
    GET_EXTENDED_TIMEOUT = 0x007F
    REPLACE_ADDRESS_TABLE_ENTRY = 0x0082
    LOOKUP_NODE_ID_BY_EUI64 = 0x0060
    LOOKUP_EUI64_BY_NODE_ID = 0x0061
    GET_MULTICAST_TABLE_ENTRY = 0x0063
    SET_MULTICAST_TABLE_ENTRY = 0x0064
    ID_CONFLICT_HANDLER = 0x007C
    WRITE_NODE_DATA = 0x00FE
    SEND_RAW_MESSAGE = 0x0096
    # Security
    SET_INITIAL_SECURITY_STATE = 0x0068
    GET_CURRENT_SECURITY_STATE = 0x0069
    EXPORT_KEY = 0x0114
    IMPORT_KEY = 0x0115
    SWITCH_NETWORK_KEY_HANDLER = 0x006E
    FIND_KEY_TABLE_ENTRY = 0x0075
    ERASE_KEY_TABLE_ENTRY = 0x0076
    CLEAR_KEY_TABLE = 0x00B1
    ZIGBEE_KEY_ESTABLISHMENT_HANDLER = 0x009B
    CLEAR_TRANSIENT_LINK_KEYS = 0x006B
    GET_NETWORK_KEY_INFO = 0x0116
    GET_APS_KEY_INFO = 0x010C
    IMPORT_LINK_KEY = 0x010E
    EXPORT_LINK_KEY_BY_INDEX = 0x010F
    EXPORT_LINK_KEY_BY_EUI = 0x010D
    CHECK_KEY_CONTEXT = 0x0110
    IMPORT_TRANSIENT_KEY = 0x0111
    # Trust centre
    TRUST_CENTER_JOIN_HANDLER = 0x0024
    BROADCAST_NEXT_NETWORK_KEY = 0x0073
    BROADCAST_NETWORK_KEY_SWITCH = 0x0074
    AES_MMO_HASH = 0x006F
    REMOVE_DEVICE = 0x00A8
    UNICAST_NWK_KEY_UPDATE = 0x00A9
    # Token interface
    GET_TOKEN_COUNT = 0x0100
    GET_TOKEN_INFO = 0x0101
    GET_TOKEN_DATA = 0x0102
    SET_TOKEN_DATA = 0x0103
    RESET_NODE = 0x0104
    TOKEN_FACTORY_RESET = 0x0077
    # Green Power
    GP_PROXY_TABLE_PROCESS_GP_PAIRING = 0x00C9
    GP_SINK_TABLE_CLEAR_ALL = 0x00E2


class EmberStatus(IntEnum):
    """``EmberStatus`` values (one byte) the NCP answers with."""

    SUCCESS = 0x00
    ERR_FATAL = 0x01
    BAD_ARGUMENT = 0x02
    NOT_FOUND = 0x03
    NO_BUFFERS = 0x18
    MAC_NO_ACK_RECEIVED = 0x40
    MAC_INDIRECT_TIMEOUT = 0x42
    DELIVERY_FAILED = 0x66
    ADDRESS_TABLE_INDEX_OUT_OF_RANGE = 0x6A
    INVALID_CALL = 0x70
    MESSAGE_TOO_LONG = 0x74
    NETWORK_UP = 0x90
    NETWORK_DOWN = 0x91
    NOT_JOINED = 0x93
    JOIN_FAILED = 0x94
    NETWORK_OPENED = 0x9C
    NETWORK_CLOSED = 0x9D
    CHANNEL_CHANGED = 0x9B
    PHY_INVALID_CHANNEL = 0x8A
    INVALID_ENDPOINT = 0xA3
    SECURITY_STATE_NOT_SET = 0xA8
    SOURCE_ROUTE_FAILURE = 0xA9
    INDEX_OUT_OF_RANGE = 0xB1
    KEY_INVALID = 0xB2
    TABLE_FULL = 0xB4
    LIBRARY_NOT_PRESENT = 0xB5
    TABLE_ENTRY_ERASED = 0xB6


class EzspStatus(IntEnum):
    """``EzspStatus`` values (one byte) of the EZSP layer itself."""

    SUCCESS = 0x00
    ERROR_VERSION_NOT_SET = 0x30
    ERROR_INVALID_FRAME_ID = 0x31
    ERROR_WRONG_DIRECTION = 0x32
    ERROR_OUT_OF_MEMORY = 0x35
    ERROR_INVALID_VALUE = 0x36
    ERROR_INVALID_ID = 0x37
    ERROR_INVALID_CALL = 0x38
    ERROR_COMMAND_TOO_LONG = 0x40


class SlStatus(IntEnum):
    """``sl_status_t`` values (four bytes) of the security-manager frames."""

    OK = 0x0000
    FAIL = 0x0001
    INVALID_STATE = 0x0002
    NOT_AVAILABLE = 0x000E
    INVALID_PARAMETER = 0x0021
    INVALID_INDEX = 0x0027
    FULL = 0x001C
    INVALID_KEY = 0x0029
    NOT_FOUND = 0x002D


class ConfigId(IntEnum):
    """``EzspConfigId``: the configuration values the host may read or set."""

    PACKET_BUFFER_COUNT = 0x01
    NEIGHBOR_TABLE_SIZE = 0x02
    APS_UNICAST_MESSAGE_COUNT = 0x03
    BINDING_TABLE_SIZE = 0x04
    ADDRESS_TABLE_SIZE = 0x05
    MULTICAST_TABLE_SIZE = 0x06
    ROUTE_TABLE_SIZE = 0x07
    DISCOVERY_TABLE_SIZE = 0x08
    STACK_PROFILE = 0x0C
    SECURITY_LEVEL = 0x0D
    MAX_HOPS = 0x10
    MAX_END_DEVICE_CHILDREN = 0x11
    INDIRECT_TRANSMISSION_TIMEOUT = 0x12
    END_DEVICE_POLL_TIMEOUT = 0x13
    TX_POWER_MODE = 0x17
    DISABLE_RELAY = 0x18
    TRUST_CENTER_ADDRESS_CACHE_SIZE = 0x19
    SOURCE_ROUTE_TABLE_SIZE = 0x1A
    FRAGMENT_WINDOW_SIZE = 0x1C
    FRAGMENT_DELAY_MS = 0x1D
    KEY_TABLE_SIZE = 0x1E
    APS_ACK_TIMEOUT = 0x1F
    BEACON_JITTER_DURATION = 0x20
    PAN_ID_CONFLICT_REPORT_THRESHOLD = 0x22
    REQUEST_KEY_TIMEOUT = 0x24
    CERTIFICATE_TABLE_SIZE = 0x29
    APPLICATION_ZDO_FLAGS = 0x2A
    BROADCAST_TABLE_SIZE = 0x2B
    MAC_FILTER_TABLE_SIZE = 0x2C
    SUPPORTED_NETWORKS = 0x2D
    SEND_MULTICASTS_TO_SLEEPY_ADDRESS = 0x2E
    ZLL_GROUP_ADDRESSES = 0x2F
    ZLL_RSSI_THRESHOLD = 0x30
    MTORR_FLOW_CONTROL = 0x33
    RETRY_QUEUE_SIZE = 0x34
    NEW_BROADCAST_ENTRY_THRESHOLD = 0x35
    TRANSIENT_KEY_TIMEOUT_S = 0x36
    BROADCAST_MIN_ACKS_NEEDED = 0x37
    TC_REJOINS_USING_WELL_KNOWN_KEY_TIMEOUT_S = 0x38
    CTUNE_VALUE = 0x39
    ASSUME_TC_CONCENTRATOR_TYPE = 0x40
    GP_PROXY_TABLE_SIZE = 0x41
    GP_SINK_TABLE_SIZE = 0x42


# Values an NCP built with the EmberZNet 7.4 NCP-UART sample reports before the host
# changes anything (read-only ones cannot be set).
DEFAULT_CONFIG: Final[dict[ConfigId, int]] = {
    ConfigId.PACKET_BUFFER_COUNT: 255,
    ConfigId.NEIGHBOR_TABLE_SIZE: 16,
    ConfigId.APS_UNICAST_MESSAGE_COUNT: 10,
    ConfigId.BINDING_TABLE_SIZE: 2,
    ConfigId.ADDRESS_TABLE_SIZE: 8,
    ConfigId.MULTICAST_TABLE_SIZE: 8,
    ConfigId.ROUTE_TABLE_SIZE: 16,
    ConfigId.DISCOVERY_TABLE_SIZE: 8,
    ConfigId.STACK_PROFILE: 2,
    ConfigId.SECURITY_LEVEL: 5,
    ConfigId.MAX_HOPS: 30,
    ConfigId.MAX_END_DEVICE_CHILDREN: 6,
    ConfigId.INDIRECT_TRANSMISSION_TIMEOUT: 7680,
    ConfigId.END_DEVICE_POLL_TIMEOUT: 8,
    ConfigId.TX_POWER_MODE: 0,
    ConfigId.DISABLE_RELAY: 0,
    ConfigId.TRUST_CENTER_ADDRESS_CACHE_SIZE: 2,
    ConfigId.SOURCE_ROUTE_TABLE_SIZE: 7,
    ConfigId.FRAGMENT_WINDOW_SIZE: 1,
    ConfigId.FRAGMENT_DELAY_MS: 0,
    ConfigId.KEY_TABLE_SIZE: 12,
    ConfigId.APS_ACK_TIMEOUT: 1600,
    ConfigId.BEACON_JITTER_DURATION: 3,
    ConfigId.PAN_ID_CONFLICT_REPORT_THRESHOLD: 1,
    ConfigId.REQUEST_KEY_TIMEOUT: 0,
    ConfigId.CERTIFICATE_TABLE_SIZE: 0,
    ConfigId.APPLICATION_ZDO_FLAGS: 0,
    ConfigId.BROADCAST_TABLE_SIZE: 15,
    ConfigId.MAC_FILTER_TABLE_SIZE: 0,
    ConfigId.SUPPORTED_NETWORKS: 1,
    ConfigId.SEND_MULTICASTS_TO_SLEEPY_ADDRESS: 0,
    ConfigId.ZLL_GROUP_ADDRESSES: 0,
    ConfigId.ZLL_RSSI_THRESHOLD: 0xFF80,  # -128 dBm as int16
    ConfigId.MTORR_FLOW_CONTROL: 1,
    ConfigId.RETRY_QUEUE_SIZE: 16,
    ConfigId.NEW_BROADCAST_ENTRY_THRESHOLD: 15,
    ConfigId.TRANSIENT_KEY_TIMEOUT_S: 300,
    ConfigId.BROADCAST_MIN_ACKS_NEEDED: 255,
    ConfigId.TC_REJOINS_USING_WELL_KNOWN_KEY_TIMEOUT_S: 300,
    ConfigId.CTUNE_VALUE: 0x0100,
    ConfigId.ASSUME_TC_CONCENTRATOR_TYPE: 0,
    ConfigId.GP_PROXY_TABLE_SIZE: 5,
    ConfigId.GP_SINK_TABLE_SIZE: 0,
}
READ_ONLY_CONFIG: Final = frozenset(
    {
        ConfigId.PACKET_BUFFER_COUNT,
        ConfigId.CERTIFICATE_TABLE_SIZE,
        ConfigId.GP_PROXY_TABLE_SIZE,
        ConfigId.GP_SINK_TABLE_SIZE,
    }
)


class ValueId(IntEnum):
    """``EzspValueId``: values read and written with getValue / setValue."""

    TOKEN_STACK_NODE_DATA = 0x00
    MAC_PASSTHROUGH_FLAGS = 0x01
    FREE_BUFFERS = 0x03
    UART_SYNCH_CALLBACKS = 0x04
    MAXIMUM_INCOMING_TRANSFER_SIZE = 0x05
    MAXIMUM_OUTGOING_TRANSFER_SIZE = 0x06
    STACK_TOKEN_WRITING = 0x07
    STACK_IS_PERFORMING_REJOIN = 0x08
    EXTENDED_SECURITY_BITMASK = 0x0A
    NODE_SHORT_ID = 0x0B
    DESCRIPTOR_CAPABILITY = 0x0C
    STACK_DEVICE_REQUEST_SEQUENCE_NUMBER = 0x0D
    ENDPOINT_FLAGS = 0x0F
    VERSION_INFO = 0x11
    NEXT_HOST_REJOIN_REASON = 0x12
    LAST_REJOIN_REASON = 0x13
    NEXT_ZIGBEE_SEQUENCE_NUMBER = 0x14
    CCA_THRESHOLD = 0x15
    CLEAR_COUNTERS = 0x19
    NWK_FRAME_COUNTER = 0x23
    APS_FRAME_COUNTER = 0x24
    ENABLE_R21_BEHAVIOR = 0x29
    ANTENNA_MODE = 0x30
    TRANSIENT_KEY_TIMEOUT_S = 0x3B
    MAX_BEACONS_TO_STORE = 0x3D
    END_DEVICE_TIMEOUT_OPTIONS_MASK = 0x3E
    END_DEVICE_KEEP_ALIVE_SUPPORT_MODE = 0x3F
    ACTIVE_RADIO_CONFIG = 0x41
    NWK_OPEN_DURATION = 0x42
    TRANSIENT_DEVICE_TIMEOUT = 0x43
    KEY_STORAGE_VERSION = 0x44
    DELAYED_JOIN_ACTIVATION = 0x45


class PolicyId(IntEnum):
    TRUST_CENTER = 0x00
    BINDING_MODIFICATION = 0x01
    UNICAST_REPLIES = 0x02
    POLL_HANDLER = 0x03
    MESSAGE_CONTENTS_IN_CALLBACK = 0x04
    TC_KEY_REQUEST = 0x05
    APP_KEY_REQUEST = 0x06
    PACKET_VALIDATE_LIBRARY = 0x07
    ZLL = 0x08
    TC_REJOINS_USING_WELL_KNOWN_KEY = 0x09


class Decision(IntEnum):
    """The policy decisions that are not bitmasks (the trust-centre policy is one)."""

    DISALLOW_BINDING_MODIFICATION = 0x10
    HOST_WILL_NOT_SUPPLY_REPLY = 0x20
    POLL_HANDLER_IGNORE = 0x30
    MESSAGE_TAG_ONLY_IN_CALLBACK = 0x40
    MESSAGE_TAG_AND_CONTENTS_IN_CALLBACK = 0x41
    DENY_TC_KEY_REQUESTS = 0x50
    DENY_APP_KEY_REQUESTS = 0x60
    PACKET_VALIDATE_LIBRARY_CHECKS_ENABLED = 0x62


class TrustCenterDecision(IntFlag):
    """``EzspDecisionBitmask`` of the trust-centre policy."""

    DEFAULT = 0x0000
    ALLOW_JOINS = 0x0001
    ALLOW_UNSECURED_REJOINS = 0x0002
    SEND_KEY_IN_CLEAR = 0x0004
    IGNORE_UNSECURED_REJOINS = 0x0008
    JOINS_USE_INSTALL_CODE_KEY = 0x0010
    DEFER_JOINS = 0x0020


DEFAULT_POLICIES: Final[dict[PolicyId, int]] = {
    PolicyId.TRUST_CENTER: TrustCenterDecision.ALLOW_JOINS
    | TrustCenterDecision.ALLOW_UNSECURED_REJOINS,
    PolicyId.BINDING_MODIFICATION: Decision.DISALLOW_BINDING_MODIFICATION,
    PolicyId.UNICAST_REPLIES: Decision.HOST_WILL_NOT_SUPPLY_REPLY,
    PolicyId.POLL_HANDLER: Decision.POLL_HANDLER_IGNORE,
    PolicyId.MESSAGE_CONTENTS_IN_CALLBACK: Decision.MESSAGE_TAG_ONLY_IN_CALLBACK,
    PolicyId.TC_KEY_REQUEST: Decision.DENY_TC_KEY_REQUESTS,
    PolicyId.APP_KEY_REQUEST: Decision.DENY_APP_KEY_REQUESTS,
    PolicyId.PACKET_VALIDATE_LIBRARY: Decision.PACKET_VALIDATE_LIBRARY_CHECKS_ENABLED,
    PolicyId.ZLL: 0x00,
    PolicyId.TC_REJOINS_USING_WELL_KNOWN_KEY: 0x00,
}


class MfgTokenId(IntEnum):
    """Manufacturing tokens and their sizes (``ezspGetMfgToken``)."""

    CUSTOM_VERSION = 0x00
    STRING = 0x01
    BOARD_NAME = 0x02
    MANUF_ID = 0x03
    PHY_CONFIG = 0x04
    BOOTLOAD_AES_KEY = 0x05
    ASH_CONFIG = 0x06
    EZSP_STORAGE = 0x07
    STACK_CAL_DATA = 0x08
    CBKE_DATA = 0x09
    INSTALLATION_CODE = 0x0A
    STACK_CAL_FILTER = 0x0B
    CUSTOM_EUI_64 = 0x0C
    CTUNE = 0x0D


MFG_TOKEN_SIZES: Final[dict[MfgTokenId, int]] = {
    MfgTokenId.CUSTOM_VERSION: 2,
    MfgTokenId.STRING: 16,
    MfgTokenId.BOARD_NAME: 16,
    MfgTokenId.MANUF_ID: 2,
    MfgTokenId.PHY_CONFIG: 2,
    MfgTokenId.BOOTLOAD_AES_KEY: 16,
    MfgTokenId.ASH_CONFIG: 40,
    MfgTokenId.EZSP_STORAGE: 8,
    MfgTokenId.STACK_CAL_DATA: 64,
    MfgTokenId.CBKE_DATA: 92,
    MfgTokenId.INSTALLATION_CODE: 20,
    MfgTokenId.STACK_CAL_FILTER: 1,
    MfgTokenId.CUSTOM_EUI_64: 8,
    MfgTokenId.CTUNE: 2,
}


class NodeType(IntEnum):
    UNKNOWN = 0
    COORDINATOR = 1
    ROUTER = 2
    END_DEVICE = 3
    SLEEPY_END_DEVICE = 4


class NetworkStatus(IntEnum):
    NO_NETWORK = 0
    JOINING_NETWORK = 1
    JOINED_NETWORK = 2
    JOINED_NETWORK_NO_PARENT = 3
    LEAVING_NETWORK = 4


class OutgoingMessageType(IntEnum):
    DIRECT = 0
    VIA_ADDRESS_TABLE = 1
    VIA_BINDING = 2
    MULTICAST = 3
    MULTICAST_WITH_ALIAS = 4
    BROADCAST_WITH_ALIAS = 5
    BROADCAST = 6


class IncomingMessageType(IntEnum):
    UNICAST = 0
    UNICAST_REPLY = 1
    MULTICAST = 2
    MULTICAST_LOOPBACK = 3
    BROADCAST = 4
    BROADCAST_LOOPBACK = 5


class DeviceUpdate(IntEnum):
    """``EmberDeviceUpdate``: what happened to a device the trust centre deals with."""

    STANDARD_SECURITY_SECURED_REJOIN = 0
    STANDARD_SECURITY_UNSECURED_JOIN = 1
    DEVICE_LEFT = 2
    STANDARD_SECURITY_UNSECURED_REJOIN = 3


class JoinDecision(IntEnum):
    USE_PRECONFIGURED_KEY = 0
    SEND_KEY_IN_THE_CLEAR = 1
    DENY_JOIN = 2
    NO_ACTION = 3


class KeyType(IntEnum):
    """``sl_zb_sec_man_key_type_t``: which key a security-manager context names."""

    NONE = 0
    NETWORK = 1
    TC_LINK = 2
    TC_LINK_WITH_TIMEOUT = 3
    APP_LINK = 4
    ZLL_ENCRYPTION_KEY = 5
    ZLL_PRECONFIGURED_KEY = 6
    GREEN_POWER_PROXY_TABLE_KEY = 7
    GREEN_POWER_SINK_TABLE_KEY = 8
    INTERNAL = 9


class SecurityContextFlag(IntFlag):
    NONE = 0x00
    KEY_INDEX_IS_VALID = 0x01
    EUI_IS_VALID = 0x02


class KeyStructBitmask(IntFlag):
    """``EmberKeyStructBitmask``: which fields of an APS key's metadata are valid."""

    HAS_SEQUENCE_NUMBER = 0x0001
    HAS_OUTGOING_FRAME_COUNTER = 0x0002
    HAS_INCOMING_FRAME_COUNTER = 0x0004
    HAS_PARTNER_EUI64 = 0x0008
    IS_AUTHORIZED = 0x0010
    PARTNER_IS_SLEEPY = 0x0020
    UNCONFIRMED_TRANSIENT = 0x0040
    HAS_PSA_ID = 0x0080
    HAS_KEY_DATA = 0x0100
    IS_AUTHENTICATION_TOKEN = 0x0200


class ApsOption(IntFlag):
    NONE = 0x0000
    ENCRYPTION = 0x0020
    RETRY = 0x0040
    ENABLE_ROUTE_DISCOVERY = 0x0100
    FORCE_ROUTE_DISCOVERY = 0x0200
    SOURCE_EUI64 = 0x0400
    DESTINATION_EUI64 = 0x0800
    ENABLE_ADDRESS_DISCOVERY = 0x1000
    POLL_RESPONSE = 0x2000
    ZDO_RESPONSE_REQUIRED = 0x4000
    FRAGMENT = 0x8000


class ZdoFlag(IntFlag):
    """``EZSP_CONFIG_APPLICATION_ZDO_FLAGS``: which ZDO requests the host sees and answers."""

    APP_RECEIVES_SUPPORTED_ZDO_REQUESTS = 0x01
    APP_HANDLES_UNSUPPORTED_ZDO_REQUESTS = 0x02
    APP_HANDLES_ZDO_ENDPOINT_REQUESTS = 0x04
    APP_HANDLES_ZDO_BINDING_REQUESTS = 0x08


class InitialSecurityBitmask(IntFlag):
    """``EmberInitialSecurityBitmask`` of setInitialSecurityState."""

    DISTRIBUTED_TRUST_CENTER_MODE = 0x0002
    TRUST_CENTER_GLOBAL_LINK_KEY = 0x0004
    PRECONFIGURED_NETWORK_KEY_MODE = 0x0008
    TRUST_CENTER_USES_HASHED_LINK_KEY = 0x0084
    HAVE_TRUST_CENTER_EUI64 = 0x0040
    HAVE_PRECONFIGURED_KEY = 0x0100
    HAVE_NETWORK_KEY = 0x0200
    GET_LINK_KEY_WHEN_JOINING = 0x0400
    REQUIRE_ENCRYPTED_KEY = 0x0800
    NO_FRAME_COUNTER_RESET = 0x1000
    GET_PRECONFIGURED_KEY_FROM_INSTALL_CODE = 0x2000


class LibraryId(IntEnum):
    FIRST = 0x00
    ZIGBEE_PRO = 0x00
    BINDING = 0x01
    END_DEVICE_BIND = 0x02
    SECURITY_CORE = 0x03
    SECURITY_LINK_KEYS = 0x04
    ALARM = 0x05
    CBKE = 0x06
    CBKE_DSA_SIGN = 0x07
    ECC = 0x08
    CBKE_DSA_VERIFY = 0x09
    PACKET_VALIDATE = 0x0A
    INSTALL_CODE = 0x0B
    ZLL = 0x0C
    CBKE_283K1 = 0x0D
    ECC_283K1 = 0x0E
    CBKE_CORE = 0x0F
    NCP = 0x10
    MULTI_NETWORK = 0x11
    ENHANCED_BEACON_REQUEST = 0x12
    CBKE_283K1_DSA_VERIFY = 0x13
    MULTI_PAN = 0x14


LIBRARY_PRESENT: Final = 0x80


# -- headers ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Header:
    """The parsed start of a frame from the host."""

    sequence: int
    frame_control: int  # low byte
    frame_id: int
    legacy: bool
    network_index: int


def parse_command(frame: bytes) -> tuple[Header, bytes]:
    """Split a frame from the host into its header and parameters.

    Raises ``ValueError`` when the frame is too short or not a command. A legacy frame is
    recognised by its second byte pair: in the extended format the high frame-control
    byte carries format version 1.
    """
    if len(frame) < 3:
        raise ValueError("frame too short")
    sequence, control = frame[0], frame[1]
    if len(frame) >= 5 and frame[2] & FC_HIGH_FORMAT_MASK == FC_HIGH_FORMAT_VERSION:
        frame_id = frame[3] | frame[4] << 8
        header = Header(sequence, control, frame_id, legacy=False, network_index=control >> 5 & 3)
        return header, frame[5:]
    return Header(sequence, control, frame[2], legacy=True, network_index=0), frame[3:]


def build_frame(
    sequence: int, frame_id: int, params: bytes, *, control: int = FC_RESPONSE, legacy: bool
) -> bytes:
    if legacy:
        return bytes([sequence, control, frame_id & 0xFF]) + params
    return struct.pack("<BBBH", sequence, control, FC_HIGH_FORMAT_VERSION, frame_id) + params


# -- parameters ------------------------------------------------------------------------


class Reader:
    """Reads little-endian parameters off a frame; ``ValueError`` when it runs short."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pos = 0

    def _take(self, size: int) -> bytes:
        if self._pos + size > len(self._data):
            raise ValueError("parameters too short")
        chunk = self._data[self._pos : self._pos + size]
        self._pos += size
        return chunk

    def u8(self) -> int:
        return self._take(1)[0]

    def s8(self) -> int:
        return int.from_bytes(self._take(1), "little", signed=True)

    def u16(self) -> int:
        return int.from_bytes(self._take(2), "little")

    def u32(self) -> int:
        return int.from_bytes(self._take(4), "little")

    def raw(self, size: int) -> bytes:
        return self._take(size)

    def eui64(self) -> bytes:
        return self._take(8)

    def key(self) -> bytes:
        return self._take(16)

    def lv_bytes(self) -> bytes:
        return self._take(self.u8())

    def u16_list(self, count: int) -> list[int]:
        return [self.u16() for _ in range(count)]

    @property
    def remaining(self) -> int:
        return len(self._data) - self._pos


class Writer:
    """Builds little-endian parameters."""

    def __init__(self) -> None:
        self._out = bytearray()

    def u8(self, value: int) -> Self:
        self._out.append(value & 0xFF)
        return self

    def s8(self, value: int) -> Self:
        self._out += value.to_bytes(1, "little", signed=True)
        return self

    def u16(self, value: int) -> Self:
        self._out += (value & 0xFFFF).to_bytes(2, "little")
        return self

    def u32(self, value: int) -> Self:
        self._out += (value & 0xFFFFFFFF).to_bytes(4, "little")
        return self

    def raw(self, data: bytes) -> Self:
        self._out += data
        return self

    def lv_bytes(self, data: bytes) -> Self:
        self._out.append(len(data))
        self._out += data
        return self

    def u16_list(self, values: list[int]) -> Self:
        for value in values:
            self.u16(value)
        return self

    def build(self) -> bytes:
        return bytes(self._out)


# -- structures --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ApsFields:
    """``EmberApsFrame``: profile, cluster, endpoints, options, group, APS counter."""

    profile: int
    cluster: int
    src_ep: int
    dst_ep: int
    options: int = 0
    group: int = 0
    sequence: int = 0

    @classmethod
    def read(cls, reader: Reader) -> ApsFields:
        return cls(
            profile=reader.u16(),
            cluster=reader.u16(),
            src_ep=reader.u8(),
            dst_ep=reader.u8(),
            options=reader.u16(),
            group=reader.u16(),
            sequence=reader.u8(),
        )

    def write(self, writer: Writer) -> Writer:
        return (
            writer.u16(self.profile)
            .u16(self.cluster)
            .u8(self.src_ep)
            .u8(self.dst_ep)
            .u16(self.options)
            .u16(self.group)
            .u8(self.sequence)
        )


@dataclass(frozen=True, slots=True)
class NetworkParameters:
    """``EmberNetworkParameters``."""

    extended_pan_id: bytes  # 8 bytes, as on the air
    pan_id: int
    radio_tx_power: int
    radio_channel: int
    join_method: int = 0
    nwk_manager_id: int = 0x0000
    nwk_update_id: int = 0
    channels: int = 0

    @classmethod
    def read(cls, reader: Reader) -> NetworkParameters:
        return cls(
            extended_pan_id=reader.eui64(),
            pan_id=reader.u16(),
            radio_tx_power=reader.s8(),
            radio_channel=reader.u8(),
            join_method=reader.u8(),
            nwk_manager_id=reader.u16(),
            nwk_update_id=reader.u8(),
            channels=reader.u32(),
        )

    def write(self, writer: Writer) -> Writer:
        return (
            writer.raw(self.extended_pan_id)
            .u16(self.pan_id)
            .s8(self.radio_tx_power)
            .u8(self.radio_channel)
            .u8(self.join_method)
            .u16(self.nwk_manager_id)
            .u8(self.nwk_update_id)
            .u32(self.channels)
        )


@dataclass(frozen=True, slots=True)
class SecurityContext:
    """``sl_zb_sec_man_context_t``: names a key for export, import and metadata."""

    core_key_type: int
    key_index: int
    derived_type: int
    eui64: bytes
    multi_network_index: int
    flags: int
    psa_key_alg_permission: int

    @classmethod
    def read(cls, reader: Reader) -> SecurityContext:
        return cls(
            core_key_type=reader.u8(),
            key_index=reader.u8(),
            derived_type=reader.u16(),
            eui64=reader.eui64(),
            multi_network_index=reader.u8(),
            flags=reader.u8(),
            psa_key_alg_permission=reader.u32(),
        )

    def write(self, writer: Writer) -> Writer:
        return (
            writer.u8(self.core_key_type)
            .u8(self.key_index)
            .u16(self.derived_type)
            .raw(self.eui64)
            .u8(self.multi_network_index)
            .u8(self.flags)
            .u32(self.psa_key_alg_permission)
        )


def write_aps_key_metadata(
    writer: Writer, *, bitmask: int, outgoing: int, incoming: int, ttl: int = 0
) -> Writer:
    """``sl_zb_sec_man_aps_key_metadata_t``."""
    return writer.u16(bitmask).u32(outgoing).u32(incoming).u16(ttl)
