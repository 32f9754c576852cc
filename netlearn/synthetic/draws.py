"""Random draws that mean the same on every Python version.

Python keeps the stream of :meth:`random.Random.random` stable for a given seed, but not that of
``sample``, ``choices``, ``gauss`` and the rest. :class:`StableRandom` rebuilds those from
``random()`` alone, so every generator in :mod:`netlearn.synthetic` (and the synthetic survey
responses) gives byte-identical files for a seed.
"""

from __future__ import annotations

import bisect
import itertools
import math
import random


# --------------------------------------------------------------------------- stable draws


class StableRandom:
    """Random draws built only from :meth:`random.Random.random`, whose stream Python keeps stable.

    The methods mirror those of :class:`random.Random` that the generators use, with simple
    textbook algorithms, so that a seed means the same data on every Python version.

    >>> r = StableRandom(1)
    >>> r.sample(range(10), 3) == StableRandom(1).sample(range(10), 3)
    True
    >>> sorted(r.sample("abcde", 5))
    ['a', 'b', 'c', 'd', 'e']
    """

    def __init__(self, seed):
        self._source = random.Random(seed)

    def random(self):
        """A float in [0, 1)."""
        return self._source.random()

    def _below(self, n):
        """An integer in [0, n)."""
        return min(int(self.random() * n), n - 1)

    def randint(self, low, high):
        """An integer in [low, high], both ends included."""
        return low + self._below(high - low + 1)

    def choice(self, seq):
        seq = list(seq)
        return seq[self._below(len(seq))]

    def shuffle(self, items):
        """Shuffle a list in place (Fisher-Yates)."""
        for i in range(len(items) - 1, 0, -1):
            j = self._below(i + 1)
            items[i], items[j] = items[j], items[i]

    def sample(self, population, k):
        """``k`` distinct items, in the order drawn (partial Fisher-Yates)."""
        pool = list(population)
        if not 0 <= k <= len(pool):
            raise ValueError("sample larger than population")
        for i in range(k):
            j = i + self._below(len(pool) - i)
            pool[i], pool[j] = pool[j], pool[i]
        return pool[:k]

    def choices(self, population, weights, k=1):
        """``k`` items drawn with replacement, with probability proportional to ``weights``."""
        population = list(population)
        cumulative = list(itertools.accumulate(weights))
        total = cumulative[-1]
        return [population[min(bisect.bisect_right(cumulative, self.random() * total), len(population) - 1)]
                for _ in range(k)]

    def gauss(self, mu, sigma):
        """A normal draw (Box-Muller, one value per call)."""
        u1, u2 = self.random(), self.random()
        return mu + sigma * math.sqrt(-2.0 * math.log(1.0 - u1)) * math.cos(2.0 * math.pi * u2)

    def paretovariate(self, alpha):
        """A Pareto draw with shape ``alpha`` (minimum 1)."""
        return (1.0 - self.random()) ** (-1.0 / alpha)


def weighted_sample(rng, items, weights, k):
    """``k`` distinct items, drawn one at a time with probability proportional to weight."""
    items, weights = list(items), list(weights)
    chosen = []
    for _ in range(min(k, sum(1 for w in weights if w > 0))):
        pick = rng.choices(range(len(items)), weights=weights)[0]
        chosen.append(items[pick])
        weights[pick] = 0
    return chosen
