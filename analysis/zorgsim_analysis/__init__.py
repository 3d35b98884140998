"""zorgsim's analysis package: tidy tables from result files (load), pictures (plots) and the
council report (report). Debian's python3 packages only; run with /usr/bin/python3."""
from .load import KNOWN_SCHEMAS, Result, SchemaError, Sweep, load

__all__ = ["KNOWN_SCHEMAS", "Result", "SchemaError", "Sweep", "load"]
