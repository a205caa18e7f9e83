# %% [markdown]
# # Backpropagation
# A 1→6→7→2 network with logistic activations learns to draw a heart. You write the
# Jacobians of the cost with respect to b3, b2, W1 and b1. Samples are columns: x has shape
# (1, N) and y has shape (2, N). Weight Jacobians end with `@ a.T / N`; bias Jacobians sum
# over samples (`np.sum(..., axis=1, keepdims=True)`) and divide by N.

# %%
import numpy as np

# %% [markdown]
# ## Given: the activation, its derivative, the network and the cost

# %%
def sigma(z):
    return 1 / (1 + np.exp(-z))


def d_sigma(z):
    return np.cosh(z / 2) ** (-2) / 4


def reset_network(n1=6, n2=7, random=np.random):
    global W1, W2, W3, b1, b2, b3
    W1 = random.randn(n1, 1) / 2
    W2 = random.randn(n2, n1) / 2
    W3 = random.randn(2, n2) / 2
    b1 = random.randn(n1, 1) / 2
    b2 = random.randn(n2, 1) / 2
    b3 = random.randn(2, 1) / 2


def network_function(a0):
    z1 = W1 @ a0 + b1
    a1 = sigma(z1)
    z2 = W2 @ a1 + b2
    a2 = sigma(z2)
    z3 = W3 @ a2 + b3
    a3 = sigma(z3)
    return a0, z1, a1, z2, a2, z3, a3


def cost(x, y):
    return np.linalg.norm(network_function(x)[-1] - y) ** 2 / x.size


# %% [markdown]
# ## Given: the two worked Jacobians

# %%
def J_W3(x, y):
    a0, z1, a1, z2, a2, z3, a3 = network_function(x)
    J = 2 * (a3 - y)
    J = J * d_sigma(z3)
    J = J @ a2.T / x.size
    return J


def J_W2(x, y):
    a0, z1, a1, z2, a2, z3, a3 = network_function(x)
    J = 2 * (a3 - y)
    J = J * d_sigma(z3)
    J = (J.T @ W3).T
    J = J * d_sigma(z2)
    J = J @ a1.T / x.size
    return J


# %% [markdown]
# ## Your turn: J_b3, J_b2, J_W1, J_b1

# %%
def J_b3(x, y):
    raise NotImplementedError("write J_b3")


def J_b2(x, y):
    raise NotImplementedError("write J_b2")


def J_W1(x, y):
    raise NotImplementedError("write J_W1")


def J_b1(x, y):
    raise NotImplementedError("write J_b1")


# %% exploration
if __name__ == "__main__":
    reset_network()
    t = np.arange(100) / 100
    x = t.reshape(1, 100)
    heart = np.array([16 * np.sin(2 * np.pi * t) ** 3,
                      13 * np.cos(2 * np.pi * t) - 5 * np.cos(4 * np.pi * t)
                      - 2 * np.cos(6 * np.pi * t) - np.cos(8 * np.pi * t)]) / 20
    y = (heart + 1) / 2
    for _ in range(5000):
        W1 -= 5 * J_W1(x, y)
        b1 -= 5 * J_b1(x, y)
        W2 -= 5 * J_W2(x, y)
        b2 -= 5 * J_b2(x, y)
        W3 -= 5 * J_W3(x, y)
        b3 -= 5 * J_b3(x, y)
    print("cost after training:", cost(x, y))
