"""One module per exploration (or family of them), each with its own ninja ``router``."""
