"""The county's view: closed meetings replicated to a CouchDB database, and the report read back.

Headless (never imports textual) and used only by the `sync` and `county`
verbs: the session screen never opens a connection. Each laptop is the one
writer of its own documents (id = community code + installation key +
meeting id), so replication never has to merge two laptops' edits.
"""
