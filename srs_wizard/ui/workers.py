"""Slow work off the GUI thread: a QRunnable with a separate signals object, on a QThreadPool.

The signals object lives in the GUI thread, so its signals reach the page queued; a page
that is gone has its connections dropped by Qt, and a task that was cancelled or replaced
is ignored by its tag. Nothing is ever terminated: cancelling is the core's own cancel.
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
    errored = Signal(int, str)
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
        except kms.UsageError as exc:
            from srs_wizard.core.present.kms_inputs import usage_error_text

            signals.errored.emit(tag, usage_error_text(exc))
        except OSError as exc:  # a file that cannot be written: say why in the system's words
            signals.errored.emit(tag, exc.strerror or str(exc))
        except Exception as exc:  # reported to the user in words; the details go to the log
            log.error("task failed: %s", "".join(traceback.format_exception_only(type(exc), exc)).strip())
            signals.errored.emit(tag, str(exc) or type(exc).__name__)
        else:
            signals.returned.emit(tag, result)
        finally:
            signals.finished.emit(tag)


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
