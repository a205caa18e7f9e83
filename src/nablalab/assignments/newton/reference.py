# %% [markdown]
# # Newton–Raphson — reference solution (never handed out)
# f(x) = x⁶/6 − 3x⁴ − 2x³/3 + 27x²/2 + 18x − 30. Write its derivative, one Newton step,
# and the full iteration; then compare your root with scipy.optimize.newton.

# %%
from scipy import optimize

# %% [markdown]
# ## Given: the function

# %%
def f(x):
    return x**6 / 6 - 3 * x**4 - 2 * x**3 / 3 + 27 * x**2 / 2 + 18 * x - 30


# %% [markdown]
# ## Your turn
# `d_f(x)` must work on NumPy arrays too. `newton_step(f, df, x)` returns the next x;
# `newton_raphson(f, df, x0, tolerance, max_iterations)` steps until |f(x)| < tolerance.

# %%
def d_f(x):
    return x**5 - 12 * x**3 - 2 * x**2 + 27 * x + 18


def newton_step(f, df, x):
    return x - f(x) / df(x)


def newton_raphson(f, df, x0, tolerance=1e-12, max_iterations=100):
    x = x0
    for _ in range(max_iterations):
        if abs(f(x)) < tolerance:
            break
        x = newton_step(f, df, x)
    return x


# %% exploration
if __name__ == "__main__":
    print("mine:", newton_raphson(f, d_f, 1.0))
    print("scipy:", optimize.newton(f, 1.0, fprime=d_f))
