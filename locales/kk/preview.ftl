### The live preview: its page's chrome, its error page, its terminal lines.

preview-toolbar-status = { $name }: { $pages } бет
preview-download = PDF жүктеу
preview-refused-title = { $name }: беттелмеді
preview-not-rendered = { $name }: беттелмеді
preview-cannot-render = Хатты беттеу мүмкін емес.
preview-fix-and-save = Оны түзетіп, сақтаңыз: бұл бет өздігінен жаңарады.
preview-crashed = zhauap бұл хатты өңдей алмады; бұл хаттың емес, zhauap-тың қатесі. Хатты қоса тіркеп, хабарлаңыз.
preview-loopback-only = бұл сервер тек 127.0.0.1 және localhost мекенжайларына жауап береді
preview-not-found = табылмады
preview-pdf-refused = хатты беттеу мүмкін емес:
preview-build-rendered = { $number }-құрастыру: { $pages } бет, { $millis } мс
preview-build-refused = { $number }-құрастыру: хат беттелмеді
preview-cannot-listen = 127.0.0.1:{ $port } мекенжайын алу мүмкін емес: { $reason }
preview-port-busy = { $port } портын басқа бағдарлама (мүмкін, басқа алдын ала қарау) пайдаланып отыр; --port арқылы басқасын көрсетіңіз немесе кез келген бос порт үшін --port 0
preview-not-a-letter = бұл хат файлы емес
preview-not-a-letter-help = алдын ала қарау үшін .yaml хат файлын көрсетіңіз
