"""Docstring first."""
from __future__ import annotations, spam
