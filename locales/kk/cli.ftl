### The command line: --help, init, render, check.
