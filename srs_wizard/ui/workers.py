"""Slow work off the GUI thread: a QRunnable with a separate signals object, on a QThreadPool.

The signals object lives in the GUI thread, so its signals reach the page queued; a page
that is gone has its connections dropped by Qt. A page runs its tasks through a
:class:`TaskRunner`, which owns the current task: a task that was cancelled or replaced is
dropped there, once, for every page. Errors arrive as the exception object (superqt's
shape); :func:`describe` words it. Nothing is ever terminated: cancelling is the core's own
cancel.
"""

from __future__ import annotations

import logging
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, Signal

log = logging.getLogger(__name__)


class TaskSignals(QObject):
    started = Signal(int)
    returned = Signal(int, object)
    errored = Signal(int, object)  # the exception itself
    cancelled = Signal(int)
    finished = Signal(int)


class Task(QRunnable):
    """Runs ``fn()`` on a pool thread and reports through ``signals`` with its ``tag``."""

    _next_tag = 0

    def __init__(self, fn: Callable[[], Any], cancel: Callable[[], None] | None = None):
        super().__init__()
        Task._next_tag += 1
        self.tag = Task._next_tag
        self.fn = fn
        self._cancel = cancel
        self.signals = TaskSignals()
        self.setAutoDelete(False)  # Python owns it: start() keeps it until it has finished

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel()

    def run(self) -> None:
        from srs_wizard.core import kms  # here, not at the top: the DNS code is not needed before page one

        signals, tag = self.signals, self.tag
        signals.started.emit(tag)
        try:
            result = self.fn()
        except kms.CheckCancelled:
            signals.cancelled.emit(tag)
        except (kms.UsageError, OSError) as exc:  # expected: bad input, a file that cannot be read or written
            signals.errored.emit(tag, exc)
        except Exception as exc:  # reported to the user in words; the details go to the log
            log.error("task failed: %s", "".join(traceback.format_exception_only(type(exc), exc)).strip())
            signals.errored.emit(tag, exc)
        else:
            signals.returned.emit(tag, result)
        finally:
            signals.finished.emit(tag)


def describe(exc: BaseException) -> str:
    """An error in words: the system's for a file, the message otherwise."""
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    from srs_wizard.core import kms

    if isinstance(exc, kms.UsageError):  # a code with parameters: worded in present
        from srs_wizard.core.present.kms_inputs import usage_error_text

        return usage_error_text(exc)
    return str(exc) or type(exc).__name__


# Tasks the pools are running: Python must hold them (and their signals) until they end.
_running: dict[int, Task] = {}


def start(pool, task: Task) -> Task:
    """Run ``task`` on ``pool``, keeping it alive until it has finished."""
    _running[task.tag] = task
    task.signals.finished.connect(lambda tag: _running.pop(tag, None))
    pool.start(task)
    return task


def kms_check_task(**kwargs) -> Task:
    from srs_wizard.core import kms

    token = kms.CancelToken()
    return Task(lambda: kms.find_kms_hosts(cancel=token, **kwargs), cancel=token.cancel)


class TaskRunner:
    """The current task of one page: start, cancel, stale results dropped, the busy state.

    ``start`` replaces (and cancels) a running task; only the current task's outcome reaches
    the handlers, once, after the runner is idle again (``busy`` is False and ``on_busy``
    has been told). A cancelled task reports nothing.
    """

    def __init__(self, pool: Callable[[], Any], on_busy: Callable[[bool], None] | None = None):
        self._pool = pool
        self.on_busy = on_busy
        self.task: Task | None = None

    @property
    def busy(self) -> bool:
        return self.task is not None

    def start(self, fn: Callable[[], Any], *, cancel: Callable[[], None] | None = None,
              returned: Callable[[Any], None] | None = None,
              errored: Callable[[BaseException], None] | None = None,
              cancelled: Callable[[], None] | None = None) -> Task:
        if self.task is not None:
            self.cancel()
        task = Task(fn, cancel=cancel)
        self.task = task

        def settle(handler, *args) -> None:
            if self.task is not task:
                return  # cancelled or replaced: its outcome is stale
            self.task = None
            if self.on_busy is not None:
                self.on_busy(False)
            if handler is not None:
                handler(*args)

        task.signals.returned.connect(lambda _tag, value: settle(returned, value))
        task.signals.errored.connect(lambda _tag, exc: settle(errored, exc))
        task.signals.cancelled.connect(lambda _tag: settle(cancelled))
        # A task that ends without any of the three (it cannot, but a page must never stay busy).
        task.signals.finished.connect(lambda _tag: settle(None))
        if self.on_busy is not None:
            self.on_busy(True)
        start(self._pool(), task)
        return task

    def cancel(self) -> bool:
        """Stop the current task (its late outcome is dropped); False when there was none."""
        task, self.task = self.task, None
        if task is None:
            return False
        task.cancel()
        if self.on_busy is not None:
            self.on_busy(False)
        return True
