"""Progress of ``netlearn report`` on the terminal: steps done and left, and about how long is left.

:class:`Progress` is what the command line passes to :func:`netlearn.report.build.build_report`
as ``progress``: a context manager per step. With the ``tqdm`` package it draws one bar, "3 of 6
steps done", the step under way and the time left, refreshed every second during a long step;
without tqdm it writes one line per step. The time left comes from :func:`estimate_seconds`, a
forecast from the network's size (members times ties for the heavy steps), corrected by how much
faster or slower than forecast this computer has run the steps already done.

>>> progress = Progress(2, quiet=True)
>>> progress.plan({"first": 1.0, "second": 3.0})
>>> with progress("first"):
...     pass
>>> progress.done, round(progress.seconds_left(), 6) >= 0
(1, True)
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time

__all__ = ["Progress", "estimate_seconds", "duration", "time_left"]

#: Seconds of CPU per unit of work for each step, measured with benchmarks/report_scaling.py on a
#: 2-core machine (2026-12-06): betweenness for the roles grows with members x ties, the leadership
#: searches too (far less per unit), the rest with the number of ties.
_COST = {"read": 1.0e-5, "overview": 5.0e-6, "roles": 1.9e-8, "leadership": 1.5e-9, "paths": 2.5e-8,
         "diversity": 1.0e-5, "write": 1.0e-6}


def estimate_seconds(members, ties, *, leaders=1, responses=0):
    """A rough forecast of each step's time, in seconds, for a network of this size.

    Used only to say how long is left; the forecast is corrected by how fast the steps already
    done actually ran on this computer. Keys are the step labels the report uses.

    >>> plan = estimate_seconds(5000, 50000)
    >>> round(plan["Roles in the network"]), round(plan["How leadership is spread"], 1)
    (5, 1.4)
    """
    from .build import SECTION_TITLES

    work = float(members) * float(ties)
    plan = {
        "Reading the files": 0.05 + _COST["read"] * ties,
        SECTION_TITLES["overview"]: 0.5 + _COST["overview"] * ties,
        SECTION_TITLES["roles"]: 0.05 + _COST["roles"] * work + 1e-5 * ties,
        SECTION_TITLES["leadership"]: 0.05 + 3 * _COST["leadership"] * work
        + (_COST["paths"] * work if leaders > 1 else 0.0) + 4e-6 * ties,
        SECTION_TITLES["diversity"]: 0.2 + _COST["diversity"] * ties,
        "Writing the page": 0.05 + _COST["write"] * ties,
    }
    if responses:
        plan[SECTION_TITLES["diagnostics"]] = 0.5 * responses
    return plan


def duration(seconds):
    """Seconds in words: 'under 5 s', '40 s', '2 min 10 s', '1 h 5 min'.

    >>> [duration(x) for x in (3, 42.4, 130, 3900)]
    ['under 5 s', '40 s', '2 min 10 s', '1 h 5 min']
    """
    if seconds < 5:
        return "under 5 s"
    if seconds < 60:
        return f"{int(round(seconds / 5) * 5)} s"
    if seconds < 3600:
        minutes, rest = divmod(int(round(seconds / 10) * 10), 60)
        return f"{minutes} min {rest} s" if rest else f"{minutes} min"
    hours, rest = divmod(int(round(seconds / 60)), 60)
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def time_left(seconds):
    """'under 5 s left' or 'about 2 min 10 s left'."""
    words = duration(seconds)
    return f"{words} left" if words.startswith("under") else f"about {words} left"


class Progress:
    """Reports steps on standard error: steps done and left, and the time left once it can be estimated.

    With the ``tqdm`` package a bar shows "3 of 6 steps done", the step under way and about how long
    is left, refreshed every second during a long step; without it, one line per step. The time left
    comes from :meth:`plan` (a forecast of each step, see :func:`estimate_seconds`), scaled by how much
    faster or slower than forecast the finished steps ran.
    """

    def __init__(self, total, *, quiet=False, stream=None):
        self.total = total
        self.done = 0
        self.quiet = quiet
        self.stream = stream or sys.stderr
        self.bar = None
        self.times = {}
        self.forecast = {}
        self._label = None
        self._started = None
        if not quiet:
            try:
                from tqdm import tqdm
            except ImportError:
                tqdm = None
            if tqdm is not None:
                self.bar = tqdm(total=total, desc="netlearn report", unit="step", file=self.stream, leave=True,
                                bar_format="{desc}: {n_fmt} of {total_fmt} steps done |{bar:12}| "
                                           "{elapsed} so far{postfix}")

    def plan(self, forecast):
        """Give the forecast seconds of each step (by label), so that the time left can be shown."""
        self.forecast = dict(forecast)

    def seconds_left(self, now=None):
        """About how many seconds are left (None before a forecast is known).

        The steps still to come are taken at their forecast times the speed seen so far (actual
        over forecast time of the steps done, kept between a fifth and five times); the step under
        way counts what its forecast leaves after the time already spent on it.
        """
        if not self.forecast:
            return None
        known = [label for label in self.times if label in self.forecast]
        predicted = sum(self.forecast[label] for label in known)
        speed = sum(self.times[label] for label in known) / predicted if predicted > 0 else 1.0
        speed = min(max(speed, 0.2), 5.0)
        left = sum(seconds for label, seconds in self.forecast.items()
                   if label not in self.times and label != self._label) * speed
        if self._label is not None:
            spent = (now or time.perf_counter()) - self._started
            left += max(self.forecast.get(self._label, 0.0) * speed - spent, 0.0)
        return left

    def _status(self):
        left = self.seconds_left()
        text = f"step {self.done + 1}: {self._label}" if self._label else ""
        if left is not None:
            text += f"; {time_left(left)}"
        return text

    def _tick(self, stop):
        while not stop.wait(1.0):
            self.bar.set_postfix_str(self._status())

    @contextlib.contextmanager
    def __call__(self, label):
        self._label, self._started = label, time.perf_counter()
        stop = ticker = None
        if self.bar is not None:
            self.bar.set_postfix_str(self._status())
            if self.forecast:
                stop = threading.Event()
                ticker = threading.Thread(target=self._tick, args=(stop,), daemon=True)
                ticker.start()
        elif not self.quiet:
            self.stream.write(f"netlearn report [{self.done + 1}/{self.total}] {label} ... ")
            self.stream.flush()
        try:
            yield
        finally:
            if ticker is not None:
                stop.set()
                ticker.join()
            seconds = time.perf_counter() - self._started
            self.times[label] = seconds
            self.done += 1
            self._label = None
            if self.bar is not None:
                if self.done >= self.total:
                    self.bar.set_postfix_str("finished")
                self.bar.update(1)
            elif not self.quiet:
                left = self.seconds_left() if self.done < self.total else None
                after = f"; {self.total - self.done} of {self.total} steps left" if self.done < self.total else ""
                after += f", {time_left(left)}" if left is not None and self.done < self.total else ""
                self.stream.write(f"{seconds:.1f} s{after}\n")
                self.stream.flush()

    def close(self):
        if self.bar is not None:
            self.bar.close()
