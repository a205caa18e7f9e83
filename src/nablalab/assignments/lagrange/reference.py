# %% [markdown]
# # Lagrange multipliers — reference solution (never handed out)
# Problem 1: f(x, y) = exp(−(2x² + y² − xy)/2) subject to g(x, y) = x² + 3(y + 1)² − 1 = 0.
# Problem 2: f(x, y) = −exp(x − y² + xy) subject to g(x, y) = cosh(y) + x − 2 = 0.
# For each, write DL(xyλ) = [f_x − λ g_x, f_y − λ g_y, −g] (xyλ is the array [x, y, λ]),
# then find a root of it with scipy.optimize.root.

# %%
import numpy as np
from scipy import optimize

# %% [markdown]
# ## Given: the functions and constraints

# %%
def f1(x, y):
    return np.exp(-(2 * x**2 + y**2 - x * y) / 2)


def g1(x, y):
    return x**2 + 3 * (y + 1) ** 2 - 1


def f2(x, y):
    return -np.exp(x - y**2 + x * y)


def g2(x, y):
    return np.cosh(y) + x - 2


# %% [markdown]
# ## Your turn
# `solve(DL, x0)` returns the array [x, y, λ] where DL is zero, starting from x0.

# %%
def DL1(xyl):
    x, y, lam = xyl
    f = f1(x, y)
    return np.array([
        f * (y - 4 * x) / 2 - lam * 2 * x,
        f * (x - 2 * y) / 2 - lam * 6 * (y + 1),
        -g1(x, y),
    ])


def DL2(xyl):
    x, y, lam = xyl
    f = f2(x, y)
    return np.array([
        f * (1 + y) - lam,
        f * (x - 2 * y) - lam * np.sinh(y),
        -g2(x, y),
    ])


def solve(DL, x0):
    return optimize.root(DL, x0).x


# %% exploration
if __name__ == "__main__":
    x, y, lam = solve(DL1, np.array([-1.0, -1.0, 0.0]))
    print(f"problem 1: x = {x:.4f}, y = {y:.4f}, λ = {lam:.4f}, f = {f1(x, y):.4f}")
    x, y, lam = solve(DL2, np.array([1.0, 0.0, 0.0]))
    print(f"problem 2: x = {x:.4f}, y = {y:.4f}, λ = {lam:.4f}, f = {f2(x, y):.4f}")
