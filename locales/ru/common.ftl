### Diagnostic chrome: the words around every message.

common-error = ошибка
common-warning = предупреждение
common-help = подсказка
common-more-problems = … и ещё { $count } { $count ->
        [one] замечание
        [few] замечания
       *[other] замечаний
    } к этому же файлу

common-io-not-found = такого файла нет
common-io-permission-denied = нет прав доступа
common-io-not-a-directory = часть пути — файл, а не папка
common-io-is-a-directory = это папка
common-io-read-only = диск доступен только для чтения
common-io-disk-full = диск заполнен
common-over-budget = вёрстка этого письма заняла больше { $seconds } секунд и была остановлена
common-over-budget-help = поищите, что его утяжеляет (очень длинный текст, сложная эмблема, цикл в шаблоне); другие письма это не затрагивает
