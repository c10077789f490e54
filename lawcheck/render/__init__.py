"""Renderers show a Report; they decide nothing."""
