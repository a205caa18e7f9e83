"""A learner's own record: enrolment, lessons completed, the dashboard built from them."""
