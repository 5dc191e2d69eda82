#!/usr/bin/env python3
"""Independent numpy reference for descent's surfaces and optimizers.

Each surface's gradient is written here from its formula, each optimizer's
update from the README (all elementwise over theta = (x, y), in double, in
the README's order), and the schedules likewise. For every surface and
every optimizer it writes the path of --headless --bowl:

    /usr/bin/python3 tests/reference/surface_reference.py   # rewrites surface_*.csv

The CSV files it writes are committed; cli_test.sh runs the command on each
file's first line and compares the output with the file (relative
tolerance 1e-9), so the tests do not need numpy.
"""
import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))

STARTS = {"bowl": (5.0, 5.0), "stretched": (5.0, 2.0), "rosenbrock": (-1.5, 2.0),
          "saddle": (4.0, 0.01), "wells": (2.0, 0.5)}
LRS = {"bowl": 0.1, "stretched": 0.05, "rosenbrock": 0.001, "saddle": 0.1, "wells": 0.05}
OPTIMIZERS = ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"]


def value(surface, p, kappa):
    x, y = p
    if surface == "bowl":
        return x * x + y * y
    if surface == "stretched":
        return x * x + kappa * y * y
    if surface == "rosenbrock":
        return (1 - x) ** 2 + 100 * (y - x * x) ** 2
    if surface == "saddle":
        return x * x - y * y
    return (x * x + y * y - 2 * np.exp(-((x - 1) ** 2 + y * y) / 0.2)
            - 6 * np.exp(-((x + 1) ** 2 + y * y) / 0.2))


def gradient(surface, p, kappa):
    x, y = p
    if surface == "bowl":
        return np.array([2 * x, 2 * y])
    if surface == "stretched":
        return np.array([2 * x, 2 * kappa * y])
    if surface == "rosenbrock":
        return np.array([-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)])
    if surface == "saddle":
        return np.array([2 * x, -2 * y])
    a = 2 * np.exp(-((x - 1) ** 2 + y * y) / 0.2)
    b = 6 * np.exp(-((x + 1) ** 2 + y * y) / 0.2)
    return np.array([2 * x + a * 2 * (x - 1) / 0.2 + b * 2 * (x + 1) / 0.2,
                     2 * y + a * 2 * y / 0.2 + b * 2 * y / 0.2])


def scheduled(kind, lr, decay, every, epoch):
    e = epoch - 1
    if kind == "step":
        return lr * decay ** (e // every)
    if kind == "exp":
        return lr * decay ** (e / every)
    if kind == "cosine":
        return lr * 0.5 * (1 + math.cos(math.pi * (e % every) / every))
    return lr


def descend(surface, optimizer, lr, steps, kappa=10.0, beta=0.9, rho=0.99,
            beta1=0.9, beta2=0.999, eps=1e-8, schedule="constant", decay=0.5,
            every=100):
    theta = np.array(STARTS[surface])
    v = np.zeros(2)
    s = np.zeros(2)
    m = np.zeros(2)
    rows = [(0, theta.copy(), value(surface, theta, kappa))]
    for k in range(1, steps + 1):
        g = gradient(surface, theta, kappa)
        eta = scheduled(schedule, lr, decay, every, k)
        if optimizer == "sgd":
            theta = theta - eta * g
        elif optimizer == "momentum":
            v = beta * v + g
            theta = theta - eta * v
        elif optimizer == "nesterov":
            v = beta * v + g
            theta = theta - eta * (g + beta * v)
        elif optimizer == "adagrad":
            s = s + g * g
            theta = theta - eta * g / (np.sqrt(s) + eps)
        elif optimizer == "rmsprop":
            s = rho * s + (1 - rho) * g * g
            theta = theta - eta * g / (np.sqrt(s) + eps)
        else:
            m = beta1 * m + (1 - beta1) * g
            v = beta2 * v + (1 - beta2) * g * g
            theta = theta - eta * (m / (1 - beta1 ** k)) / (np.sqrt(v / (1 - beta2 ** k)) + eps)
        rows.append((k, theta.copy(), value(surface, theta, kappa)))
    return rows


def write(name, command, rows, lrs=None):
    path = os.path.join(HERE, name + ".csv")
    with open(path, "w") as f:
        f.write("# descent " + command + "\n")
        f.write("step,x,y,f" + (",lr" if lrs else "") + "\n")
        for i, (k, p, fv) in enumerate(rows):
            f.write("%d,%r,%r,%r" % (k, float(p[0]), float(p[1]), float(fv)))
            f.write(",%r\n" % float(lrs[i]) if lrs else "\n")
    print("wrote", path)


def main():
    steps = 40
    for surface in STARTS:
        for optimizer in OPTIMIZERS:
            lr = LRS[surface]
            rows = descend(surface, optimizer, lr, steps)
            write("surface_%s_%s" % (surface, optimizer),
                  "--headless --bowl --surface %s --optimizer %s --lr %r --epochs %d"
                  % (surface, optimizer, lr, steps), rows)
    # The constants and the schedules given on the command line.
    rows = descend("stretched", "momentum", 0.02, steps, kappa=25.0, beta=0.5)
    write("surface_stretched_kappa25_momentum05",
          "--headless --bowl --surface stretched --kappa 25 --optimizer momentum"
          " --momentum 0.5 --lr 0.02 --epochs %d" % steps, rows)
    rows = descend("rosenbrock", "adam", 0.05, steps, beta1=0.8, beta2=0.99, eps=1e-6)
    write("surface_rosenbrock_adam_constants",
          "--headless --bowl --surface rosenbrock --optimizer adam --beta1 0.8"
          " --beta2 0.99 --eps 1e-6 --lr 0.05 --epochs %d" % steps, rows)
    rows = descend("wells", "rmsprop", 0.05, steps, rho=0.9)
    write("surface_wells_rmsprop_rho09",
          "--headless --bowl --surface wells --optimizer rmsprop --rho 0.9"
          " --lr 0.05 --epochs %d" % steps, rows)
    for kind in ("step", "exp", "cosine"):
        rows = descend("bowl", "sgd", 0.2, steps, schedule=kind, decay=0.5, every=7)
        lrs = [scheduled(kind, 0.2, 0.5, 7, max(k, 1)) for k, _, _ in rows]
        write("surface_bowl_schedule_%s" % kind,
              "--headless --bowl --schedule %s --decay 0.5 --decay-every 7 --lr 0.2"
              " --epochs %d" % (kind, steps), rows, lrs)


if __name__ == "__main__":
    main()
