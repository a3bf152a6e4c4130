"""The baseline every TUI figure is compared with: a bare Textual app (Header, Static, one Input,
Footer), run on the same pty in the same run. Not a benchmark itself (no `bench_` prefix)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Input, Static

READY = "bare-ready"


class BareApp(App[None]):
    BINDINGS = [("ctrl+q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(f"{READY} 板凳会 基准")
        yield Input(placeholder="type here")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).focus()


if __name__ == "__main__":
    BareApp().run()
