#!/usr/bin/env python3
"""Independent numpy reference for the neuron trained by each optimizer,
with a learning-rate schedule, and for the LR range test.

The neuron's forward pass, losses and batch-mean gradient are written here
from docs/DESIGN.md "Training semantics" (batches cut in order, no
shuffling, averaged over their real size); each optimizer's update over
theta = (w1, w2, b) from the README's "Optimizers" (elementwise, in double,
in the README's order; one update per minibatch, the state starting at
zero); the schedules from "Schedules" (the lr of epoch e, 1-based); the
range test from "The LR range test" (plain SGD at lr_i = start *
(end/start)^(i/(n-1)), the batch's cost before the update, the debiased
average with 0.98, stop after the first i > 0 past 4x the best; steepest =
the most negative central difference of the smoothed cost against ln lr
from row n/10 on; minimum/10; exploded, or saturated when the last
max(2, n/50) costs lie within 1% of their mean).

    /usr/bin/python3 tests/reference/optimizer_reference.py   # rewrites the files

It writes tests/reference/iris_opt_*.csv, iris_schedule_step.csv and
iris_lr_find_*.csv; cli_test.sh runs the command on each file's first line
and compares the rows (relative tolerance 1e-9), and lrlab_cli_test.sh the
range test's "# suggested lr" and "# verdict" lines, so the tests do not
need numpy.
"""
import csv
import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
IRIS = os.path.join(HERE, "..", "..", "data", "iris.csv")


def load(xcol, ycol, class_a, class_b):
    with open(IRIS, newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["species"] in (class_a, class_b)]
    X = np.array([[float(r[xcol]), float(r[ycol])] for r in rows])
    y = np.array([0.0 if r["species"] == class_a else 1.0 for r in rows])
    return X, y


def forward(activation, z):
    if activation == "sigmoid":
        a = 1.0 / (1.0 + math.exp(-z))
        return a, a * (1.0 - a)
    if activation == "linear":
        return z, 1.0
    raise ValueError(activation)


def batch_gradient(theta, X, y, activation):
    """MSE: the batch's summed cost and its mean gradient over (w1, w2, b)."""
    cost, g = 0.0, np.zeros(3)
    for x_i, y_i in zip(X, y):
        z = theta[0] * x_i[0] + theta[1] * x_i[1] + theta[2]
        a, da = forward(activation, z)
        cost += 0.5 * (a - y_i) ** 2
        delta = (a - y_i) * da
        g += delta * np.array([x_i[0], x_i[1], 1.0])
    return cost, g / len(y)


class Optimizer:
    def __init__(self, kind, momentum=0.9, rho=0.99, beta1=0.9, beta2=0.999, eps=1e-8):
        self.kind, self.momentum, self.rho = kind, momentum, rho
        self.beta1, self.beta2, self.eps = beta1, beta2, eps
        self.first, self.second, self.t = np.zeros(3), np.zeros(3), 0

    def step(self, theta, g, lr):
        self.t += 1
        if self.kind == "sgd":
            return theta - lr * g
        if self.kind == "momentum":
            self.first = self.momentum * self.first + g
            return theta - lr * self.first
        if self.kind == "nesterov":
            self.first = self.momentum * self.first + g
            return theta - lr * (g + self.momentum * self.first)
        if self.kind == "adagrad":
            self.first = self.first + g * g
            return theta - lr * g / (np.sqrt(self.first) + self.eps)
        if self.kind == "rmsprop":
            self.first = self.rho * self.first + (1 - self.rho) * (g * g)
            return theta - lr * g / (np.sqrt(self.first) + self.eps)
        self.first = self.beta1 * self.first + (1 - self.beta1) * g
        self.second = self.beta2 * self.second + (1 - self.beta2) * (g * g)
        m_hat = self.first / (1 - self.beta1 ** self.t)
        v_hat = self.second / (1 - self.beta2 ** self.t)
        return theta - lr * m_hat / (np.sqrt(v_hat) + self.eps)


def schedule_lr(kind, lr, epoch, decay, every):
    e = epoch - 1
    if kind == "step":
        return lr * decay ** (e // every)
    if kind == "exp":
        return lr * decay ** (e / every)
    if kind == "cosine":
        return lr * 0.5 * (1 + math.cos(math.pi * (e % every) / every))
    return lr


def batches(n, batch):
    size = n if batch == "full" else batch
    return [(s, min(s + size, n)) for s in range(0, n, size)]


def train(X, y, activation, kind, lr, batch, epochs, schedule=None):
    theta, opt, rows = np.zeros(3), Optimizer(kind), []
    for epoch in range(1, epochs + 1):
        lr_e = schedule_lr(schedule[0], lr, epoch, *schedule[1:]) if schedule else lr
        total = 0.0
        for s, e in batches(len(y), batch):
            cost, g = batch_gradient(theta, X[s:e], y[s:e], activation)
            total += cost
            theta = opt.step(theta, g, lr_e)
        a = np.array([forward(activation, t[0] * theta[0] + t[1] * theta[1] + theta[2])[0]
                      for t in X])
        accuracy = float(np.mean((a >= 0.5) == (y == 1.0)))
        row = [epoch, total / len(y), theta[0], theta[1], theta[2], accuracy]
        rows.append(row + ([lr_e] if schedule else []))
    return rows


def lr_find(X, y, activation, batch, start=1e-7, end=10.0, n=100):
    theta, rows, avg, best = np.zeros(3), [], 0.0, math.inf
    cuts = batches(len(y), batch)
    for i in range(n):
        lr = start * (end / start) ** (i / (n - 1))
        s, e = cuts[i % len(cuts)]
        cost, g = batch_gradient(theta, X[s:e], y[s:e], activation)
        cost /= e - s
        theta = theta - lr * g
        avg = 0.98 * avg + 0.02 * cost
        smoothed = avg / (1 - 0.98 ** (i + 1))
        rows.append((i, lr, cost, smoothed))
        if i > 0 and not smoothed <= 4 * best:
            break
        best = min(best, smoothed)
    stopped = len(rows) < n
    slopes = [(rows[i + 1][3] - rows[i - 1][3]) / (math.log(rows[i + 1][1]) - math.log(rows[i - 1][1]))
              if n // 10 <= i < len(rows) - 1 and i > 0 else math.nan for i in range(len(rows))]
    finite = [(d, i) for i, d in enumerate(slopes) if math.isfinite(d) and d < 0]
    steepest = rows[min(finite)[1]][1] if finite else math.nan
    minimum = rows[min((r[3], r[0]) for r in rows if math.isfinite(r[3]))[1]][1] / 10
    k = max(2, len(rows) // 50)
    tail = [r[2] for r in rows[-k:]]
    flat = max(tail) - min(tail) <= 0.01 * abs(sum(tail) / k)
    verdict = "exploded" if stopped else "saturated" if flat else "neither"
    return rows, steepest, minimum, verdict


IRIS_ARGS = "--x sepal_length --y petal_length --classes setosa,versicolor --loss MSE --init zeros"


def write(name, command, header, rows, comments=()):
    path = os.path.join(HERE, name + ".csv")
    with open(path, "w") as f:
        f.write("# descent %s\n" % command)
        f.write(header + "\n")
        for r in rows:
            f.write(",".join(str(int(v)) if i == 0 else repr(float(v)) for i, v in enumerate(r)) + "\n")
        for c in comments:
            f.write(c + "\n")
    print("wrote", path)


def main():
    X, y = load("sepal_length", "petal_length", "setosa", "versicolor")
    lrs = {"sgd": 0.5, "momentum": 0.1, "nesterov": 0.1, "adagrad": 0.1, "rmsprop": 0.01,
           "adam": 0.05}
    for kind, lr in lrs.items():
        for batch, epochs in (("full", 50), (16, 20)):
            rows = train(X, y, "sigmoid", kind, lr, batch, epochs)
            write("iris_opt_%s_%s" % (kind, "full" if batch == "full" else "batch%d" % batch),
                  "--headless %s --activation sigmoid --lr %r --batch %s --epochs %d "
                  "--shuffle off --optimizer %s" % (IRIS_ARGS, lr, batch, epochs, kind),
                  "epoch,cost,w1,w2,b,accuracy", rows)
    rows = train(X, y, "sigmoid", "sgd", 0.8, "full", 30, ("step", 0.5, 10))
    write("iris_schedule_step", "--headless %s --activation sigmoid --lr 0.8 --batch full "
          "--epochs 30 --shuffle off --schedule step --decay 0.5 --decay-every 10" % IRIS_ARGS,
          "epoch,cost,w1,w2,b,accuracy,lr", rows)
    for activation in ("linear", "sigmoid"):
        rows, steepest, minimum, verdict = lr_find(X, y, activation, "full")
        write("iris_lr_find_%s" % activation, "--lr-find %s --activation %s" % (IRIS_ARGS, activation),
              "step,lr,cost,smoothed_cost", rows,
              ("# suggested lr: %r (steepest)" % steepest,
               "# suggested lr: %r (minimum/10)" % minimum, "# verdict: %s" % verdict))


if __name__ == "__main__":
    main()
