"""Widgets the screens share: the result view, the key bar, the sources pane."""
