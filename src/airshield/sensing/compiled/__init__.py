"""The windowed plot simulation compiled with numba (:func:`compiled_window_plots`), byte for byte
equal to the numpy :func:`airshield.sensing.windowed.window_plots` (``compiled=False``), which
stays the reference."""

from airshield.sensing.compiled.driver import compiled_window_plots

__all__ = ["compiled_window_plots"]
