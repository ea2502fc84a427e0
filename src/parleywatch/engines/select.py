"""Choose the engine from command-line options, so every command offers the same choice."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from parleywatch.errors import ParleyError
from parleywatch.process import Engine, local_engine


@contextmanager
def open_engine(
    scheduler: str | None = None, dask: bool = False, workers: int | None = None, chunk_size: int = 16
) -> Iterator[Engine]:
    """This process by default; Dask with ``scheduler`` (remote) or ``dask``/``workers`` (local).

    The cluster lives as long as the ``with`` block; Dask is imported only when asked for, as it
    is an optional extra.
    """
    if not (scheduler or dask or workers):
        yield local_engine
        return
    try:
        from parleywatch.engines.dask import DaskEngine, DaskSettings
    except ImportError as error:
        raise ParleyError(f"the dask engine needs the extra: pip install 'parleywatch[dask]' ({error})") from None

    with DaskEngine(DaskSettings(scheduler=scheduler, workers=workers, chunk_size=chunk_size)) as engine:
        try:
            engine.client()
        except OSError as error:  # unreachable scheduler: distributed raises OSError after its timeout
            raise ParleyError(f"cannot reach the Dask scheduler {scheduler}: {error}") from None
        yield engine
