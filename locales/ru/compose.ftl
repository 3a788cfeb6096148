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
