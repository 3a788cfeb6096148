### Setting the pages and writing the PDF (src/typeset/, src/output/pdf.rs, src/lib.rs).

typeset-emblem-too-large = the emblem file is larger than the limit of { $kib } KiB
typeset-qr-too-long = the template's [document qr] is { $bytes } bytes; the QR code on page 1 holds at most { $most }
typeset-qr-too-long-help = print the letter's own `qr` ({ $example }), which zhauap checks, or a shorter text
typeset-page-size = bad page size
typeset-embedded-twice = two embedded files are named { $name }
typeset-svg-not-drawn = the SVG emblem could not be drawn
typeset-not-pdfa = the PDF would not be valid PDF/A: { $causes }
typeset-pdf-failed = the PDF could not be written: { $cause }
