### Diagnostic chrome: the words around every message.

# The level names annotate-snippets prints before a message.
common-error = error
common-warning = warning
common-help = help
# After the first 50 problems of one file.
common-more-problems = … and { $count } more problems of the same file

common-io-not-found = no such file
common-io-permission-denied = permission denied
common-io-not-a-directory = a part of the path is a file, not a folder
common-io-is-a-directory = it is a folder
common-io-read-only = the disk is read-only
common-io-disk-full = the disk is full
common-over-budget = rendering this letter took longer than { $seconds } seconds and was stopped
common-over-budget-help = look for what makes it heavy (a very long text, a complex emblem, a template loop); the other letters are not affected
