### batch and mail merge.

## Топтап беттеудің қорытындысы (src/batch/report.rs).
batch-summary = { $letters } хат: беттелгені { $rendered }, өзгеріссіз { $unchanged }, қабылданбағаны { $failed }, { $secs } с
batch-summary-rate = {" "}(секундына { $rate } хат)
batch-summary-other-shards = ; { $count } хат басқа бөліктерге (--shard) қалдырылды
batch-summary-pruned = ; жойылған хаттардың { $count } нәтижесі өшірілді
batch-summary-orphans = ; жойылған хаттардың { $count } нәтижесі қалдырылды (--prune оларды өшіреді)
batch-report-unwritable = есепті жазу мүмкін болмады: { $reason }

## Хаттарды іздеу (src/batch/inputs.rs, plan.rs).
batch-folder-unreadable = бұл қалтаны оқу мүмкін емес: { $reason }
batch-glob-malformed = бұл жол үлгісі (glob) қате жазылған: { $reason }
batch-glob-malformed-help = * — кез келген атау, ** — кез келген қалталар, ? — бір таңба
batch-input-unreadable = мұны оқу мүмкін емес: { $reason }
batch-input-unreadable-help = хат файлдарын, хаттар қалталарын немесе 'in/**/*.yaml' сияқты жол үлгілерін көрсетіңіз
batch-no-letters = мұнда хат жоқ (*.yaml немесе *.yml файлдары)
batch-no-letters-help = қалтадан және оның ішкі қалталарынан *.yaml және *.yml файлдары ізделеді
batch-cwd-unreadable = ағымдағы қалтаны оқу мүмкін емес: { $reason }
batch-not-regular = бұл кәдімгі файл емес, демек хат емес
batch-not-regular-help = .yaml хат файлдарын көрсетіңіз; құрылғылар, арналар мен сокеттер оқылмайды
batch-letter-unreadable = бұл хатты оқу мүмкін емес: { $reason }
batch-letter-unreadable-help = файл атауын және файлдың бар екенін тексеріңіз
batch-list-unreadable = бұл хаттар тізімін оқу мүмкін емес: { $reason }
batch-list-not-regular = хаттар тізімі кәдімгі файл емес
batch-list-help = әр жолында бір хаттың жолы жазылған мәтін файлын немесе стандартты кіріс үшін - көрсетіңіз
batch-same-output = { $other } және бұл хат бір { $output } файлына жазылар еді
batch-same-output-help = біреуінің атын өзгертіңіз: тек кеңейтімі ғана өзгеше хаттардың нәтижесі ортақ
batch-output-is-link = бұл нәтиженің орнында символдық сілтеме тұр; топтап беттеу сілтемелерді ауыстырмайды
batch-output-is-special = бұл нәтиженің орнында кәдімгі емес файл тұр (қалта, құрылғы немесе арна)
batch-output-is-letter = бұл нәтиже хаттардың бірін өшіріп жазар еді
batch-output-help = «-o» арқылы нәтижелерге басқа қалта көрсетіңіз немесе бұл файлды алып тастаңыз
batch-output-folder-is-link = мұнда нәтижелер қалтасы болуы керек, ал бұл сілтеме немесе қалта емес
batch-output-folder-is-link-help = топтап беттеу тек «-o» ішіндегі нағыз қалталарға жазады; мұны алып тастаңыз

## Running a batch (src/batch/run.rs, manifest.rs, sink.rs, source.rs, worker.rs).
batch-out-dir-uncreatable = нәтижелер қалтасын құру мүмкін емес: { $reason }
batch-out-dir-uncreatable-help = «-o» арқылы басқа қалтаны таңдаңыз
batch-report-overwrites-output = есеп осы топтаманың нәтижелерінің біріне үстінен жазылар еді
batch-report-overwrites-output-help = есепті нәтижелер қалтасынан тыс немесе басқа атпен жазыңыз
batch-fault = zhauap бұл хатты дайындай алмады (бағдарламаның өз қатесі: «{ $why }»)
batch-fault-no-message = түсіндірмесіз
batch-fault-help = қалған хаттар дайындалды; осы хат туралы әзірлеушілерге хабарлаңыз
batch-manifest-unopenable = топтама журналын (манифестті) ашу мүмкін емес: { $reason }
batch-manifest-unopenable-help = топтама журналы жазуға болатын нәтижелер қалтасындағы кәдімгі файл болуы керек
batch-manifest-unsaved = жұмыстың барысын топтама журналына сақтау мүмкін емес: { $reason }
batch-manifest-uncompacted = топтама журналын ықшамдау мүмкін емес: { $reason }
batch-source-unreadable = хатты оқу мүмкін емес: { $reason }
batch-source-unreadable-help = хаттар — кәдімгі .yaml файлдары; файлдың бар екенін және оқуға болатынын тексеріңіз
batch-not-a-regular-file = бұл кәдімгі файл емес
batch-worker-died = zhauap осы хатты дайындап жатқанда тоқтап қалды ({ $how })
batch-worker-died-help = қалған хаттар дайындалды; бұл хатқа zhauap бере алатыннан көбірек керек (көбінесе жад: оның елтаңбасы мен үлгісін қараңыз); хатты қоса тіркеп, әзірлеушілерге хабарлаңыз
batch-worker-not-waited = оның аяқталуын күту мүмкін болмады
batch-worker-signal = { $signal } сигналымен аяқталды
batch-worker-abort = { $signal } сигналымен аяқталды (апаттық тоқтау: көбінесе жад бөлінбей қалды)
batch-worker-killed = { $signal } сигналымен аяқталды (мәжбүрлі түрде: жад біткенде жүйе немесе біреу қолмен тоқтатты)
batch-worker-segfault = { $signal } сигналымен аяқталды (жадқа қол жеткізу қатесі)
batch-worker-exit-code = ол { $code } кодымен аяқталды
batch-worker-ended = ол аяқталды

## Shards (src/batch/shard.rs).
batch-shard-form = «{ $spec }» — K/N түріндегі үлес емес, мысалы 1/4
batch-shard-not-number = «{ $spec }» ішіндегі «{ $part }» — бүтін сан емес
batch-shard-range = «{ $spec }» ішінде K 1-ден N-ге дейін, ал N кемінде 1 болуы керек, мысалы 1/4
batch-shard-auto-no-index = «--shard auto» үшін осы орындаушының нөмірі керек, бірақ ол берілмеген: «JOB_COMPLETION_INDEX» («Kubernetes Indexed Job», --shards N немесе «JOB_COMPLETIONS» бірге), «AWS_BATCH_JOB_ARRAY_INDEX» («AWS Batch») немесе «CLOUD_RUN_TASK_INDEX» («Cloud Run»); оркестратордан тыс --shard K/N көрсетіңіз
batch-shard-auto-not-number = «{ $name }='{ $value }'» — бүтін сан емес, сондықтан үлес белгісіз
batch-shard-auto-no-count = «{ $index }» берілген, бірақ барлығы неше орындаушы екені айтылмаған: --shards N көрсетіңіз немесе «{ $count }» беріңіз
batch-shard-auto-index-too-big = «{ $name }={ $index }» орындаушылар санынан, { $count }, кем емес: нөмір 0-ден N-1-ге дейін саналады

## Mail merge (src/batch/merge.rs).
batch-data-kind = деректер файлы .csv немесе .xlsx файлы болуы керек
batch-data-kind-help = кестені CSV (UTF-8) немесе Excel кітабы ретінде сақтаңыз
batch-data-empty = деректер файлы бос
batch-data-empty-help = бірінші жол өрістерді атайды («addressee», «salutation», …), әр келесі жол — бір хат
batch-column-unnamed = бұл бағанның атауы жоқ
batch-column-unnamed-help = бірінші жолда баған беретін өрісті атаңыз немесе бағанды жойыңыз
batch-column-unknown-help = бірінші жол әр баған үшін ол беретін өрісті атайды: «addressee», «salutation», «outgoing.number», «signature.name», …
batch-column-twice = «{ $name }» бағаны екі рет кездеседі
batch-column-twice-help = әр өрістің бір ғана бағаны болады
batch-row-too-long = бұл жолда { $cells } ұяшық, ал тақырыпта { $columns } баған аталған
batch-row-too-long-help = артық бағанды бірінші жолда атаңыз немесе артық ұяшықтарды жойыңыз
batch-data-no-rows = деректер файлында тақырып бар, бірақ жолдар жоқ
batch-data-no-rows-help = тақырыптың астына әр хатқа бір жолдан қосыңыз
batch-data-unreadable = деректер файлын оқу мүмкін емес: { $reason }
batch-data-path-help = .csv немесе .xlsx файлының жолын көрсетіңіз
batch-data-not-file = деректер файлы файл емес
batch-data-too-large = деректер файлы { $mib } МиБ-тан аспауы керек
batch-data-too-large-help = жолдарды бірнеше файлға бөліңіз
batch-data-not-utf8 = деректер файлы UTF-8 кодтауындағы мәтін емес ({ $line }-жол)
batch-data-not-utf8-help = оны «CSV UTF-8» ретінде сақтаңыз (Excel: «Файл → Басқаша сақтау → CSV UTF-8»)
batch-csv-unreadable = CSV оқылмайды: «{ $reason }»
batch-csv-unreadable-help = осы жолдан жабылмаған тырнақшаны іздеңіз
batch-workbook-unreadable = кітап оқылмайды: «{ $reason }»
batch-workbook-unreadable-help = оны қайтадан Excel кітабы (.xlsx) немесе CSV UTF-8 ретінде сақтаңыз
batch-workbook-no-sheets = онда парақтар жоқ
batch-merge-no-letter = мұндай хат файлы жоқ
batch-merge-no-letter-help = --data бірге бір хат файлын көрсетіңіз: «zhauap batch ХАТ.yaml --data ЖОЛДАР.csv -o ҚАЛТА»
batch-file-name-help = файл атауын қалталарсыз жазыңыз, мысалы «abenov»
batch-rows-same-output = { $first }-жол мен осы жол бір файлға, { $name }, жазылар еді
batch-rows-same-output-help = әр жолға `file` бағанында өз атауын беріңіз
batch-file-name-bad-char = «{ $name }» файл атауында «{ $char }» белгісі бар
batch-file-name-dot = «{ $name }» файл атауы нүктеден басталады
