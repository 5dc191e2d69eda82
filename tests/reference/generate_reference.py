#!/usr/bin/env python3
"""Independent reference for descent's generated data sets (--data gen:NAME).

Written from the formulas in the opening comment of src/generate.c (the
README's "Generated data"): splitmix64, U(a,b) = a + (b-a)*u, the polar
normal, and the program's own logarithm and sine/cosine, step by step in
Python's IEEE doubles. Prints, for each set at 200 points, noise 0.1 and
seed 1, the FNV-1a 64-bit checksum of the CSV text; tests/test_generate.c
holds the same numbers, so the C code and this description agree byte for
byte.

    python3 tests/reference/generate_reference.py
"""
import math

MASK = (1 << 64) - 1
PI = float.fromhex("0x1.921fb54442d18p1")
PIO2_HI = float.fromhex("0x1.921fb544p0")
PIO2_LO = float.fromhex("0x1.0b4611a626331p-34")
LN2_HI = float.fromhex("0x1.62e42fefa3800p-1")
LN2_LO = float.fromhex("0x1.ef35793c76730p-45")
SQRT2 = float.fromhex("0x1.6a09e667f3bcdp0")


class SplitMix:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def unit(self):
        return (self.next() >> 11) * 2.0 ** -53

    def uniform(self, a, b):
        return a + (b - a) * self.unit()

    def normal(self):
        while True:
            v1 = self.uniform(-1.0, 1.0)
            v2 = self.uniform(-1.0, 1.0)
            s = v1 * v1 + v2 * v2
            if 0.0 < s <= 1.0:
                return v1 * math.sqrt(-2.0 * own_log(s) / s)


def own_log(x):
    m, e = math.frexp(x)
    m, e = m * 2.0, e - 1
    if m > SQRT2:
        m, e = m * 0.5, e + 1
    s = (m - 1.0) / (m + 1.0)
    s2 = s * s
    p = 1.0 / 21.0
    for k in range(19, 0, -2):
        p = 1.0 / k + s2 * p
    return e * LN2_HI + (2.0 * s * p + e * LN2_LO)


def own_sincos(t):
    k = math.floor(t / PIO2_HI + 0.5)
    r = (t - k * PIO2_HI) - k * PIO2_LO
    r2 = r * r
    ps = pc = 0.0
    for n in range(19, 2, -2):
        ps = r2 / float(n * (n - 1)) * (1.0 - ps)
    for n in range(20, 1, -2):
        pc = r2 / float(n * (n - 1)) * (1.0 - pc)
    s, c = r * (1.0 - ps), 1.0 - pc
    return [(s, c), (c, -s), (-s, -c), (-c, s)][int(k) & 3]


def labels(points):
    first = points - points // 2
    return [0.0 if i < first else 1.0 for i in range(points)]


def circle(g, points, noise):
    for label in labels(points):
        r = g.uniform(0.0, 2.5) if label == 1.0 else g.uniform(3.5, 5.0)
        s, c = own_sincos(g.uniform(0.0, 2.0 * PI))
        x, y = r * s, r * c
        nx = g.uniform(-5.0, 5.0) * noise
        ny = g.uniform(-5.0, 5.0) * noise
        dx, dy = x + nx, y + ny
        yield x, y, 1.0 if math.sqrt(dx * dx + dy * dy) < 2.5 else 0.0


def xor(g, points, noise):
    for _ in range(points):
        x = g.uniform(-5.0, 5.0)
        x = x + 0.3 if x > 0 else x - 0.3
        y = g.uniform(-5.0, 5.0)
        y = y + 0.3 if y > 0 else y - 0.3
        nx = g.uniform(-5.0, 5.0) * noise
        ny = g.uniform(-5.0, 5.0) * noise
        yield x, y, 1.0 if (x + nx) * (y + ny) >= 0 else 0.0


def gauss(g, points, noise):
    sd = math.sqrt(0.5 + 7.0 * noise)
    for label in labels(points):
        c = 2.0 if label == 1.0 else -2.0
        x = c + sd * g.normal()
        y = c + sd * g.normal()
        yield x, y, label


def spiral(g, points, noise):
    first = points - points // 2
    for i, label in enumerate(labels(points)):
        n = points // 2 if label == 1.0 else first
        j = i - first if label == 1.0 else i
        r = j / n * 5.0
        t = 1.75 * j / n * 2.0 * PI + (0.0 if label == 1.0 else PI)
        s, c = own_sincos(t)
        x = r * s + g.uniform(-1.0, 1.0) * noise
        y = r * c + g.uniform(-1.0, 1.0) * noise
        yield x, y, label


def line(g, points, noise):
    for _ in range(points):
        x = g.uniform(-6.0, 6.0)
        e = g.uniform(-6.0, 6.0) * noise
        yield x, 3.0 * (x + e) - 2.0


def plane(g, points, noise):
    for _ in range(points):
        x1 = g.uniform(-6.0, 6.0)
        x2 = g.uniform(-6.0, 6.0)
        e1 = g.uniform(-6.0, 6.0) * noise
        e2 = g.uniform(-6.0, 6.0) * noise
        yield x1, x2, ((x1 + e1) + (x2 + e2)) / 10.0


SETS = [("circle", "x1,x2,label", circle), ("xor", "x1,x2,label", xor),
        ("gauss", "x1,x2,label", gauss), ("spiral", "x1,x2,label", spiral),
        ("line", "x1,y", line), ("plane", "x1,x2,y", plane)]


def csv_text(name, points, noise, seed):
    for n, header, fn in SETS:
        if n == name:
            rows = fn(SplitMix(seed), points, noise)
            return header + "\n" + "".join(
                ",".join("%.17g" % v for v in row) + "\n" for row in rows)
    raise KeyError(name)


def fnv1a(data):
    h = 0xCBF29CE484222325
    for b in data:
        h = ((h ^ b) * 0x100000001B3) & MASK
    return h


if __name__ == "__main__":
    for name, _, _ in SETS:
        text = csv_text(name, 200, 0.1, 1)
        print("%-7s 0x%016x" % (name, fnv1a(text.encode())))
