### The command line: --help, init, render, check.

## Что печатают команды (src/cli/).
cli-init-exists = файл уже есть; init не перезаписывает письма
cli-init-exists-help = выберите другое имя или добавьте --force
cli-init-wrote = { $file }
cli-init-wrote-with-schema = { $file } и { $schema }
cli-init-next = записано: { $wrote }; сверстать письмо: zhauap render { $file }
cli-stdin-unreadable = письмо не удалось прочитать со стандартного ввода: { $reason }
cli-stdout-unwritable = результат не удалось записать: { $reason }
cli-standard-output = стандартный вывод
cli-render-wrote = записано: { $output } ({ $pages } { $pages ->
        [one] страница
        [few] страницы
       *[other] страниц
    })
cli-render-wrote-in = записано: { $output } ({ $pages } { $pages ->
        [one] страница
        [few] страницы
       *[other] страниц
    }) за { $ms } мс
cli-output-folder-failed = папку для результата не удалось создать: { $reason }
cli-output-folder-failed-help = укажите путь в папке, в которую можно писать
cli-preview-address = предпросмотр: { $url }  (Ctrl-C — остановить)
cli-preview-no-browser = браузер запустить не удалось; откройте адрес выше вручную
cli-batch-data-one-letter = с --data укажите ровно один файл письма: zhauap batch ПИСЬМО.yaml --data СТРОКИ.csv «-o» ПАПКА
cli-batch-skipped-defaults = { $count ->
        [one] пропущен { $count } файл умолчаний
        [few] пропущено { $count } файла умолчаний
       *[other] пропущено { $count } файлов умолчаний
    } (их называют в `defaults:` другие письма): { $files }
cli-check-ok = { $file }: в порядке
cli-batch-unchanged = { $file } не изменилось
cli-batch-bar = {"{"}bar:40{"}"} {"{"}pos{"}"}/{"{"}len{"}"} писем, {"{"}rate{"}"} писем/с, осталось {"{"}eta{"}"}  {"{"}wide_msg{"}"}
