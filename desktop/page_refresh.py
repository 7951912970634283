"""RefreshWhenShown: a page mixin that re-reads its data when records change or a sync
finishes, now if the page is on screen, else the next time it is shown."""
from __future__ import annotations


class RefreshWhenShown:
    """Mix into a QWidget page that has `refresh()`; connect its signals to `_on_changed`."""

    _stale = False

    def _on_changed(self, _what=None) -> None:
        """Records changed (form id) or a sync finished (summary)."""
        self._stale = not self.isVisible()
        if not self._stale:
            self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()
