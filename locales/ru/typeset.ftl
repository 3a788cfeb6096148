### Setting the pages and writing the PDF (src/typeset/, src/output/pdf.rs, src/lib.rs).

typeset-emblem-too-large = файл герба больше допустимых { $kib } КиБ
typeset-qr-too-long = «[document qr]» шаблона занимает { $bytes } байт, а QR-код на первой странице вмещает не больше { $most }
typeset-qr-too-long-help = выводите собственный `qr` письма («{ $example }»), который zhauap проверяет, или более короткий текст
typeset-page-size = неверный размер страницы
typeset-embedded-twice = два вложенных файла называются { $name }
typeset-svg-not-drawn = не удалось нарисовать герб SVG
typeset-not-pdfa = PDF не соответствовал бы PDF/A: «{ $causes }»
typeset-pdf-failed = не удалось записать PDF: «{ $cause }»
