"""Writing files so that a failure never destroys what was there before.

Only a regular file or a new path is written. A device, a FIFO, a folder or a socket is
refused (as root, replacing /dev/null with a file would break the machine). A symbolic link
is written through: its target is replaced, the link stays. An existing file keeps its
permission bits; a new one gets the usual ones (0666 less the umask), not mkstemp's 0600.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import Iterable

# What a refused path is (stable codes; srs_wizard.core.present.files words them).
DEVICE = "device"
FIFO = "fifo"
DIRECTORY = "directory"
SOCKET = "socket"
OTHER = "other"


class NotARegularFile(OSError):
    """The path exists and is not a regular file: nothing was written. ``kind`` says what it is."""

    def __init__(self, path: str | os.PathLike, kind: str, reading: bool = False):
        from srs_wizard.core.present.files import not_a_regular_file

        super().__init__(errno.EINVAL, not_a_regular_file(kind, reading), str(path))
        self.kind = kind


def _kind(mode: int) -> str:
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return DEVICE
    if stat.S_ISFIFO(mode):
        return FIFO
    if stat.S_ISDIR(mode):
        return DIRECTORY
    if stat.S_ISSOCK(mode):
        return SOCKET
    return OTHER


def _umask() -> int:
    """The process umask, read without changing it (os.umask would race other threads)."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return 0o022


def resolve_target(path: str | os.PathLike) -> tuple[Path, os.stat_result | None]:
    """The file that writing ``path`` replaces (a symlink's target), and its stat if it exists.

    Raises NotARegularFile for anything but a regular file or a new path, and OSError for a
    symlink loop.
    """
    target = Path(path)
    if target.is_symlink():
        target = Path(os.path.realpath(target, strict=False))
        if target.is_symlink():  # realpath gives up on a loop
            raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(path))
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return target, None
    if not stat.S_ISREG(info.st_mode):
        raise NotARegularFile(path, _kind(info.st_mode))
    return target, info


def _set_owner_and_mode(fd: int, info: os.stat_result | None, new_mode: int) -> None:
    if not hasattr(os, "fchmod"):  # Windows: no permission bits to keep
        return
    if info is not None and hasattr(os, "fchown"):
        mine = os.fstat(fd)
        if (mine.st_uid, mine.st_gid) != (info.st_uid, info.st_gid):
            try:  # root overwriting a user's file leaves it the user's
                os.fchown(fd, info.st_uid, info.st_gid)
            except OSError:
                pass
    os.fchmod(fd, stat.S_IMODE(info.st_mode) if info is not None else new_mode)


def check_target(path: str | os.PathLike) -> None:
    """Raise NotARegularFile (or OSError) now if ``path`` could never be written."""
    resolve_target(path)


def atomic_write(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then replace ``path`` with it.

    A full disk, a read-only folder or a locked file raises OSError and leaves any earlier
    file at ``path`` exactly as it was.
    """
    atomic_write_many([(path, data)])


def atomic_write_many(items: list[tuple[str | os.PathLike, bytes]]) -> None:
    """Write several files side by side: all are written to temporaries first, then moved.

    If any target is refused or any temporary cannot be written, none of the targets is touched.
    """
    targets = [(resolve_target(path), data) for path, data in items]
    new_mode = 0o666 & ~_umask()
    temps: list[tuple[str, Path]] = []
    try:
        for (target, info), data in targets:
            fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            temps.append((temp, target))
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                _set_owner_and_mode(fh.fileno(), info, new_mode)
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


# --------------------------------------------------------------------------- reading inputs


class TooLarge(OSError):
    """The input is over ``limit`` bytes: it was not read (or not read past the limit)."""

    def __init__(self, path: str | os.PathLike, limit: int):
        from srs_wizard.core.present.files import too_large

        super().__init__(errno.EFBIG, too_large(limit), str(path))
        self.limit = limit


def read_bounded(path: str | os.PathLike, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them.

    A FIFO, a device, a socket or a folder is refused (NotARegularFile) before it is opened,
    and opened without blocking in case it was swapped in since, so a reader never waits
    for a writer that never comes. A larger file raises TooLarge without being read; one
    that grows past the limit while it is read raises it too. OSError for the rest.
    """
    try:
        info = os.stat(path)
    except OSError:
        info = None  # said by open() below, in its own words
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise NotARegularFile(path, _kind(info.st_mode), reading=True)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile(path, _kind(info.st_mode), reading=True)
        if info.st_size > limit:
            raise TooLarge(path, limit)
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(path, limit)
    return data


def read_stream_bounded(stream, limit: int, name: str = "-") -> bytes:
    """At most ``limit`` bytes of a binary stream (standard input); TooLarge past it."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(name, limit)
    return data


# --------------------------------------------------------------------------- outputs that are inputs


class SameFile(OSError):
    """An output is the same file as an input or as another output: nothing was written."""

    def __init__(self, path: str | os.PathLike, other: str | os.PathLike, other_is_output: bool):
        from srs_wizard.core.present.files import same_file

        super().__init__(errno.EINVAL, same_file(str(other), other_is_output), str(path))
        self.other = str(other)
        self.other_is_output = other_is_output


def _identity(path: str | os.PathLike) -> tuple:
    """What a path names: its device and inode when it exists (so hard links, symbolic links
    and ``..`` count), else the absolute path with links resolved."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return ("path", os.path.normcase(os.path.realpath(path)))
    return ("inode", info.st_dev, info.st_ino)


def refuse_overlap(inputs: Iterable[str | os.PathLike], outputs: Iterable[str | os.PathLike | None]) -> None:
    """Raise SameFile if an output would replace one of the inputs or another output."""
    seen: dict[tuple, tuple[str, bool]] = {}
    for path in inputs:
        ident = _identity(path)
        if ident[0] == "inode":
            seen.setdefault(ident, (os.fspath(path), False))
    for path in outputs:
        if not path:
            continue
        ident = _identity(path)
        if ident in seen:
            other, is_output = seen[ident]
            raise SameFile(path, other, is_output)
        seen[ident] = (os.fspath(path), True)
