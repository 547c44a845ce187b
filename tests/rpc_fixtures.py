"""pytest plugin: fixtures that start the bind responders of tests/rpc_servers.py."""

from __future__ import annotations

import pytest

from tests.rpc_servers import BindResponder


@pytest.fixture
def rpc_responder():
    """Factory: ``rpc_responder(mode, host="127.0.0.1")`` starts a BindResponder; all are
    closed after the test (see tests/rpc_servers.py for the modes)."""
    made: list[BindResponder] = []

    def make(mode: str, host: str = "127.0.0.1", secondary_address: str | None = None
             ) -> BindResponder:
        server = BindResponder(mode, host, secondary_address)
        made.append(server)
        return server

    yield make
    for server in made:
        server.close()


@pytest.fixture
def kms_responder(rpc_responder):
    """A Windows 8+ KMS host's bind responder on 127.0.0.1."""
    return rpc_responder("kms_win8")
