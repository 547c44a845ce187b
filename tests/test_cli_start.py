"""What ``check-kms`` loads to start: only what its run needs (no Qt, no bind code without the
bind, no other command), the model's classes behaving as @dataclass writes them, and Ctrl-C
while anything is still loading ending as ``cancelled`` (exit 130). Real processes, a real
dnsmasq and a real KMS bind responder.

The speed itself is a bench row (bench/run.py kms); these tests pin what makes it."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys

import pytest

# Never loaded by check-kms, whatever its options: the window, the PDFs, the other commands
# and the record model, and the modules the minimal dnspython script loads through dns.resolver.
NEVER = ("PySide6", "shiboken6", "srs_wizard.ui", "srs_wizard.app", "srs_wizard.flow", "srs_wizard.pdf",
         "srs_wizard.rollout_pdf", "srs_wizard.commands.summary", "srs_wizard.commands.rollout",
         "srs_wizard.commands.read_status", "srs_wizard.commands.check_key", "srs_wizard.core.record",
         "srs_wizard.core.session", "srs_wizard.core.console", "pypdf", "email_validator", "dns.resolver",
         "dns.query", "asyncio", "ssl")
# The bind and the TCP conversations: loaded only by a check that connects (tcp) and binds (kms_rpc).
TCP = ("srs_wizard.core.kms.tcp",)
BIND = ("srs_wizard.core.kms_rpc", "uuid")


def imported(*args: str) -> tuple[subprocess.CompletedProcess, set[str]]:
    """``python -X importtime -m srs_wizard ARGS``, as a user starts it, and every module it imported."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "srs_wizard", *args], capture_output=True,
                            text=True, encoding="utf-8", timeout=60, env=dict(os.environ, PYTHONIOENCODING="utf-8"))
    modules = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}
    modules.discard("imported package")  # the header line
    assert "srs_wizard.core.kms.discover" in modules, result.stderr[-2000:]  # the check did run
    return result, modules


def loaded(modules: set[str], names) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in names))


@pytest.fixture
def kms_server(dnsmasq, kms_zone):
    zone, _responder = kms_zone
    return dnsmasq(zone)


def test_check_kms_without_connecting_loads_no_tcp_bind_qt_or_other_command(kms_server):
    result, modules = imported("check-kms", "--domain", "contoso.test", "--nameserver", kms_server.address,
                               "--json", "--no-connect")
    assert result.returncode == 0, result.stderr[-2000:]
    check = json.loads(result.stdout)
    assert check["verdict"] == "found" and [h["target"] for h in check["hosts"]] == ["kms01.contoso.test"]
    assert check["connect_tried"] is False and check["bind_tried"] is False
    assert loaded(modules, NEVER + TCP + BIND) == []


def test_check_kms_without_the_bind_loads_tcp_but_no_bind_code(kms_server):
    result, modules = imported("check-kms", "--domain", "contoso.test", "--nameserver", kms_server.address,
                               "--json", "--no-bind")
    assert result.returncode == 0, result.stderr[-2000:]
    assert json.loads(result.stdout)["hosts"][0]["reachable"] is True
    assert loaded(modules, TCP) == list(TCP)
    assert loaded(modules, NEVER + BIND) == []


def test_check_kms_with_the_bind_loads_it_where_it_is_used(kms_server):
    # The other side of the two tests above: the modules they miss are the ones a bind needs.
    result, modules = imported("check-kms", "--domain", "contoso.test", "--nameserver", kms_server.address,
                               "--json")
    assert result.returncode == 0, result.stderr[-2000:]
    check = json.loads(result.stdout)
    assert check["verdict"] == "ready" and check["hosts"][0]["protocol"] == "kms"
    assert loaded(modules, TCP + BIND) == sorted(TCP + BIND)
    assert loaded(modules, NEVER) == []


def test_the_text_report_without_connecting_loads_no_bind_code_either(kms_server):
    result, modules = imported("check-kms", "--domain", "contoso.test", "--nameserver", kms_server.address,
                               "--no-connect")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "kms01.contoso.test" in result.stdout
    assert loaded(modules, NEVER + TCP + BIND) == []


# --------------------------------------------------------------------------- the model's classes


def _twin(cls):
    """The same class as plain ``@dataclass(frozen=True)`` writes it."""
    namespace = {"__annotations__": dict(cls.__annotations__), "__module__": cls.__module__,
                 "__qualname__": cls.__qualname__}
    for f in dataclasses.fields(cls):
        if f.default is not dataclasses.MISSING:
            namespace[f.name] = f.default
    return dataclasses.dataclass(frozen=True)(type(cls.__name__, (), namespace))


def _model_classes():
    from srs_wizard.core.kms import model

    return [c for c in vars(model).values()
            if isinstance(c, type) and dataclasses.is_dataclass(c) and c.__module__ == model.__name__]


def test_the_model_classes_compare_hash_and_show_as_dataclasses_do():
    classes = _model_classes()
    assert len(classes) == 11
    for cls in classes:
        twin = _twin(cls)
        names = [f.name for f in dataclasses.fields(cls)]
        assert names == [f.name for f in dataclasses.fields(twin)]
        values = [f"v{i}" for i in range(len(names))]
        ours, theirs = cls(*values), twin(*values)
        assert repr(ours) == repr(theirs)
        assert ours == cls(*values) and hash(ours) == hash(cls(*values)) == hash(theirs)
        for i in range(len(names)):  # any one field differing: not equal
            other = values[:i] + ["other"] + values[i + 1:]
            assert ours != cls(*other) and (theirs != twin(*other))
        assert ours != theirs and ours.__eq__(theirs) is NotImplemented  # another class, as @dataclass
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(ours, names[0], "x")
        with pytest.raises(dataclasses.FrozenInstanceError):
            delattr(ours, names[0])
        assert dataclasses.replace(ours, **{names[0]: "new"}) == cls("new", *values[1:])
        assert dataclasses.asdict(ours) == dataclasses.asdict(theirs)


def test_a_check_repr_holds_its_nested_values():
    from srs_wizard.core import kms

    host = kms.KmsHost("kms01.contoso.com", 1688, 0, 100, "contoso.com", ("10.1.2.3",))
    check = kms.KmsCheck("found", (), (host,), (), 1.0)
    assert repr(check).startswith("KmsCheck(verdict='found', domains=(), hosts=(KmsHost(target='kms01.contoso.com', "
                                  "port=1688, priority=0, weight=100, domain='contoso.com', addresses=('10.1.2.3',)")
    assert {check, dataclasses.replace(check)} == {check}


# --------------------------------------------------------------------------- Ctrl-C while loading

# The program runs as ``python -m srs_wizard`` does; a finder placed first sends this very
# process a real SIGINT when the named module is first looked for, as a Ctrl-C typed while
# that module loads would arrive.
_INTERRUPT_AT = """
import os, runpy, signal, sys

class Interrupt:
    module = sys.argv[1]

    def find_spec(self, name, path=None, target=None):
        if name == self.module:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIGINT)
            signal.getsignal(signal.SIGINT)  # a few bytecodes: the handler runs here
        return None

sys.meta_path.insert(0, Interrupt())
target = sys.argv[1]
sys.argv = ["srs-wizard", *sys.argv[2:]]
runpy.run_module("srs_wizard", run_name="__main__", alter_sys=True)
raise SystemExit("the program ended without loading " + target)
"""


@pytest.mark.parametrize("module", ["srs_wizard.cli", "srs_wizard.commands.check_kms", "srs_wizard.core.kms.model",
                                    "srs_wizard.core.kms.tcp", "srs_wizard.core.kms_rpc",
                                    "srs_wizard.core.present.kms"])
def test_ctrl_c_while_a_module_loads_is_cancelled_130(module, kms_server):
    result = subprocess.run([sys.executable, "-c", _INTERRUPT_AT, module, "check-kms", "--domain", "contoso.test",
                             "--nameserver", kms_server.address, "--json"],
                            capture_output=True, text=True, timeout=60, env=dict(os.environ, PYTHONIOENCODING="utf-8"))
    assert result.returncode == 130, result.stderr[-2000:]
    assert result.stderr.strip() == "cancelled"
    assert result.stdout == ""
