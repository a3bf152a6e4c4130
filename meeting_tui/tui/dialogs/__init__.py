"""Dialogs: modal forms, confirms and help, each returning its value to the screen that opened it."""
