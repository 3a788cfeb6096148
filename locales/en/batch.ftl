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

## Running a batch (src/batch/run.rs, manifest.rs, sink.rs, source.rs, worker.rs).
batch-out-dir-uncreatable = cannot create the output folder: { $reason }
batch-out-dir-uncreatable-help = choose another folder with -o
batch-report-overwrites-output = the report would overwrite an output of this batch
batch-report-overwrites-output-help = write the report outside the output folder, or under another name
batch-fault = zhauap failed on this letter (a fault of the program: { $why })
batch-fault-no-message = no message
batch-fault-help = the other letters were rendered; please report this letter to the developers
batch-manifest-unopenable = cannot open the batch manifest: { $reason }
batch-manifest-unopenable-help = the manifest must be a regular file in a writable output folder
batch-manifest-unsaved = cannot save progress in the batch manifest: { $reason }
batch-manifest-uncompacted = cannot compact the batch manifest: { $reason }
batch-source-unreadable = cannot read the letter: { $reason }
batch-source-unreadable-help = letters are regular .yaml files; check that it exists and is readable
batch-not-a-regular-file = not a regular file
batch-worker-died = zhauap stopped while rendering this letter ({ $how })
batch-worker-died-help = the other letters were rendered; this letter asks for more than zhauap can give it (memory, most often: look at its emblem and template); please report it with the letter
batch-worker-not-waited = it could not be waited for
batch-worker-signal = ended by signal { $signal }
batch-worker-abort = ended by signal { $signal } (an abort: most often a memory allocation that failed)
batch-worker-killed = ended by signal { $signal } (killed: by the system when memory ran out, or by someone)
batch-worker-segfault = ended by signal { $signal } (a memory fault)
batch-worker-exit-code = it exited with code { $code }
batch-worker-ended = it ended

## Shards (src/batch/shard.rs).
batch-shard-form = '{ $spec }' is not K/N, such as 1/4
batch-shard-not-number = '{ $part }' in '{ $spec }' is not a whole number
batch-shard-range = in '{ $spec }', K must be from 1 to N and N at least 1, such as 1/4
batch-shard-auto-no-index = --shard auto needs the index of this worker, and none is set: JOB_COMPLETION_INDEX (Kubernetes Indexed Job, with --shards N or JOB_COMPLETIONS), AWS_BATCH_JOB_ARRAY_INDEX (AWS Batch) or CLOUD_RUN_TASK_INDEX (Cloud Run); outside an orchestrator, give --shard K/N
batch-shard-auto-not-number = { $name }='{ $value }' is not a whole number, so the shard is unknown
batch-shard-auto-no-count = { $index } is set but not how many workers there are: give --shards N, or set { $count }
batch-shard-auto-index-too-big = { $name }={ $index } is not below the number of workers, { $count }: the index counts from 0 to N-1

## Mail merge (src/batch/merge.rs).
batch-data-kind = the data file must be a .csv or .xlsx file
batch-data-kind-help = save the table as CSV (UTF-8) or as an Excel workbook
batch-data-empty = the data file is empty
batch-data-empty-help = the first row names the fields (addressee, salutation, …), each further row is one letter
batch-column-unnamed = this column has no name
batch-column-unnamed-help = name the field the column sets in the first row, or delete the column
batch-column-unknown-help = the first row names, per column, the field it sets: addressee, salutation, outgoing.number, signature.name, …
batch-column-twice = the column '{ $name }' appears twice
batch-column-twice-help = each field may have one column
batch-row-too-long = this row has { $cells } cells; the header names { $columns } columns
batch-row-too-long-help = name the extra column in the first row, or delete the extra cells
batch-data-no-rows = the data file has a header but no rows
batch-data-no-rows-help = add one row per letter under the header
batch-data-unreadable = cannot read the data file: { $reason }
batch-data-path-help = give the path of a .csv or .xlsx file
batch-data-not-file = the data file is not a file
batch-data-too-large = the data file may be at most { $mib } MiB
batch-data-too-large-help = split the rows into several files
batch-data-not-utf8 = the data file is not UTF-8 text (line { $line })
batch-data-not-utf8-help = save it as «CSV UTF-8» (Excel: File → Save As → CSV UTF-8)
batch-csv-unreadable = the CSV cannot be read: { $reason }
batch-csv-unreadable-help = look for an unclosed quote in this row
batch-workbook-unreadable = the workbook cannot be read: { $reason }
batch-workbook-unreadable-help = save it again as an Excel workbook (.xlsx), or as CSV UTF-8
batch-workbook-no-sheets = it has no sheets
batch-merge-no-letter = no such letter file
batch-merge-no-letter-help = with --data, give one letter file: zhauap batch LETTER.yaml --data ROWS.csv -o OUT
batch-file-name-help = write a file name without folders, e.g. abenov
batch-rows-same-output = row { $first } and this row would both be written to { $name }
batch-rows-same-output-help = give every row its own `file` name
batch-file-name-bad-char = the file name '{ $name }' contains '{ $char }'
batch-file-name-dot = the file name '{ $name }' starts with a dot
