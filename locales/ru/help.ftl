### The command line's own help (src/cli/help.rs); ids as in en/help.ftl.

help-zhauap-about = Верстает официальные ответные письма (на русском и казахском) из YAML в PDF/A и HTML-предпросмотр
help-zhauap-long-about = zhauap («жауап», «ответ») превращает описание официального ответного письма на YAML в свёрстанный PDF/A, готовый к подписи, по правилам документирования исходящих писем, и в HTML-предпросмотр с теми же страницами и строками.
help-zhauap-after =
    Пример:
      zhauap render examples/dz-83-reply.yaml
      zhauap check письма/*.yaml
help-arg-templates = Брать шаблоны из этой папки вместо встроенных
help-arg-quiet = Выводить только ошибки
help-arg-verbose = Подробнее сообщать о том, что сделано
help-arg-ui-lang = Язык сообщений; по умолчанию — из LANGUAGE, LC_ALL, LC_MESSAGES или LANG (C и POSIX — английский), иначе русский
help-arg-help-short = Показать справку (подробнее — «--help»)
help-arg-help-long = Показать справку (кратко — «-h»)
help-arg-version = Показать версию
help-render-about = Сверстать письмо в PDF (или HTML) рядом с ним или в файл «-o ФАЙЛ»
help-render-after =
    Пример:
      zhauap render examples/dz-83-reply.yaml
      zhauap render письмо.yaml -o готово/письмо.pdf --stats
help-render-letter = Файл письма (YAML); «-» — читать его из стандартного ввода
help-render-output = Файл результата (его папка будет создана); «-» — писать в стандартный вывод. По умолчанию — имя письма с расширением «.pdf» (или «.html») рядом с ним
help-render-format = Формат результата
help-render-no-typography = Оставить кавычки, тире и пробелы в точности как написаны
help-render-stats = Вывести измерения вёрстки (показатели typo2.py): разрядка, пробелы, переносы, разрывы страниц; «--stats=json» выводит их в JSON
help-render-deny-warnings = Отклонять письмо (код 1), если в нём есть предупреждения, а не только ошибки
help-render-draft = Пометить каждую страницу как проект («ПРОЕКТ» / «ЖОБА»), как это делает «draft: true»
help-render-meta = Также записать регистрационные данные ЕСЭДО (номер, дату, язык, листы…) в JSON; схема — «zhauap schema --meta»
help-arg-help = Показать справку
help-check-about = Проверить письма, ничего не записывая
help-check-after =
    Пример:
      zhauap check examples/dz-83-reply.yaml
      zhauap check письма/ 'вход/**/*.yaml'
      zhauap check письма/ --format json > ошибки.json
help-check-letters = Файлы писем, папки (в них ищутся *.yaml и *.yml) или шаблоны путей (glob)
help-check-deny-warnings = { help-render-deny-warnings }
help-check-format = Как сообщать: «text» — для людей, «json» — для программ, в стандартный вывод (см. «zhauap schema --check»)
help-check-format-value-text = Сообщения с фрагментами письма, для людей
help-check-format-value-json = Один документ JSON в стандартном выводе («zhauap schema --check»)
help-check-draft = { help-render-draft }
help-init-about = Создать образец письма, который сразу верстается, с пояснением каждого поля
help-init-after =
    Пример:
      zhauap init ответ.yaml
      zhauap init --lang kk жауап.yaml
help-init-file = Создаваемый файл письма
help-init-lang = Язык письма
help-init-force = Перезаписать файл, если он уже есть
help-schema-about = Вывести JSON-схему формата письма для редакторов (или манифеста пакетной вёрстки)
help-schema-after =
    Пример:
      zhauap schema > zhauap-letter.schema.json
      zhauap schema --ui-lang kk > zhauap-letter.schema.json
      zhauap schema --manifest > zhauap-manifest.schema.json
      zhauap schema --check > zhauap-check.schema.json
help-schema-manifest = Вместо неё — схему записи манифеста пакетной вёрстки
help-schema-check = Вместо неё — схему вывода «zhauap check --format json»
help-schema-meta = Вместо неё — схему данных ЕСЭДО из «render --meta»
help-completions-about = Вывести автодополнение для командной оболочки
help-completions-after =
    Пример:
      zhauap completions bash > /etc/bash_completion.d/zhauap
help-completions-shell = Командная оболочка
help-man-about = Вывести страницу руководства (roff) или записать все страницы в папку
help-man-after =
    Пример:
      zhauap man > zhauap.1 && man ./zhauap.1
      zhauap man render | man -l -
      zhauap man -o man/
help-man-subcommand = Вместо неё — страницу этой команды (zhauap-КОМАНДА.1)
help-man-output = Записать zhauap.1 и zhauap-КОМАНДА.1 каждой команды в эту папку (она будет создана)
help-preview-about = Показывать живой предпросмотр письма на 127.0.0.1, обновляя его при каждом сохранении
help-preview-after =
    Страница показывает письмо так, как оно будет напечатано, со ссылкой на его PDF; она
    обновляется, когда меняются письмо, его эмблема или папка «--templates». Остановка — Ctrl-C.

    Пример:
      zhauap preview examples/dz-83-reply.yaml --open
help-preview-letter = Файл письма (YAML)
help-preview-port = Порт на 127.0.0.1; 0 — любой свободный
help-preview-open = Открыть предпросмотр в браузере рабочего стола
help-preview-no-typography = { help-render-no-typography }
help-preview-draft = { help-render-draft }
help-batch-about = Сверстать много писем параллельно в папку, пропуская уже готовые
help-batch-after =
    В папке результата появляется manifest.jsonl (с «--shard» — manifest.shard-K-of-N.jsonl): по одной записи JSON на письмо (см. «zhauap schema --manifest»). Повторный запуск верстает только изменившееся, а если ничего не изменилось, ничего не записывает.

    Пример:
      zhauap batch письма/ -o готово/
      zhauap batch 'вход/**/*.yaml' -o готово --report отчёт.json --shard 1/4
      JOB_COMPLETION_INDEX=3 zhauap batch /letters -o /out --shard auto --shards 8
help-batch-inputs = { help-check-letters }
help-batch-files-from = Также письма, перечисленные в файле FILE, по одному пути в строке («-» — читать стандартный ввод)
help-batch-output = Папка результата; она повторяет структуру входных папок
help-batch-format = { help-render-format }
help-batch-jobs = Число рабочих потоков (по умолчанию — по одному на ядро)
help-batch-report = Записать отчёт в JSON: запись манифеста по каждому письму со временем вёрстки
help-batch-force = Верстать каждое письмо, даже если результат уже актуален
help-batch-deny-warnings = Отклонять письма с предупреждениями, а не только с ошибками: для них ничего не записывается, пакет завершается с кодом 1
help-batch-verify = Проверять письма и актуальность результатов по содержимому, а не только по размеру и времени
help-batch-prune = Удалять результаты, письма которых удалены (они перечисляются в итогах)
help-batch-shard = Взять K-ю из N долей писем (по хешу их пути) или «auto»: долю из JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX или CLOUD_RUN_TASK_INDEX
help-batch-shards = С «--shard auto»: сколько всего исполнителей (иначе из JOB_COMPLETIONS и подобных)
help-batch-no-typography = { help-render-no-typography }
help-batch-draft = { help-render-draft }
help-batch-data = Рассылка: сверстать одно указанное письмо по разу на каждую строку этого файла CSV или XLSX; первая строка называет поля, столбец «file» — файлы результата
help-verify-about = Проверить отсоединённые подписи CMS подписанного письма и вывести подписантов
help-verify-after =
    Код выхода 0 — только если каждая проверка выполнена и успешна. Цепочка сертификатов проверяется
    только до сертификатов, указанных в «--ca»; отзыв сертификатов не проверяется (см. docs/signatures.md).

    Пример:
      zhauap verify letter.pdf letter.pdf.cms --ca nca-root.pem
help-verify-letter = Подписанный файл в точности в том виде, в каком он подписан (PDF письма)
help-verify-signatures = Его отсоединённые подписи CMS (DER, PEM или текст base64), по файлу на каждое подписание или одна совместная
help-verify-allow-unverified = Принимать проверки, которые zhauap выполнить не может (значение подписи ГОСТ 34.10, отсутствующее время подписания), если все остальные успешны; они всё равно выводятся
help-verify-ca = Доверенные корневые или промежуточные сертификаты (PEM или DER; для нескольких файлов повторите параметр): сертификат подписавшего должен восходить к ним
help-card-about = Сделать карточку документа: листы подписей (на русском и казахском) и QR-коды, с вложенными письмом и его файлами CMS (PDF/A-3b)
help-card-after =
    По спецификации ddcard (см. docs/card.md). Проверить карточку: zhauap verify CARD.pdf.

    Пример:
      zhauap card letter.pdf letter.pdf.cms -o letter-card.pdf --source letter.yaml
help-card-letter = Подписанное письмо (PDF в точности в том виде, в каком он подписан)
help-card-signatures = Его отсоединённые подписи CMS в порядке подписания
help-card-source = Исходный YAML-файл письма: тогда карточка сначала показывает страницы письма. zhauap формирует его заново (с «--templates», если указан) и отклоняет источник, который не даёт LETTER.pdf байт в байт
help-card-no-typography = Вместе с «--source»: письмо было сформировано с «--no-typography»
help-card-output = Записываемая карточка
help-help-about = Показать эту справку или справку по указанным командам

## Headings and the values clap writes after a help (src/cli/help.rs).
help-heading-usage = Использование
help-heading-arguments = Аргументы
help-heading-options = Параметры
help-heading-commands = Команды
help-spec-default = по умолчанию
help-spec-values = значения
help-spec-values-long = Значения

## The parser's errors (English ones are clap's own; these are their words).
help-error-repeated = параметр «{ $arg }» можно указать только один раз
help-error-conflict = параметр «{ $arg }» нельзя указывать вместе с «{ $other }»
help-error-conflict-any = параметр «{ $arg }» нельзя указывать вместе с другими указанными параметрами
help-error-no-equals = значение параметра «{ $arg }» пишется через знак равенства: { $arg }=…
help-error-value-missing = у параметра «{ $arg }» нет значения
help-error-invalid-value = недопустимое значение «{ $value }» параметра «{ $arg }»
help-error-unknown-subcommand = нет команды «{ $name }»
help-error-missing = не указаны обязательные аргументы:
help-error-missing-subcommand = после «{ $name }» нужна команда
help-error-too-many = лишнее значение «{ $value }» у «{ $arg }»: больше значений не ожидалось
help-error-validation = недопустимое значение «{ $value }» параметра «{ $arg }»: { $reason }
help-error-range = значение должно быть в пределах { $range }
help-error-unknown-argument = неизвестный параметр «{ $arg }»
help-error-similar-subcommand = есть похожая команда: «{ $similar }»
help-error-similar-argument = есть похожий параметр: «{ $similar }»
help-error-similar-value = есть похожее значение: «{ $similar }»
help-error-more = Подробнее: «--help».
