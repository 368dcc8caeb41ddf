#!/usr/bin/env python3
"""How often PSIS's Pareto k exceeds 0.7 on correctly specified data: ArviZ on continuous
posterior draws against the tool's PSIS cross-check, on the same simulated data sets.

Issue 13 asks that k > 0.7 appear in the tool no more often than continuous draws give in
ArviZ. Each data set is drawn from the one-way model the tool fits (y_i ~ N(theta_i, se_i),
theta_i ~ N(mu_g, tau), mu_g ~ N(mu, sigma)). The reference posterior is computed here,
independently of the tool: the marginal posterior of (tau, sigma) on a 160 x 160 log lattice
(mu and the group means integrated out in closed form), draws of (tau, sigma) continuous
(a cell by its mass, then uniform within it in log space), then mu and the group means from
their Gaussian conditionals. The pointwise log likelihood is the tool's, theta integrated
out: log N(y_i | mu_g[i], sqrt(se_i^2 + tau^2)). `az.loo(pointwise=True)` gives the k values.

The tool runs on the same CSVs (`grouping-report run`, 4 x 1,000 draws) and its results.json
`loo.psis.pareto_k` counts are read back.

    scripts/pareto-k-rate.py [--sets 20] [--creators 2000] [--binary .build/release/grouping-report]

Needs numpy, scipy, arviz (pip install arviz).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import arviz as az
import numpy as np
from scipy.special import logsumexp


# (tau, sigma) per set, in turn: tau well below, near and above the se (0.01-0.05); groups
# that differ clearly or barely.
REGIMES = [(0.02, 0.03), (0.002, 0.03), (0.06, 0.03), (0.02, 0.003), (0.002, 0.003), (0.06, 0.003)]


def simulate(rng, n, groups, tau, sigma):
    g = rng.integers(0, groups, n)
    se = rng.uniform(0.01, 0.05, n)
    mu = 0.05
    mu_g = rng.normal(mu, sigma, groups)
    theta = rng.normal(mu_g[g], tau)
    y = rng.normal(theta, se)
    return g, y, se


def group_stats(g, y, se, tau, groups):
    """Per group: the precision-weighted mean of y and its precision, given tau."""
    w = 1.0 / (se**2 + tau**2)
    prec = np.bincount(g, weights=w, minlength=groups)
    ybar = np.bincount(g, weights=w * y, minlength=groups) / prec
    # log of the within-group part of the marginal likelihood that does not depend on mu_g.
    resid = -0.5 * np.sum(np.log(2 * np.pi / w)) - 0.5 * np.sum(w * y**2) + 0.5 * np.sum(prec * ybar**2)
    return ybar, prec, resid


def log_post(g, y, se, tau, sigma, groups, s):
    """log p(tau, sigma | y) up to a constant: mu ~ N(0, 5s), scales ~ HalfNormal(s)."""
    ybar, prec, resid = group_stats(g, y, se, tau, groups)
    # ybar_g ~ N(mu, 1/prec_g + sigma^2); mu ~ N(0, (5s)^2).
    v = 1.0 / prec + sigma**2
    a = np.sum(1.0 / v) + 1.0 / (5 * s) ** 2
    b = np.sum(ybar / v)
    lm = (-0.5 * np.sum(np.log(2 * np.pi * v)) - 0.5 * np.sum(ybar**2 / v) + 0.5 * b**2 / a
          - 0.5 * np.log(a) - np.log(5 * s))
    # Turn N(ybar | mu_g, 1/prec) back into the likelihood of the y's.
    lm += resid + 0.5 * np.sum(np.log(2 * np.pi / prec))
    lp = -0.5 * (tau / s) ** 2 - 0.5 * (sigma / s) ** 2
    return lm + lp + np.log(tau) + np.log(sigma)  # log-scale lattice: Jacobian


def reference_draws(rng, g, y, se, groups, draws):
    s = np.std(y, ddof=1)

    def lattice(lt, ls):
        return np.array([[log_post(g, y, se, np.exp(a), np.exp(b), groups, s) for b in ls] for a in lt])

    # A coarse pass finds where the mass is, a fine one tabulates it.
    lt = np.linspace(np.log(s * 1e-4), np.log(s * 3), 60)
    ls = np.linspace(np.log(s * 1e-4), np.log(s * 5), 60)
    coarse = lattice(lt, ls)
    keep = np.argwhere(coarse > coarse.max() - 25)
    (t0, s0), (t1, s1) = keep.min(axis=0), keep.max(axis=0)
    lt = np.linspace(lt[max(t0 - 1, 0)], lt[min(t1 + 1, len(lt) - 1)], 160)
    ls = np.linspace(ls[max(s0 - 1, 0)], ls[min(s1 + 1, len(ls) - 1)], 160)
    grid = lattice(lt, ls)
    p = np.exp(grid - logsumexp(grid)).ravel()
    cells = rng.choice(p.size, size=draws, p=p)
    dt, ds = lt[1] - lt[0], ls[1] - ls[0]
    tau = np.exp(lt[cells // len(ls)] + rng.uniform(-dt / 2, dt / 2, draws))
    sigma = np.exp(ls[cells % len(ls)] + rng.uniform(-ds / 2, ds / 2, draws))
    loglik = np.empty((draws, len(y)))
    for d in range(draws):
        ybar, prec, _ = group_stats(g, y, se, tau[d], groups)
        v = 1.0 / prec + sigma[d] ** 2
        a = np.sum(1.0 / v) + 1.0 / (5 * s) ** 2
        mu = rng.normal(np.sum(ybar / v) / a, np.sqrt(1.0 / a))
        post_prec = prec + 1.0 / sigma[d] ** 2
        mu_g = rng.normal((prec * ybar + mu / sigma[d] ** 2) / post_prec, np.sqrt(1.0 / post_prec))
        sd = np.sqrt(se**2 + tau[d] ** 2)
        loglik[d] = -0.5 * np.log(2 * np.pi * sd**2) - 0.5 * ((y - mu_g[g]) / sd) ** 2
    return loglik


def tool_counts(binary, g, y, se, folder):
    with open(os.path.join(folder, "creators.csv"), "w") as f:
        f.write("creator_id,segment\n")
        for i, gi in enumerate(g):
            f.write(f"c{i},S{gi}\n")
    with open(os.path.join(folder, "ites.csv"), "w") as f:
        f.write("creator_id,effect_hat,se\n")
        for i in range(len(y)):
            f.write(f"c{i},{float(y[i])!r},{float(se[i])!r}\n")
    with open(os.path.join(folder, "config.yml"), "w") as f:
        f.write("title: Pareto k rate\ndata: {creators: creators.csv, id: creator_id, ites: ites.csv}\n"
                "candidates: [segment]\nmodel: {seed: 7}\n")
    out = os.path.join(folder, "out")
    subprocess.run([binary, "run", os.path.join(folder, "config.yml"), "--out", out, "--formats", "json",
                    "--quiet"], check=True)
    results = json.load(open(os.path.join(out, "results.json")))
    candidate = next(c for c in results["candidates"] if c["name"] == "segment")
    psis = candidate["hbm"]["loo"]["psis"]
    counts = psis["pareto_k"]
    return counts["bad"] + counts["very_bad"], psis["k_max"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sets", type=int, default=24)
    parser.add_argument("--creators", type=int, default=2000)
    parser.add_argument("--groups", type=int, default=8)
    parser.add_argument("--binary", default=".build/release/grouping-report")
    args = parser.parse_args()
    rng = np.random.default_rng(20261204)
    arviz_total = tool_total = 0
    for k in range(args.sets):
        tau, sigma = REGIMES[k % len(REGIMES)]
        g, y, se = simulate(rng, args.creators, args.groups, tau, sigma)
        loglik = reference_draws(rng, g, y, se, args.groups, 4000)
        idata = az.from_dict(posterior={"dummy": np.zeros((4, 1000))}, log_likelihood={"y": loglik.reshape(4, 1000, -1)})
        ks = az.loo(idata, pointwise=True).pareto_k.values
        with tempfile.TemporaryDirectory() as folder:
            tool, tool_kmax = tool_counts(args.binary, g, y, se, folder)
        arviz_total += int(np.sum(ks > 0.7))
        tool_total += tool
        print(f"set {k + 1:2d} (tau {tau}, sigma {sigma}): ArviZ k > 0.7: {int(np.sum(ks > 0.7))} (k max {ks.max():.3f}); tool: {tool} (k max {tool_kmax:.3f})",
              flush=True)
    n = args.sets * args.creators
    print(f"total over {args.sets} sets of {args.creators} creators: ArviZ {arviz_total} ({100 * arviz_total / n:.3f}%), "
          f"tool {tool_total} ({100 * tool_total / n:.3f}%)")
    return 0 if tool_total <= max(arviz_total, 0) + 2 * np.sqrt(max(arviz_total, 1)) else 1


if __name__ == "__main__":
    sys.exit(main())
