### Diagnostic chrome: the words around every message.

common-error = ошибка
common-warning = предупреждение
common-help = подсказка
common-more-problems = … и ещё { $count } { $count ->
        [one] замечание
        [few] замечания
       *[other] замечаний
    } к этому же файлу
