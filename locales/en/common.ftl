### Diagnostic chrome: the words around every message.

# The level names annotate-snippets prints before a message.
common-error = error
common-warning = warning
common-help = help
# After the first 50 problems of one file.
common-more-problems = … and { $count } more problems of the same file
