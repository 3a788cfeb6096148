### Writing output files.

## Выходные файлы (src/write.rs).
output-is-link = выходной файл — символическая ссылка; она не заменяется
output-is-link-help = удалите ссылку или укажите в «-o» файл, на который она ведёт
output-is-dangling-link = выходной файл — символическая ссылка в никуда; она не заменяется
output-is-dangling-link-help = удалите ссылку или укажите в «-o» другой выходной файл
output-is-folder = на месте выходного файла — папка; она не заменяется
output-is-folder-help = укажите в «-o» имя файла, а не папки
output-is-special = на месте выходного файла — устройство, канал FIFO или другой особый файл; он не заменяется
output-is-special-help = укажите в «-o» обычный файл
output-flush-failed = не удалось сбросить выходные файлы на диск: { $reason }
output-flush-failed-help = проверьте диск: файлы записаны, но могут не сохраниться при отключении питания
output-write-failed = не удалось записать выходной файл ({ $step }): { $reason }
output-write-failed-help = проверьте, что папка для выходного файла существует и в неё можно писать
output-step-writing = запись
output-step-creating-temp = создание временного файла
output-step-flushing = сброс на диск
output-step-renaming = переименование на место
output-no-folder = не удалось записать выходной файл: такой папки нет
output-no-folder-help = сначала создайте папку или укажите в «-o» другую
output-overwrites-letter = выходной файл затёр бы само письмо
output-overwrites-letter-help = укажите в «-o» другой выходной файл

## Эмблема (src/typeset/image.rs).
output-emblem-missing = файла эмблемы нет
output-emblem-unreadable = эмблему не удалось прочитать: { $reason }
output-emblem-not-a-file = эмблема — не файл
output-emblem-too-large = файл эмблемы занимает { $kib } КиБ; предел — { $limit } КиБ
output-emblem-not-png-svg = эмблема — не изображение PNG или SVG
output-emblem-png = рисунок PNG эмблемы
output-emblem-png-undecodable = рисунок PNG эмблемы не удаётся раскодировать
output-png-no-header = { $what } повреждён (нет заголовка изображения)
output-png-no-pixels = { $what } не содержит ни одной точки
output-png-too-many-pixels = { $what } размером { $width }×{ $height } точек; предел — { $limit } по каждой стороне
output-png-damaged = { $what } повреждён, его не удаётся раскодировать
output-svg-not-utf8 = SVG эмблемы — не текст в кодировке UTF-8
output-svg-external = SVG эмблемы ссылается на что-то вне себя («href» изображения…); вставьте это в сам SVG или удалите
output-svg-unreadable = SVG эмблемы не удаётся прочитать: { $reason }
output-svg-inner-png = рисунок PNG внутри SVG эмблемы
output-svg-inner-svg-unreadable = рисунок внутри SVG эмблемы — SVG, который не удаётся прочитать
output-svg-inner-not-png-svg = рисунок внутри SVG эмблемы — не PNG и не SVG; сохраните его в PNG
output-svg-text = в SVG эмблемы есть текст, а он не будет нарисован; в графическом редакторе преобразуйте текст в кривые (контуры) и сохраните SVG заново
output-filter-nested = SVG внутри SVG эмблемы использует фильтры; упростите или удалите фильтр (размытие, тень) либо сохраните эмблему в PNG
output-filter-region = фильтр SVG эмблемы охватывает область в { $times } раз больше рисунка; упростите или удалите фильтр (размытие, тень) либо сохраните эмблему в PNG
output-filter-steps = в фильтрах SVG эмблемы больше { $steps } шагов; упростите или удалите фильтр (размытие, тень) либо сохраните эмблему в PNG
output-filter-too-slow = фильтры SVG эмблемы рисовались бы слишком долго; упростите или удалите фильтр (размытие, тень) либо сохраните эмблему в PNG
output-filter-octaves = feTurbulence в SVG эмблемы задаёт { $octaves } октав; больше { $limit } ничего не меняют на вид: уменьшите numOctaves

## Проверка и вёрстка письма (src/lib.rs).
output-fault-help = это ошибка программы zhauap, а не письма; сообщите о ней разработчикам и приложите письмо
output-template-uncovered = шаблон печатает символ «{ $c }» (U+{ $code }), которого нет ни в одном шрифте программы
output-template-uncovered-help = уберите этот символ из шаблона
output-image-unresolved = изображение «{ $image }» не было прочитано до вёрстки
output-field-too-tall = '{ $field }' выше страницы, а разбить его на страницы нельзя
output-block-too-tall = блок [{ $block }] шаблона выше страницы, а разбить его на страницы нельзя
output-too-tall-help = сократите текст: ни одна его часть не может выйти за страницу
output-too-many-pages = письмо заняло бы { $pages } стр.; предел — { $limit }
output-too-many-pages-help = такое длинное ответное письмо почти наверняка ошибка; разделите его
output-denied-warnings = письмо не принято: { $count } { $count ->
        [one] предупреждение
        [few] предупреждения
       *[other] предупреждений
    } при --deny-warnings
output-denied-warnings-help = исправьте то, о чём говорят предупреждения, или уберите --deny-warnings
output-emblem-help = укажите путь к файлу PNG или SVG относительно письма
