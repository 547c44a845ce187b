"""The room verdict (core/judge.py) over combinations of evidence: the next steps never
contradict it, and the console's own evidence outranks this computer's check."""

from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from srs_wizard.core import activation as act
from srs_wizard.core import judge, kms
from srs_wizard.core.present import activation as act_words
from srs_wizard.core.present import judge as judge_words
from tests.console_reports import NSLOOKUP_FOUND_EN, NSLOOKUP_NXDOMAIN_ZH, NSLOOKUP_TIMEOUT_EN

GVLK = "2MG3G-3BNTT-3MFW9-KDQW3-TCK7R"
PORT_WORDS = re.compile(r"(?:port|/setprt:)\s*(\d+)", re.IGNORECASE)


def host(target, port, domain, reachable=True, protocol=kms.PROTOCOL_KMS):
    return kms.KmsHost(target=target, port=port, priority=0, weight=0, domain=domain, addresses=("127.0.0.1",),
                       reachable=reachable, domains=(domain,), protocol=protocol if reachable else None)


def check_of(verdict, port, domain="contoso.test", unexpected=()):
    """A check with the shape its verdict has: hosts only when something was published."""
    hosts = ()
    status = kms.OK
    if verdict == kms.READY:
        hosts = (host("kms01." + domain, port, domain),)
    elif verdict == kms.NOT_KMS:
        hosts = (host("kms01." + domain, port, domain, protocol=kms.PROTOCOL_NOT_RPC),
                 host("kms02." + domain, port, domain, protocol=kms.PROTOCOL_TIMEOUT))
    elif verdict == kms.UNREACHABLE:
        hosts = (host("kms01." + domain, port, domain, reachable=False),)
    elif verdict == kms.FOUND:
        hosts = (kms.KmsHost("kms01." + domain, port, 0, 0, domain, ("127.0.0.1",), None, domains=(domain,)),)
    elif verdict == kms.NOT_FOUND:
        status = kms.NXDOMAIN
    elif verdict == kms.DNS_ERROR:
        status = kms.TIMEOUT
    domains = () if verdict == kms.NO_DOMAIN else (
        kms.DomainResult(domain, kms.SOURCE_ARGUMENT, status, None, 1.0, used=bool(hosts)),)
    return kms.KmsCheck(verdict, domains, hosts, tuple(unexpected), 5.0, connect_tried=verdict != kms.FOUND,
                        bind_tried=verdict != kms.FOUND)


def product(channel, status, code=None, last5="ABCDE", dns_host=None, not_available=False, override=None,
            lync=True):
    name = f"Office 15, {'OfficeLyncVL' if lync else 'OfficeProPlusVL'}_{'MAK' if channel == act.MAK else 'KMS_Client'}"
    return act.Product(source=act.SOURCE_DSTATUS, license_name=name + " edition",
                       description="Office 15, VOLUME_" + ("MAK" if channel == act.MAK else "KMSCLIENT") + " channel",
                       channel=channel, status=status, error_code=code, informational=False if code else None,
                       grace_minutes=43200, last5=last5, kms_dns_host=dns_host, kms_override=override,
                       kms_name_not_available=not_available)


CODES = sorted(act_words.code_table())


@st.composite
def evidence(draw):
    path = draw(st.sampled_from(["kms", "mak", "promo"]))
    port = draw(st.sampled_from([1688, 16880, 2001]))
    verdict = draw(st.sampled_from(kms.VERDICTS + (None,)))
    unexpected = draw(st.sampled_from([(), ("rogue.contoso.test",)]))
    check = check_of(verdict, port, unexpected=unexpected) if verdict else None
    lookups = draw(st.sampled_from(["none", "found", "nxdomain", "timeout"]))
    console = None
    if lookups != "none":
        text = {"found": NSLOOKUP_FOUND_EN.replace("1688", str(port)), "nxdomain": NSLOOKUP_NXDOMAIN_ZH,
                "timeout": NSLOOKUP_TIMEOUT_EN}[lookups]
        console = {"lookups": [judge.read_nslookup("rooms.contoso.com", text).to_json()]}
    answer = draw(st.sampled_from(["none", act.LICENSED, act.GRACE, act.NO_KEY, act.ERROR, act.NOT_FOUND,
                                   act.UNREADABLE]))
    activation = None
    if answer != "none":
        channel = act.MAK if path == "mak" else act.KMS_CLIENT
        code = draw(st.sampled_from(CODES)) if answer == act.ERROR else None
        discovery = draw(st.sampled_from(["none", "host", "not_available", "override"]))
        status = {act.LICENSED: "LICENSED", act.GRACE: "OOB_GRACE", act.ERROR: "OOB_GRACE"}.get(answer)
        p = product(channel, status, code, dns_host=f"kms01.contoso.test:{port}" if discovery == "host" else None,
                    not_available=discovery == "not_available",
                    override=f"kms09.contoso.test:{port}" if discovery == "override" else None,
                    lync=draw(st.booleans()))
        if answer == act.NO_KEY:
            p = act.Product(source=act.SOURCE_DSTATUS, license_name=p.license_name, channel=channel)
        report = act.StatusReport(answer, None if answer in (act.NOT_FOUND, act.UNREADABLE) else p,
                                  (p,), error_code=code)
        matches = draw(st.sampled_from([None, True, False])) if path == "mak" else None
        host_code = draw(st.sampled_from([act.HOST_NONE, act.HOST_EXPECTED, act.HOST_UNEXPECTED,
                                          act.HOST_NOT_IN_DNS]))
        activation = act.ActivationResult("pasted", None, report, matches,
                                          act.KmsHostCheck(p.kms_host, discovery == "override", host_code))
    mak = None
    if path == "mak":
        gvlk = draw(st.booleans())
        mak = {"masked": "*****-*****-*****-*****-" + ("TCK7R" if gvlk else "WXFB2"), "checksum_ok": True,
               "gvlk": "Lync 2013" if gvlk else None, "valid": True, "used_anyway": False,
               "checklist": {"vlsc_sign_in": True, "agreement_confirmed": True, "mak_downloaded": draw(st.booleans())}}
    srv_ports = set()
    if check is not None and check.hosts:
        srv_ports.add(port)
    if lookups == "found" or (activation is not None and activation.report.product is not None
                              and activation.report.product.kms_host):
        srv_ports.add(port)
    return dict(path=path, check=check, console=console, activation=activation, mak=mak,
                connect_timeout=draw(st.sampled_from([0.5, 2.0]))), srv_ports


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(evidence())
def test_the_next_steps_never_contradict_the_verdict(case):
    kwargs, srv_ports = case
    verdict = judge.judge(**kwargs)
    steps = judge_words.steps(verdict)
    text = "\n".join(steps)
    assert len(steps) == len(set(steps))  # each sentence once
    assert steps, verdict  # there is always a next step, never a dead end
    if verdict.state == judge.LICENSED:
        assert "/act" not in text and "/inpkey" not in text, text
        assert judge.S_KEEP_RECORD in verdict.step_codes
    if kwargs["path"] == "mak":
        assert GVLK not in text, text
    if kwargs["path"] == "promo":
        assert kwargs["activation"] is None or verdict.state == judge.PROMO_PENDING
    # Every port named comes from the evidence; the KMS default only when no SRV record was seen.
    for port in PORT_WORDS.findall(text):
        assert int(port) in (srv_ports or {1688}), (port, srv_ports, text)
    # The verdict survives the record: the record's schema takes it, and read back it renders
    # the same words.
    from srs_wizard.core import record

    holder = {"schema": record.SCHEMA, "created": "2026-11-28T10:30:00+08:00", "app_version": "", "machine": "",
              "technician": "", "customer": "", "site": "", "path": "kms", "kms": None, "mak": None, "promo": None,
              "verdict": verdict.to_json()}
    assert [p for p in record.check(holder) if p.field.startswith("verdict")] == []
    again = judge.RoomVerdict.from_json(json.loads(json.dumps(verdict.to_json())))
    assert judge_words.steps(again) == steps and judge_words.state_title(again) == judge_words.state_title(verdict)
    # A weaker piece of evidence never decides over a stronger one.
    if kwargs["activation"] is not None and kwargs["path"] != "promo":
        assert verdict.evidence == judge.EV_CONSOLE_ACTIVATION


def test_the_consoles_lookup_outranks_this_computers_check():
    check = check_of(kms.NOT_FOUND, 1688, domain="rooms.contoso.com")
    console = {"lookups": [judge.read_nslookup("rooms.contoso.com", NSLOOKUP_FOUND_EN).to_json(),
                           judge.read_nslookup("lab.contoso.com", NSLOOKUP_NXDOMAIN_ZH).to_json()]}
    verdict = judge.judge(path="kms", check=check, console=console)
    assert verdict.state == judge.KMS_CONSOLE_FOUND and verdict.evidence == judge.EV_CONSOLE_NSLOOKUP
    assert verdict.kms_verdict == kms.FOUND  # the flow does not call KMS impossible
    assert [d.code for d in verdict.disagreements] == [judge.D_CONSOLE_FOUND_HERE_NOT]
    words = judge_words.disagreements(verdict)[0]
    assert words == ("The console's own lookup found kms01.contoso.com:1688 for rooms.contoso.com; this computer "
                     "could not (No KMS host published in DNS): check from the console's network.")
    assert judge.S_USE_MAK_OR_PROMO not in verdict.step_codes and judge.S_PUBLISH_SRV not in verdict.step_codes


def test_proof_of_discovery_agrees_differs_or_is_missing():
    check = check_of(kms.READY, 1688)
    for dns_host, code in (("kms01.contoso.test:1688", judge.P_DISCOVERY_AGREES),
                           ("kms77.fabrikam.test:1688", judge.P_DISCOVERY_DIFFERS)):
        report = act.StatusReport(act.GRACE, product(act.KMS_CLIENT, "OOB_GRACE", dns_host=dns_host))
        verdict = judge.judge(path="kms", check=check, activation=act.ActivationResult("file", None, report))
        assert code in [p.code for p in verdict.proven]
    # The console's own client found nothing while this computer found kms01: the console's word wins.
    report = act.StatusReport(act.GRACE, product(act.KMS_CLIENT, "OOB_GRACE", not_available=True))
    verdict = judge.judge(path="kms", check=check, activation=act.ActivationResult("file", None, report))
    assert verdict.kms_verdict == kms.NOT_FOUND
    assert [d.code for d in verdict.disagreements] == [judge.D_CONSOLE_NONE_HERE_FOUND]
    assert "the console's own KMS client did not find it" in judge_words.disagreements(verdict)[0]


def test_nslookup_answers_are_read_whatever_the_language():
    found = judge.read_nslookup("rooms.contoso.com", NSLOOKUP_FOUND_EN)
    assert found.status == judge.LOOKUP_FOUND and found.hosts == (("kms01.contoso.com", 1688, 0, 0),)
    assert judge.read_nslookup("lab.contoso.com", NSLOOKUP_NXDOMAIN_ZH).status == judge.LOOKUP_NXDOMAIN
    assert judge.read_nslookup("contoso.com", NSLOOKUP_TIMEOUT_EN).status == judge.LOOKUP_TIMEOUT
    assert judge.read_nslookup("x.test", None).status == judge.LOOKUP_NOT_RUN
    assert judge.read_nslookup("x.test", "gibberish\n" * 10000).status == judge.LOOKUP_UNKNOWN


def test_grace_days_as_ospp_prints_them():
    # ospp.vbs prints whole days rounded down: 259199 minutes is 179 days, not 180.
    assert act_words.grace_text(259199).startswith("179 days")
    assert act_words.grace_text(1440 * 180).startswith("180 days")


def test_rollout_follows_the_records_verdict_not_the_weaker_check():
    from srs_wizard.core import record, rollout
    from srs_wizard.core.session import Session

    check = check_of(kms.NOT_FOUND, 1688, domain="rooms.contoso.com")
    console = {"file": None, "computer": "SRS-ROOM-07", "collected_at": "2026-11-28T14:05:09+08:00",
               "lookups": [judge.read_nslookup("rooms.contoso.com", NSLOOKUP_FOUND_EN).to_json()]}
    data = Session(technician="T", customer="C", site="S", choice="kms", kms=check,
                   console=console).to_record().data
    assert record.check(data) == []  # the record it writes is one its own validator takes
    assert data["verdict"]["state"] == judge.KMS_CONSOLE_FOUND
    status, problem, facts = rollout.classify(record.from_json(data))
    assert (status, problem) == (rollout.NOT_CHECKED, "activation_not_checked")
    assert facts["kms_verdict"] == kms.NOT_FOUND  # the check's own verdict is still reported
    # A record made before the verdict: this computer's check is all there is.
    del data["verdict"]
    assert rollout.classify(record.from_json(data))[:2] == (rollout.FAILING, "kms_not_found")


def test_a_stored_verdict_renders_the_public_kms_client_key_in_full():
    # Records mask every whole key; the GVLK in a step is worded in when shown, never stored.
    from srs_wizard.core.session import Session

    data = Session(technician="T", customer="C", site="S", choice="kms", kms=check_of(kms.READY, 1688)).to_record().data
    assert "TCK7R" not in json.dumps(data["verdict"])
    steps = judge_words.steps(judge.record_verdict(data))
    assert any(f"/inpkey:{GVLK}" in s for s in steps)


def test_a_console_reports_dstatus_is_the_proof_before_any_answer_is_pasted():
    from tests.console_reports import DSTATUS_ZH

    # The report's /dstatus names the host the console's KMS client found; this computer found none.
    found = DSTATUS_ZH.replace("Last 5 characters", "\tKMS machine name from DNS: kms01.rooms.contoso.com:1688\n"
                               "Last 5 characters")
    console = {"discovery": {"host": act.read_status(found).product.kms_dns_host, "not_available": False}}
    verdict = judge.judge(path="kms", check=check_of(kms.NOT_FOUND, 1688, domain="rooms.contoso.com"),
                          console=console)
    assert verdict.state == judge.KMS_CONSOLE_FOUND and verdict.evidence == judge.EV_CONSOLE_DNS
    assert "kms01.rooms.contoso.com:1688" in judge_words.disagreements(verdict)[0]
    # And "no name available" outranks a host this computer found.
    console = {"discovery": {"host": None, "not_available": True}}
    verdict = judge.judge(path="kms", check=check_of(kms.READY, 1688), console=console)
    assert verdict.state == judge.KMS_CONSOLE_NONE and verdict.kms_verdict == kms.NOT_FOUND
