"""The course's content: lessons and module structure read from Markdown files, validated.

``load_course()`` reads ``content/`` into plain immutable data (no database here; the web app
syncs it into its own tables); ``render_markdown`` turns a lesson body into HTML with maths
left for KaTeX.
"""

from nablalab.course.content import Course, Item, ItemKind, Lesson, Module
from nablalab.course.errors import ContentError
from nablalab.course.loader import default_content_dir, load_course
from nablalab.course.markdown import render_markdown
from nablalab.course.tryit import TryIt, TryItError

__all__ = ["ContentError", "Course", "Item", "ItemKind", "Lesson", "Module", "TryIt",
           "TryItError",
           "default_content_dir", "load_course", "render_markdown"]
