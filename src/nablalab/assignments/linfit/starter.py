# %% [markdown]
# # Linear regression from scratch
# Write `linfit(x, y)` returning (m, c), the slope and intercept minimising
# χ² = Σ (yᵢ − (m xᵢ + c))²: m = Σ (xᵢ − x̄) yᵢ / Σ (xᵢ − x̄)², c = ȳ − m x̄.
# Then compare with scipy.stats.linregress.

# %%
import numpy as np

# %% [markdown]
# ## Your turn

# %%
def linfit(x, y):
    raise NotImplementedError("write linfit")


# %% exploration
if __name__ == "__main__":
    from scipy import stats

    x = np.linspace(0, 10, 20)
    y = 3 * x - 2 + np.random.default_rng(0).normal(0, 1, 20)
    print("mine:", linfit(x, y))
    fit = stats.linregress(x, y)
    print("scipy:", (fit.slope, fit.intercept))
