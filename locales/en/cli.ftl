### The command line: --help, init, render, check.

## What the commands print (src/cli/).
cli-init-exists = the file exists; init does not overwrite letters
cli-init-exists-help = choose another name, or add --force
cli-init-wrote = { $file }
cli-init-wrote-with-schema = { $file } and { $schema }
cli-init-next = wrote { $wrote }; render it with: zhauap render { $file }
cli-stdin-unreadable = the letter could not be read from standard input: { $reason }
cli-stdout-unwritable = the output could not be written: { $reason }
cli-standard-output = standard output
cli-render-wrote = wrote { $output } ({ $pages } { $pages ->
        [one] page
       *[other] pages
    })
cli-render-wrote-in = wrote { $output } ({ $pages } { $pages ->
        [one] page
       *[other] pages
    }) in { $ms } ms
cli-output-folder-failed = the output folder could not be created: { $reason }
cli-output-folder-failed-help = choose an output path in a folder you can write to
cli-preview-address = preview: { $url }  (Ctrl-C stops)
cli-preview-no-browser = no browser could be started; open the address above by hand
cli-batch-data-one-letter = with --data, give exactly one letter file: zhauap batch LETTER.yaml --data ROWS.csv -o OUT
cli-batch-skipped-defaults = skipped { $count } { $count ->
        [one] defaults file
       *[other] defaults files
    } (named by `defaults:` of other letters): { $files }
cli-check-ok = { $file }: ok
cli-batch-unchanged = { $file } unchanged
cli-batch-bar = {"{"}bar:40{"}"} {"{"}pos{"}"}/{"{"}len{"}"} letters, {"{"}rate{"}"} letters/s, {"{"}eta{"}"} left  {"{"}wide_msg{"}"}
