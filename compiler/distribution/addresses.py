"""Which email addresses briefpack can send to: the rules mail servers apply, in ASCII."""

from __future__ import annotations

import re

# RFC 5321 as mail servers apply it: a dot-atom of ASCII before the @, host name labels after it.
# Internationalised addresses would need SMTPUTF8 end to end; they are refused at load instead.
EMAIL = re.compile(
    r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+\Z"
)


def email_problem(address: str) -> str | None:
    """Why ``address`` is not one a mail server would take, or None."""
    if not address.isascii():
        return (
            f"'{address}' is an internationalised address, which briefpack cannot send to: "
            "give its ASCII form (the domain in punycode)"
        )
    local, _, domain = address.rpartition("@")
    if not EMAIL.match(address) or len(local) > 64 or len(domain) > 253 or len(address) > 254:
        return f"'{address}' is not an email address"
    return None
