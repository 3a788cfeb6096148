### Writing output files.

## Output files (src/write.rs).
output-is-link = the output is a symbolic link; it is not replaced
output-is-link-help = remove the link, or name the file it points to with -o
output-is-dangling-link = the output is a symbolic link to nothing; it is not replaced
output-is-dangling-link-help = remove the link, or choose another output file with -o
output-is-folder = the output is a folder; it is not replaced
output-is-folder-help = choose a file name, not a folder, with -o
output-is-special = the output is a device, a FIFO or another special file; it is not replaced
output-is-special-help = choose a regular file with -o
output-flush-failed = cannot flush the outputs to disk: { $reason }
output-flush-failed-help = check the disk; the files are written but may not survive a power cut
output-write-failed = cannot write the output: { $step }: { $reason }
output-write-failed-help = check that the output folder exists and is writable
output-step-writing = writing
output-step-creating-temp = creating a temporary file
output-step-flushing = flushing
output-step-renaming = renaming into place
output-no-folder = cannot write the output: the folder does not exist
output-no-folder-help = create the folder first, or choose another with -o
output-overwrites-letter = the output would overwrite the letter itself
output-overwrites-letter-help = choose another output file with -o

## The emblem (src/typeset/image.rs).
output-emblem-missing = the emblem file does not exist
output-emblem-unreadable = the emblem cannot be read: { $reason }
output-emblem-not-a-file = the emblem is not a file
output-emblem-too-large = the emblem file is { $kib } KiB; the limit is { $limit } KiB
output-emblem-not-png-svg = the emblem is not a PNG or SVG image
output-emblem-png = the emblem PNG
output-emblem-png-undecodable = the emblem PNG cannot be decoded
output-png-no-header = { $what } is damaged (no image header)
output-png-no-pixels = { $what } has no pixels
output-png-too-many-pixels = { $what } is { $width }×{ $height } pixels; the limit is { $limit } on each side
output-png-damaged = { $what } is damaged and cannot be decoded
output-svg-not-utf8 = the emblem SVG is not UTF-8 text
output-svg-external = the emblem SVG refers to something outside itself (an image href…); embed it in the SVG or remove it
output-svg-unreadable = the emblem SVG cannot be read: { $reason }
output-svg-inner-png = a PNG inside the emblem SVG
output-svg-inner-svg-unreadable = a picture inside the emblem SVG is an SVG that cannot be read
output-svg-inner-not-png-svg = a picture inside the emblem SVG is not a PNG or SVG image; convert it to PNG
output-svg-text = the emblem SVG contains text, which would not be drawn; in the drawing program convert the text to outlines (paths) and save the SVG again
output-filter-nested = an SVG inside the emblem SVG uses filters; simplify or remove the filter (a blur, a shadow), or save the emblem as a PNG
output-filter-region = a filter of the emblem SVG covers a region { $times } times the size of the picture; simplify or remove the filter (a blur, a shadow), or save the emblem as a PNG
output-filter-steps = the emblem SVG's filters have more than { $steps } steps; simplify or remove the filter (a blur, a shadow), or save the emblem as a PNG
output-filter-too-slow = the emblem SVG's filters would take too long to draw; simplify or remove the filter (a blur, a shadow), or save the emblem as a PNG
output-filter-octaves = feTurbulence in the emblem SVG asks for { $octaves } octaves; more than { $limit } change nothing visible: lower numOctaves

## Checking and typesetting a letter (src/lib.rs).
output-fault-help = this is a fault of zhauap, not of the letter; please report it with the letter
output-template-uncovered = the template prints '{ $c }' (U+{ $code }), which no shipped font has
output-template-uncovered-help = remove the character from the template
output-image-unresolved = the image '{ $image }' was not read before typesetting
output-field-too-tall = '{ $field }' is taller than a page and cannot be broken across pages
output-block-too-tall = the [{ $block }] block of the template is taller than a page and cannot be broken across pages
output-too-tall-help = shorten it: no part of it may be left off the page
output-too-many-pages = the letter would take { $pages } pages; the limit is { $limit }
output-too-many-pages-help = a reply letter this long is almost certainly a mistake; split it
output-denied-warnings = refused because of { $count } warning(s) and --deny-warnings
output-denied-warnings-help = fix what the warnings say, or leave out --deny-warnings
output-emblem-help = give the path of a PNG or SVG file, relative to the letter
