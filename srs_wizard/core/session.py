"""What the wizard has learned so far, as plain data, and the record made from it.

Pages write here; the summary, the PDF, the saved record and the draft are all made from
it. The full product key lives only in ``mak`` (a KeyCheck) in memory: the draft and the
record carry the masked key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from typing import TYPE_CHECKING

from srs_wizard.core.promo import PromoRequest
from srs_wizard.flow import FlowState, effective_path

if TYPE_CHECKING:  # the DNS and record modules load when first used, not at start-up
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
    fallback: str | None = None
    mak: product_key.KeyCheck | None = None
    mak_used_anyway: bool = False
    mak_checklist: dict[str, bool] = field(default_factory=dict)
    promo: PromoRequest = field(default_factory=PromoRequest)
    promo_actions: list[str] = field(default_factory=list)  # "copied", "saved", "opened"
    notes: str = ""
    console: dict | None = None  # core.console.ConsoleReport.to_record_json() of an imported report

    def flow_state(self) -> FlowState:
        return FlowState(self.choice, self.kms.verdict if self.kms else None, self.fallback)

    @property
    def path(self) -> str:
        return effective_path(self.flow_state())

    def to_record(self, now: datetime | None = None, machine: str | None = None) -> "record.Record":
        from srs_wizard import __version__
        from srs_wizard.core import record

        path = self.path
        data = {
            "schema": record.SCHEMA,
            "created": (now or datetime.now().astimezone()).isoformat(timespec="seconds"),
            "app_version": __version__,
            "machine": machine if machine is not None else computer_name(),
            "technician": self.technician.strip(),
            "customer": self.customer.strip(),
            "site": self.site.strip(),
            "path": path,
            "kms": self.kms.to_json() if self.kms else None,
            "mak": (record.mak_json(self.mak, self.mak_used_anyway, self.mak_checklist)
                    if self.mak is not None and path == "mak" else None),
            "promo": self.promo.to_json() if path == "promo" else None,
            "promo_actions": list(self.promo_actions) if path == "promo" else [],
            "notes": self.notes,
        }
        if self.console is not None:
            data["console"] = self.console
        return record.Record(data)

    # The draft: everything typed, never the key.
    def to_draft(self) -> dict:
        return {
            "schema": DRAFT_SCHEMA,
            "technician": self.technician, "customer": self.customer, "site": self.site,
            "choice": self.choice,
            "kms_inputs": vars(self.kms_inputs).copy(),
            "kms": self.kms.to_json() if self.kms else None,
            "fallback": self.fallback,
            "mak_masked": self.mak.masked if self.mak else None,
            "mak_checklist": dict(self.mak_checklist),
            "promo": self.promo.to_json(),
            "promo_actions": list(self.promo_actions),
            "notes": self.notes,
            "console": self.console,
        }

    @classmethod
    def from_draft(cls, data: dict) -> "Session":
        from srs_wizard.core import kms as kms_mod
        from srs_wizard.core import record

        if not isinstance(data, dict) or data.get("schema") != DRAFT_SCHEMA:
            raise ValueError("not a srs-wizard draft")
        if record.contains_unmasked_key(data):
            raise ValueError("a draft never holds a product key")
        inputs = KmsInputs(**{k: v for k, v in (data.get("kms_inputs") or {}).items()
                              if k in KmsInputs.__dataclass_fields__})
        kms_data = data.get("kms")
        return cls(
            technician=str(data.get("technician") or ""), customer=str(data.get("customer") or ""),
            site=str(data.get("site") or ""), choice=data.get("choice"), kms_inputs=inputs,
            kms=kms_mod.check_from_json(kms_data) if kms_data else None,
            fallback=data.get("fallback"),
            mak_checklist={k: bool(v) for k, v in (data.get("mak_checklist") or {}).items()},
            promo=PromoRequest.from_json(data.get("promo") or {}),
            promo_actions=list(data.get("promo_actions") or []),
            notes=str(data.get("notes") or ""),
            console=data.get("console") if isinstance(data.get("console"), dict) else None,
        )


def computer_name() -> str:
    import platform
    import socket

    return platform.node() or socket.gethostname()
