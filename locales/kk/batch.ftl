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
