# %% [markdown]
# # Gradient descent in a sandpit — reference solution (never handed out)
# At each point the walker knows the depth f, the gradient J (shape (2,)) and the Hessian
# H (shape (2, 2)). Write three strategies that return the step to take (shape (2,)):
# steepest descent −γJ with γ = 0.5, the Newton step −H⁻¹J, and a hybrid `next_step` that
# takes the Newton step unless it points uphill (J · step > 0) or is longer than 2, in which
# case it falls back to −γJ.

# %%
import numpy as np

GAMMA = 0.5
MAX_NEWTON_LENGTH = 2.0

# %% [markdown]
# ## Your turn

# %%
def steepest_step(f, J, H):
    return -GAMMA * J


def newton_step(f, J, H):
    return -np.linalg.solve(H, J)


def next_step(f, J, H):
    step = newton_step(f, J, H)
    if J @ step > 0 or np.linalg.norm(step) > MAX_NEWTON_LENGTH:
        return steepest_step(f, J, H)
    return step
