"""The question bank: one template per module, each defining ``TEMPLATE``.

Modules starting with ``_`` hold shared builders and are not templates.
"""
