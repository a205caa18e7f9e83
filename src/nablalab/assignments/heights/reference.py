# %% [markdown]
# # Fitting the distribution of height data — reference solution (never handed out)
# A Gaussian f(x; μ, σ) is fitted to a histogram of heights by steepest descent on
# χ² = |y − f|². You write ∂f/∂μ, ∂f/∂σ and one steepest-descent step.
# x holds the bin centres (cm), y the normalised counts (a density).

# %%
import numpy as np

# %% [markdown]
# ## Given: the model

# %%
def f(x, mu, sig):
    return np.exp(-((x - mu) ** 2) / (2 * sig**2)) / np.sqrt(2 * np.pi) / sig


# %% [markdown]
# ## Your turn
# `steepest_step` returns −aggression · J with J = [−2 (y − f)·∂f/∂μ, −2 (y − f)·∂f/∂σ].

# %%
def dfdmu(x, mu, sig):
    return f(x, mu, sig) * (x - mu) / sig**2


def dfdsig(x, mu, sig):
    return f(x, mu, sig) * ((x - mu) ** 2 / sig**3 - 1 / sig)


def steepest_step(x, y, mu, sig, aggression):
    J = np.array([
        -2 * (y - f(x, mu, sig)) @ dfdmu(x, mu, sig),
        -2 * (y - f(x, mu, sig)) @ dfdsig(x, mu, sig),
    ])
    return -aggression * J


# %% exploration
if __name__ == "__main__":
    x, y = np.loadtxt("heights.csv", delimiter=",", skiprows=1, unpack=True)
    mu, sig = 155.0, 6.0
    for _ in range(50):
        d_mu, d_sig = steepest_step(x, y, mu, sig, 2000)
        mu, sig = mu + d_mu, sig + d_sig
    print(f"fitted mu = {mu:.2f} cm, sigma = {sig:.2f} cm")
