### Diagnostic chrome: the words around every message.

common-error = қате
common-warning = ескерту
common-help = кеңес
common-more-problems = … және осы файлда тағы { $count } мәселе бар

common-io-not-found = мұндай файл жоқ
common-io-permission-denied = қол жеткізу құқығы жоқ
common-io-not-a-directory = жолдың бір бөлігі қалта емес, файл
common-io-is-a-directory = бұл қалта
common-io-read-only = дискіні тек оқуға болады
common-io-disk-full = диск толы
common-over-budget = бұл хатты беттеу { $seconds } секундтан ұзаққа созылды, сондықтан тоқтатылды
common-over-budget-help = оны ауырлататын нәрсені іздеңіз (өте ұзын мәтін, күрделі елтаңба, үлгідегі цикл); басқа хаттарға бұл әсер етпейді
