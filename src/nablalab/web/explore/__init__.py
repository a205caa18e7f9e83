"""Interactive explorations: each widget's own page, its mount in lessons and labs, and the
JSON endpoints behind it (``/api/widgets/...``). All maths comes from the engines; the
browser only draws."""
