"""A Bloom filter of the keys a table holds, so a key it does not hold costs no query.

Most names a recogniser asks about are not places ("mayor john smith", "day parade"):
in news, about six look-ups in seven find nothing. Each is an SQLite query (tens of
microseconds) the first time a process meets the name. The filter answers those from
memory in a microsecond or two: "no" is certain, "maybe" (every key held, and about one
absent key in a hundred) still asks the table, so answers are the table's own.

The bits are stored in the cache beside the table (about a megabyte for the names'
keys) and read once; the hashes are BLAKE2b's, the same in every process and on every
system, unlike Python's ``hash``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from hashlib import blake2b

#: The share of absent keys that still reach the table.
FALSE_POSITIVE_RATE = 0.01
_MASK_64 = (1 << 64) - 1


@dataclass(frozen=True, slots=True)
class KeyFilter:
    """``bits`` (little-endian within each byte) and how many positions a key sets."""

    bits: bytes
    hashes: int

    def may_hold(self, key: str) -> bool:
        """False when the key is certainly not held; True when it may be."""
        first, step = _two_hashes(key)
        size = len(self.bits) * 8
        bits = self.bits
        for i in range(self.hashes):
            position = ((first + i * step) & _MASK_64) % size
            if not bits[position >> 3] & (1 << (position & 7)):
                return False
        return True


#: A filter that holds every key: each look-up goes to the table.
HOLDS_EVERY_KEY = KeyFilter(b"\xff" * 8, 1)


def build_key_filter(keys: Iterable[str], *, false_positive_rate: float = FALSE_POSITIVE_RATE) -> KeyFilter:
    """The filter of ``keys`` (duplicates count once), sized for ``false_positive_rate``."""
    import numpy

    distinct = set(keys)
    size_bits = max(64, math.ceil(-len(distinct) * math.log(false_positive_rate) / math.log(2) ** 2))
    size_bits += -size_bits % 8
    hashes = max(1, round(size_bits / max(1, len(distinct)) * math.log(2)))
    digests = numpy.frombuffer(b"".join(_digest(key) for key in distinct), dtype="<u8").reshape(-1, 2)
    first, step = digests[:, 0], digests[:, 1]
    bits = numpy.zeros(size_bits, dtype=bool)
    for i in range(hashes):
        # uint64 arithmetic wraps at 2**64, as ``& _MASK_64`` does in ``may_hold``.
        bits[(first + numpy.uint64(i) * step) % numpy.uint64(size_bits)] = True
    return KeyFilter(numpy.packbits(bits, bitorder="little").tobytes(), hashes)


def _digest(key: str) -> bytes:
    return blake2b(key.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _two_hashes(key: str) -> tuple[int, int]:
    digest = _digest(key)
    return int.from_bytes(digest[:8], "little"), int.from_bytes(digest[8:], "little")
