"""Session records for many rooms, made the way the wizard makes them (Session.to_record),
for the rollout tests and the benchmark."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from srs_wizard.core import kms, product_key
from srs_wizard.core.promo import PromoRequest
from srs_wizard.core.session import Session

BEIJING = timezone(timedelta(hours=8))
START = datetime(2026, 11, 2, 9, 0, tzinfo=BEIJING)
GVLK = "2MG3G-3BNTT-3MFW9-KDQW3-TCK7R"  # Lync 2013 KMS client key (published by Microsoft)


def kms_check(verdict: str = "ready", hosts: int = 2, unexpected: int = 0) -> kms.KmsCheck:
    found = tuple(kms.KmsHost(f"kms{i:02d}.contoso.com", 1688, i, 100, "contoso.com", (f"10.0.{i // 250}.{i % 250}",),
                              verdict == "ready" and i == 0, 0.4 if i == 0 else None, None)
                  for i in range(hosts if verdict in ("ready", "found", "unreachable") else 0))
    rogue = tuple(f"rogue{i}.contoso.com" for i in range(unexpected))
    domains = (kms.DomainResult("contoso.com", "primary", "ok", kms.Detail("records", count=1), 1.2),
               kms.DomainResult("corp.contoso.com", "search-list", "nxdomain", None, 2.0))
    return kms.KmsCheck(verdict, domains, found, rogue, 5.0, nameservers=("10.0.0.53",))


def make_record(path: str = "kms", *, site: str = "Room 1", machine: str = "SRS-01", customer: str = "Contoso Ltd",
                technician: str = "Ana", created: datetime = START, kms_verdict: str = "ready", hosts: int = 2,
                unexpected: int = 0, key: str | None = None, checklist: dict | None = None,
                promo_actions: tuple = (), activation=None, with_activation: bool = True) -> dict:
    s = Session(technician=technician, customer=customer, site=site, choice=path)
    if path == "kms":
        s.kms = kms_check(kms_verdict, hosts, unexpected)
    elif path == "mak":
        from tests.test_mak_page import valid_mak

        s.mak = product_key.check(key or valid_mak())
        s.mak_used_anyway = not s.mak.valid
        s.mak_checklist = checklist if checklist is not None else {
            "vlsc_sign_in": True, "agreement_confirmed": True, "mak_downloaded": True}
    else:
        s.promo = PromoRequest(company=customer, contact_name="张长门", contact_email="zhang@example.cn",
                               contact_phone="+86 10 6552 8899", systems=4, deployment_date=date(2026, 12, 1))
        s.promo_actions = list(promo_actions)
    data = s.to_record(now=created, machine=machine).to_json()
    if with_activation:
        data["activation"] = activation if activation is None else {"verdict": activation, "products": []}
    return data


def write(folder: Path, name: str, data) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False, indent=2)
    path.write_text(text, encoding="utf-8")
    return path


def write_many(folder: Path, count: int, hosts: int = 50, per_folder: int = 500,
               rooms: int | None = None, start: int = 0) -> list[Path]:
    """``count`` records of ``hosts`` KMS hosts each, a few folders deep: each of a distinct
    room, or of ``rooms`` rooms checked again and again."""
    base = make_record("kms", hosts=hosts, activation="licensed")
    paths = []
    for i in range(start, start + count):
        room = i if rooms is None else i % rooms
        base["site"] = f"Building {room // 40} room {room % 40}"
        base["machine"] = f"SRS-{room:05d}"
        base["created"] = (START + timedelta(minutes=i)).isoformat()
        paths.append(write(folder / f"batch{i // per_folder:03d}", f"room-{i:05d}.json", base))
    return paths
