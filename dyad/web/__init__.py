"""Dyad's read-only HTTP API and ask page: ``dyad.web.app.create_app(settings)``.

Routes call only ``dyad.query`` and ``dyad.store`` reads; this package never imports ``dyad.nlp``.
"""
