### Setting the pages and writing the PDF (src/typeset/, src/output/pdf.rs, src/lib.rs).

typeset-emblem-too-large = елтаңба файлы рұқсат етілген { $kib } КиБ-тан үлкен
typeset-qr-too-long = үлгідегі «[document qr]» { $bytes } байт алады, ал бірінші беттегі QR-кодқа ең көбі { $most } сыяды
typeset-qr-too-long-help = хаттың zhauap тексеретін өз `qr` мәнін («{ $example }») немесе қысқарақ мәтінді шығарыңыз
typeset-page-size = бет өлшемі қате
typeset-embedded-twice = екі тіркелген файлдың атауы бірдей: { $name }
typeset-svg-not-drawn = SVG елтаңбасын салу мүмкін болмады
typeset-not-pdfa = PDF файлы PDF/A талаптарына сай болмас еді: «{ $causes }»
typeset-pdf-failed = PDF жазу мүмкін болмады: «{ $cause }»
