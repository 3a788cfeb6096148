### Writing output files.
