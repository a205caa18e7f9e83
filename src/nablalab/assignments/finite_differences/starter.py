# %% [markdown]
# # Finite-difference Jacobian and Hessian
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
    raise NotImplementedError("write jacobian_fd")


def hessian_fd(f, x, h=1e-3):
    raise NotImplementedError("write hessian_fd")


# %% exploration
if __name__ == "__main__":
    def g(v):
        return np.array([v[0] ** 2 * v[1], np.sin(v[0]) + v[1]])

    print(jacobian_fd(g, np.array([1.0, 2.0])))
