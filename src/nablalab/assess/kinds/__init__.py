"""One module per answer kind; ``nablalab.assess.grading.KINDS`` lists them by name."""
