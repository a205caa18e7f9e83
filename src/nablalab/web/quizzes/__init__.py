"""Practice and graded quizzes on the site: attempts, grading, completion and certificates."""
