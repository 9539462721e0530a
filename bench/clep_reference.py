#!/usr/bin/python3
"""A straightforward PyTorch implementation of CLEP (docs/clep.md), for train_bench's timing.

Same method and settings as core/train/clep.cpp: standardised inputs; a Siamese MLP (depth 4,
hidden 256, 64-d output) trained with the contrastive loss (margin 7) over all pairs i < j within
each batch of 16 songs (a trailing single song joins the previous batch), Adam lr 0.01,
ReduceLROnPlateau(patience 2, factor 0.1) on the validation loss (all validation pairs), 20 epochs,
best-validation weights kept; then the frozen embedder feeds a 3-layer classifier (64 -> 64 -> 32
-> 1, sigmoid) trained with BCE, Adam lr 0.001, the same schedule, 30 epochs; metrics on the test
part. One intra-op thread. Written the way one would in Python (nn.Sequential, autograd,
torch.optim), not tuned.

Usage: /usr/bin/python3 clep_reference.py DATA [--repeats N]
DATA (written by train_bench): int32 n, dim; float32 features[n*dim]; int32 labels[n]; then
train, validation and test as int32 count + int32 indices; little-endian.
Prints one "RESULT <variant> <median ms> <accuracy> <auroc>" line per variant.
"""

import argparse
import copy
import statistics
import struct
import time

import torch
import torch.nn as nn

MARGIN = 7.0
DEPTH, HIDDEN, EMBEDDING = 4, 256, 64
CLASSIFIER_HIDDEN = 64
BATCH = 16
EMBEDDER_LR, EMBEDDER_EPOCHS = 0.01, 20
CLASSIFIER_LR, CLASSIFIER_EPOCHS = 0.001, 30
PATIENCE, FACTOR = 2, 0.1


def read_data(path):
    with open(path, "rb") as f:
        raw = f.read()
    n, dim = struct.unpack_from("<ii", raw, 0)
    pos = 8
    x = torch.frombuffer(bytearray(raw[pos:pos + 4 * n * dim]), dtype=torch.float32).view(n, dim).clone()
    pos += 4 * n * dim
    y = torch.tensor(struct.unpack_from("<%di" % n, raw, pos), dtype=torch.float32)
    pos += 4 * n
    parts = []
    for _ in range(3):
        (count,) = struct.unpack_from("<i", raw, pos)
        pos += 4
        parts.append(torch.tensor(struct.unpack_from("<%di" % count, raw, pos), dtype=torch.long))
        pos += 4 * count
    return x, y, parts


def mlp(sizes):
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(nn.Linear(sizes[i], sizes[i + 1]))
        if i + 2 < len(sizes):
            layers.append(nn.ReLU())
    return nn.Sequential(*layers)


def pair_labels(liked, variant):
    a, b = liked.unsqueeze(1), liked.unsqueeze(0)
    same = (a == b).float()
    if variant == "clep-pn":
        return same
    if variant == "clep-p":
        return same * a * b
    return same * (1 - a) * (1 - b)  # clep-n


def contrastive_loss(emb, liked, variant):
    n = emb.shape[0]
    i, j = torch.triu_indices(n, n, 1)
    d = torch.cdist(emb, emb)[i, j]
    y = pair_labels(liked, variant)[i, j]
    return (y * d.pow(2) + (1 - y) * torch.clamp(MARGIN - d, min=0).pow(2)).mean()


def batches(n):
    perm = torch.randperm(n)
    chunks = list(torch.split(perm, BATCH))
    if len(chunks) >= 2 and len(chunks[-1]) == 1:
        chunks[-2] = torch.cat([chunks[-2], chunks[-1]])
        chunks.pop()
    return chunks


def auroc(y, p):
    pos, neg = p[y == 1], p[y == 0]
    if len(pos) == 0 or len(neg) == 0:
        return 0.5
    greater = (pos.unsqueeze(1) > neg.unsqueeze(0)).float().sum()
    ties = (pos.unsqueeze(1) == neg.unsqueeze(0)).float().sum()
    return ((greater + 0.5 * ties) / (len(pos) * len(neg))).item()


def train_and_evaluate(x, y, parts, variant, seed):
    torch.manual_seed(seed)
    train, val, test = parts
    mean, std = x[train].mean(0), x[train].std(0, unbiased=False)
    std[std == 0] = 1
    xs = (x - mean) / std
    xtr, ytr, xval, yval = xs[train], y[train], xs[val], y[val]

    embedder = mlp([x.shape[1]] + [HIDDEN] * (DEPTH - 1) + [EMBEDDING])
    opt = torch.optim.Adam(embedder.parameters(), lr=EMBEDDER_LR)
    sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, patience=PATIENCE, factor=FACTOR)
    best, best_state = float("inf"), None
    for _ in range(EMBEDDER_EPOCHS):
        embedder.train()
        for idx in batches(len(train)):
            loss = contrastive_loss(embedder(xtr[idx]), ytr[idx], variant)
            opt.zero_grad()
            loss.backward()
            opt.step()
        embedder.eval()
        with torch.no_grad():
            val_loss = contrastive_loss(embedder(xval), yval, variant).item()
        sched.step(val_loss)
        if val_loss < best:
            best, best_state = val_loss, copy.deepcopy(embedder.state_dict())
    embedder.load_state_dict(best_state)
    for p in embedder.parameters():
        p.requires_grad_(False)

    classifier = nn.Sequential(mlp([EMBEDDING, CLASSIFIER_HIDDEN, CLASSIFIER_HIDDEN // 2, 1]), nn.Sigmoid())
    bce = nn.BCELoss()
    opt = torch.optim.Adam(classifier.parameters(), lr=CLASSIFIER_LR)
    sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, patience=PATIENCE, factor=FACTOR)
    best, best_state = float("inf"), None
    for _ in range(CLASSIFIER_EPOCHS):
        classifier.train()
        for idx in batches(len(train)):
            loss = bce(classifier(embedder(xtr[idx])).squeeze(1), ytr[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
        classifier.eval()
        with torch.no_grad():
            val_loss = bce(classifier(embedder(xval)).squeeze(1), yval).item()
        sched.step(val_loss)
        if val_loss < best:
            best, best_state = val_loss, copy.deepcopy(classifier.state_dict())
    classifier.load_state_dict(best_state)

    with torch.no_grad():
        prob = classifier(embedder(xs[test])).squeeze(1)
    truth = y[test]
    accuracy = ((prob >= 0.5).float() == truth).float().mean().item()
    return accuracy, auroc(truth, prob)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    torch.set_num_threads(1)
    x, y, parts = read_data(args.data)
    print("torch %s, %d intra-op thread(s)" % (torch.__version__, torch.get_num_threads()))
    train_and_evaluate(x, y, parts, "clep-pn", 0)  # warm-up
    for variant in ("clep-pn", "clep-p", "clep-n"):
        times = []
        for r in range(args.repeats):
            t0 = time.perf_counter()
            accuracy, auc = train_and_evaluate(x, y, parts, variant, r + 1)
            times.append((time.perf_counter() - t0) * 1000.0)
        print("RESULT %s %.1f %.3f %.3f" % (variant, statistics.median(times), accuracy, auc), flush=True)


if __name__ == "__main__":
    main()
