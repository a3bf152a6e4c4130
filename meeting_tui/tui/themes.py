"""Themes: Textual's dark and light, plus "sunlight", high contrast for a courtyard at noon."""

from __future__ import annotations

from textual.theme import Theme

SUNLIGHT = Theme(
    name="sunlight",
    primary="#000000",
    secondary="#003399",
    accent="#0033cc",
    warning="#8a4b00",
    error="#b00000",
    success="#006400",
    foreground="#000000",
    background="#ffffff",
    surface="#ffffff",
    panel="#e6e6e6",
    boost="#f0f0f0",
    dark=False,
    variables={
        "footer-key-foreground": "#000000",
        "footer-description-foreground": "#000000",
        "block-cursor-background": "#000000",
        "block-cursor-foreground": "#ffffff",
        "input-selection-background": "#0033cc 40%",
    },
)

THEMES = ("textual-dark", "textual-light", "sunlight")
