### The command line: --help, init, render, check.

## Командалар не басады (src/cli/).
cli-init-exists = файл бұрыннан бар; init хаттарды қайта жазбайды
cli-init-exists-help = басқа атау таңдаңыз немесе --force қосыңыз
cli-init-wrote = { $file }
cli-init-wrote-with-schema = { $file } және { $schema }
cli-init-next = жазылды: { $wrote }; хатты беттеу: zhauap render { $file }
cli-stdin-unreadable = хатты стандартты кірістен оқу мүмкін болмады: { $reason }
cli-stdout-unwritable = нәтижені жазу мүмкін болмады: { $reason }
cli-standard-output = стандартты шығыс
cli-render-wrote = жазылды: { $output } ({ $pages } бет)
cli-render-wrote-in = жазылды: { $output } ({ $pages } бет), { $ms } мс
cli-output-folder-failed = нәтижеге арналған қалтаны жасау мүмкін болмады: { $reason }
cli-output-folder-failed-help = жазуға болатын қалтадағы жолды көрсетіңіз
cli-preview-address = алдын ала қарау: { $url }  (Ctrl-C — тоқтату)
cli-preview-no-browser = браузерді іске қосу мүмкін болмады; жоғарыдағы мекенжайды қолмен ашыңыз
cli-batch-data-one-letter = --data кезінде дәл бір хат файлын көрсетіңіз: zhauap batch ХАТ.yaml --data ЖОЛДАР.csv «-o» ҚАЛТА
cli-batch-skipped-defaults = { $count } әдепкі мәндер файлы өткізіліп жіберілді (оларды басқа хаттардың `defaults:` өрісі атайды): { $files }
cli-check-ok = { $file }: дұрыс
cli-batch-unchanged = { $file } өзгерген жоқ
cli-batch-bar = {"{"}bar:40{"}"} {"{"}pos{"}"}/{"{"}len{"}"} хат, секундына {"{"}rate{"}"} хат, қалды {"{"}eta{"}"}  {"{"}wide_msg{"}"}
