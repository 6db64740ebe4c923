"""The one place output is written: stdout and stderr pass through `SafeStream`, which shows
control characters and escape sequences as visible text (`\\x1b`) instead of sending them to the
terminal. A food name, a note, a portion, a message, a file name or a path from a crafted file
can then never move the cursor, retitle the window, write the clipboard, hide text or colour it.

Rich's output takes another way to the same stream (`SafeStream.rich_proxied_file`, which Rich
writes to in place of the stream it was given): there colour codes (SGR) pass on a colour
terminal, because render.console makes every text safe before Rich lays it out, so that the only
codes left in what Rich writes are its own. Every other write (messages, JSON, CSV) shows them.

A closed pipe on stdout (`magcalc ... | head`) ends the run here too, quietly and with exit 0
(README), whoever was writing: a command, Rich, or Typer's help, --version and completion script.
Rich and Typer each catch a broken pipe themselves and exit 1, so it must not reach them.

Kept free of heavy imports: `magcalc --version` goes through it too.
"""

from __future__ import annotations

import io
import os
import re
import sys
from typing import NoReturn, TextIO

# C0 controls but tab and newline, DEL, C1 controls (8-bit CSI, OSC...), zero-width and
# bidirectional overrides (text that reads differently from what it is).
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
# Colour and style (SGR), the only sequences magcalc itself writes, and only to a terminal.
_SGR = re.compile("(\x1b\\[[0-9;]*m)")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def safe_text(text: str) -> str:
    """`text` with every control character shown as \\xNN (\\uNNNN) text."""
    return UNSAFE.sub(_visible, text)


class SafeStream(io.TextIOBase):
    """A text stream that writes `safe_text` of everything to the stream it wraps, colour codes
    included; Rich writes to its `rich_proxied_file` instead (see above)."""

    def __init__(self, stream: TextIO, *, is_stdout: bool = False) -> None:
        self.unsafe = stream  # for Rich's progress bar (cursor movement, no data of ours)
        self.is_stdout = is_stdout
        self.rich_proxied_file = _RichStream(stream, is_stdout=is_stdout)

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        try:
            self.unsafe.write(self._clean(text))
        except BrokenPipeError:
            if not self.is_stdout:
                raise
            self._end_quietly()
        return len(text)

    def _clean(self, text: str) -> str:
        return safe_text(text)

    def flush(self) -> None:
        try:
            self.unsafe.flush()
        except BrokenPipeError:
            if not self.is_stdout:
                raise
            self._end_quietly()

    def _end_quietly(self) -> NoReturn:
        """The reader of stdout left: nothing more can be said, so the run ends, with exit 0.
        stdout now points at /dev/null, so that the flush at exit has nothing left to fail on."""
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, self.unsafe.fileno())
        os.close(devnull)
        raise SystemExit(0)

    def isatty(self) -> bool:
        return self.unsafe.isatty()

    def fileno(self) -> int:
        return self.unsafe.fileno()

    def writable(self) -> bool:
        return True

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.unsafe, "encoding", "utf-8")

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return getattr(self.unsafe, "errors", "strict")


class _RichStream(SafeStream):
    """What Rich writes to a SafeStream: on a colour terminal its SGR colour codes pass (the texts
    it laid out were made safe first: render.console), and nothing else does."""

    def __init__(self, stream: TextIO, *, is_stdout: bool = False) -> None:
        self.unsafe = stream
        self.is_stdout = is_stdout
        self._colour = _colour(stream)

    def _clean(self, text: str) -> str:
        if self._colour and "\x1b" in text:
            parts = _SGR.split(text)  # odd parts are the sequences themselves
            return "".join(part if n % 2 else safe_text(part) for n, part in enumerate(parts))
        return safe_text(text)


def rich_stream(stream: TextIO) -> TextIO:
    """Where Rich's output for `stream` goes: past SafeStream's guard for its own colour codes."""
    return getattr(stream, "rich_proxied_file", stream)


def _colour(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    try:
        return stream.isatty() or bool(os.environ.get("FORCE_COLOR"))
    except (ValueError, OSError):
        return False


def install() -> None:
    """Route stdout and stderr through SafeStream (once)."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is not None and not isinstance(stream, SafeStream):
            setattr(sys, name, SafeStream(stream, is_stdout=name == "stdout"))


class _Interrupts:
    """Whether Ctrl-C came during this run: an import cut short by it can fail later as an
    ImportError, which is then an interruption (exit 130), not a bug (exit 70)."""

    seen = False


interrupts = _Interrupts()


def note_interrupts() -> None:
    """Remember a Ctrl-C, then interrupt as Python does."""
    import contextlib
    import signal

    def on_interrupt(signum: int, frame: object) -> None:
        interrupts.seen = True
        raise KeyboardInterrupt

    with contextlib.suppress(ValueError):  # not the main thread (tests): Python's own handling
        signal.signal(signal.SIGINT, on_interrupt)
