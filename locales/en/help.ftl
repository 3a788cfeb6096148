### The command line's own help (src/cli/help.rs). Ids: help-COMMAND-about,
### -long-about, -after (the text after the options), help-COMMAND-ARGUMENT
### (-short and -long when the argument has a long help), help-arg-ARGUMENT
### for the arguments every command has. English: the derive's doc comments
### in src/cli/, word for word (a test keeps them equal).

help-zhauap-about = Typesets official reply letters (Russian, Kazakh) from YAML into PDF/A and an HTML preview
help-zhauap-long-about = zhauap (жауап, "reply") turns a YAML description of an official reply letter into a typeset PDF/A ready to sign, following the documentation rules for outgoing letters, and into an HTML preview with the same pages and lines.
help-zhauap-after =
    Example:
      zhauap render examples/dz-83-reply.yaml
      zhauap check letters/*.yaml
help-arg-templates = Use the templates in this folder instead of the built-in ones
help-arg-quiet = Print only errors
help-arg-verbose = Print more about what is done
help-arg-ui-lang = The language of messages; by default that of LANGUAGE, LC_ALL, LC_MESSAGES or LANG (C and POSIX: English), else Russian
help-arg-help-short = Print help (see more with '--help')
help-arg-help-long = Print help (see a summary with '-h')
help-arg-version = Print version
help-render-about = Render a letter to PDF (or HTML) next to it, or to -o OUT
help-render-after =
    Example:
      zhauap render examples/dz-83-reply.yaml
      zhauap render letter.yaml -o out/letter.pdf --stats
help-render-letter = The letter file (YAML); `-` reads it from standard input
help-render-output = Output file (its folder is created); `-` writes to standard output. By default the letter's name with .pdf (or .html) beside it
help-render-format = Output format
help-render-no-typography = Leave quotes, dashes and spaces exactly as written
help-render-stats = Print measurements of the layout (typo2.py's figures): letter-spacing, gaps, hyphenation, page breaks; `--stats=json` prints them as JSON
help-render-deny-warnings = Refuse the letter (exit 1) when it has warnings, not only errors
help-render-draft = Mark every page as a draft («ПРОЕКТ» / «ЖОБА»), as `draft: true` does
help-render-meta = Also write the ЕСЭДО registration data (number, date, language, sheets…) as JSON; schema: `zhauap schema --meta`
help-arg-help = Print help
help-check-about = Check letters without writing anything
help-check-after =
    Example:
      zhauap check examples/dz-83-reply.yaml
      zhauap check letters/ 'in/**/*.yaml'
      zhauap check letters/ --format json > problems.json
help-check-letters = Letter files, folders (searched for *.yaml and *.yml) or globs
help-check-deny-warnings = { help-render-deny-warnings }
help-check-format = How to report: text for people, or json on standard output for programs (see zhauap schema --check)
help-check-format-value-text = Diagnostics with source snippets, for people
help-check-format-value-json = One JSON document on standard output (`zhauap schema --check`)
help-check-draft = { help-render-draft }
help-init-about = Write a starter letter that renders as it is, with every field explained
help-init-after =
    Example:
      zhauap init reply.yaml
      zhauap init --lang kk жауап.yaml
help-init-file = The letter file to create
help-init-lang = The letter's language
help-init-force = Overwrite the file if it exists
help-schema-about = Print the JSON Schema of the letter format, for editors (or of the batch manifest)
help-schema-after =
    Example:
      zhauap schema > zhauap-letter.schema.json
      zhauap schema --ui-lang ru > zhauap-letter.schema.json
      zhauap schema --manifest > zhauap-manifest.schema.json
      zhauap schema --check > zhauap-check.schema.json
help-schema-manifest = The schema of a batch manifest record instead
help-schema-check = The schema of `zhauap check --format json` instead
help-schema-meta = The schema of `render --meta`'s ЕСЭДО data instead
help-completions-about = Print shell completions
help-completions-after =
    Example:
      zhauap completions bash > /etc/bash_completion.d/zhauap
help-completions-shell = The shell
help-man-about = Print the manual page (roff), or write every page into a folder
help-man-after =
    Example:
      zhauap man > zhauap.1 && man ./zhauap.1
      zhauap man render | man -l -
      zhauap man -o man/
help-man-subcommand = The page of this subcommand (zhauap-SUBCOMMAND.1) instead
help-man-output = Write zhauap.1 and zhauap-SUBCOMMAND.1 of every subcommand into this folder (created)
help-preview-about = Serve a live preview of a letter on 127.0.0.1, following every save
help-preview-after =
    The page shows the letter as it will print, with a link to its PDF; it reloads
    when the letter, its emblem or the --templates folder change. Ctrl-C stops it.

    Example:
      zhauap preview examples/dz-83-reply.yaml --open
help-preview-letter = The letter file (YAML)
help-preview-port = Port on 127.0.0.1; 0 takes any free one
help-preview-open = Open the preview in the desktop's browser
help-preview-no-typography = { help-render-no-typography }
help-preview-draft = { help-render-draft }
help-batch-about = Render many letters in parallel into a folder, skipping those already up to date
help-batch-after =
    The output folder gets manifest.jsonl (manifest.shard-K-of-N.jsonl with --shard): one JSON record per letter (see zhauap schema --manifest). A re-run renders only what changed and, if nothing did, writes nothing.

    Example:
      zhauap batch letters/ -o out/
      zhauap batch 'in/**/*.yaml' -o out --report report.json --shard 1/4
      JOB_COMPLETION_INDEX=3 zhauap batch /letters -o /out --shard auto --shards 8
help-batch-inputs = { help-check-letters }
help-batch-files-from = Also the letters listed in FILE, one path a line (- reads the standard input)
help-batch-output = The output folder; it mirrors the input folders
help-batch-format = { help-render-format }
help-batch-jobs = Worker threads (default: one per core)
help-batch-report = Write a JSON report: the manifest record of each letter, with its time
help-batch-force = Render every letter, even those whose output is up to date
help-batch-deny-warnings = Refuse letters with warnings, not only errors: nothing is written for them and the batch exits 1
help-batch-verify = Check letters and up-to-date outputs by their content, not only size and time
help-batch-prune = Remove outputs whose letters are gone (they are listed in the summary)
help-batch-shard = Take the K-th of N shares of the letters (by a hash of their path), or `auto`: the share from JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX or CLOUD_RUN_TASK_INDEX
help-batch-shards = With --shard auto: how many workers there are (else JOB_COMPLETIONS etc.)
help-batch-no-typography = { help-render-no-typography }
help-batch-draft = { help-render-draft }
help-batch-data = Mail merge: render the one letter given once per row of this CSV or XLSX file; the first row names the fields, a `file` column the outputs
help-verify-about = Check a signed letter's detached CMS signatures and print its signers
help-verify-after =
    Exit 0 only when every check was made and is valid. The certificates' chain is checked only
    against the certificates given with --ca; their revocation is not checked (see docs/signatures.md).

    Example:
      zhauap verify letter.pdf letter.pdf.cms --ca nca-root.pem
help-verify-letter = The signed file, exactly as it was signed (the letter's PDF)
help-verify-signatures = Its detached CMS signatures (DER, PEM or base64 text), one file per signing or a joint one
help-verify-allow-unverified = Accept checks zhauap could not make (a GOST 34.10 signature value, a missing signing time) when all the others are valid; they are still printed
help-verify-ca = Trusted root or intermediate certificates (PEM or DER; repeat for several files): the signer's certificate must chain to them
help-card-about = Make a document card: signature sheets (ru and kk) and QR codes, the letter and its CMS files embedded (PDF/A-3b)
help-card-after =
    Follows the ddcard specification (see docs/card.md). Check a card with zhauap verify CARD.pdf.

    Example:
      zhauap card letter.pdf letter.pdf.cms -o letter-card.pdf --source letter.yaml
help-card-letter = The signed letter (the PDF exactly as it was signed)
help-card-signatures = Its detached CMS signatures, in the order they were made
help-card-source = The letter's YAML source: the card then shows the letter's pages first. zhauap renders it again (with --templates, if given) and refuses a source that does not give LETTER.pdf byte for byte
help-card-no-typography = With --source: the letter was rendered with --no-typography
help-card-output = The card to write
help-help-about = Print this message or the help of the given subcommand(s)

## Headings and the values clap writes after a help (src/cli/help.rs).
help-heading-usage = Usage
help-heading-arguments = Arguments
help-heading-options = Options
help-heading-commands = Commands
help-spec-default = default
help-spec-values = possible values
help-spec-values-long = Possible values

## The parser's errors (English ones are clap's own; these are their words).
help-error-repeated = the argument '{ $arg }' cannot be used multiple times
help-error-conflict = the argument '{ $arg }' cannot be used with '{ $other }'
help-error-conflict-any = the argument '{ $arg }' cannot be used with one or more of the other specified arguments
help-error-no-equals = equal sign is needed when assigning values to '{ $arg }'
help-error-value-missing = a value is required for '{ $arg }' but none was supplied
help-error-invalid-value = invalid value '{ $value }' for '{ $arg }'
help-error-unknown-subcommand = unrecognized subcommand '{ $name }'
help-error-missing = the following required arguments were not provided:
help-error-missing-subcommand = '{ $name }' requires a subcommand but one was not provided
help-error-too-many = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
help-error-validation = invalid value '{ $value }' for '{ $arg }': { $reason }
help-error-range = the value must be in { $range }
help-error-unknown-argument = unexpected argument '{ $arg }' found
help-error-similar-subcommand = a similar subcommand exists: '{ $similar }'
help-error-similar-argument = a similar argument exists: '{ $similar }'
help-error-similar-value = a similar value exists: '{ $similar }'
help-error-more = For more information, try '--help'.
