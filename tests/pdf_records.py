"""Records of every licensing path, with long values, for the PDF layout checks.

Each is what the wizard would record: a KMS check (ready with long host names, or not found
with a rogue host), a MAK, a promotional request; with or without the console's own answer
(a GBK /dstatus file) and an imported console report."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from srs_wizard.core import activation as act
from srs_wizard.core import console, kms, product_key
from srs_wizard.core.promo import PromoRequest
from srs_wizard.core.session import Session
from tests.console_reports import encode, windows7_report

NOW = datetime(2026, 11, 28, 10, 30, tzinfo=timezone(timedelta(hours=8)))
CORPUS = Path(__file__).parent / "corpus" / "ospp"
LONG_HOST = "kms-primary-datacenter-beijing-chaoyang-01.corp.contoso-international.test"
ROGUE = "rogue-kms-from-a-forgotten-lab.branch-office.contoso-international.test"


def _host(name: str, i: int, expected: bool | None = True, reachable: bool = True) -> kms.KmsHost:
    address = f"10.20.30.{40 + i}"
    probe = kms.Probe(address, "open", 0.8, protocol="kms") if reachable else kms.Probe(address, "timeout", None)
    return kms.KmsHost(name, 1688, i, 100, "corp.contoso-international.test", (address,), reachable,
                       0.8 if reachable else None, expected, probes=(probe,), protocol="kms" if reachable else None)


def kms_ready() -> kms.KmsCheck:
    hosts = [_host(LONG_HOST, 0), _host("kms01.contoso.test", 1), _host("kms02.contoso.test", 2, reachable=False)]
    domains = (
        kms.DomainResult("corp.contoso-international.test", "primary", "ok", kms.Detail("records", count=3), 1.2,
                         used=True),
        kms.DomainResult("contoso-international.test", "search-list", "nxdomain", None, 2.0),
        kms.DomainResult("branch-office.contoso-international.test", "argument", "nxdomain", None, 1.7),
    )
    return kms.KmsCheck("ready", domains, tuple(hosts), (), 5.0, nameservers=("10.20.30.1", "10.20.30.2"),
                        bind_tried=True)


def kms_many_hosts(count: int = 28) -> kms.KmsCheck:
    """A table that cannot fit on one page with what is above it."""
    ready = kms_ready()
    hosts = [_host(f"kms{i:02d}-{'x' * (i % 5)}.corp.contoso-international.test", i, reachable=i % 3 != 2)
             for i in range(count)]
    return kms.KmsCheck("ready", ready.domains, tuple(hosts), (), 5.0, nameservers=ready.nameservers,
                        bind_tried=True)


def kms_not_found_rogue() -> kms.KmsCheck:
    domains = (
        kms.DomainResult("corp.contoso-international.test", "primary", "nxdomain", None, 1.2),
        kms.DomainResult("branch-office.contoso-international.test", "search-list", "ok",
                         kms.Detail("records", count=1), 2.0),
    )
    return kms.KmsCheck("not_found", domains, (_host(ROGUE, 0, expected=False),), (ROGUE,), 5.0,
                        nameservers=("10.20.30.1",))


LONG_LICENSE = "OfficeLyncVL_KMS_Client_SkypeRoomSystem_Preview_Channel_Build_15.0.4569"


def activation_from(name: str, last5: str | None = None, expected_last5: str | None = None,
                    found=(), long_name: bool = False) -> act.ActivationResult:
    text = act.decode_output((CORPUS / name).read_bytes())
    if long_name:  # a license name longer than its column
        text = text.replace("OfficeLyncVL_KMS_Client edition", LONG_LICENSE + " edition")
    report = act.read_status(text)
    return act.ActivationResult("file", "2026-11-28T10:45:00+08:00", report,
                                act.key_matches(report, expected_last5), act.compare_kms_host(report, found, ()))


def valid_mak() -> str:
    from tests.test_mak_page import valid_mak as make

    return make()


NOTE = ("Room 3F-12 (north wing) shares the uplink with the lobby display; the customer's IT "
        "(ops-network@contoso-international.test) asked to run cscript ospp.vbs /act, then /dstatus, "
        "only after 18:00. Path: C:\\Program Files\\Microsoft Office\\Office15\\OSPP.VBS")


def session(path: str, *, activation: bool, console_report: bool, rogue: bool = False) -> Session:
    s = Session(technician="Ana Técnica-Villalobos", customer="Contoso International Trading (Beijing) Co., Ltd.",
                site="Beijing HQ 3F-12 Skype Room", choice=path, notes=NOTE)
    if path == "kms":
        s.kms = kms_not_found_rogue() if rogue else kms_ready()
        if rogue:  # KMS will not do: the MAK path, its key typed on the MAK page
            s.fallback = "mak"
            s.mak = product_key.check(valid_mak())
            s.mak_checklist = {"vlsc_sign_in": True, "agreement_confirmed": True, "mak_downloaded": True}
        if activation:
            s.activation = activation_from("dstatus_gbk.txt", found=["kms01.contoso.test"])
    elif path == "mak":
        s.mak = product_key.check(valid_mak())
        s.mak_checklist = {"vlsc_sign_in": True, "agreement_confirmed": True, "mak_downloaded": False}
        if activation:
            s.activation = activation_from("act_C004C020_mak.txt")
    else:
        s.promo = PromoRequest(company="Contoso International Trading (Beijing) Co., Ltd.",
                               contact_name="Zhang Changmen", contact_email="zhang.changmen@contoso-international.test",
                               contact_phone="+86 10 6552 8899", systems=4, deployment_date=date(2026, 12, 1),
                               note="Deliver before the board meeting.")
        s.promo_actions = ["saved", "copied"]
    if console_report:
        s.console = console.loads(encode(windows7_report()), file="D:\\srs\\SRS-ROOM-07-console-report.json") \
            .to_record_json()
    return s


def every_path() -> dict[str, Session]:
    """Name -> session: each path with and without the console's answer and report."""
    out = {}
    for path in ("kms", "mak", "promo"):
        for with_activation in (False, True):
            if path == "promo" and with_activation:
                continue
            name = f"{path}{'-activation' if with_activation else ''}"
            out[name] = session(path, activation=with_activation, console_report=with_activation)
    out["kms-rogue"] = session("kms", activation=False, console_report=True, rogue=True)
    out["promo-console"] = session("promo", activation=False, console_report=True)
    many = session("kms", activation=True, console_report=True)
    many.kms = kms_many_hosts()
    out["kms-many-hosts"] = many
    long_name = session("kms", activation=True, console_report=False)
    long_name.activation = activation_from("dstatus_gbk.txt", found=["kms01.contoso.test"], long_name=True)
    out["kms-long-license-name"] = long_name
    return out
