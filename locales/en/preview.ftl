### The live preview: its page's chrome, its error page, its terminal lines.

# The toolbar over the letter: the file's name and its page count.
preview-toolbar-status = { $name }: { $pages ->
        [one] { $pages } page
       *[other] { $pages } pages
    }
preview-download = Download PDF
# The error page, shown while the letter cannot be rendered.
preview-refused-title = { $name }: refused
preview-not-rendered = { $name }: not rendered
preview-cannot-render = The letter cannot be rendered.
preview-fix-and-save = Fix it and save: this page follows by itself.
preview-crashed = zhauap failed on this letter; this is a fault of zhauap, not of the letter. Please report it with the letter.
# Answers to requests the preview does not serve.
preview-loopback-only = this server answers only to 127.0.0.1 and localhost
preview-not-found = not found
preview-pdf-refused = the letter cannot be rendered:
# One line on the terminal per build.
preview-build-rendered = build { $number }: { $pages ->
        [one] { $pages } page
       *[other] { $pages } pages
    } in { $millis } ms
preview-build-refused = build { $number }: refused
preview-cannot-listen = cannot listen on 127.0.0.1:{ $port }: { $reason }
preview-port-busy = another program (perhaps another preview) uses port { $port }; choose another with --port, or --port 0 for any free one
preview-not-a-letter = this is not a letter file
preview-not-a-letter-help = give the preview a .yaml letter file
