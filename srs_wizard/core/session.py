"""What the wizard has learned so far, as plain data, and the record made from it.

Pages write here; the summary, the PDF, the saved record and the draft are all made from
it. The full product key lives only in ``mak`` (a KeyCheck) in memory: the draft and the
record carry the masked key.
"""

from __future__ import annotations

import json
import math
import os
import stat
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from srs_wizard.core.choices import FlowState, effective_path
from srs_wizard.core.promo import PromoRequest

if TYPE_CHECKING:  # the DNS and record modules load when first used, not at start-up
    from srs_wizard.core import activation as activation_mod
    from srs_wizard.core import kms as kms_mod
    from srs_wizard.core import product_key, record

DRAFT_SCHEMA = "srs-wizard/draft/1"


@dataclass
class KmsInputs:
    domains: str = ""
    nameserver: str = ""
    expect: str = ""
    timeout: float = 5.0          # kms.DEFAULT_TIMEOUT
    connect_timeout: float = 2.0  # kms.DEFAULT_CONNECT_TIMEOUT


@dataclass
class Session:
    technician: str = ""
    customer: str = ""
    site: str = ""
    choice: str | None = None
    kms_inputs: KmsInputs = field(default_factory=KmsInputs)
    kms: kms_mod.KmsCheck | None = None
    # The inputs ``kms`` was made from: a result belongs to its inputs (the page drops it when
    # they change); its connect timeout is the one the verdict's words name.
    kms_checked_with: KmsInputs | None = None
    fallback: str | None = None
    mak: product_key.KeyCheck | None = None
    mak_used_anyway: bool = False
    mak_checklist: dict[str, bool] = field(default_factory=dict)
    promo: PromoRequest = field(default_factory=PromoRequest)
    promo_actions: list[str] = field(default_factory=list)  # "copied", "saved", "opened"
    notes: str = ""
    activation: activation_mod.ActivationResult | None = None  # the console's own answer, once given
    console: dict | None = None  # core.console.ConsoleReport.to_record_json() of an imported report
    # That report's ospp.vbs /dstatus output (keys already cut to their last five by
    # core.console), for the activation page; neither recorded nor drafted.
    console_dstatus: str | None = field(default=None, repr=False)
    # The technician asked for the "Activate without internet" page (a MAK path only).
    offline_wanted: bool = False

    def kms_verdict(self) -> str | None:
        """The KMS verdict the strongest DNS evidence supports (core.judge): the console's own
        answers outrank this computer's check."""
        if self.kms is None and self.console is None and self.activation is None:
            return None  # nothing to judge: the judge's modules are not needed yet
        from srs_wizard.core import judge

        return judge.effective_kms_verdict(self.kms, self.console, self.activation)

    def flow_state(self) -> FlowState:
        return FlowState(self.choice, self.kms_verdict(), self.fallback, self._offline())

    def room_verdict(self, path: str | None = None):
        """The one verdict of this room (core.judge.RoomVerdict) from all its evidence."""
        from srs_wizard.core import judge, record

        path = path or self.path
        mak = (record.mak_json(self.mak, self.mak_used_anyway, self.mak_checklist)
               if self.mak is not None and path == "mak" else None)
        return judge.judge(path=path, choice=self.choice, check=self.kms,
                           connect_timeout=(self.kms_checked_with or self.kms_inputs).connect_timeout
                           if self.kms is not None else None,
                           console=self.console, activation=self.activation if path != "promo" else None, mak=mak)

    def _offline(self) -> bool:
        """Activate without internet: asked for, or /act could not reach the activation server."""
        if self.offline_wanted:
            return True
        from srs_wizard.core.activation import server_unreachable

        return self.activation is not None and self.activation.offline is None \
            and server_unreachable(self.activation.report)

    @property
    def path(self) -> str:
        return effective_path(self.flow_state())

    def to_record(self, now: datetime | None = None, machine: str | None = None,
                  check: bool = True) -> "record.Record":
        """The record of this session, as the record's model (core.record: each field says
        what of the session it holds). It is checked as a saved record would be (RecordError,
        naming the fields, when it is not one the program's own validator takes); ``check``
        False only to show it on screen while something is still wrong."""
        from srs_wizard.core import record

        return record.make(self, machine if machine is not None else computer_name(), now, check)

    # The draft: everything typed, never the key.
    def to_draft(self) -> dict:
        from srs_wizard.core.product_key import mask_keys_in

        return mask_keys_in({
            "schema": DRAFT_SCHEMA,
            "technician": self.technician, "customer": self.customer, "site": self.site,
            "choice": self.choice,
            "kms_inputs": vars(self.kms_inputs).copy(),
            "kms": self.kms.to_json() if self.kms else None,
            "kms_checked_with": vars(self.kms_checked_with).copy() if self.kms_checked_with else None,
            "fallback": self.fallback,
            "mak_masked": self.mak.masked if self.mak else None,
            "mak_checklist": dict(self.mak_checklist),
            "promo": self.promo.to_json(),
            "promo_actions": list(self.promo_actions),
            "notes": self.notes,
            "activation": self.activation.to_json() if self.activation is not None else None,
            "console": self.console,
        })

    @classmethod
    def from_draft(cls, data: dict) -> "Session":
        """The session a draft holds; DraftError (naming fields, never quoting values) if the
        draft is not one this version wrote: a damaged draft is set aside, never half-loaded."""
        from srs_wizard.core import kms as kms_mod

        problems = draft_problems(data)
        if problems:
            raise DraftError(problems)
        inputs = KmsInputs(**{k: v for k, v in (data.get("kms_inputs") or {}).items()
                              if k in KmsInputs.__dataclass_fields__})
        checked_with = data.get("kms_checked_with")
        checked_with = KmsInputs(**{k: v for k, v in checked_with.items() if k in KmsInputs.__dataclass_fields__}) \
            if isinstance(checked_with, dict) else None
        kms_data = data.get("kms")
        try:
            kms = kms_mod.check_from_json(kms_data) if kms_data else None
            if kms is not None:
                # Shown at once on Resume: a result the report cannot word is refused now,
                # not in an error box then.
                from srs_wizard.core.present.report import format_kms_report

                format_kms_report(kms)
        except (ValueError, TypeError, KeyError, AttributeError) as exc:  # a shape record.check let by
            raise DraftError(["kms"]) from exc
        try:
            promo = PromoRequest.from_json(data.get("promo") or {})
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            raise DraftError(["promo"]) from exc
        activation_data = data.get("activation")
        activation = None
        if isinstance(activation_data, dict):
            from srs_wizard.core import activation as activation_mod

            try:
                activation = activation_mod.result_from_json(activation_data)
            except (ValueError, TypeError, KeyError, AttributeError) as exc:
                raise DraftError(["activation"]) from exc
        return cls(
            technician=data.get("technician") or "", customer=data.get("customer") or "",
            site=data.get("site") or "", choice=data.get("choice"), kms_inputs=inputs, kms=kms,
            kms_checked_with=checked_with if kms is not None else None,
            fallback=data.get("fallback"),
            mak_checklist=dict(data.get("mak_checklist") or {}),
            promo=promo,
            promo_actions=list(data.get("promo_actions") or []),
            notes=data.get("notes") or "",
            activation=activation,
            console=data.get("console") if isinstance(data.get("console"), dict) else None,
        )


# ---------------------------------------------------------------------------- reading a draft
# A draft is read at start-up, before the technician can do anything: it must never block
# (a FIFO or a device at its path), never take long (a huge file) and never crash the start
# (any JSON at all). What fails is set aside by the caller with a message.

DRAFT_MAX_BYTES = 4 * 1024 * 1024  # a real draft is a few kB; a promo note is bounded far below this
DRAFT_MAX_DEPTH = 16               # a real draft nests 6 deep (kms.hosts[].probes[].result)
DRAFT_MAX_TEXT = 100_000           # characters in one text field
PROMO_ACTIONS = ("copied", "saved", "opened")

# Problem codes (besides field names such as "kms", "promo.systems"): what DraftError names.
NOT_A_FILE = "not-a-file"
TOO_LARGE = "too-large"
NOT_JSON = "not-json"
NOT_A_DRAFT = "not-a-draft"
TOO_DEEP = "too-deep"
HOLDS_A_KEY = "holds-a-key"


class DraftError(ValueError):
    """A draft that cannot be resumed. ``problems`` are codes and field names, never values:
    a draft may hold what was typed, and it goes to the log."""

    def __init__(self, problems: list[str]):
        super().__init__(", ".join(problems))
        self.problems = problems


def read_draft(path: str | os.PathLike) -> tuple[dict, float]:
    """The JSON object in the draft at ``path`` and the time it was written (epoch seconds).

    Opened without blocking and refused unless it is a regular file of sane size: a FIFO,
    a device or a folder there raises DraftError(NOT_A_FILE) at once. OSError if it cannot
    be opened (FileNotFoundError: there is none).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise DraftError([NOT_A_FILE])
        if info.st_size > DRAFT_MAX_BYTES:
            raise DraftError([TOO_LARGE])
        chunks, size = [], 0
        while size <= DRAFT_MAX_BYTES:
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > DRAFT_MAX_BYTES:  # grew while being read
            raise DraftError([TOO_LARGE])
    finally:
        os.close(fd)
    return parse_draft(b"".join(chunks)), info.st_mtime


def _no_constant(name: str):
    raise ValueError(f"{name} is not JSON")


def parse_draft(raw: bytes) -> dict:
    """Draft bytes -> JSON object (no NaN or Infinity, no nesting deep enough to recurse on)."""
    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise DraftError([NOT_JSON]) from None
    if not isinstance(data, dict):
        raise DraftError([NOT_A_DRAFT])
    return data


def _depth_exceeds(value: Any, limit: int) -> bool:
    """Is ``value`` nested deeper than ``limit``? Without recursion, so any depth is safe."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            if depth > limit:
                return True
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return False


def _is_text(value: Any) -> bool:
    if not isinstance(value, str) or len(value) > DRAFT_MAX_TEXT:
        return False
    try:
        value.encode("utf-8")  # a lone surrogate cannot be shown or saved
    except UnicodeEncodeError:
        return False
    return True


def _is_number(value: Any, low: float, high: float) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) \
        and low <= value <= high


def draft_problems(data: Any) -> list[str]:
    """Every reason ``data`` is not a draft this version can resume, as codes and field names.

    The draft's own fields are checked here; its KMS result, activation and console report
    by the record's reader (``record.part_problems``), the same rules a saved record meets.
    """
    from srs_wizard.core import choices, record

    if not isinstance(data, dict) or data.get("schema") != DRAFT_SCHEMA:
        return [NOT_A_DRAFT]
    if _depth_exceeds(data, DRAFT_MAX_DEPTH):
        return [TOO_DEEP]
    problems: list[str] = []

    def optional(obj: dict, key: str, ok, where: str = "") -> None:
        value = obj.get(key)
        if value is not None and not ok(value):
            problems.append(where + key)

    for key in ("technician", "customer", "site", "notes", "mak_masked"):
        optional(data, key, _is_text)
    optional(data, "choice", lambda v: v in choices.CHOICES)
    optional(data, "fallback", lambda v: v in (choices.FALLBACK_MAK, choices.FALLBACK_PROMO))

    for name in ("kms_inputs", "kms_checked_with"):
        inputs = data.get(name)
        if inputs is None:
            continue
        if not isinstance(inputs, dict):
            problems.append(name)
            continue
        for key in ("domains", "nameserver", "expect"):
            optional(inputs, key, _is_text, f"{name}.")
        optional(inputs, "timeout", lambda v: _is_number(v, 0.1, 3600), f"{name}.")
        optional(inputs, "connect_timeout", lambda v: _is_number(v, 0.1, 3600), f"{name}.")

    optional(data, "mak_checklist", lambda v: isinstance(v, dict) and all(
        isinstance(k, str) and isinstance(b, bool) for k, b in v.items()))

    promo = data.get("promo")
    if promo is not None:
        if not isinstance(promo, dict):
            problems.append("promo")
        else:
            for key in ("company", "contact_name", "contact_email", "contact_phone", "deployment_date",
                        "tam_name", "tam_contact", "oem_name", "oem_email", "note"):
                optional(promo, key, _is_text, "promo.")
            optional(promo, "systems", lambda v: isinstance(v, int) and not isinstance(v, bool), "promo.")
    optional(data, "promo_actions", lambda v: isinstance(v, list) and all(a in PROMO_ACTIONS for a in v))

    # The record's own reader for a KMS result, the console's answer and an imported console
    # report: a draft resumes only what a record may hold.
    for name in ("kms", "activation", "console"):
        value = data.get(name)
        if value is not None and record.part_problems(name, value):
            problems.append(name)
    if not problems and record.contains_unmasked_key(data):
        problems.append(HOLDS_A_KEY)
    return problems


def computer_name() -> str:
    import platform
    import socket

    return platform.node() or socket.gethostname()
