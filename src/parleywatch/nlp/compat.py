"""Python 3.11 compatibility for pymorphy2, which natasha 1.6 depends on.

pymorphy2 0.9.1 calls ``inspect.getargspec`` (removed in Python 3.11) when a unit is cloned or
printed. We restore it as a thin wrapper over ``getfullargspec`` instead of switching to pymorphy3:
natasha 1.6 pins pymorphy2's API and dictionaries, and a ten-line shim keeps the dependency tree
exactly the one natasha is tested with. ``apply()`` must run before pymorphy2 is imported.
"""

from __future__ import annotations

import inspect
from collections import namedtuple
from typing import Any

ArgSpec = namedtuple("ArgSpec", ["args", "varargs", "keywords", "defaults"])


def _getargspec(func: Any) -> ArgSpec:
    """The pre-3.11 ``inspect.getargspec`` result, built from ``getfullargspec``."""
    spec = inspect.getfullargspec(func)
    return ArgSpec(spec.args, spec.varargs, spec.varkw, spec.defaults)


def apply() -> None:
    """Install the shim once; harmless when Python still has ``getargspec``."""
    if not hasattr(inspect, "getargspec"):
        inspect.getargspec = _getargspec  # type: ignore[attr-defined]
