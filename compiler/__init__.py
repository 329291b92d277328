"""briefpack: compile raw source texts into a printable PDF briefing pack."""

__version__ = "0.1.0"
