#!/usr/bin/env python3
"""The first seed article's ArtificialNeuron algorithm in numpy, for timing
beside descent: a forward and a backward pass per sample in a Python loop,
gradients averaged over the batch, one update per batch (sigmoid, MSE,
zeros init). Written here from the article's description.

    python3 bench/seed_numpy.py EPOCHS full|1

Prints the final cost and weights, so the run cannot be optimised away.
"""
import csv
import os
import sys

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class Neuron:
    def __init__(self, lr):
        self.lr = lr
        self.W = np.zeros(2)
        self.b = 0.0

    def forward(self, x):
        self.z = np.dot(x, self.W) + self.b
        self.a = sigmoid(self.z)
        return self.a

    def backward(self, x, y):
        delta = (self.a - y) * sigmoid(self.z) * (1.0 - sigmoid(self.z))
        return delta * x, delta

    def epoch(self, X, y, batch, rng):
        if batch < X.shape[0]:
            order = rng.permutation(X.shape[0])
            X, y = X[order], y[order]
        total = 0.0
        for start in range(0, X.shape[0], batch):
            Xb, yb = X[start:start + batch], y[start:start + batch]
            dW = np.zeros(2)
            db = 0.0
            for x_i, y_i in zip(Xb, yb):
                a = self.forward(x_i)
                gW, gb = self.backward(x_i, y_i)
                total += 0.5 * (a - y_i) ** 2
                dW += gW
                db += gb
            self.W = self.W - self.lr * dW / len(yb)
            self.b = self.b - self.lr * db / len(yb)
        return total / X.shape[0]


def main():
    epochs = int(sys.argv[1])
    batch_arg = sys.argv[2] if len(sys.argv) > 2 else "full"
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "iris.csv")
    with open(path, newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["species"] in ("setosa", "versicolor")]
    X = np.array([[float(r["sepal_length"]), float(r["petal_length"])] for r in rows])
    y = np.array([0.0 if r["species"] == "setosa" else 1.0 for r in rows])
    batch = X.shape[0] if batch_arg == "full" else int(batch_arg)
    neuron = Neuron(0.5)
    rng = np.random.default_rng(1)
    cost = float("nan")
    for _ in range(epochs):
        cost = neuron.epoch(X, y, batch, rng)
    print("%d,%.17g,%.17g,%.17g,%.17g" % (epochs, cost, neuron.W[0], neuron.W[1], neuron.b))


if __name__ == "__main__":
    main()
