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

## Running a batch (src/batch/run.rs, manifest.rs, sink.rs, source.rs, worker.rs).
batch-out-dir-uncreatable = не удаётся создать папку для результатов: { $reason }
batch-out-dir-uncreatable-help = выберите другую папку в «-o»
batch-report-overwrites-output = отчёт записался бы поверх одного из результатов этого пакета
batch-report-overwrites-output-help = запишите отчёт вне папки результатов или под другим именем
batch-fault = zhauap не справился с этим письмом (ошибка самой программы: «{ $why }»)
batch-fault-no-message = без пояснения
batch-fault-help = остальные письма изготовлены; пожалуйста, сообщите разработчикам об этом письме
batch-manifest-unopenable = не удаётся открыть журнал пакета (манифест): { $reason }
batch-manifest-unopenable-help = журнал пакета должен быть обычным файлом в папке результатов, доступной для записи
batch-manifest-unsaved = не удаётся сохранить ход работы в журнале пакета: { $reason }
batch-manifest-uncompacted = не удаётся сжать журнал пакета: { $reason }
batch-source-unreadable = не удаётся прочитать письмо: { $reason }
batch-source-unreadable-help = письма — обычные файлы .yaml; проверьте, что файл есть и доступен для чтения
batch-not-a-regular-file = это не обычный файл
batch-worker-died = zhauap остановился, изготавливая это письмо ({ $how })
batch-worker-died-help = остальные письма изготовлены; этому письму нужно больше, чем zhauap может ему дать (чаще всего памяти: посмотрите на его герб и шаблон); пожалуйста, сообщите о нём разработчикам, приложив письмо
batch-worker-not-waited = не удалось дождаться его завершения
batch-worker-signal = завершён сигналом { $signal }
batch-worker-abort = завершён сигналом { $signal } (аварийная остановка: чаще всего не удалось выделить память)
batch-worker-killed = завершён сигналом { $signal } (принудительно: системой, когда кончилась память, или кем-то вручную)
batch-worker-segfault = завершён сигналом { $signal } (ошибка обращения к памяти)
batch-worker-exit-code = он завершился с кодом { $code }
batch-worker-ended = он завершился

## Shards (src/batch/shard.rs).
batch-shard-form = «{ $spec }» — не доля вида K/N, например 1/4
batch-shard-not-number = «{ $part }» в «{ $spec }» — не целое число
batch-shard-range = в «{ $spec }» K должно быть от 1 до N, а N — не меньше 1, например 1/4
batch-shard-auto-no-index = для «--shard auto» нужен номер этого исполнителя, но он не задан: «JOB_COMPLETION_INDEX» («Kubernetes Indexed Job», с --shards N или «JOB_COMPLETIONS»), «AWS_BATCH_JOB_ARRAY_INDEX» («AWS Batch») или «CLOUD_RUN_TASK_INDEX» («Cloud Run»); вне оркестратора укажите --shard K/N
batch-shard-auto-not-number = «{ $name }='{ $value }'» — не целое число, поэтому доля неизвестна
batch-shard-auto-no-count = «{ $index }» задана, но не сказано, сколько всего исполнителей: укажите --shards N или задайте «{ $count }»
batch-shard-auto-index-too-big = «{ $name }={ $index }» не меньше числа исполнителей, { $count }: номер считается от 0 до N-1

## Mail merge (src/batch/merge.rs).
batch-data-kind = файл данных должен быть файлом .csv или .xlsx
batch-data-kind-help = сохраните таблицу как CSV (UTF-8) или как книгу Excel
batch-data-empty = файл данных пуст
batch-data-empty-help = первая строка называет поля («addressee», «salutation», …), каждая следующая строка — одно письмо
batch-column-unnamed = у этого столбца нет названия
batch-column-unnamed-help = назовите в первой строке поле, которое задаёт столбец, или удалите столбец
batch-column-unknown-help = первая строка называет для каждого столбца поле, которое он задаёт: «addressee», «salutation», «outgoing.number», «signature.name», …
batch-column-twice = столбец «{ $name }» встречается дважды
batch-column-twice-help = у каждого поля может быть только один столбец
batch-row-too-long = в этой строке { $cells } { $cells ->
        [one] ячейка
        [few] ячейки
       *[many] ячеек
    }, а в заголовке названо { $columns } { $columns ->
        [one] столбец
        [few] столбца
       *[many] столбцов
    }
batch-row-too-long-help = назовите лишний столбец в первой строке или удалите лишние ячейки
batch-data-no-rows = в файле данных есть заголовок, но нет строк
batch-data-no-rows-help = добавьте под заголовком по одной строке на письмо
batch-data-unreadable = не удаётся прочитать файл данных: { $reason }
batch-data-path-help = укажите путь к файлу .csv или .xlsx
batch-data-not-file = файл данных — не файл
batch-data-too-large = файл данных может быть не больше { $mib } МиБ
batch-data-too-large-help = разделите строки на несколько файлов
batch-data-not-utf8 = файл данных — не текст в кодировке UTF-8 (строка { $line })
batch-data-not-utf8-help = сохраните его как «CSV UTF-8» (Excel: «Файл → Сохранить как → CSV UTF-8»)
batch-csv-unreadable = не удаётся прочитать CSV: «{ $reason }»
batch-csv-unreadable-help = поищите в этой строке незакрытую кавычку
batch-workbook-unreadable = не удаётся прочитать книгу: «{ $reason }»
batch-workbook-unreadable-help = сохраните её заново как книгу Excel (.xlsx) или как CSV UTF-8
batch-workbook-no-sheets = в ней нет листов
batch-merge-no-letter = нет такого файла письма
batch-merge-no-letter-help = с --data укажите один файл письма: «zhauap batch ПИСЬМО.yaml --data СТРОКИ.csv -o ПАПКА»
batch-file-name-help = напишите имя файла без папок, например «abenov»
batch-rows-same-output = строка { $first } и эта строка были бы записаны в один файл { $name }
batch-rows-same-output-help = дайте каждой строке своё имя в столбце `file`
batch-file-name-bad-char = в имени файла «{ $name }» есть знак «{ $char }»
batch-file-name-dot = имя файла «{ $name }» начинается с точки
