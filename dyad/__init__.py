"""Dyad: an evidence-backed record of who did what to whom, built from news."""

__version__ = "0.1.0"
