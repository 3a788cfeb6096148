### Diagnostic chrome: the words around every message.

common-error = қате
common-warning = ескерту
common-help = кеңес
common-more-problems = … және осы файлда тағы { $count } мәселе бар
