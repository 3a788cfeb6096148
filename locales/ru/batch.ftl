### batch and mail merge.

## Итог пакетной вёрстки (src/batch/report.rs).
batch-summary = { $letters } { $letters ->
        [one] письмо
        [few] письма
       *[other] писем
    }: сверстано { $rendered }, без изменений { $unchanged }, не принято { $failed } за { $secs } с
batch-summary-rate = {" "}({ $rate } писем/с)
batch-summary-other-shards = ; { $count } оставлено другим частям (--shard)
batch-summary-pruned = ; удалено результатов удалённых писем: { $count }
batch-summary-orphans = ; оставлено результатов удалённых писем: { $count } (--prune удаляет их)
batch-report-unwritable = не удалось записать отчёт: { $reason }

## Поиск писем (src/batch/inputs.rs, plan.rs).
batch-folder-unreadable = не удаётся прочитать эту папку: { $reason }
batch-glob-malformed = этот шаблон пути (glob) записан с ошибкой: { $reason }
batch-glob-malformed-help = * — любое имя, ** — любые папки, ? — один знак
batch-input-unreadable = не удаётся прочитать это: { $reason }
batch-input-unreadable-help = укажите файлы писем, папки с письмами или шаблоны пути, например 'in/**/*.yaml'
batch-no-letters = здесь нет писем (файлов *.yaml или *.yml)
batch-no-letters-help = в папке и её подпапках ищутся файлы *.yaml и *.yml
batch-cwd-unreadable = не удаётся прочитать текущую папку: { $reason }
batch-not-regular = это не обычный файл, а значит, не письмо
batch-not-regular-help = указывайте файлы писем .yaml; устройства, каналы и сокеты не читаются
batch-letter-unreadable = не удаётся прочитать это письмо: { $reason }
batch-letter-unreadable-help = проверьте имя файла и то, что файл существует
batch-list-unreadable = не удаётся прочитать этот список писем: { $reason }
batch-list-not-regular = список писем — не обычный файл
batch-list-help = укажите текстовый файл с путём к одному письму в строке или - для стандартного ввода
batch-same-output = { $other } и это письмо были бы записаны в один файл { $output }
batch-same-output-help = переименуйте одно из них: у писем, различающихся только расширением, общий результат
batch-output-is-link = на месте этого результата — символическая ссылка; пакетная вёрстка ссылки не заменяет
batch-output-is-special = на месте этого результата — не обычный файл (папка, устройство или канал)
batch-output-is-letter = этот результат затёр бы одно из писем
batch-output-help = укажите в «-o» другую папку для результатов или уберите этот файл
batch-output-folder-is-link = здесь должна быть папка результатов, а это ссылка или не папка
batch-output-folder-is-link-help = пакетная вёрстка пишет только в настоящие папки внутри «-o»; уберите это
