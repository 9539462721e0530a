#!/usr/bin/python3
"""scikit-learn's t-SNE on the data set that bench/tsnedata.h generates for tests/core/tst_tsne.cpp and bench/tsne.cpp.

Run with Debian's /usr/bin/python3 (python3-sklearn 1.2.1, python3-numpy); nothing else is needed.

  /usr/bin/python3 bench/tsne_reference.py --reference
      prints the constants of tests/core/tst_tsne.cpp: scikit-learn's KL divergence and
      trustworthiness (k = 5) for method='exact' and method='barnes_hut' on the test data set
      (1000 points, 32-d, 8 clusters, seed 20261124), and sklearn.manifold.trustworthiness on the
      small fixed case of the test.
  /usr/bin/python3 bench/tsne_reference.py --bench --n 2000 --threads 2 [--method barnes_hut|exact] [--trust]
      one scikit-learn run on the bench's data set (same generator, seed 7); prints one JSON line
      (wall and CPU seconds of fit_transform, KL divergence, n_iter, threads) that bench/tsne.cpp
      parses.

The data set (identical bit for bit to the C++ generator, tst_tsne.cpp's gaussianClusters()):
a splitmix64 stream, output k = mix(seed + (k + 1) * 0x9E3779B97F4A7C15); each "gaussian" is the
Irwin-Hall sum of 12 consecutive draws u = output >> 40 (24-bit integers): sum / 2^24 - 6, exact in
double. First 8 x dim gaussians give the cluster centres (times 2), then row by row one gaussian per
coordinate; point i belongs to cluster i % 8 with spread SIGMAS[i % 8] (powers of two), so
x = centre + sigma * gaussian is exact in double and its float32 rounding is the same everywhere.
"""

import argparse
import json
import os
import sys
import time

GOLDEN = 0x9E3779B97F4A7C15
SIGMAS = [1.0, 0.5, 2.0, 1.0, 0.5, 2.0, 1.0, 1.0]
CLUSTERS = 8
TEST_SEED = 20261124
TEST_N = 1000
BENCH_SEED = 7
DIM = 32


def set_threads(threads):
    # Before numpy / scikit-learn start their OpenMP and BLAS pools.
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
        os.environ[var] = str(threads)


def gaussian_clusters(n, dim, seed):
    import numpy as np

    count = 12 * (CLUSTERS * dim + n * dim)
    with np.errstate(over="ignore"):
        k = np.arange(1, count + 1, dtype=np.uint64)
        z = np.uint64(seed) + k * np.uint64(GOLDEN)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    u = (z >> np.uint64(40)).astype(np.int64)
    g = u.reshape(-1, 12).sum(axis=1).astype(np.float64) / float(1 << 24) - 6.0
    centres = 2.0 * g[: CLUSTERS * dim].reshape(CLUSTERS, dim)
    noise = g[CLUSTERS * dim:].reshape(n, dim)
    cluster = np.arange(n) % CLUSTERS
    sigma = np.array(SIGMAS)[cluster][:, None]
    return (centres[cluster] + sigma * noise).astype(np.float32)


def checksum(x):
    """Sum of the float32 bit patterns modulo 2^64 (tst_tsne.cpp checks the same)."""
    import numpy as np

    return int(x.view(np.uint32).astype(np.uint64).sum(dtype=np.uint64))


def run_tsne(x, method, seed, threads):
    from sklearn.manifold import TSNE

    model = TSNE(n_components=2, perplexity=30.0, early_exaggeration=12.0, learning_rate="auto",
                 n_iter=1000, init="pca", method=method, angle=0.5, random_state=seed, n_jobs=threads)
    t0, c0 = time.perf_counter(), time.process_time()
    y = model.fit_transform(x)
    run_tsne.cpu_seconds = time.process_time() - c0
    return y, float(model.kl_divergence_), int(model.n_iter_), time.perf_counter() - t0


def reference(threads):
    import numpy as np
    import sklearn
    from sklearn.manifold import trustworthiness

    x = gaussian_clusters(TEST_N, DIM, TEST_SEED)
    print(f"// scikit-learn {sklearn.__version__}, numpy {np.__version__}: "
          f"/usr/bin/python3 bench/tsne_reference.py --reference")
    print(f"// data: gaussianClusters({TEST_N}, {DIM}, {TEST_SEED}); checksum {checksum(x)}, "
          f"x[0][0] = {float(x[0, 0])!r}, x[{TEST_N - 1}][{DIM - 1}] = {float(x[-1, -1])!r}")
    for method in ("exact", "barnes_hut"):
        y, kl, n_iter, seconds = run_tsne(x, method, seed=0, threads=threads)
        t = trustworthiness(x, y, n_neighbors=5)
        print(f"// {method}: TSNE(perplexity=30, init='pca', learning_rate='auto', n_iter=1000, "
              f"random_state=0), n_iter_ {n_iter}, {seconds:.1f} s")
        print(f"{method}: kl {kl!r} trustworthiness {t!r}")
    # Small trustworthiness case: 40 points in 8-d (seed 5), the layout = their first two coordinates.
    small = gaussian_clusters(40, 8, 5)
    t = trustworthiness(small, small[:, :2], n_neighbors=5)
    t3 = trustworthiness(small, small[:, :2], n_neighbors=3)
    print("// small: gaussianClusters(40, 8, 5) against its first two coordinates")
    print(f"small: trustworthiness k=5 {t!r} k=3 {t3!r}")


def bench(n, threads, method, with_trust):
    from threadpoolctl import threadpool_info

    x = gaussian_clusters(n, DIM, BENCH_SEED)
    y, kl, n_iter, seconds = run_tsne(x, method, seed=0, threads=threads)
    out = {"method": method, "n": n, "seconds": seconds, "cpu_seconds": run_tsne.cpu_seconds, "kl": kl,
           "n_iter": n_iter, "threads": threads,
           "checksum": checksum(x),
           "openmp_threads": [p.get("num_threads") for p in threadpool_info() if p.get("user_api") == "openmp"]}
    if with_trust:
        from sklearn.manifold import trustworthiness

        out["trustworthiness"] = float(trustworthiness(x, y, n_neighbors=5))
    print(json.dumps(out), flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reference", action="store_true")
    ap.add_argument("--bench", action="store_true")
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--method", default="barnes_hut", choices=["barnes_hut", "exact"])
    ap.add_argument("--trust", action="store_true")
    args = ap.parse_args()
    set_threads(args.threads)
    if args.reference:
        reference(args.threads)
    elif args.bench:
        bench(args.n, args.threads, args.method, args.trust)
    else:
        ap.print_help()
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
