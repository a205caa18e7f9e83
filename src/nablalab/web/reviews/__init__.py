"""Learners' ratings and reviews of the course, with instructor moderation."""
