### The live preview: its page's chrome, its error page, its terminal lines.

preview-toolbar-status = { $name }: { $pages } { $pages ->
        [one] страница
        [few] страницы
       *[other] страниц
    }
preview-download = Скачать PDF
preview-refused-title = { $name }: не свёрстано
preview-not-rendered = { $name }: не свёрстано
preview-cannot-render = Письмо не удаётся сверстать.
preview-fix-and-save = Исправьте его и сохраните: эта страница обновится сама.
preview-crashed = zhauap не справился с этим письмом; это ошибка zhauap, а не письма. Пожалуйста, сообщите о ней и приложите письмо.
preview-loopback-only = этот сервер отвечает только по адресам 127.0.0.1 и localhost
preview-not-found = не найдено
preview-pdf-refused = письмо не удаётся сверстать:
preview-build-rendered = сборка { $number }: { $pages } { $pages ->
        [one] страница
        [few] страницы
       *[other] страниц
    } за { $millis } мс
preview-build-refused = сборка { $number }: письмо не свёрстано
preview-cannot-listen = не удаётся занять адрес 127.0.0.1:{ $port }: { $reason }
preview-port-busy = порт { $port } занят другой программой (может быть, другим предпросмотром); укажите другой в --port или --port 0 — любой свободный
preview-not-a-letter = это не файл письма
preview-not-a-letter-help = укажите для предпросмотра файл письма .yaml
