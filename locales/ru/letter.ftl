### Checking a letter: fields, values, YAML mistakes, warnings.
