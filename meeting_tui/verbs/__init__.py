"""One module per `meeting-tui` verb: each has `add(subparsers)` and `run(args) -> int`.

A verb prints one clear line and returns non-zero on failure; `cli.main`
turns DomainError and StoreError into that line for all of them.
"""
