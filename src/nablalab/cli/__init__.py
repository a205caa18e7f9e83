"""The ``nablalab`` command line: one module per group of subcommands."""
