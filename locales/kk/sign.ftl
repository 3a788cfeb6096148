### Қолтаңбалар: zhauap verify және zhauap card (src/sign/, src/card/, src/cli/verify.rs, card.rs).

## verify әр қол қоюшы туралы не басады.
sign-signer-title = { $file }, қол қоюшы { $number }: { $name }
sign-iin = ЖСН { $iin }
sign-bin = БСН { $bin }
sign-certificate = тіркеу куәлігі { $serial }, берген: { $issuer }, жарамды { $from } – { $to } UTC
sign-signed-at = қол қойылды { $time } UTC, алгоритм { $algorithm }, { $digest }
sign-signed-no-time = қол қойылды (қол қою уақыты көрсетілмеген), алгоритм { $algorithm }, { $digest }
sign-outcome-valid = дұрыс
sign-outcome-invalid = ДҰРЫС ЕМЕС
sign-outcome-unverified = ТЕКСЕРІЛМЕДІ
sign-check-content = мазмұны
sign-check-digest = хеш
sign-check-signature = қолтаңба
sign-check-validity = мерзім
sign-valid-content = қолтаңбаға салынған мазмұн — осы хат
sign-valid-digest = хаттың хеші қол қойылғанымен бірдей
sign-valid-signature = қолтаңба мәні куәлік кілті бойынша дұрыс
sign-valid-validity = куәліктің жарамдылық мерзімінде қол қойылған
sign-verified = тексерілді: қол қоюшылар — { $signers }, құжат { $letter }
sign-verified-unverified = тексерілді: қол қоюшылар — { $signers }, құжат { $letter }; тексерілмей --allow-unverified бойынша қабылданды: { $unverified }
sign-not-checked = тексерілмеді: куәліктер тізбегі ҚР ҰКО түбірлік куәлігіне дейін және олардың кері қайтарылуы (OCSP/CRL)

## verify қателері және не істеу керек.
sign-letter-unreadable = хатты оқу мүмкін болмады: { $reason }
sign-letter-unreadable-help = қол қойылған PDF-ті қол қойылған күйінде дәл беріңіз
sign-check-failed = қол қоюшы { $number } ({ $name }), құжат { $letter }: { $check }: { $reason }
sign-invalid-help = хатты қол қойылған деп қабылдамаңыз: хат пен оның қолтаңбасын қайта сұраңыз
sign-unverified-help = бұл қолтаңбаны NCALayer немесе ezSigner арқылы тексеріп, содан кейін --allow-unverified арқылы қабылдаңыз
sign-no-signature = хаттың бірде-бір қолтаңбасын оқу мүмкін болмады
sign-no-signature-help = осы хатқа жасалған CMS қолтаңба файлдарын беріңіз

## Тексеру неге өтпеді немесе неге жасалмады.
sign-cms-unreadable = CMS оқылмады
sign-other-content = қолтаңбада хат емес, басқа құжат бар ({ $content } байт, хат { $letter } байт)
sign-content-unreadable = салынған мазмұн оқылмады: { $reason }
sign-certificate-absent = қол қоюшының куәлігі CMS ішінде жоқ
sign-digest-unknown = zhauap { $algorithm } алгоритмі бойынша хеш есептемейді
sign-no-attributes-mismatch = қолтаңба (қол қойылған атрибуттарсыз) хаттың хешіне сәйкес келмейді
sign-no-attributes-unverified = қол қойылған атрибуттар болмаса, хеш тек қолтаңба мәні арқылы тексеріледі, ал ол тексерілмеді
sign-content-type = қол қойылған contentType атрибуты мазмұн түріне { $oid } сәйкес келмейді
sign-digest-count = қолтаңбадағы messageDigest атрибуттары: { $count }; дәл біреу болуы керек
sign-digest-differs = хаттың хеші ({ $algorithm }) қол қойылғанынан өзгеше: хат қол қойылғаннан кейін өзгертілген немесе қолтаңба басқа файлға жасалған
sign-attributes-unencodable = қол қойылған атрибуттарды кодтау мүмкін болмады: { $reason }
sign-gost-unverified = { $algorithm } қолтаңба мәні тексерілмеді: zhauap-та ГОСТ 34.10 тексеруі жоқ (Rust тіліндегі қолдау көрсетілетін іске асыру жоқ); хеш тексерілді
sign-algorithm-unknown = қолтаңба мәні тексерілмеді: zhauap { $algorithm } алгоритмін тексермейді
sign-key-unreadable = куәлік кілті оқылмады: { $reason }
sign-rsa-digest = { $digest } хеші бар RSA қолтаңбасы — zhauap тексермейтін үйлесім
sign-value-mismatch = { $algorithm } қолтаңба мәні қол қойылған деректерге және куәлік кілтіне сәйкес келмейді
sign-ecdsa-not-der = ECDSA қолтаңба мәні DER пішініндегі (r, s) жұбы емес
sign-no-signing-time = қолтаңбада қол қою уақыты жоқ, сондықтан қол қою сәтінде куәліктің жарамдылығы белгісіз
sign-outside-validity = { $time } UTC қол қойылған, куәліктің жарамдылық мерзімінен { $from } – { $to } UTC тыс
sign-pss-parameters = RSASSA-PSS параметрлері оқылмады: { $reason }
sign-pss-hash = RSASSA-PSS параметрлерінде { $hash } хеші көрсетілген, ал қол қоюшының хештеу алгоритмі — { $digest }
sign-pss-mask = қолтаңба мәні тексерілмеді: zhauap RSASSA-PSS-ті тек сол хештегі ({ $hash }) MGF1-пен тексереді
sign-pss-trailer = қолтаңба мәні тексерілмеді: RSASSA-PSS ішіндегі trailerField өрісі 0xBC емес
sign-pss-unsupported-hash = қолтаңба мәні тексерілмеді: zhauap { $hash } хеші бар RSASSA-PSS-ті тексермейді

## Пайдалануға болмайтын қолтаңба файлы.
sign-file-unreadable = қолтаңба файлы оқылмады: { $reason }
sign-file-unreadable-help = жолды және файлды оқуға рұқсатты тексеріңіз
sign-file-too-large = қолтаңба файлы { $size } байт; қолтаңба { $limit } байттан аспайды
sign-file-too-large-help = қол қойылған құжатты емес, бөлек CMS қолтаңбасын (.cms, .p7s, .sig) беріңіз
sign-file-not-cms = файл CMS қолтаңбасы емес (DER да, PEM де, base64 мәтіні де емес): { $reason }
sign-file-not-cms-help = CMS қолтаңбасын NCALayer сақтайтындай беріңіз: .cms/.p7s файлы (DER), PEM немесе base64 мәтіні
sign-file-malformed = CMS қолтаңбасы бүлінген немесе қысқартылған: { $reason }
sign-file-malformed-help = файл жіберу кезінде қысқартылған немесе өзгертілген болуы мүмкін; қолтаңба файлын қол қоюшыдан қайта сұраңыз
sign-file-not-signed-data = CMS ішінде қол қойылған деректер (1.2.840.113549.1.7.2) емес, { $oid } бар
sign-file-no-signers = CMS қолтаңбасында бірде-бір қол қоюшы жоқ
sign-file-no-signers-help = бұл CMS ішінде қолтаңба жоқ; хатқа қайта қол қойыңыз
sign-file-certificate-missing = { $number } қол қоюшының куәлігі CMS қолтаңбасында жоқ
sign-file-certificate-missing-help = куәлікті қолтаңбаға қосып, қайта қол қойыңыз (NCALayer оны әдепкі бойынша қосады)

## zhauap card және verify КАРТОЧКА.pdf.
card-signature-refused-help = карточка хаттан және оған жасалған қолтаңбалардан құралады; тексеріңіз: zhauap verify ХАТ.pdf ҚОЛТАҢБА.cms
card-not-made = карточканы құрау мүмкін болмады: { $reason }
card-not-made-help = zhauap беттеген PDF-ті және оның CMS қолтаңбаларын беріңіз
card-wrote = жазылды: { $file } (қолтаңба файлдары: { $count })
card-sheets-only = карточкада тек қолтаңба парақтары бар; алдымен хаттың беттерін көрсету үшін оның YAML файлын --source арқылы беріңіз
card-source-differs = қайта беттелген бұл хат { $letter } файлымен байтпа-байт сәйкес келмейді ({ $rendered } байт, ал онда { $size }, алғашқы айырмашылық { $at } байтта): карточка қол қойылған беттерді емес, басқа беттерді көрсетер еді
card-source-differs-help = PDF беттелген YAML файлын сол кездегі --templates және --no-typography параметрлерімен, zhauap-тың сол нұсқасымен беріңіз; немесе --source көрсетпеңіз — тек қолтаңба парақтары бар карточка болады
card-unreadable = карточканы оқу мүмкін болмады: { $reason }
card-unreadable-help = карточканың PDF файлын беріңіз
card-altered-help = карточка құралғаннан кейін өзгертілген немесе оны zhauap құрамаған; оған сенбеңіз
card-letter-not-pdf = хат zhauap оқи алатын PDF емес
card-letter-draft = хат — жоба (беттерінде жоба белгісі бар); карточка хаттың қол қойылып, жіберілген түрінен құралады
card-no-files = карточкаға бірде-бір файл салынбаған: бұл құжат карточкасы емес
card-no-signature = карточкаға { $letter } құжаты салынған, бірақ бірде-бір қолтаңба жоқ
card-qr-disagrees = карточканың QR кодтары салынған қолтаңбалармен сәйкес келмейді: сызылған QR кодтары — { $drawn }, олардың ішінде салынған CMS файлдарының кодтарынан өзгешесі — { $differ }
card-not-pdf = файл PDF ретінде оқылмайды ({ $reason })
card-pdf-no-files = PDF ішіне бірде-бір файл салынбаған: бұл құжат карточкасы емес
card-file-no-name = салынған файлдың атауы жоқ
card-file-no-data = { $name } салынған файлында деректер жоқ
card-file-unreadable = { $name } салынған файлын оқу мүмкін болмады ({ $reason })

## Куәліктер тізбегі (verify --ca).
sign-check-chain = тізбек
sign-valid-chain = куәлік сенімді куәлікке (--ca) дейін жетеді, әрқайсысы қол қою сәтінде жарамды болған
sign-not-checked-revocation = тексерілмеді: куәліктердің кері қайтарылуы (OCSP/CRL)
sign-chain-no-time = қолтаңбада қол қою уақыты жоқ, сондықтан қол қою сәтінде тізбектің жарамдылығы белгісіз
sign-chain-key-usage = куәлік кілтінің мақсаты digitalSignature-ге де, nonRepudiation-ға да рұқсат бермейді
sign-chain-expired = { $name } куәлігі қол қою сәтінде жарамсыз болған (мерзімі { $from } – { $to } UTC)
sign-chain-not-ca = { $name } куәлігі басқа куәлікке қол қояды, бірақ өзі КО куәлігі емес
sign-chain-untrusted = { $name } куәлігіне сенімді куәлік (--ca) те, CMS ішіндегі { $issuer } атты куәлік те қол қоймаған
sign-chain-too-long = тізбек { $most } куәліктен ұзын
sign-chain-algorithm = тізбектегі куәлікке { $algorithm } алгоритмімен қол қойылған, оны zhauap тексермейді
sign-file-not-certificate = файлда оқылатын куәлік жоқ: { $reason }
sign-file-not-certificate-help = сенімді түбірлік немесе аралық куәліктерді PEM (-----BEGIN CERTIFICATE-----) немесе DER түрінде беріңіз
