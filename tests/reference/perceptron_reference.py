#!/usr/bin/env python3
"""Independent numpy reference for descent's neuron with N inputs.

Follows the second seed article's Perceptron: input_size weights and a
bias, a forward pass z = sum(x_i * w_i) + b, a = act(z), and for each
sample the update w_i -= lr * x_i * act'(z) * (a - y), b -= lr * act'(z) *
(a - y) (the gradient of the loss (a - y)^2 / 2). Its train loop is batch
size 1; here the same per-sample gradients are averaged over batches cut in
order (no shuffling) and divided by their real size, as docs/DESIGN.md
specifies, so that full batch and minibatches are checked too. The inputs
are the --features terms (COL, COL^K, COL*COL, computed here from the
columns), the target is a class (0/1) or, with --target, a number (then
the r2 column replaces accuracy). With --test F the held-out rows are drawn
as src/dataset_terms.c documents (splitmix64 seeded with seed ^ "testsplt",
Fisher-Yates, the first round(F*n) positions), written here from that
description, and test_cost, test_accuracy (or test_r2) are taken at the
weights after each epoch.

    python3 tests/reference/perceptron_reference.py   # rewrites the perceptron_*.csv

The CSV files it writes are committed; tests/cli_test.sh runs the command
on each file's first line and compares the output with the file (relative
tolerance 1e-9), so the tests do not need numpy.
"""
import csv
import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
MASK = (1 << 64) - 1
SPLIT_STREAM = 0x7465737473706C74  # "testsplt"


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-z))


ACTIVATIONS = {
    "sigmoid": (sigmoid, lambda z: sigmoid(z) * (1.0 - sigmoid(z))),
    "linear": (lambda z: z, lambda z: 1.0),
    "relu": (lambda z: max(0.0, z), lambda z: 0.0 if z <= 0 else 1.0),
}


class SplitMix:
    """The program's random numbers: splitmix64, and a bound by Lemire's
    multiply-and-shift with rejection."""

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

    def below(self, bound):
        m = self.next() * bound
        if (m & MASK) < bound:
            threshold = ((1 << 64) - bound) % bound
            while (m & MASK) < threshold:
                m = self.next() * bound
        return m >> 64


def held_out(n, fraction, seed):
    """Which of n rows (in file order) the test split holds out."""
    k = min(n, int(math.floor(fraction * n + 0.5)))
    order = list(range(n))
    g = SplitMix(seed ^ SPLIT_STREAM)
    for i in range(n, 1, -1):
        j = g.below(i)
        order[i - 1], order[j] = order[j], order[i - 1]
    held = [False] * n
    for i in order[:k]:
        held[i] = True
    return held


def term_value(term, row):
    """A term COL, COL^K or a product of those, from a row of columns."""
    value = None
    for factor in term.split("*"):
        if "^" in factor:
            col, power = factor.split("^")
            v = row[col] ** int(power)
        else:
            v = row[factor]
        value = v if value is None else value * v
    return value


def load(path, features, label=None, classes=None, target=None):
    with open(os.path.join(ROOT, path), newline="") as f:
        rows = list(csv.DictReader(f))
    X, y = [], []
    for r in rows:
        if target is None and r[label] not in classes:
            continue
        numbers = {k: float(v) for k, v in r.items() if k != label}
        X.append([term_value(t, numbers) for t in features])
        y.append(float(r[target]) if target else (1.0 if r[label] == classes[1] else 0.0))
    return np.array(X), np.array(y)


class Perceptron:
    def __init__(self, input_size, learning_rate, activation, init, seed):
        self.input_size = input_size
        self.learning_rate = learning_rate
        self.act, self.act_diff = ACTIVATIONS[activation]
        g = SplitMix(seed)
        if init == "uniform":  # weights, then the bias
            params = [2.0 * g.unit() - 1.0 for _ in range(input_size + 1)]
        else:
            params = [0.0] * (input_size + 1)
        self.weights = np.array(params[:input_size])
        self.bias = params[input_size]

    def forward_pass(self, input_vector):
        # As the article writes it: a sum left to right, then the bias.
        weighted_sum = sum(x * w for x, w in zip(input_vector, self.weights)) + self.bias
        return weighted_sum, self.act(weighted_sum)

    def train_epoch(self, inputs, targets, batch):
        """One epoch of batches cut in order; returns the summed cost, each
        sample's taken at its forward pass."""
        total = 0.0
        for start in range(0, len(targets), batch):
            dw = np.zeros(self.input_size)
            db = 0.0
            size = len(targets[start:start + batch])
            for x, t in zip(inputs[start:start + batch], targets[start:start + batch]):
                z, a = self.forward_pass(x)
                total += 0.5 * (a - t) ** 2
                delta = self.act_diff(z) * (a - t)
                dw += x * delta
                db += delta
            self.weights = self.weights - self.learning_rate * (dw / size)
            self.bias = self.bias - self.learning_rate * (db / size)
        return total

    def outputs(self, inputs):
        return np.array([self.forward_pass(x)[1] for x in inputs])

    def cost(self, inputs, targets):
        return float(np.mean(0.5 * (self.outputs(inputs) - targets) ** 2))

    def accuracy(self, inputs, targets):
        return float(np.mean((self.outputs(inputs) >= 0.5) == (targets == 1.0)))

    def r2(self, inputs, targets):
        residual = targets - self.outputs(inputs)
        spread = targets - np.mean(targets)
        return 1.0 - float(np.sum(residual ** 2)) / float(np.sum(spread ** 2))


IRIS = "data/iris.csv"
LINE = "tests/data/line_3x_minus_2.csv"
RAW4 = ["sepal_length", "sepal_width", "petal_length", "petal_width"]
TERMS = ["petal_length^2", "petal_width", "petal_length*petal_width"]

# name, data, features, classes or None, target or None, activation, lr,
# batch, epochs, test fraction, init
CASES = [
    ("n1_full", IRIS, ["petal_length"], ("versicolor", "virginica"), None,
     "sigmoid", 0.5, "full", 100, 0, "zeros"),
    ("n1_batch16", IRIS, ["petal_length"], ("versicolor", "virginica"), None,
     "sigmoid", 0.5, 16, 60, 0, "zeros"),
    ("n3_full", IRIS, RAW4[:3], ("setosa", "versicolor"), None,
     "sigmoid", 0.5, "full", 100, 0, "zeros"),
    ("n3_batch16", IRIS, RAW4[:3], ("setosa", "versicolor"), None,
     "sigmoid", 0.5, 16, 60, 0, "uniform"),
    ("n4_full", IRIS, RAW4, ("versicolor", "virginica"), None,
     "sigmoid", 0.5, "full", 100, 0, "zeros"),
    ("n4_batch16", IRIS, RAW4, ("versicolor", "virginica"), None,
     "sigmoid", 0.1, 16, 60, 0, "zeros"),
    ("terms_full", IRIS, TERMS, ("versicolor", "virginica"), None,
     "sigmoid", 0.05, "full", 100, 0, "zeros"),
    ("terms_batch16", IRIS, TERMS, ("versicolor", "virginica"), None,
     "sigmoid", 0.01, 16, 60, 0, "zeros"),
    ("line_full", LINE, ["x"], None, "y", "linear", 0.1, "full", 100, 0, "zeros"),
    ("line_batch8", LINE, ["x"], None, "y", "linear", 0.1, 8, 60, 0, "zeros"),
    ("line_batch1", LINE, ["x"], None, "y", "linear", 0.02, 1, 40, 0, "uniform"),
    ("n4_test_full", IRIS, RAW4, ("versicolor", "virginica"), None,
     "sigmoid", 0.5, "full", 80, 0.2, "zeros"),
    ("n4_test_batch16", IRIS, RAW4, ("versicolor", "virginica"), None,
     "sigmoid", 0.1, 16, 40, 0.2, "zeros"),
    ("line_test_batch8", LINE, ["x"], None, "y", "linear", 0.1, 8, 40, 0.25, "zeros"),
]


def command(data, features, classes, target, activation, lr, batch, epochs, test, init):
    words = ["--headless"]
    if data != IRIS:
        words += ["--data", data]
    words += ["--features", ",".join(features)]
    if target:
        words += ["--target", target]
    else:
        words += ["--classes", ",".join(classes)]
    words += ["--activation", activation, "--loss", "MSE", "--lr", repr(lr),
              "--batch", str(batch), "--epochs", str(epochs), "--shuffle", "off",
              "--init", init]
    if init == "uniform":
        words += ["--seed", "1"]
    if test:
        words += ["--test", repr(test)]
    return " ".join(words)


def run(data, features, classes, target, activation, lr, batch, epochs, test, init):
    X, y = load(data, features, "species", classes, target)
    held = held_out(len(y), test, 1) if test else [False] * len(y)
    train = np.array([not h for h in held])
    Xtr, ytr, Xte, yte = X[train], y[train], X[~train], y[~train]
    p = Perceptron(len(features), lr, activation, init, 1)
    size = len(ytr) if batch == "full" else batch
    header = (["epoch", "cost"] + ["w%d" % (i + 1) for i in range(len(features))]
              + ["b", "r2" if target else "accuracy"])
    if test:
        header += ["test_cost", "test_r2" if target else "test_accuracy"]
    rows = [",".join(header)]
    for epoch in range(1, epochs + 1):
        cost = p.train_epoch(Xtr, ytr, size) / len(ytr)
        values = [cost] + list(p.weights) + [p.bias]
        values.append(p.r2(Xtr, ytr) if target else p.accuracy(Xtr, ytr))
        if test:
            values.append(p.cost(Xte, yte))
            values.append(p.r2(Xte, yte) if target else p.accuracy(Xte, yte))
        rows.append("%d," % epoch + ",".join(repr(float(v)) for v in values))
    return rows


def main():
    for name, *case in CASES:
        path = os.path.join(HERE, "perceptron_%s.csv" % name)
        with open(path, "w") as f:
            f.write("# descent " + command(*case) + "\n")
            f.write("\n".join(run(*case)) + "\n")
        print("wrote", path)


if __name__ == "__main__":
    main()
