"""nablalab: the Multivariate Calculus for Machine Learning course as software.

Layers, imports flowing one way: mathinput -> calculus, numeric (engines) -> assess ->
course -> web, cli.
"""

__version__ = "0.1.0"
