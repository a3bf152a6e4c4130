"""Owners' common decisions (业主共同决定, 民法典 第278条): roster, ballots, the double count.

Pure code like the rest of the domain: no I/O (but reading a roster file's
bytes), no Textual. Areas are whole numbers of 0.01 m² throughout.
"""
