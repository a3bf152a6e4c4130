"""meeting_tui: run a neighbourhood deliberation meeting from a terminal, and keep every step."""

__version__ = "0.1.0"
