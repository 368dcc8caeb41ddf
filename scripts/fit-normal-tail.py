"""The polynomial behind FastNormal (Sources/GroupingCore/Model/CreatorQuadrature.swift).

With u = |z|/sqrt(2) and t = 1/(1 + u/2) (the substitution of Numerical Recipes' erfcc),
    erfc(u) = t * exp(-u^2) * G(t),   G(t) = erfc(u) exp(u^2) / t,
and G is smooth on t in (0, 1] (G(0) = 1/(2 sqrt(pi))). A least-squares Chebyshev fit of
degree 16 at 600 Chebyshev points (G evaluated with mpmath at 40 digits), converted to
monomial coefficients for Horner's rule, has a relative error below 2e-11 on (0, 1] in
double precision. The normal CDF then needs one exp, exp(-z^2/2), which is also the density.

Usage: python3 scripts/fit-normal-tail.py  (prints the coefficients, constant term first,
and the maximum relative error of Horner's rule in double precision on 20,001 points).
"""
import numpy as np
from mpmath import erfc, exp, mp, mpf

mp.dps = 40


def g(t):
    t = mpf(t)
    u = (1 / t - 1) * 2
    return erfc(u) * exp(u * u) / t


k = np.arange(600)
ts = 0.5 * (1 + np.cos(np.pi * (k + 0.5) / 600))
fit = np.polynomial.chebyshev.Chebyshev.fit(ts, [float(g(t)) for t in ts], 16, domain=[0, 1])
coefficients = fit.convert(kind=np.polynomial.Polynomial).coef
print([float("%.17g" % c) for c in coefficients])
grid = np.linspace(1e-9, 1, 20001)
exact = np.array([float(g(t)) for t in grid])
horner = np.zeros_like(grid)
for c in coefficients[::-1]:
    horner = horner * grid + c
print("max relative error", np.max(np.abs(horner / exact - 1)))
