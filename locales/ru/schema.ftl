### The editor schema's descriptions.
