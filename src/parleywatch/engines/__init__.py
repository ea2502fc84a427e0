"""Where the per-article work runs: this process (``process.local_engine``) or a Dask cluster."""

from parleywatch.engines.select import open_engine

__all__ = ["open_engine"]
