"""Running the site in production: health and readiness probes, request ids in structured
logs, and Prometheus metrics."""
