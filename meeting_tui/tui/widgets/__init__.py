"""Widgets: the panes screens are built of; they show what they are given and post messages up."""
