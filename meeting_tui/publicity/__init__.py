"""The publicity page (公示), the printed notice and their QR codes: headless, no Textual.

`publish(state, out_dir, base_url)` writes everything for one meeting; the
pieces (`page_html`, `notice_html`, `qr`, `publicity_url`) are usable alone.
"""

from meeting_tui.publicity.notice import notice_html
from meeting_tui.publicity.page import page_html
from meeting_tui.publicity.publish import PublishResult, publish
from meeting_tui.publicity.url import PublicityError, local_url, publicity_url
from meeting_tui.publicity.view import Posting, PublicView, public_view

__all__ = [
    "Posting",
    "PublicView",
    "PublicityError",
    "PublishResult",
    "local_url",
    "notice_html",
    "page_html",
    "public_view",
    "publicity_url",
    "publish",
]
