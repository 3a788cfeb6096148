### The live preview.
