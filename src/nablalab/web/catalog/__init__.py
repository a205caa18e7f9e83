"""The course's structure in the database (synced from ``content/``) and its public pages."""
