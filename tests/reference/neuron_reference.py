#!/usr/bin/env python3
"""Independent numpy reference for descent's trainer.

Follows the algorithm of the first seed article (the ArtificialNeuron:
forward pass, chain-rule backward pass, gradients averaged over the batch,
w <- w - lr*dW), written here from the formulas, with batches cut in order
(no shuffling) and averaged over their real size, as docs/DESIGN.md specifies.

    python3 tests/reference/neuron_reference.py   # rewrites tests/reference/*.csv

The CSV files it writes are committed; the test suite compares descent's
--headless output with them (relative tolerance 1e-9), so the tests do not
need numpy.
"""
import csv
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
IRIS = os.path.join(HERE, "..", "..", "data", "iris.csv")


def load_iris(xcol, ycol, class_a, class_b):
    with open(IRIS, newline="") as f:
        rows = list(csv.DictReader(f))
    keep = [r for r in rows if r["species"] in (class_a, class_b)]
    X = np.array([[float(r[xcol]), float(r[ycol])] for r in keep])
    y = np.array([1.0 if r["species"] == class_b else 0.0 for r in keep])
    return X, y


ACTIVATIONS = {
    "sigmoid": (lambda z: 1.0 / (1.0 + np.exp(-z)),
                lambda z: (1.0 / (1.0 + np.exp(-z))) * (1.0 - 1.0 / (1.0 + np.exp(-z)))),
    "linear": (lambda z: z, lambda z: 1.0),
    "relu": (lambda z: max(0.0, z), lambda z: 1.0 if z > 0 else 0.0),
}

EPS = 1e-12
LOSSES = {
    "MSE": (lambda a, y: 0.5 * (a - y) ** 2, lambda a, y: a - y),
    "MAE": (lambda a, y: abs(a - y), lambda a, y: float(np.sign(a - y))),
    "BCE": (lambda a, y: -y * np.log(min(max(a, EPS), 1 - EPS))
            - (1 - y) * np.log(1 - min(max(a, EPS), 1 - EPS)),
            lambda a, y: -y / min(max(a, EPS), 1 - EPS)
            + (1 - y) / (1 - min(max(a, EPS), 1 - EPS))),
}


def train(X, y, activation, loss, lr, batch, epochs):
    act, dact = ACTIVATIONS[activation]
    cost, dcost = LOSSES[loss]
    W = np.zeros(2)
    b = 0.0
    n = X.shape[0]
    batch = n if batch == "full" else batch
    rows = []
    for epoch in range(1, epochs + 1):
        epoch_cost = 0.0
        for start in range(0, n, batch):
            Xb, yb = X[start:start + batch], y[start:start + batch]
            dW = np.zeros(2)
            db = 0.0
            for x_i, y_i in zip(Xb, yb):
                z = float(np.dot(x_i, W) + b)
                a = act(z)
                epoch_cost += cost(a, y_i)
                delta = dcost(a, y_i) * dact(z)
                dW += delta * x_i
                db += delta
            W = W - lr * dW / len(yb)
            b = b - lr * db / len(yb)
        z_all = X @ W + b
        a_all = np.array([act(z) for z in z_all])
        accuracy = float(np.mean((a_all >= 0.5) == (y == 1.0)))
        rows.append((epoch, epoch_cost / n, W[0], W[1], b, accuracy))
    return rows


CASES = [
    # name, x, y, classes, activation, loss, lr, batch, epochs
    ("iris_mse_full", "sepal_length", "petal_length", ("setosa", "versicolor"),
     "sigmoid", "MSE", 0.5, "full", 100),
    ("iris_mae_full", "sepal_length", "petal_length", ("setosa", "versicolor"),
     "sigmoid", "MAE", 0.5, "full", 100),
    ("iris_bce_batch32", "sepal_length", "petal_length", ("setosa", "versicolor"),
     "sigmoid", "BCE", 0.1, 32, 50),
    ("iris_linear_sgd", "sepal_width", "petal_width", ("versicolor", "virginica"),
     "linear", "MSE", 0.01, 1, 30),
    ("iris_relu_batch8", "sepal_length", "petal_length", ("setosa", "versicolor"),
     "relu", "MSE", 0.05, 8, 40),
]


def main():
    for name, xcol, ycol, classes, activation, loss, lr, batch, epochs in CASES:
        X, y = load_iris(xcol, ycol, *classes)
        rows = train(X, y, activation, loss, lr, batch, epochs)
        path = os.path.join(HERE, name + ".csv")
        with open(path, "w") as f:
            f.write("# descent --headless --x %s --y %s --classes %s,%s --activation %s"
                    " --loss %s --lr %r --batch %s --epochs %d --shuffle off --init zeros\n"
                    % (xcol, ycol, classes[0], classes[1], activation, loss, lr, batch, epochs))
            f.write("epoch,cost,w1,w2,b,accuracy\n")
            for r in rows:
                f.write("%d,%s,%s,%s,%s,%s\n" % (r[0], repr(float(r[1])), repr(float(r[2])),
                                                repr(float(r[3])), repr(float(r[4])),
                                                repr(float(r[5]))))
        print("wrote", path)


if __name__ == "__main__":
    main()
