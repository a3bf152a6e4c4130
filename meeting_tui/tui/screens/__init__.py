"""Screens: one per step of a meeting (start, setup, session, minutes, publicity, owners)."""
