### Writing output files.

## Шығыс файлдар (src/write.rs).
output-is-link = шығыс файл — символдық сілтеме; ол ауыстырылмайды
output-is-link-help = сілтемені жойыңыз немесе «-o» арқылы ол апаратын файлды көрсетіңіз
output-is-dangling-link = шығыс файл — еш жерге апармайтын символдық сілтеме; ол ауыстырылмайды
output-is-dangling-link-help = сілтемені жойыңыз немесе «-o» арқылы басқа шығыс файлды көрсетіңіз
output-is-folder = шығыс файлдың орнында қалта тұр; ол ауыстырылмайды
output-is-folder-help = «-o» арқылы қалтаның емес, файлдың атын көрсетіңіз
output-is-special = шығыс файлдың орнында құрылғы, FIFO арнасы немесе басқа арнайы файл тұр; ол ауыстырылмайды
output-is-special-help = «-o» арқылы кәдімгі файлды көрсетіңіз
output-flush-failed = шығыс файлдарды дискіге бекіту мүмкін болмады: { $reason }
output-flush-failed-help = дискіні тексеріңіз: файлдар жазылды, бірақ электр қуаты өшсе сақталмауы мүмкін
output-write-failed = шығыс файлды жазу мүмкін болмады ({ $step }): { $reason }
output-write-failed-help = шығыс файлдың қалтасы бар екенін және оған жазуға болатынын тексеріңіз
output-step-writing = жазу
output-step-creating-temp = уақытша файл жасау
output-step-flushing = дискіге бекіту
output-step-renaming = орнына қайта атау
output-no-folder = шығыс файлды жазу мүмкін болмады: мұндай қалта жоқ
output-no-folder-help = алдымен қалтаны жасаңыз немесе «-o» арқылы басқасын көрсетіңіз
output-overwrites-letter = шығыс файл хаттың өзін өшіріп жазар еді
output-overwrites-letter-help = «-o» арқылы басқа шығыс файлды көрсетіңіз

## Елтаңба (src/typeset/image.rs).
output-emblem-missing = елтаңба файлы жоқ
output-emblem-unreadable = елтаңбаны оқу мүмкін болмады: { $reason }
output-emblem-not-a-file = елтаңба файл емес
output-emblem-too-large = елтаңба файлы { $kib } КиБ; шегі — { $limit } КиБ
output-emblem-not-png-svg = елтаңба PNG не SVG суреті емес
output-emblem-png = елтаңбаның PNG суреті
output-emblem-png-undecodable = елтаңбаның PNG суретін ашу мүмкін емес
output-png-no-header = { $what } бүлінген (сурет тақырыбы жоқ)
output-png-no-pixels = { $what } ішінде бірде-бір нүкте жоқ
output-png-too-many-pixels = { $what } өлшемі { $width }×{ $height } нүкте; әр жағының шегі — { $limit }
output-png-damaged = { $what } бүлінген, оны ашу мүмкін емес
output-svg-not-utf8 = елтаңбаның SVG файлы UTF-8 мәтіні емес
output-svg-external = елтаңбаның SVG файлы өзінен тыс нәрсеге сілтейді (сурет «href»…); оны SVG ішіне енгізіңіз немесе алып тастаңыз
output-svg-unreadable = елтаңбаның SVG файлын оқу мүмкін емес: { $reason }
output-svg-inner-png = елтаңба SVG ішіндегі PNG суреті
output-svg-inner-svg-unreadable = елтаңба SVG ішіндегі сурет — оқылмайтын SVG
output-svg-inner-not-png-svg = елтаңба SVG ішіндегі сурет PNG не SVG емес; оны PNG етіп сақтаңыз
output-svg-text = елтаңбаның SVG файлында мәтін бар, ол салынбайды; графикалық редакторда мәтінді қисықтарға (контурларға) түрлендіріп, SVG файлын қайта сақтаңыз
output-filter-nested = елтаңба SVG ішіндегі SVG сүзгілерді қолданады; сүзгіні (бұлыңғырлау, көлеңке) жеңілдетіңіз не алып тастаңыз немесе елтаңбаны PNG етіп сақтаңыз
output-filter-region = елтаңба SVG сүзгісі суреттен { $times } есе үлкен аумақты қамтиды; сүзгіні (бұлыңғырлау, көлеңке) жеңілдетіңіз не алып тастаңыз немесе елтаңбаны PNG етіп сақтаңыз
output-filter-steps = елтаңба SVG сүзгілерінде { $steps } қадамнан көп; сүзгіні (бұлыңғырлау, көлеңке) жеңілдетіңіз не алып тастаңыз немесе елтаңбаны PNG етіп сақтаңыз
output-filter-too-slow = елтаңба SVG сүзгілерін салу тым ұзаққа созылар еді; сүзгіні (бұлыңғырлау, көлеңке) жеңілдетіңіз не алып тастаңыз немесе елтаңбаны PNG етіп сақтаңыз
output-filter-octaves = елтаңба SVG ішіндегі feTurbulence { $octaves } октава сұрайды; { $limit }-нан артығы көрініске әсер етпейді: numOctaves мәнін азайтыңыз

## Хатты тексеру және беттеу (src/lib.rs).
output-fault-help = бұл хаттың емес, zhauap бағдарламасының қатесі; хатты қоса тіркеп, әзірлеушілерге хабарлаңыз
output-template-uncovered = үлгі «{ $c }» (U+{ $code }) таңбасын басады, ол бағдарламаның бірде-бір қарпінде жоқ
output-template-uncovered-help = бұл таңбаны үлгіден алып тастаңыз
output-image-unresolved = «{ $image }» суреті беттеуге дейін оқылмаған
output-field-too-tall = '{ $field }' беттен биік, оны беттерге бөлуге болмайды
output-block-too-tall = үлгінің [{ $block }] блогы беттен биік, оны беттерге бөлуге болмайды
output-too-tall-help = мәтінді қысқартыңыз: оның ешбір бөлігі беттен тыс қалмауы керек
output-too-many-pages = хат { $pages } бет алар еді; шегі — { $limit }
output-too-many-pages-help = мұндай ұзын жауап хат, сірә, қате; оны бөліңіз
output-denied-warnings = хат қабылданбады: --deny-warnings кезінде { $count } ескерту бар
output-denied-warnings-help = ескертулерде айтылғанды түзетіңіз немесе --deny-warnings алып тастаңыз
output-emblem-help = хатқа қатысты PNG немесе SVG файлының жолын көрсетіңіз
