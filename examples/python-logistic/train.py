#!/usr/bin/env python3
"""Logistic regression for the VisuTility trainer contract, in plain Python 3 (standard library only).

Train mode fits weights by mini-batch gradient descent with L2 regularisation on standardised
features, writes the model to model.bin (JSON: the bytes are opaque to the orchestrator) and its
validation metrics to result.json. Predict mode reads model.bin and writes one probability per line.
The request comes from the file named by VISUTILITY_REQUEST (or the first argument).
"""
import csv
import json
import math
import os
import random
import sys

FORMAT = "visutility-python-logistic"
PARAMS = {
    "learning_rate": (float, 0.001, 1.0, 0.1),
    "l2": (float, 1e-6, 1.0, 1e-4),
    "epochs": (int, 1, 30, 10),
    "batch_size": (int, 8, 256, 32),
}


class ContractError(Exception):
    """Bad input: reported on standard error, exit code 2."""


def main():
    path = os.environ.get("VISUTILITY_REQUEST") or (sys.argv[1] if len(sys.argv) > 1 else None)
    if not path:
        raise ContractError("no request: set VISUTILITY_REQUEST or pass the path of request.json")
    with open(path, encoding="utf-8") as f:
        request = json.load(f)
    mode = request.get("mode")
    if mode == "train":
        train(request)
    elif mode == "predict":
        predict(request)
    else:
        raise ContractError("mode must be train or predict, was %r" % (mode,))


def read_csv(path, with_label):
    with open(path, newline="", encoding="utf-8") as f:
        rows = csv.reader(f)
        header = next(rows)
        features = [name for name in header if name != "label"] if with_label else header
        columns = [header.index(name) for name in features]
        label_at = header.index("label") if with_label else None
        x, y = [], []
        for row in rows:
            x.append([float(row[c]) for c in columns])
            if with_label:
                y.append(int(row[label_at]))
    return features, x, y


def params_of(request):
    given = request.get("params", {})
    unknown = sorted(set(given) - set(PARAMS))
    if unknown:
        raise ContractError("unknown parameters %s; known are %s" % (unknown, sorted(PARAMS)))
    out = {}
    for name, (kind, low, high, default) in PARAMS.items():
        value = given.get(name, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or (kind is int and value != int(value)):
            raise ContractError("parameter %s must be %s, was %r" % (name, kind.__name__, value))
        value = kind(value)
        if not low <= value <= high:
            raise ContractError("parameter %s must be within [%s, %s], was %s" % (name, low, high, value))
        out[name] = value
    return out


def sigmoid(z):
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def standardise(x, mean, std):
    return [[(v - m) / s for v, m, s in zip(row, mean, std)] for row in x]


def train(request):
    params = params_of(request)
    features, x, y = read_csv(request["train"], True)
    budget = request.get("budget", {"unit": "full", "amount": 1})
    epochs = params["epochs"]
    if budget["unit"] == "rounds":
        epochs = int(budget["amount"])
    elif budget["unit"] == "fraction":
        keep = max(1, math.ceil(len(x) * budget["amount"]))
        x, y = x[:keep], y[:keep]
    n, d = len(x), len(features)
    mean = [sum(row[j] for row in x) / n for j in range(d)]
    std = [math.sqrt(sum((row[j] - mean[j]) ** 2 for row in x) / n) or 1.0 for j in range(d)]
    xs = standardise(x, mean, std)

    rng = random.Random(request["seed"])
    weights, bias = [0.0] * d, 0.0
    rate, l2, size = params["learning_rate"], params["l2"], params["batch_size"]
    order = list(range(n))
    for epoch in range(epochs):
        rng.shuffle(order)
        for start in range(0, n, size):
            batch = order[start:start + size]
            grad, grad_bias = [0.0] * d, 0.0
            for i in batch:
                error = sigmoid(bias + sum(w * v for w, v in zip(weights, xs[i]))) - y[i]
                grad_bias += error
                for j in range(d):
                    grad[j] += error * xs[i][j]
            weights = [w - rate * (g / len(batch) + l2 * w) for w, g in zip(weights, grad)]
            bias -= rate * grad_bias / len(batch)
        if not all(math.isfinite(w) for w in weights + [bias]):
            print("training diverged in epoch %d; lower learning_rate" % (epoch + 1), file=sys.stderr)
            sys.exit(3)

    model = {"format": FORMAT, "version": 1, "features": features, "mean": mean, "std": std,
             "weights": weights, "bias": bias, "params": params, "epochs": epochs}
    output = request["output"]
    with open(os.path.join(output, "model.bin"), "w", encoding="utf-8") as f:
        json.dump(model, f)
    _, vx, vy = read_csv(request["validation"], True)
    scores = probabilities(model, vx) if vx else []
    with open(os.path.join(output, "result.json"), "w", encoding="utf-8") as f:
        json.dump({"metrics": metrics(scores, vy)}, f, allow_nan=False)
    print("trained %d rows x %d features for %d epochs" % (n, d, epochs))


def probabilities(model, x):
    xs = standardise(x, model["mean"], model["std"])
    return [sigmoid(model["bias"] + sum(w * v for w, v in zip(model["weights"], row))) for row in xs]


def metrics(scores, labels):
    if not labels:
        return {"rows": 0}
    tp = sum(1 for s, l in zip(scores, labels) if s >= 0.5 and l == 1)
    fp = sum(1 for s, l in zip(scores, labels) if s >= 0.5 and l == 0)
    fn = sum(1 for s, l in zip(scores, labels) if s < 0.5 and l == 1)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    eps = 1e-12
    logloss = -sum(l * math.log(max(s, eps)) + (1 - l) * math.log(max(1 - s, eps))
                   for s, l in zip(scores, labels)) / len(labels)
    accuracy = sum(1 for s, l in zip(scores, labels) if (s >= 0.5) == (l == 1)) / len(labels)
    return {"f1": f1, "precision": precision, "recall": recall, "accuracy": accuracy, "logloss": logloss}


def predict(request):
    with open(request["model_path"], encoding="utf-8") as f:
        model = json.load(f)
    if model.get("format") != FORMAT:
        raise ContractError("model.bin is not a %s model" % FORMAT)
    header, x, _ = read_csv(request["input"], False)
    if header != model["features"]:
        raise ContractError("input columns %s differ from the model's %s" % (header, model["features"]))
    with open(request["predictions"], "w", encoding="utf-8") as f:
        for p in probabilities(model, x):
            f.write(repr(p) + "\n")


if __name__ == "__main__":
    try:
        main()
    except ContractError as e:
        print("error: %s" % e, file=sys.stderr)
        sys.exit(2)
