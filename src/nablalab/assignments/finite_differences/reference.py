# %% [markdown]
# # Finite-difference Jacobian and Hessian — reference solution (never handed out)
# When a function has no formula, estimate its derivatives from its values. Use CENTRAL
# differences (error O(h²)), not forward ones (error O(h)).
# `jacobian_fd(f, x, h)`: f maps an array of n numbers to m numbers; return the (m, n) matrix
# with J[i, j] ≈ (f(x + h eⱼ)[i] − f(x − h eⱼ)[i]) / (2h).
# `hessian_fd(f, x, h)`: f maps n numbers to one number; return the symmetric (n, n) matrix
# H[i, j] ≈ (f(x + h eᵢ + h eⱼ) − f(x + h eᵢ − h eⱼ)
#            − f(x − h eᵢ + h eⱼ) + f(x − h eᵢ − h eⱼ)) / (4h²).

# %%
import numpy as np

# %% [markdown]
# ## Your turn

# %%
def jacobian_fd(f, x, h=1e-3):
    x = np.asarray(x, dtype=float)
    columns = []
    for j in range(x.size):
        e = np.zeros(x.size)
        e[j] = h
        columns.append((np.asarray(f(x + e)) - np.asarray(f(x - e))) / (2 * h))
    return np.array(columns).T


def hessian_fd(f, x, h=1e-3):
    x = np.asarray(x, dtype=float)
    n = x.size
    H = np.zeros((n, n))
    steps = np.eye(n) * h
    for i in range(n):
        for j in range(n):
            H[i, j] = (f(x + steps[i] + steps[j]) - f(x + steps[i] - steps[j])
                       - f(x - steps[i] + steps[j]) + f(x - steps[i] - steps[j])) / (4 * h**2)
    return H


# %% exploration
if __name__ == "__main__":
    def g(v):
        return np.array([v[0] ** 2 * v[1], np.sin(v[0]) + v[1]])

    print(jacobian_fd(g, np.array([1.0, 2.0])))
