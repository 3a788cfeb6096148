### Diagnostic chrome: the words around every message.

common-error = қате
common-warning = ескерту
common-help = кеңес
common-more-problems = … және осы файлда тағы { $count } мәселе бар

common-io-not-found = мұндай файл жоқ
common-io-permission-denied = қол жеткізу құқығы жоқ
common-over-budget = бұл хатты беттеу { $seconds } секундтан ұзаққа созылды, сондықтан тоқтатылды
common-over-budget-help = оны ауырлататын нәрсені іздеңіз (өте ұзын мәтін, күрделі елтаңба, үлгідегі цикл); басқа хаттарға бұл әсер етпейді
