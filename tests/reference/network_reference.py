#!/usr/bin/env python3
"""Independent numpy reference for descent's hidden layer (--hidden H).

Written from the formulas of docs/DESIGN.md "A hidden layer" (the README's
"A hidden layer"): u_j = sum_i V_ji x_i + c_j, h_j = g(u_j),
z = sum_j w_j h_j + b, a = act(z); the chain rule per sample,
delta = dC/da * act'(z), dC/dw_j = delta h_j, dC/db = delta,
delta_j = delta w_j g'(u_j), dC/dV_ji = delta_j x_i, dC/dc_j = delta_j;
per-sample gradients summed over a batch cut in order (no shuffling) and
averaged over its real size; theta <- theta - lr * gradient. The
parameters in the documented order: h1_w1..h1_wN, h1_b, ..., w1..wH, b.

    python3 tests/reference/network_reference.py  # rewrites network_*.csv

The CSV files are committed; tests/cli_test.sh compares descent's
--headless output with them (relative tolerance 1e-9).
"""
import csv
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
IRIS = os.path.join(HERE, "..", "..", "data", "iris.csv")
XOR = os.path.join(HERE, "..", "..", "data", "xor.csv")


def load(path, xcol, ycol, label, class_a, class_b):
    with open(path, newline="") as f:
        rows = [r for r in csv.DictReader(f) if r[label] in (class_a, class_b)]
    X = np.array([[float(r[xcol]), float(r[ycol])] for r in rows])
    y = np.array([1.0 if r[label] == class_b else 0.0 for r in rows])
    return X, y


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


HIDDEN = {
    "tanh": (np.tanh, lambda u: 1.0 - np.tanh(u) ** 2),
    "sigmoid": (sigmoid, lambda u: sigmoid(u) * (1.0 - sigmoid(u))),
    "relu": (lambda u: np.maximum(u, 0.0), lambda u: (u > 0).astype(float)),
}
OUTPUT = {
    "sigmoid": (sigmoid, lambda z: sigmoid(z) * (1.0 - sigmoid(z))),
    "linear": (lambda z: z, lambda z: 1.0),
}
EPS = 1e-12


def clamp(a):
    return min(max(a, EPS), 1 - EPS)


LOSSES = {
    "MSE": (lambda a, y: 0.5 * (a - y) ** 2, lambda a, y: a - y),
    "BCE": (lambda a, y: -y * np.log(clamp(a)) - (1 - y) * np.log(1 - clamp(a)),
            lambda a, y: -y / clamp(a) + (1 - y) / (1 - clamp(a))),
}


def unpack(theta, n, hidden):
    V = theta[:hidden * (n + 1)].reshape(hidden, n + 1)
    return V[:, :n], V[:, n], theta[hidden * (n + 1):hidden * (n + 1) + hidden], theta[-1]


def forward(theta, n, hidden, g, act, x):
    V, c, w, b = unpack(theta, n, hidden)
    u = V @ x + c
    h = HIDDEN[g][0](u)
    z = float(w @ h + b)
    return u, h, z, OUTPUT[act][0](z)


def train(X, y, hidden, g, act, loss, lr, batch, epochs, theta):
    n = X.shape[1]
    dg = HIDDEN[g][1]
    dact = OUTPUT[act][1]
    cost, dcost = LOSSES[loss]
    theta = np.array(theta, dtype=float)
    count = X.shape[0]
    batch = count if batch == "full" else batch
    rows = []
    for epoch in range(1, epochs + 1):
        epoch_cost = 0.0
        for start in range(0, count, batch):
            grad = np.zeros_like(theta)
            size = len(y[start:start + batch])
            for x, t in zip(X[start:start + batch], y[start:start + batch]):
                u, h, z, a = forward(theta, n, hidden, g, act, x)
                epoch_cost += cost(a, t)
                delta = dcost(a, t) * dact(z)
                _, _, w, _ = unpack(theta, n, hidden)
                out = hidden * (n + 1)
                grad[out:out + hidden] += delta * h
                grad[-1] += delta
                dj = delta * w * dg(u)
                for j in range(hidden):
                    grad[j * (n + 1):j * (n + 1) + n] += dj[j] * x
                    grad[j * (n + 1) + n] += dj[j]
            theta = theta - lr * grad / size
        right = sum((forward(theta, n, hidden, g, act, x)[3] >= 0.5) == (t == 1.0)
                    for x, t in zip(X, y))
        rows.append([epoch, epoch_cost / count] + list(theta) + [right / count])
    return rows


def names(n, hidden):
    out = []
    for j in range(1, hidden + 1):
        out += ["h%d_w%d" % (j, i) for i in range(1, n + 1)] + ["h%d_b" % j]
    return out + ["w%d" % j for j in range(1, hidden + 1)] + ["b"]


def start(count, scale):
    """Given starting weights: a fixed, irregular pattern in (-scale, scale)."""
    return [round(scale * ((k * 37 + 11) % 23 - 11) / 11.0, 3) for k in range(count)]


IRIS_ARGS = ("--x sepal_length --y petal_length --classes setosa,versicolor",
             IRIS, "sepal_length", "petal_length", "species", "setosa", "versicolor")
XOR_ARGS = ("--data builtin:xor --x x1 --y x2 --label y --classes 0,1",
            XOR, "x1", "x2", "y", "0", "1")

CASES = [
    # name, data, hidden, g, output, loss, lr, batch, epochs, scale
    ("network_iris_h1_tanh_full", IRIS_ARGS, 1, "tanh", "sigmoid", "MSE", 0.5, "full", 40, 0.5),
    ("network_iris_h3_sigmoid_batch8", IRIS_ARGS, 3, "sigmoid", "sigmoid", "BCE", 0.1, 8, 20, 0.8),
    ("network_iris_h8_relu_full", IRIS_ARGS, 8, "relu", "sigmoid", "MSE", 0.05, "full", 40, 0.3),
    ("network_xor_h3_tanh_batch3", XOR_ARGS, 3, "tanh", "sigmoid", "BCE", 0.5, 3, 60, 1.0),
    ("network_xor_h8_relu_batch2", XOR_ARGS, 8, "relu", "linear", "MSE", 0.05, 2, 60, 1.0),
    ("network_xor_h1_sigmoid_full", XOR_ARGS, 1, "sigmoid", "sigmoid", "MSE", 1.0, "full", 60, 1.0),
]


def main():
    for name, data, hidden, g, act, loss, lr, batch, epochs, scale in CASES:
        args, path, xcol, ycol, label, a, b = data
        X, y = load(path, xcol, ycol, label, a, b)
        n = X.shape[1]
        theta = start(hidden * (n + 1) + hidden + 1, scale)
        rows = train(X, y, hidden, g, act, loss, lr, batch, epochs, theta)
        out = os.path.join(HERE, name + ".csv")
        with open(out, "w") as f:
            f.write("# descent --headless %s --hidden %d --hidden-activation %s --activation %s"
                    " --loss %s --lr %r --batch %s --epochs %d --shuffle off --weights %s\n"
                    % (args, hidden, g, act, loss, lr, batch, epochs,
                       ",".join(repr(v) for v in theta)))
            f.write(",".join(["epoch", "cost"] + names(n, hidden) + ["accuracy"]) + "\n")
            for r in rows:
                f.write("%d," % r[0] + ",".join(repr(float(v)) for v in r[1:]) + "\n")
        print("wrote", out)


if __name__ == "__main__":
    main()
