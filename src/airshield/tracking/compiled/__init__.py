"""The frame-fed fusion tracker compiled with numba (:func:`track_frames`), equal in its decisions to
the readable :class:`airshield.tracking.frames.FrameTracker`, which stays the reference."""

from airshield.tracking.compiled.run import track_frames

__all__ = ["track_frames"]
