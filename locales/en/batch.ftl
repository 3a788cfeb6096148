### batch and mail merge.

## The summary of a batch (src/batch/report.rs).
batch-summary = { $letters } { $letters ->
        [one] letter
       *[other] letters
    }: { $rendered } rendered, { $unchanged } unchanged, { $failed } failed in { $secs } s
batch-summary-rate = {" "}({ $rate } letters/s)
batch-summary-other-shards = ; { $count } left to other shards
batch-summary-pruned = ; { $count } { $count ->
        [one] output
       *[other] outputs
    } of deleted letters removed
batch-summary-orphans = ; { $count } { $count ->
        [one] output
       *[other] outputs
    } of deleted letters kept (--prune removes them)
batch-report-unwritable = cannot write the report: { $reason }

## Finding the letters (src/batch/inputs.rs, plan.rs).
batch-folder-unreadable = cannot read this folder: { $reason }
batch-glob-malformed = this glob is malformed: { $reason }
batch-glob-malformed-help = use * for any name, ** for any folders, ? for one character
batch-input-unreadable = cannot read this input: { $reason }
batch-input-unreadable-help = give letter files, folders of letters, or globs such as 'in/**/*.yaml'
batch-no-letters = no letters (*.yaml or *.yml files) here
batch-no-letters-help = a folder is searched, with its subfolders, for *.yaml and *.yml files
batch-cwd-unreadable = cannot read the current folder: { $reason }
batch-not-regular = this is not a regular file, so not a letter
batch-not-regular-help = name .yaml letter files; devices, pipes and sockets are not read
batch-letter-unreadable = cannot read this letter: { $reason }
batch-letter-unreadable-help = check the file name and that the file exists
batch-list-unreadable = cannot read this list of letters: { $reason }
batch-list-not-regular = the list of letters is not a regular file
batch-list-help = give a text file with one letter path a line, or - for the standard input
batch-same-output = { $other } and this letter would both be written to { $output }
batch-same-output-help = rename one of them: letters that differ only in extension share an output
batch-output-is-link = a symbolic link is where this output would go; the batch does not replace links
batch-output-is-special = something that is not a regular file (a folder, a device or a pipe) is where this output would go
batch-output-is-letter = this output would overwrite one of the letters
batch-output-help = choose another output folder with -o, or move the file away
batch-output-folder-is-link = this is where an output folder would go, and it is a link or not a folder
batch-output-folder-is-link-help = the batch writes only into real folders below -o; move it away
