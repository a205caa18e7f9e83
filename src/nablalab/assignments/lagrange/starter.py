# %% [markdown]
# # Lagrange multipliers
# Problem 1: f(x, y) = exp(−(2x² + y² − xy)/2) subject to g(x, y) = x² + 3(y + 1)² − 1 = 0.
# Problem 2: f(x, y) = −exp(x − y² + xy) subject to g(x, y) = cosh(y) + x − 2 = 0.
# For each, write DL(xyλ) = [f_x − λ g_x, f_y − λ g_y, −g] (xyλ is the array [x, y, λ]),
# then find a root of it with scipy.optimize.root.

# %%
import numpy as np

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
    raise NotImplementedError("write DL1")


def DL2(xyl):
    raise NotImplementedError("write DL2")


def solve(DL, x0):
    raise NotImplementedError("write solve")


# %% exploration
if __name__ == "__main__":
    x, y, lam = solve(DL1, np.array([-1.0, -1.0, 0.0]))
    print(f"problem 1: x = {x:.4f}, y = {y:.4f}, λ = {lam:.4f}, f = {f1(x, y):.4f}")
    x, y, lam = solve(DL2, np.array([1.0, 0.0, 0.0]))
    print(f"problem 2: x = {x:.4f}, y = {y:.4f}, λ = {lam:.4f}, f = {f2(x, y):.4f}")
