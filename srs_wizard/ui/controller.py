"""The owner of the session and its draft, beside the wizard window.

Pages own their fields. Each page hands over what it collected as a value (a dict of the
session's fields it is responsible for): ``value()`` gives it, and the page's
``value_changed`` signal carries it while the technician types, so that the draft is
written a moment later (nothing typed is lost on a crash). The controller applies those
values to the one :class:`~srs_wizard.core.session.Session`; no page writes into the
session and no page reads another page's widgets.
"""

from __future__ import annotations

import logging
import os
import re
import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from PySide6.QtCore import QObject, QSettings, QTimer

    from srs_wizard.core.session import Session

log = logging.getLogger(__name__)

REMEMBERED = ("technician", "customer")  # the room name changes with every room

DRAFT_NAME = "draft.json"
DRAFT_PATTERN = re.compile(r"draft(?:-\d+)?\.json")  # draft.json, draft-2.json, ...
MAX_DRAFTS_LOOKED_AT = 20
AUTOSAVE_MS = 400  # a draft is written this long after the last change


def _write_draft(folder: Path, path: Path, data: bytes) -> None:
    """Runs on the file pool. OSError goes back to the controller, which tells the technician once."""
    from srs_wizard.core.files import atomic_write

    folder.mkdir(parents=True, exist_ok=True)
    atomic_write(path, data)


def _remove_file(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        log.warning("draft not removed: %s", exc.strerror or exc)


def drafts_in(folder: Path) -> list[Path]:
    """The drafts in ``folder``, newest first (an unreadable folder has none)."""
    found = []
    try:
        for entry in os.scandir(folder):
            if DRAFT_PATTERN.fullmatch(entry.name):
                try:
                    found.append((entry.stat().st_mtime, entry.name))
                except OSError:
                    continue
    except OSError:
        return []
    found.sort(reverse=True)
    return [folder / name for _mtime, name in found[:MAX_DRAFTS_LOOKED_AT]]


def free_draft_path(folder: Path, taken: set[str]) -> Path:
    """draft.json, or draft-2.json, draft-3.json ...: a name no draft in ``folder`` has."""
    names = {p.name for p in drafts_in(folder)} | taken
    if DRAFT_NAME not in names:
        return folder / DRAFT_NAME
    n = 2
    while f"draft-{n}.json" in names:
        n += 1
    return folder / f"draft-{n}.json"


def default_data_dir() -> Path:
    from PySide6.QtCore import QStandardPaths

    return Path(QStandardPaths.writableLocation(QStandardPaths.AppDataLocation))


class SessionController:
    """Holds the Session and the draft; applies the values pages hand over.

    A plain object, not a QObject: it is made before the first page is shown, and a QObject
    class with signals costs start-up time. The window tells it what to do and hears back
    through three callbacks.
    """

    def __init__(self, settings: "QSettings", file_pool: Callable, data_dir: str | Path | None = None,
                 session: "Session | None" = None, parent: "QObject | None" = None):
        self._parent = parent              # the timer's parent: it lives as long as the window
        # An earlier session's draft was found: (the Session, or None when only damaged drafts
        # were; when it was written, or None; where damaged drafts were set aside).
        self.on_draft_found: Callable = lambda pending, written, damaged: None
        # Drafts cannot be written: (folder, reason); the technician is told once.
        self.on_drafts_failed: Callable = lambda folder, reason: None
        # The session was replaced (a draft resumed): every page loads it.
        self.on_session_replaced: Callable = lambda session: None
        self.settings = settings
        self._file_pool = file_pool        # the wizard's one-thread pool for file writes
        self._data_dir = Path(data_dir) if data_dir is not None else None
        self._session = session            # made on first use: its modules are not needed for page one
        self._before_session: dict = {}    # values handed over before the session was made
        self._pending_draft: "Session | None" = None  # offered, not yet answered
        self._offered_path: Path | None = None         # the file of the offered draft
        self._draft_path: Path | None = None           # the live session's draft, once known
        self._told_drafts_fail = False
        self.went_past_welcome = False     # the new session holds more than page one
        self.finished = False
        self.closed = False
        self._dirty = False                # something changed since the draft was last written
        self._timer: "QTimer | None" = None  # made at the first change

    @property
    def timer(self) -> "QTimer":
        """The autosave debounce: the draft is written AUTOSAVE_MS after the last change."""
        if self._timer is None:
            from PySide6.QtCore import QTimer

            self._timer = QTimer(self._parent)
            self._timer.setSingleShot(True)
            self._timer.setInterval(AUTOSAVE_MS)
            self._timer.timeout.connect(self.save_progress)
        return self._timer

    # ------------------------------------------------------------------ the session
    @property
    def has_session(self) -> bool:
        return self._session is not None

    @property
    def session(self) -> "Session":
        if self._session is None:
            from srs_wizard.core.session import Session

            self._session = Session()
            self._set(self._before_session)
            self._before_session = {}
        return self._session

    def _set(self, values: dict) -> None:
        for name, value in values.items():
            if not hasattr(self._session, name):
                raise AttributeError(f"a page handed over {name!r}, which a session does not have")
            setattr(self._session, name, value)

    def start_with(self, values: dict) -> None:
        """Values shown before anything was typed (the remembered names): the session starts
        from them, without a draft being written for them."""
        if self._session is None:
            self._before_session.update(values)
        else:
            self._set(values)

    def apply(self, values: dict) -> None:
        """A page handed over its value: the session takes it and the draft follows shortly."""
        self._set_now(values)
        self.changed()

    def take(self, page) -> None:
        """The technician moves on from ``page``: its whole value is handed over."""
        value = getattr(page, "value", None)
        if value is not None:
            self._set_now(value())

    def _set_now(self, values: dict) -> None:
        self.session  # noqa: B018 - made now, from what came before
        self._set(values)

    def connect_page(self, page) -> None:
        signal = getattr(page, "value_changed", None)
        if signal is not None:
            signal.connect(self.apply)

    def changed(self) -> None:
        """Something changed: it is saved in a moment."""
        self._dirty = True
        self.timer.start()

    def remembered(self) -> dict[str, str]:
        """The names the last session used (the welcome page shows them)."""
        return {k: str(self.settings.value(f"welcome/{k}", "") or "") for k in REMEMBERED}

    def _remember(self) -> None:
        if self._session is None:
            return
        for key in REMEMBERED:
            self.settings.setValue(f"welcome/{key}", getattr(self._session, key).strip())

    def save_progress(self) -> None:
        self._remember()
        self.save_draft()

    # ------------------------------------------------------------------ the draft
    @property
    def data_dir(self) -> Path:
        if self._data_dir is None:
            self._data_dir = default_data_dir()
        return self._data_dir

    @property
    def draft_path(self) -> Path:
        """Where this session's draft is written: draft.json, or another name while an
        earlier session's draft is being offered (both are kept until it is answered)."""
        if self._draft_path is None:  # never a name an existing draft has, looked at or not
            self._draft_path = free_draft_path(self.data_dir, set())
        return self._draft_path

    @property
    def pending_draft(self) -> "Session | None":
        return self._pending_draft

    def look_for_draft(self) -> None:
        """Offer to resume the newest unfinished session; set damaged drafts aside.

        Everything here is bounded: a draft is opened without blocking and read only if it
        is a regular file of sane size, so a FIFO or a device at its path cannot freeze the
        start, and any JSON at all is checked (session.draft_problems) before it is offered.
        """
        from srs_wizard.core import session as session_mod

        damaged: list[str] = []
        for path in drafts_in(self.data_dir):
            if path == self._draft_path:
                continue  # this session's own, written before the look
            try:
                data, written = session_mod.read_draft(path)
                offered = session_mod.Session.from_draft(data)
            except FileNotFoundError:
                continue
            except (OSError, session_mod.DraftError) as exc:
                damaged.append(self._set_aside(path, exc))
                continue
            self._pending_draft, self._offered_path = offered, path
            self.on_draft_found(offered, written, damaged)
            return
        if damaged:
            self.on_draft_found(None, None, damaged)

    def _set_aside(self, path: Path, exc: Exception) -> str:
        aside = path.with_name(f"draft-unreadable-{time.strftime('%Y%m%d-%H%M%S')}-{path.stem}.json")
        try:
            path.replace(aside)
            where = str(aside)
        except OSError:
            where = str(path)
        # Codes and field names only: a draft's values may hold what was typed.
        reason = ", ".join(getattr(exc, "problems", [])) or type(exc).__name__
        log.warning("unreadable draft %s set aside (%s)", path.name, reason)
        return where

    def resume_draft(self) -> bool:
        if self._pending_draft is None:
            return False
        self.wait_for_files()
        if not self.went_past_welcome:
            # Only the welcome fields were typed, and Resume replaces them before the
            # technician's eyes: that second draft goes. A session taken further is kept
            # and offered at a later start.
            _remove_file(self.draft_path)
        self._session, self._pending_draft = self._pending_draft, None
        self._draft_path, self._offered_path = self._offered_path, None
        self._dirty = False
        self.on_session_replaced(self._session)
        return True

    def discard_draft(self) -> None:
        offered, self._offered_path = self._offered_path, None
        self._pending_draft = None
        if offered is not None:
            self.wait_for_files()
            _remove_file(offered)

    def save_draft(self, force: bool = False) -> None:
        """Write the draft off the GUI thread (``force``: even if nothing changed since)."""
        if force:
            self._dirty = True
        if self._session is None or not self._dirty or self.finished:
            return  # nothing typed yet
        import json

        from srs_wizard.ui import workers

        data = json.dumps(self._session.to_draft(), ensure_ascii=False).encode("utf-8")
        self._dirty = False
        folder, path = self.data_dir, self.draft_path
        task = workers.Task(lambda: _write_draft(folder, path, data))
        task.signals.errored.connect(self._draft_not_written)
        workers.start(self._file_pool(), task)

    def _draft_not_written(self, _tag: int, exc: BaseException) -> None:
        from srs_wizard.ui.workers import describe

        reason = describe(exc)
        folder = self.data_dir
        log.warning("drafts cannot be written to %s: %s", folder, reason)
        if self._told_drafts_fail or self.closed:
            return
        self._told_drafts_fail = True
        self.on_drafts_failed(str(folder), reason)

    def wait_for_files(self) -> None:
        pool = self._file_pool(create=False)
        if pool is not None:
            pool.waitForDone(10000)

    def remove_draft(self) -> None:
        """This session's draft goes (it finished); another session's draft is kept."""
        self.wait_for_files()  # a draft still being written must not reappear afterwards
        _remove_file(self.draft_path)

    def finish(self) -> None:
        self.finished = True
        self.remove_draft()

    def close(self) -> None:
        """The last save, waited for."""
        self.closed = True
        if self._timer is not None:
            self._timer.stop()
        self.save_progress()
        self.wait_for_files()
