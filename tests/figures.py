"""Scale and figures of the reliability tests (fuzzing, faults, security).

``make test`` runs every reliability test at a quick scale and asserts its figures;
``make soak`` (``script/soak``) sets ``AQARA_SOAK=1`` to run the same tests at soak scale and
collects the figures each test reports into ``$AQARA_FIGURES`` (JSON lines), which
``script/soak`` prints as a table at the end.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
import sys

#: True under ``make soak``
SOAK = os.environ.get("AQARA_SOAK") == "1"


def scale(quick: int, soak: int) -> int:
    """``quick`` in ``make test``, ``soak`` in ``make soak``."""
    return soak if SOAK else quick


def report(name: str, **figures: int | float | str) -> dict[str, int | float | str]:
    """Print a test's figures (and record them for ``script/soak``'s summary)."""
    line = ", ".join(f"{key}={value}" for key, value in figures.items())
    print(f"\n[figures] {name}: {line}", file=sys.stderr)
    target = os.environ.get("AQARA_FIGURES")
    if target:
        with Path(target).open("a", encoding="utf-8") as stream:
            stream.write(json.dumps({"test": name, "soak": SOAK, **figures}) + "\n")
    return figures
