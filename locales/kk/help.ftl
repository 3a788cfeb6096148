### The command line's own help (src/cli/help.rs); ids as in en/help.ftl.

help-zhauap-about = Ресми жауап хаттарын (орыс және қазақ тілдерінде) YAML-дан PDF/A-ға және HTML алдын ала қарауға беттейді
help-zhauap-long-about = zhauap («жауап») ресми жауап хатының YAML сипаттамасын шығыс хаттарды құжаттау ережелері бойынша қол қоюға дайын беттелген PDF/A-ға және беттері мен жолдары сондай HTML алдын ала қарауға айналдырады.
help-zhauap-after =
    Мысал:
      zhauap render examples/dz-83-reply.yaml
      zhauap check хаттар/*.yaml
help-arg-templates = Кірістірілген үлгілердің орнына осы қалтадағы үлгілерді алу
help-arg-quiet = Тек қателерді шығару
help-arg-verbose = Не істелгені туралы толығырақ хабарлау
help-arg-ui-lang = Хабарлар тілі; әдепкі бойынша — LANGUAGE, LC_ALL, LC_MESSAGES немесе LANG айнымалысынан (C және POSIX — ағылшын), әйтпесе орыс тілі
help-arg-help-short = Анықтаманы көрсету (толығырақ — «--help»)
help-arg-help-long = Анықтаманы көрсету (қысқаша — «-h»)
help-arg-version = Нұсқасын көрсету
help-render-about = Хатты PDF-ке (немесе HTML-ге) оның жанына немесе «-o ФАЙЛ» файлына беттеу
help-render-after =
    Мысал:
      zhauap render examples/dz-83-reply.yaml
      zhauap render хат.yaml -o дайын/хат.pdf --stats
help-render-letter = Хат файлы (YAML); «-» — оны стандартты енгізуден оқу
help-render-output = Нәтиже файлы (оның қалтасы жасалады); «-» — стандартты шығысқа жазу. Әдепкі бойынша — хаттың жанындағы «.pdf» (немесе «.html») кеңейтімді аты
help-render-format = Нәтиже пішімі
help-render-no-typography = Тырнақшаларды, сызықшаларды және бос орындарды жазылғандай қалдыру
help-render-stats = Беттеу өлшемдерін шығару (typo2.py көрсеткіштері): әріп аралығы, бос орындар, тасымалдар, бет үзілімдері; «--stats=json» оларды JSON түрінде шығарады
help-render-deny-warnings = Хатта қателер ғана емес, ескертулер болса да, оны қабылдамау (код 1)
help-render-draft = Әр бетті жоба деп белгілеу («ПРОЕКТ» / «ЖОБА»), «draft: true» сияқты
help-render-meta = Сондай-ақ ЕСЭДО тіркеу деректерін (нөмір, күн, тіл, парақтар…) JSON түрінде жазу; сұлбасы — «zhauap schema --meta»
help-arg-help = Анықтаманы көрсету
help-check-about = Хаттарды ештеңе жазбай тексеру
help-check-after =
    Мысал:
      zhauap check examples/dz-83-reply.yaml
      zhauap check хаттар/ 'кіріс/**/*.yaml'
      zhauap check хаттар/ --format json > қателер.json
help-check-letters = Хат файлдары, қалталар (оларда *.yaml және *.yml ізделеді) немесе жол үлгілері (glob)
help-check-deny-warnings = { help-render-deny-warnings }
help-check-format = Қалай хабарлау: «text» — адамдарға, «json» — бағдарламаларға, стандартты шығысқа («zhauap schema --check» қараңыз)
help-check-format-value-text = Хат үзінділері бар хабарлар, адамдарға
help-check-format-value-json = Стандартты шығыстағы бір JSON құжаты («zhauap schema --check»)
help-check-draft = { help-render-draft }
help-init-about = Бірден беттелетін, әр өрісі түсіндірілген үлгі хат жасау
help-init-after =
    Мысал:
      zhauap init --lang kk жауап.yaml
      zhauap init ответ.yaml
help-init-file = Жасалатын хат файлы
help-init-lang = Хаттың тілі
help-init-force = Файл бар болса, оны қайта жазу
help-schema-about = Редакторлар үшін хат пішімінің JSON сұлбасын (немесе топтама манифесінің сұлбасын) шығару
help-schema-after =
    Мысал:
      zhauap schema > zhauap-letter.schema.json
      zhauap schema --ui-lang ru > zhauap-letter.schema.json
      zhauap schema --manifest > zhauap-manifest.schema.json
      zhauap schema --check > zhauap-check.schema.json
help-schema-manifest = Оның орнына — топтама манифесі жазбасының сұлбасы
help-schema-check = Оның орнына — «zhauap check --format json» шығысының сұлбасы
help-schema-meta = Оның орнына — «render --meta» беретін ЕСЭДО деректерінің сұлбасы
help-completions-about = Командалық қабыққа арналған автотолықтыруды шығару
help-completions-after =
    Мысал:
      zhauap completions bash > /etc/bash_completion.d/zhauap
help-completions-shell = Командалық қабық
help-man-about = Нұсқаулық бетін (roff) шығару немесе барлық беттерді қалтаға жазу
help-man-after =
    Мысал:
      zhauap man > zhauap.1 && man ./zhauap.1
      zhauap man render | man -l -
      zhauap man -o man/
help-man-subcommand = Оның орнына — осы команданың беті (zhauap-КОМАНДА.1)
help-man-output = zhauap.1 мен әр команданың zhauap-КОМАНДА.1 беттерін осы қалтаға жазу (ол жасалады)
help-preview-about = Хатты 127.0.0.1 мекенжайында тікелей алдын ала көрсету, әр сақтаған сайын жаңарту
help-preview-after =
    Бет хатты басылатындай етіп, оның PDF-іне сілтемемен көрсетеді; хат, оның
    елтаңбасы немесе «--templates» қалтасы өзгергенде жаңарады. Тоқтату — Ctrl-C.

    Мысал:
      zhauap preview examples/dz-83-reply.yaml --open
help-preview-letter = Хат файлы (YAML)
help-preview-port = 127.0.0.1 порты; 0 — кез келген бос порт
help-preview-open = Алдын ала қарауды жұмыс үстелінің браузерінде ашу
help-preview-no-typography = { help-render-no-typography }
help-preview-draft = { help-render-draft }
help-batch-about = Көп хатты қалтаға қатар беттеу, дайындарын өткізіп жіберу
help-batch-after =
    Нәтиже қалтасында manifest.jsonl пайда болады («--shard» болса — manifest.shard-K-of-N.jsonl): әр хатқа бір JSON жазбасы («zhauap schema --manifest» қараңыз). Қайта іске қосқанда тек өзгергені беттеледі, ештеңе өзгермесе, ештеңе жазылмайды.

    Мысал:
      zhauap batch хаттар/ -o дайын/
      zhauap batch 'кіріс/**/*.yaml' -o дайын --report есеп.json --shard 1/4
      JOB_COMPLETION_INDEX=3 zhauap batch /letters -o /out --shard auto --shards 8
help-batch-inputs = { help-check-letters }
help-batch-files-from = Сондай-ақ FILE файлында тізілген хаттар, әр жолда бір жол («-» — стандартты енгізуді оқу)
help-batch-output = Нәтиже қалтасы; ол кіріс қалталарының құрылымын қайталайды
help-batch-format = { help-render-format }
help-batch-jobs = Жұмыс ағындарының саны (әдепкі бойынша — әр ядроға біреу)
help-batch-report = JSON есебін жазу: әр хаттың манифест жазбасы беттеу уақытымен
help-batch-force = Нәтижесі өзекті болса да, әр хатты беттеу
help-batch-deny-warnings = Қателері ғана емес, ескертулері бар хаттарды да қабылдамау: олар үшін ештеңе жазылмайды, топтама 1 кодымен аяқталады
help-batch-verify = Хаттарды және нәтижелердің өзектілігін өлшемі мен уақыты бойынша ғана емес, мазмұны бойынша тексеру
help-batch-prune = Хаттары жойылған нәтижелерді жою (олар қорытындыда тізіледі)
help-batch-shard = Хаттардың N үлесінің K-сын алу (жолының хеші бойынша) немесе «auto»: үлесті JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX немесе CLOUD_RUN_TASK_INDEX айнымалысынан алу
help-batch-shards = «--shard auto» кезінде: орындаушылар саны (әйтпесе JOB_COMPLETIONS сияқтылардан)
help-batch-no-typography = { help-render-no-typography }
help-batch-draft = { help-render-draft }
help-batch-data = Таратпа: көрсетілген бір хатты осы CSV немесе XLSX файлының әр жолына бір рет беттеу; бірінші жол өрістерді атайды, «file» бағаны — нәтиже файлдарын
help-verify-about = Қол қойылған хаттың бөлек CMS қолтаңбаларын тексеру және қол қоюшыларды шығару
help-verify-after =
    Шығу коды 0 — әр тексеру орындалып, сәтті болғанда ғана. Сертификаттар тізбегі «--ca» арқылы берілген
    сертификаттарға дейін ғана тексеріледі; сертификаттардың кері қайтарылуы тексерілмейді (docs/signatures.md қараңыз).

    Мысал:
      zhauap verify letter.pdf letter.pdf.cms --ca nca-root.pem
help-verify-letter = Қол қойылған файл, дәл қол қойылған күйінде (хаттың PDF-і)
help-verify-signatures = Оның бөлек CMS қолтаңбалары (DER, PEM немесе base64 мәтіні), әр қол қоюға бір файл немесе біреуі бірлескен
help-verify-allow-unverified = Қалғандарының бәрі сәтті болса, zhauap орындай алмайтын тексерулерді (ГОСТ 34.10 қолтаңба мәні, жоқ қол қою уақыты) қабылдау; олар бәрібір шығарылады
help-verify-ca = Сенімді түбір немесе аралық сертификаттар (PEM немесе DER; бірнеше файл үшін параметрді қайталаңыз): қол қоюшының сертификаты соларға дейін тізбектелуі тиіс
help-card-about = Құжат карточкасын жасау: қолтаңба парақтары (орыс және қазақ тілдерінде) мен QR-кодтар, хат пен оның CMS файлдары ішіне салынған (PDF/A-3b)
help-card-after =
    ddcard спецификациясы бойынша (docs/card.md қараңыз). Карточканы тексеру: zhauap verify CARD.pdf.

    Мысал:
      zhauap card letter.pdf letter.pdf.cms -o letter-card.pdf --source letter.yaml
help-card-letter = Қол қойылған хат (PDF дәл қол қойылған күйінде)
help-card-signatures = Оның бөлек CMS қолтаңбалары, қойылған ретімен
help-card-source = Хаттың бастапқы YAML файлы: сонда карточка алдымен хаттың беттерін көрсетеді. zhauap оны қайта жасайды («--templates» берілсе, солармен) және LETTER.pdf-ті байтпа-байт бермейтін бастапқы файлды қабылдамайды
help-card-no-typography = «--source»-пен бірге: хат «--no-typography» арқылы жасалған
help-card-output = Жазылатын карточка
help-help-about = Осы анықтаманы немесе көрсетілген командалардың анықтамасын көрсету

## Headings and the values clap writes after a help (src/cli/help.rs).
help-heading-usage = Қолданылуы
help-heading-arguments = Аргументтер
help-heading-options = Параметрлер
help-heading-commands = Командалар
help-spec-default = әдепкі
help-spec-values = мәндері
help-spec-values-long = Мәндері

## The parser's errors (English ones are clap's own; these are their words).
help-error-repeated = «{ $arg }» параметрін бір рет қана көрсетуге болады
help-error-conflict = «{ $arg }» параметрін «{ $other }» параметрімен бірге көрсетуге болмайды
help-error-conflict-any = «{ $arg }» параметрін көрсетілген басқа параметрлермен бірге көрсетуге болмайды
help-error-no-equals = «{ $arg }» параметрінің мәні теңдік белгісі арқылы жазылады: { $arg }=…
help-error-value-missing = «{ $arg }» параметрінің мәні жоқ
help-error-invalid-value = «{ $arg }» параметрінің мәні «{ $value }» жарамсыз
help-error-unknown-subcommand = «{ $name }» командасы жоқ
help-error-missing = міндетті аргументтер көрсетілмеген:
help-error-missing-subcommand = «{ $name }» кейін команда керек
help-error-too-many = «{ $arg }» үшін артық мән «{ $value }»: басқа мән күтілмеген
help-error-validation = «{ $arg }» параметрінің мәні «{ $value }» жарамсыз: { $reason }
help-error-range = мән { $range } аралығында болуы керек
help-error-unknown-argument = белгісіз параметр «{ $arg }»
help-error-similar-subcommand = ұқсас команда бар: «{ $similar }»
help-error-similar-argument = ұқсас параметр бар: «{ $similar }»
help-error-similar-value = ұқсас мән бар: «{ $similar }»
help-error-more = Толығырақ: «--help».
