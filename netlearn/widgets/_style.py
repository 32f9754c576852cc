"""Shared look of the explorers: a visible keyboard focus ring and readable, left-aligned tables."""

#: CSS for widgets whose outer box has the class ``netlearn-explorer``.
EXPLORER_CSS = """<style>
.netlearn-explorer :focus-visible { outline: 3px solid #1a5fb4 !important; outline-offset: 2px; }
.netlearn-explorer table { border-collapse: collapse; margin: 0.2em 0 0.6em 0; font-size: 0.92em; }
.netlearn-explorer th, .netlearn-explorer td { text-align: left !important; padding: 0.2em 0.9em 0.2em 0;
  vertical-align: top; }
.netlearn-explorer thead th { border-bottom: 1px solid #8a949c; }
.netlearn-explorer h4 { margin: 0.6em 0 0.2em 0; }
.netlearn-explorer ul { margin: 0.2em 0 0.4em 1.2em; padding: 0; }
</style>"""
