"""Writing files so that a failure never destroys what was there before."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def atomic_write(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then replace ``path`` with it.

    A full disk, a read-only folder or a locked file raises OSError and leaves any earlier
    file at ``path`` exactly as it was.
    """
    atomic_write_many([(path, data)])


def atomic_write_many(items: list[tuple[str | os.PathLike, bytes]]) -> None:
    """Write several files side by side: all are written to temporaries first, then moved.

    If any temporary cannot be written, none of the targets is touched.
    """
    temps: list[tuple[str, Path]] = []
    try:
        for path, data in items:
            target = Path(path)
            fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            temps.append((temp, target))
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        for temp, target in temps:
            os.replace(temp, target)
    except BaseException:
        for temp, _target in temps:
            try:
                os.unlink(temp)
            except OSError:
                pass
        raise
