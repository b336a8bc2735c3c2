"""Process-wide hardening the integration installs once, when it is imported.

* **Secrets stay out of logs.** zigpy, zigpy-znp and aiosqlite log the network key at DEBUG
  (NV writes while forming, NV reads at every start, ``Network info: ...``, network backups
  stored in zigpy's database) and zigpy-znp dumps raw UART frames when its ``TRACE`` level is
  enabled. A log record factory rewrites every record of those loggers (and ours) before any
  handler sees it: known secrets in every spelling (hex, ``aa:bb:..``, ``\\xAA\\xBB..``,
  Python bytes repr), any 16-byte colon-separated key, any 32-digit hex string, and the value
  bytes of every non-volatile-memory read and write of the Z-Stack become ``**REDACTED**``.
  Keys seen that way are learnt, so later spellings of the same key are redacted too.
* **Files holding keys are the owner's only (0600)**, like Home Assistant's own secrets:
  :func:`make_private` fixes the network backups and zigpy's database (and SQLite's journal
  files beside it, which SQLite creates with the database's mode) at every start.
* **A flooding radio cannot flood the log.** zigpy-znp logs every unknown frame at ERROR
  (a fake coordinator streaming well-formed frames of unknown commands made thousands of
  lines a second, and formatting them starved the event loop). Warnings and errors of the
  radio libraries' frame handling are rate-limited per message: a burst per interval; the
  first record let through in a later interval says how many similar ones were dropped.
* **One frame cannot allocate gigabytes.** zigpy converts a reported value into the
  attribute's declared type with ``type(value)``; for an octet-string attribute (genBasic
  0x000A product code, Lumi's 0xFFF0...) reported as an integer that is ``bytes(n)``: a
  4-byte report of 0xFFFFFFFF allocated 4 GiB, and zigpy then cached (and stored) it.
  zigpy's byte string types are made to refuse integers (``TypeError``), so such a record
  is dropped like any other value of the wrong type.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
import contextlib
import logging
import os
from pathlib import Path
import re
import threading
from typing import Any, Final

REDACTED: Final = "**REDACTED**"

#: loggers whose records are redacted (prefix match: ``zigpy`` covers ``zigpy_znp`` too)
REDACTED_LOGGERS: Final = (
    "zigpy",
    "bellows",
    "aiosqlite",
    "custom_components.aqara_zigbee",
    "homeassistant.components.aqara_zigbee",
)

_HEX2 = r"[0-9A-Fa-f]{2}"
# 16 bytes or more written aa:bb:cc:... (zigpy's KeyData, zigpy-znp's parsed NV items)
_COLON_BLOB: Final = re.compile(rf"(?<![0-9A-Fa-f:])(?:{_HEX2}:){{15,}}{_HEX2}(?![0-9A-Fa-f:])")
# 32 hex digits in one run (zigpy's backup JSON spells the TC link key seed that way)
_HEX_BLOB: Final = re.compile(r"(?<![0-9A-Fa-f])[0-9A-Fa-f]{32}(?![0-9A-Fa-f])")
# zigpy-znp's Bytes repr: every byte escaped
_ESCAPED_BLOB: Final = re.compile(rf"b'((?:\\x{_HEX2}){{16,}})'")
# Z-Stack non-volatile memory requests and answers (keys, seeds and link keys live there)
_NV_COMMAND: Final = re.compile(r"SYS\.(?:OSALNV|NV)\w*\.(?:Req|Rsp)")
# Raw MT frames carrying NV values: SREQ writes (0x21 ..) and SRSP reads (0x61 ..)
_NV_RAW: Final = re.compile(
    r"\\x21\\x(?:07|09|1D|30|34|35)|\\x61\\x(?:08|1C|33)", flags=re.IGNORECASE
)
_NV_PARSED: Final = re.compile(
    r"CommandHeader\(id=0x(?:07|08|09|1C|1D|30|33|34|35), subsystem=Subsystem\.SYS"
)
# NV items whose whole value is key material: the key is the value, or follows one byte
_KEY_ITEMS: Final = re.compile(r"OsalNvIds\.(PRECFGKEY|TCLK_SEED|NWK_ACTIVE_KEY_INFO|NWK_ALTERN)")

_MAX_SECRETS: Final = 64
# Public keys that are not worth redacting (and would only make logs harder to read)
_PUBLIC_KEYS: Final = frozenset({b"ZigBeeAlliance09", b"\xff" * 16, bytes(16)})


def _spellings(secret: bytes) -> Iterable[str]:
    """Every way the libraries we use print a key."""
    yield secret.hex()
    yield secret.hex(":")
    yield secret.hex(" ")
    yield secret.hex("-")
    yield secret[::-1].hex(":")
    yield str(list(secret))[1:-1]
    yield "".join(f"\\x{byte:02x}" for byte in secret)
    yield repr(secret)[2:-1]


class SecretRedactor:
    """Redacts secrets from text; learns the keys it recognises."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        # Insertion-ordered: when full, the longest-unseen key is forgotten first
        self._secrets: dict[bytes, None] = {}
        self._known: re.Pattern[str] | None = None

    @property
    def secrets(self) -> frozenset[bytes]:
        return frozenset(self._secrets)

    def add(self, secret: bytes | bytearray | None) -> None:
        """Redact ``secret`` from now on (16-byte keys; others are ignored)."""
        if secret is None:
            return
        secret = bytes(secret)
        if len(secret) != 16 or secret in _PUBLIC_KEYS:
            return
        with self._lock:
            if secret in self._secrets:
                # Seen again: it is in use, keep it longest
                self._secrets[secret] = self._secrets.pop(secret)
                return
            if len(self._secrets) >= _MAX_SECRETS:
                del self._secrets[next(iter(self._secrets))]
            self._secrets[secret] = None
            spellings = sorted(
                {spelling for known in self._secrets for spelling in _spellings(known)},
                key=len,
                reverse=True,
            )
            self._known = re.compile(
                "|".join(re.escape(spelling) for spelling in spellings), flags=re.IGNORECASE
            )

    def redact(self, text: str) -> str:
        """``text`` without secrets (the same object when there was nothing to redact)."""
        known = self._known
        if known is not None:
            text = known.sub(REDACTED, text)
        if _NV_COMMAND.search(text) is not None:
            text = self._redact_nv_values(text)
        elif (
            "data" in text and (_NV_RAW.search(text) is not None or _NV_PARSED.search(text))
        ) and "\\x" in text:
            text = _ESCAPED_BLOB.sub(f"b'{REDACTED}'", text)
        if ":" in text:
            text = _COLON_BLOB.sub(self._learn_colon, text)
        return _HEX_BLOB.sub(REDACTED, text)

    def _redact_nv_values(self, text: str) -> str:
        item = _KEY_ITEMS.search(text)
        for match in _ESCAPED_BLOB.finditer(text):
            if item is None:
                break
            value = bytes.fromhex(match.group(1).replace("\\x", ""))
            self.add(value[-16:] if len(value) in (16, 17) else None)
        return _ESCAPED_BLOB.sub(f"b'{REDACTED}'", text)

    def _learn_colon(self, match: re.Match[str]) -> str:
        blob = match.group(0)
        if len(blob) == 47:  # exactly 16 bytes: a key (or the TC link key seed)
            self.add(bytes.fromhex(blob.replace(":", "")))
        return REDACTED


REDACTOR: Final = SecretRedactor()


class _RedactingRecordFactory:
    """Wraps the log record factory; rewrites records of :data:`REDACTED_LOGGERS`."""

    def __init__(self, previous: Callable[..., logging.LogRecord]) -> None:
        self.previous = previous

    def __call__(self, *args: Any, **kwargs: Any) -> logging.LogRecord:
        record = self.previous(*args, **kwargs)
        # A record the rate limiter drops is never seen: do not spend time redacting it
        if record.name.startswith(REDACTED_LOGGERS) and not RATE_LIMITER.will_drop(record):
            _redact_record(record)
        return record


def _redact_record(record: logging.LogRecord) -> None:
    try:
        message = record.getMessage()
    except Exception:  # a broken record is the logging module's to report
        return
    cleaned = REDACTOR.redact(message)
    if cleaned != message:
        record.msg = cleaned
        record.args = ()
    if record.exc_info and not record.exc_text:
        with contextlib.suppress(Exception):
            record.exc_text = REDACTOR.redact(logging.Formatter().formatException(record.exc_info))


#: the radio libraries' loggers of frame handling (a logger filter applies to its own
#: records only, so every logger that reports bad input is named)
RATE_LIMITED_LOGGERS: Final = (
    "zigpy_znp.api",
    "zigpy_znp.uart",
    "zigpy_znp.frames",
    "bellows.ash",
    "bellows.uart",
    "bellows.ezsp",
    "bellows.ezsp.protocol",
    "zigpy.serial",
)
#: records of one message let through per interval before the rest are dropped
RATE_LIMIT_BURST: Final = 5
RATE_LIMIT_INTERVAL: Final = 10.0


class RateLimitFilter(logging.Filter):
    """Lets through ``burst`` WARNING+ records per message template and interval."""

    def __init__(self, burst: int = RATE_LIMIT_BURST, interval: float = RATE_LIMIT_INTERVAL):
        super().__init__()
        self.burst = burst
        self.interval = interval
        self._lock = threading.Lock()
        # (logger, template) -> [window start, records let through, records dropped]
        self._windows: dict[tuple[str, str], list[float]] = {}

    def will_drop(self, record: logging.LogRecord) -> bool:
        """Whether :meth:`filter` would drop ``record`` now (without counting it)."""
        if record.levelno < logging.WARNING or record.name not in RATE_LIMITED_LOGGERS:
            return False
        window = self._windows.get((record.name, str(record.msg)))
        return (
            window is not None
            and record.created - window[0] < self.interval
            and window[1] >= self.burst
        )

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        key = (record.name, str(record.msg))
        with self._lock:
            window = self._windows.get(key)
            if window is None or record.created - window[0] >= self.interval:
                dropped = int(window[2]) if window is not None else 0
                if len(self._windows) > 256:  # templates are few; never grow without bound
                    self._windows.clear()
                self._windows[key] = [record.created, 1, 0]
                if dropped:
                    record.msg = f"{record.msg} ({dropped} similar messages suppressed)"
                return True
            if window[1] < self.burst:
                window[1] += 1
                return True
            window[2] += 1
            return False


RATE_LIMITER: Final = RateLimitFilter()

PRIVATE_MODE: Final = 0o600
_SQLITE_SIBLINGS: Final = ("-wal", "-shm", "-journal")


def make_private(path: Path, *, create: bool = False) -> None:
    """Make ``path`` (and SQLite's files beside it) readable by its owner only.

    ``create`` makes a missing file empty with that mode, so that SQLite (which keeps an
    existing file's mode, and gives its journal files the database's) never creates it
    world-readable. Blocking: call it in an executor.
    """
    if create:
        with contextlib.suppress(FileExistsError):
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE))
    for candidate in (path, *(path.with_name(path.name + sibling) for sibling in _SQLITE_SIBLINGS)):
        with contextlib.suppress(FileNotFoundError):
            if candidate.stat().st_mode & 0o077:
                candidate.chmod(PRIVATE_MODE)


_install_lock = threading.Lock()
_installed = False


def install() -> None:
    """Install the log redaction and the zigpy guard (idempotent)."""
    global _installed  # noqa: PLW0603 - process-wide, installed once
    with _install_lock:
        if _installed:
            return
        _installed = True
        logging.setLogRecordFactory(_RedactingRecordFactory(logging.getLogRecordFactory()))
        for name in RATE_LIMITED_LOGGERS:
            logging.getLogger(name).addFilter(RATE_LIMITER)
        _guard_zigpy_conversion()


def _guard_zigpy_conversion() -> None:
    """Make zigpy's byte string types refuse integers (``bytes(n)`` is n zero bytes)."""
    import zigpy.types  # noqa: PLC0415 - only what the guard changes

    def refuse_integers(cls: type[bytes], *args: Any, **kwargs: Any) -> bytes:
        if args and isinstance(args[0], int):
            raise TypeError(f"{cls.__name__} from the integer {args[0]} (allocation bomb)")
        return bytes.__new__(cls, *args, **kwargs)

    for cls in (zigpy.types.LVBytes, zigpy.types.Bytes):
        if "__new__" not in cls.__dict__:  # subclasses (LimitedLVBytes...) inherit it
            setattr(cls, "__new__", staticmethod(refuse_integers))  # noqa: B010 - mypy


__all__ = [
    "PRIVATE_MODE",
    "RATE_LIMITER",
    "REDACTED",
    "REDACTED_LOGGERS",
    "REDACTOR",
    "SecretRedactor",
    "install",
    "make_private",
]
