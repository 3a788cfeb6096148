### Templates and composing.

## Шаблоны (src/compose/mod.rs).
compose-templates-available = есть шаблоны: «{ $names }»
compose-template-no-lang = у шаблона '{ $template }' нет версии на языке { $lang } ({ $file })
compose-template-no-lang-help = добавьте { $file } в папку шаблонов или напишите письмо на языке, который есть у шаблона
compose-did-you-mean = может быть, '{ $near }'? { $help }
compose-unknown-template = неизвестный шаблон '{ $template }'
compose-too-much-output = шаблон вывел больше { $mib } МиБ для одного письма и был остановлен
compose-too-much-output-help = поищите в шаблоне цикл или компонент, который вызывает сам себя
compose-not-utf8 = шаблон вывел текст не в кодировке UTF-8
compose-template-error = ошибка в шаблоне: «{ $message }»
compose-template-error-help = исправьте шаблон; в шаблоне можно использовать только поля формата письма

compose-over-time = шаблон всё ещё работал над письмом { $letter }, когда истекли отведённые письму { $seconds } секунд, и был остановлен здесь
compose-over-time-help = поищите в шаблоне цикл (вложенные «for» по большим диапазонам) или компонент, который вызывает сам себя

## The templates folder (src/compose/mod.rs).
compose-no-templates = в этой папке нет шаблонов (файлов *.tera)
compose-no-templates-help = в папке должны быть ИМЯ/ru.tera и ИМЯ/kk.tera, как в папке templates/ проекта
compose-folder-unreadable = не удаётся прочитать папку шаблонов: { $reason }
compose-folder-unreadable-help = укажите в --templates существующую папку
compose-folder-cycle = эта папка находится внутри самой себя (через символическую ссылку): папку шаблонов пришлось бы читать без конца
compose-folder-cycle-help = удалите символическую ссылку, которая указывает обратно на папку, в которой она лежит
compose-too-many-folders = в папке шаблонов больше { $most } папок (считая те, до которых ведут ссылки)
compose-templates-only-help = укажите в --templates только папку с шаблонами писем
compose-link-outside = эта символическая ссылка в папке шаблонов указывает за её пределы (или в никуда); по ней не переходят
compose-link-outside-help = скопируйте шаблон в папку шаблонов вместо ссылки на него
compose-too-many-files = в папке шаблонов может быть не больше { $most } обычных файлов *.tera общим объёмом { $mib } МиБ
compose-template-unreadable = не удаётся прочитать шаблон: { $reason }
