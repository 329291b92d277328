"""A real SMTP server on the loopback for the tests that send mail (aiosmtpd), and what it received."""

from __future__ import annotations

import email
import email.policy
import socket

import pytest
from aiosmtpd.controller import Controller


class Recorder:
    """Keeps every accepted message; can refuse addresses or drop the connection."""

    def __init__(self):
        self.messages: list[tuple[list[str], bytes]] = []
        self.refuse: set[str] = set()
        self.drop_after: int | None = None  # accepted messages after which every DATA drops the connection
        self.drops_left = 0  # how many DATA commands to drop before behaving again (with drop_after)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.drop_after is not None and len(self.messages) >= self.drop_after and self.drops_left:
            self.drops_left -= 1
            server.transport.close()
            return "421 closing"
        self.messages.append((list(envelope.rcpt_tos), envelope.original_content))
        return "250 OK queued"

    def received(self) -> dict[str, list[email.message.EmailMessage]]:
        got: dict[str, list] = {}
        for rcpt, data in self.messages:
            for address in rcpt:
                got.setdefault(address, []).append(email.message_from_bytes(data, policy=email.policy.default))
        return got


@pytest.fixture
def server():
    with socket.socket() as probe:  # aiosmtpd checks readiness by connecting, so port 0 will not do
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handler = Recorder()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    handler.port = port
    yield handler
    controller.stop()
