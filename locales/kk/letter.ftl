### Checking a letter: fields, values, YAML mistakes, warnings.

letter-comment-cut = «{ $path }» қысқарып қалды: мәннен кейінгі `{ $comment }` түсініктеме болып саналады, сондықтан басылмайды
letter-comment-cut-help = бүкіл мәтінді тырнақшаға алыңыз немесе келесі жолдарда `>-` блогымен жазыңыз; егер бұл түсініктеме болса, оны өшіріңіз
letter-dash-joined = «{ $path }» мәтіні осы жолда жалғасады, сондықтан «{ $line }» жеке тармақ болып емес, сол мәтіннің ішінде басылады: жол жоғарыдағы тармақтан көбірек шегініспен жазылған, ал YAML оны мәтіннің жалғасы деп оқиды
letter-dash-joined-help = жеке тармақ болуы үшін оның сызықшасын { $column }-позициядан, жоғарыдағы тармақтың сызықшасының астынан бастаңыз; егер сызықша мәтіннің бөлігі болса, бүкіл мәтінді тырнақшаға алыңыз немесе `>-` блогымен жазыңыз
letter-dash-joined-help-free = егер бұл тармақ болса, оны басқа тармақтардың қасына жылжытып, сызықшасын олардың сызықшаларының астынан бастаңыз; егер сызықша мәтіннің бөлігі болса, бүкіл мәтінді тырнақшаға алыңыз немесе `>-` блогымен жазыңыз
letter-yaml-item-out-of-line = бұл тармақ жоғарыдағы тармақпен бір сызықта жазылмаған, сондықтан YAML оның қай тізімге жататынын ажырата алмайды
letter-yaml-item-out-of-line-help = оның сызықшасын { $column }-позициядан, жоғарыдағы тармақтың сызықшасының астынан бастаңыз
letter-the-letter = хат
letter-quoted-path = «{ $path }»
letter-not-mapping = { $what }: мұнда `өріс: мән` түріндегі өрістер күтіледі, ал жазылғаны — { $kind }
letter-not-mapping-help = `өріс: мән` түріндегі жолдар жазыңыз; мұнда болатын өрістер: { $fields }
letter-rename-field = өрісті «{ $suggestion }» деп өзгертіңіз
letter-allowed-fields = мұнда рұқсат етілген өрістер: { $fields }
letter-unknown-field-near = белгісіз өріс «{ $field }» — «{ $suggestion }» деп жазу керек пе?
letter-unknown-field = белгісіз өріс «{ $field }»
letter-missing-in-letter = хатта міндетті «{ $field }» өрісі жоқ
letter-missing-in = «{ $parent }» ішінде міндетті «{ $field }» өрісі жоқ
letter-missing-help = оны қосыңыз, мысалы: { $example }
letter-not-text = «{ $path }» мәтін болуы керек, ал жазылғаны — { $kind }
letter-not-text-help = мәтінді қос нүктеден кейін жазыңыз; басқа нәрсеге ұқсаса, тырнақшаға алыңыз
letter-control-char = «{ $path }» ішінде басып шығаруға болмайтын U+{ $code } басқару таңбасы бар
letter-invisible-help = көрінбейтін таңбаны өшіріңіз (оның айналасындағы мәтінді қайта теріңіз)
letter-empty = «{ $path }» бос
letter-empty-help = мәтінді жазыңыз немесе өріс міндетті болмаса, оны алып тастаңыз
letter-not-date = «{ $path }» күн болуы керек, ал жазылғаны — { $kind }
letter-date-help = күнді ЖЖЖЖ-АА-КК түрінде жазыңыз, мысалы 2020-04-22
letter-date-help-exact = күнді ЖЖЖЖ-АА-КК түрінде жазыңыз: { $date }
letter-year-range = «{ $path }»: { $year } жыл { $first } мен { $last } аралығында емес
letter-year-help = жылды тексеріңіз; күн ЖЖЖЖ-АА-КК түрінде жазылады, мысалы 2020-04-22
letter-date-why = «{ $path }»: { $why }
letter-count-large = «{ $path }» мәні { $n }; ең көбі { $most } болуы ықтимал
letter-count-large-help = санды тексеріңіз: қосымшаның парақтарын (даналарын) қайта санаңыз
letter-count-bad = «{ $path }» 1-ден кем емес бүтін сан болуы керек, ал жазылғаны — { $found }
letter-count-bad-help = сан жазыңыз, мысалы 3
letter-quoted-value = «{ $value }»
letter-not-read = хатты оқу мүмкін болмады
letter-lang-kz-help = қазақ тілі `kk` деп белгіленеді (ISO 639-1)
letter-lang-help = `lang: ru` немесе `lang: kk` деп жазыңыз
letter-lang-bad = «lang» ru немесе kk болуы керек, ал жазылғаны — { $found }
letter-template-bad = «template» үлгі атауы болуы керек, ал жазылғаны — «{ $found }»
letter-template-help = атау латын әріптерінен, цифрлардан және дефистерден тұрады, мысалы «deputy-reply»
letter-addressee-empty = «addressee» бос
letter-addressee-help = адресатты жазыңыз: файлдың әр жолы — хаттың бір жолы
letter-attachments-not-list = «attachments» тізім болуы керек, ал жазылғаны — { $kind }
letter-attachments-help = әр қосымшаны `sheets: N` бар `- name: …` түрінде жазыңыз
letter-kind-null = бос мән
letter-kind-bool = иә/жоқ (true/false)
letter-kind-number = сан
letter-kind-text = мәтін
letter-kind-list = тізім
letter-kind-map = өрістер жиыны
letter-key-not-text = өріс атауы тізім не өрістер жиыны емес, қарапайым мәтін болуы керек
letter-binary = хатта екілік мәндерге рұқсат жоқ
letter-date-form = «{ $text }» ЖЖЖЖ-АА-КК түріндегі күн емес (мысалы 2020-04-22)
letter-date-month = «{ $text }» ішінде ай { $month }; айлар 01-ден 12-ге дейін
letter-date-day = «{ $text }» күн емес: { $year } жылғы { $month ->
        [1] қаңтарда
        [2] ақпанда
        [3] наурызда
        [4] сәуірде
        [5] мамырда
        [6] маусымда
        [7] шілдеде
        [8] тамызда
        [9] қыркүйекте
        [10] қазанда
        [11] қарашада
        *[12] желтоқсанда
    } { $days } күн бар
letter-body-help = әр блокты жеке жолда `- ` белгісімен бастаңыз: абзац мәтіні, `items:` немесе `table:`
letter-body-empty = «body» ішінде бірде-бір абзац жоқ
letter-body-empty-help = `- ` жолымен кемінде бір абзац қосыңыз
letter-body-single = «body» абзацтар тізімі болуы керек, ал бір ғана мәтін жазылған
letter-body-single-help = әр абзацты жеке жолда `- ` белгісімен бастаңыз
letter-body-not-list = «body» абзацтар тізімі болуы керек, ал жазылғаны — { $kind }
letter-block-many = «{ $path }» ішінде бірден көп блок бар
letter-block-many-help = блок — бір `items:` немесе бір `table:`; келесісін өз `- ` белгісімен бастаңыз
letter-block-empty = «{ $path }» бос
letter-block-empty-help = астына тізімді әр жолға бір `- ` етіп жазыңыз немесе блокты алып тастаңыз
letter-items-not-list = «{ $path }» тармақтар тізімі болуы керек, ал жазылғаны — { $kind }
letter-items-not-list-help = әр тармақты жеке жолда `- ` белгісімен бастаңыз
letter-items-empty = «{ $path }» ішінде бірде-бір тармақ жоқ
letter-items-empty-help = `- ` жолымен кемінде бір тармақ қосыңыз немесе тізімді алып тастаңыз
letter-item-both = «{ $path }» ішінде `text` те, `paragraphs` те бар
letter-item-both-help = бір абзацтық тармақты `text:`, бірнеше абзацтықты `paragraphs:` деп жазыңыз, екеуін бірге емес
letter-items-deep = тармақтар ең көбі { $levels } деңгейге дейін кіріктіріледі (1., 2.1., 2.1.1.)
letter-items-deep-help = төртінші деңгейді өз тармағының мәтініне жазыңыз немесе жауапты қайта нөмірлеңіз
letter-paragraphs-not-list = «{ $path }» абзацтар тізімі болуы керек
letter-paragraphs-help = тармақтың әр абзацын жеке жолда `- ` белгісімен бастаңыз
letter-table-no-rows = «{ $path }» кестесінде жолдар жоқ
letter-table-rows-help = әр жолды ұяшықтар тізімі етіп жазыңыз: `- [г. Астана, 1 250, 1 410]`
letter-table-add-rows-help = `rows:` қосыңыз, әр жол — ұяшықтар тізімі: `- [г. Астана, 1 250, 1 410]`
letter-cells-not-list = «{ $path }» ұяшықтар тізімі болуы керек, ал жазылғаны — { $kind }
letter-cells-help = ұяшықтарды шаршы жақшада үтір арқылы жазыңыз: [г. Астана, 1 250, "12,8"]
letter-cells-empty = «{ $path }» ішінде ұяшықтар жоқ
letter-cells-count = «{ $path }» ішінде ұяшық саны { $cells }, ал кестедегі баған саны { $columns }
letter-cells-count-help = әр жолда `columns` ішіндегідей ұяшық саны болсын (бос ұяшық — "")
letter-cell-not-text = «{ $path }» ұяшық мәтіні болуы керек, ал жазылғаны — { $kind }
letter-cell-help = үтірі не жақшасы бар ұяшықты тырнақшаға алыңыз
letter-entries-count = «{ $path }» ішінде мән саны { $len }, ал кестедегі баған саны { $columns }
letter-entries-count-help = әр бағанға бір мән жазыңыз немесе өрісті алып тастаңыз
letter-not-list = «{ $path }» тізім болуы керек, ал жазылғаны — { $kind }
letter-align-help = әр баған үшін туралауды жазыңыз: [left, right, right]
letter-align-bad = «{ $path }» left, center немесе right болуы керек, ал жазылғаны — { $found }
letter-align-bad-help = left, center немесе right деп жазыңыз
letter-widths-help = әр бағанның салыстырмалы енін жазыңыз: [3, 1, 1]
letter-width-bad = «{ $path }» оң сан болуы керек, ал жазылғаны — { $found }
letter-width-bad-help = ендер салыстырмалы: [3, 1, 1] бірінші бағанды басқаларынан үш есе кең етеді
letter-signature-empty = «signature» — бос тізім
letter-signature-empty-help = қол қоюшыны `name: …` (және `position: …`) түрінде немесе осындай қол қоюшылар тізімі етіп жазыңыз
letter-signature-bad = «signature» өрістер жиыны немесе қол қоюшылар тізімі болуы керек, ал жазылғаны — { $kind }
letter-signature-bad-help = `signature:` деп жазып, астына `name: Е. Тугжанов` (және `position: …`) жазыңыз
letter-acting-position = «{ $path }» үшін қол қоюшы атқаратын лауазым керек
letter-acting-position-help = `position:` қосыңыз (орысша ілік септігінде: «вице-министра здравоохранения»)
letter-flag-bad = «{ $path }» true немесе false болуы керек, ал жазылғаны — { $kind }
letter-flag-help = `{ $field }: true` деп жазыңыз немесе өрісті алып тастаңыз
letter-defaults-not-path = «defaults» YAML файлының жолы болуы керек, ал жазылғаны — { $kind }
letter-defaults-not-path-help = файл атауын осы файлға қатысты жазыңыз, мысалы `defaults: ministry.yaml`
letter-defaults-deep = defaults файлдары ең көбі { $most } деңгейге дейін кіріктіріледі; бұл — { $nth }-ші: { $chain }
letter-defaults-deep-help = defaults файлдарының бір бөлігін біреуге біріктіріңіз
letter-defaults-missing = «{ $name }» defaults файлы жоқ (ізделген жол: { $path })
letter-defaults-missing-help = defaults файлының жолын осы файлға қатысты жазыңыз
letter-defaults-cycle = defaults файлдары бір-біріне шеңбер бойымен сілтейді: { $chain }
letter-defaults-cycle-help = defaults файлы өзін атайтын файлды тікелей не басқалар арқылы атамауы керек
letter-defaults-not-map = defaults файлы хат өрістерінен тұруы керек, ал онда — { $kind }
letter-defaults-not-map-help = хаттағыдай `өріс: мән` түріндегі жолдар жазыңыз
letter-column-unknown-near = белгісіз өріс «{ $field }» — «{ $suggestion }» деп жазу керек пе?
letter-column-unknown = белгісіз өріс «{ $field }»; өрістер: { $fields }
letter-column-blocks = «{ $head }» — блоктар тізімі, оны ұяшықтан алуға болмайды; оны хатта жазыңыз
letter-column-defaults = «defaults» жол сайын өзгере алмайды; defaults файлын хатта көрсетіңіз
letter-column-no-fields = «{ $head }» өрістері жоқ; бағанды «{ $head }» деп атаңыз
letter-column-mapping = «{ $head }» өрістерден тұрады; бағанды солардың бірімен атаңыз, мысалы «{ $example }»
letter-this-field-name = бұл өріс атауы
letter-this-value = бұл мән
letter-bidi-kind = бұл жазу бағытының таңбасы: соның кесірінен редактор мәтінді басылатын ретінен басқаша көрсетеді
letter-bidi-help = оны өшіріңіз: айналасындағы мәтінді қайта теріңіз
letter-invisible-kind = бұл көрінбейтін таңба: соның кесірінен мәтін көрінісінен өзгеше
letter-invisible-kind-help = оны өшіріңіз: айналасындағы мәтінді қайта теріңіз (немесе шынымен керек болса, `\u…` түрінде жазыңыз)
letter-hidden-char = { $what } ішінде { $index }-таңбада U+{ $code } бар: { $kind }
letter-homoglyph = «{ $name }» өріс атауындағы { $index }-әріп «{ $letter }» (U+{ $code }) латын әрпі емес: ол латынның «{ $twin }» әрпіне ұқсайды, бірақ басқа әріп
letter-homoglyph-help = өріс атауын латын (ағылшын) пернетақта тілінде қайта теріңіз
letter-tag = мән «{ $tag }» YAML тегімен белгіленген; хаттың мәндері — жай мәтін, жазылғандай басылады
letter-tag-help = тегті алып тастап, мәтіннің өзін жазыңыз
letter-warn-quote = «{ $name }» ішінде ағылшын тырнақшасы { $quote } бар, орыс және қазақ хаттарында ондай қолданылмайды
letter-warn-quote-help = тырнақшаны «…» түрінде жазыңыз (немесе тік "…" — бағдарлама оларды «…» етіп басады)
letter-warn-placeholder = «{ $name }» ішінде үлгі хаттың «{ $placeholder }» дайындамасы қалып қойған
letter-warn-placeholder-help = нақты мәнді жазыңыз немесе ондай мән жоқ болса, өрісті алып тастаңыз
letter-warn-date-order = жауап күні { $answer } сұрау күнінен { $inquiry } бұрын
letter-warn-date-order-help = outgoing.date пен inquiry.date тексеріңіз (ЖЖЖЖ-АА-КК түрінде жазылады)
letter-warn-kazakh-in-ru = «{ $name }» ішінде қазақ әрпі { $letter } бар, ал хатта `lang: ru` көрсетілген
letter-warn-kazakh-in-ru-help = хат қазақша болса, `lang: kk` деп жазыңыз (сонда жазулар мен тасымалдау қазақша болады); олай болмаса, сөзді орысша қайта теріңіз
letter-warn-russian-in-kk = хатта `lang: kk` көрсетілген, бірақ мәтінде бірде-бір қазақ әрпі жоқ (ә ғ қ ң ө ұ ү һ і): ол орысша оқылады
letter-warn-russian-in-kk-help = хат орысша болса, `lang: ru` деп жазыңыз (сонда жазулар мен тасымалдау орысша болады)
letter-cannot-read = хатты оқу мүмкін болмады: { $reason }
letter-cannot-read-help = файл атауын және файлдың бар-жоғын тексеріңіз
letter-is-folder = бұл хат файлы емес, қалта
letter-is-folder-help = .yaml хат файлын көрсетіңіз
letter-utf16 = хат UTF-8 емес, UTF-16 кодтауында сақталған
letter-utf8-help = файлды UTF-8 кодтауында сақтаңыз; көп редакторларда: Файл → Кодтаумен сақтау → UTF-8
letter-not-utf8 = хат UTF-8 кодтауында емес ({ $line }-жол, { $column }-позициядағы 0x{ $byte } байты)
letter-too-large-kib = хат файлы ең көбі { $most } КиБ болуы мүмкін; бұл — { $size } КиБ
letter-too-large-stream = хат файлы ең көбі { $most } КиБ болуы мүмкін; бұл одан үлкен
letter-too-large-help = мұндай көлемдегі хат — хат емес болуы ықтимал; файлды тексеріңіз
letter-empty-file = хат файлы бос
letter-empty-file-help = `zhauap init` пәрменінен бастаңыз — ол толтыруға арналған толық хат жасайды
letter-yaml-too-deep = хаттың кірістірілуі { $levels } деңгейден асады
letter-yaml-too-deep-help = хатқа үш деңгей жеткілікті (attachments → тармақ → name); артық кірістіруді алып тастаңыз
letter-yaml-too-many-values = хатта { $most }-ден көп мән бар (*атау сілтемелерін қоса)
letter-yaml-too-many-values-help = мұндай көлемдегі хат — хат емес болуы ықтимал; мәндерді сілтемемен (*атау) қайталамай, толық жазыңыз
letter-yaml-too-many-aliases = хатта сілтемелер (*атау) тым көп
letter-yaml-aliases-help = мәндерді сілтемемен (*атау) қайталамай, толық жазыңыз
letter-yaml-text-too-large = хат мәтіні *атау сілтемелерін қоса { $kib } КиБ-тан асады
letter-yaml-limit = хат YAML оқу шегінен асады{ $detail ->
        *[other] {""}
    }
letter-yaml-limit-help = хат — бірнеше өрістен тұратын бір YAML құжаты; файлды тексеріңіз
letter-yaml-duplicate = «{ $field }» өрісі екі рет жазылған
letter-yaml-duplicate-help = әр өріс бір рет жазылады; қайталанғанын өшіріңіз немесе біріктіріңіз
letter-yaml-merge-key = біріктіру кілті (<<) өрістерді файлдың басқа жерінен алады; хатта оған рұқсат жоқ
letter-yaml-merge-key-help = өрістерді керек жерінде жазыңыз, сонда хат басылатындай оқылады
letter-yaml-two-documents = файлда бірден көп YAML құжаты бар (`---` жолы келесісін бастайды)
letter-yaml-two-documents-help = хат — бір құжат: `---` жолын және одан кейінгінің бәрін өшіріңіз немесе файлды бөліңіз
letter-yaml-nested = хаттың кірістірілуі тым терең{ $detail ->
        *[other] {""}
    }
letter-yaml-nested-help = хатқа өрістердің үш деңгейі жеткілікті; артық кірістіруді алып тастаңыз
letter-yaml-tab = шегініс табуляциямен жасалған{ $detail ->
        *[other] {""}
    }
letter-yaml-tab-help = шегіністі табуляциямен емес, бос орынмен жасаңыз
letter-yaml-worded = { $what }{ $detail ->
        *[other] {""}
    }
letter-yaml-odd-character = мұнда болмауы керек таңба тұр
letter-yaml-colon = мәнде қос нүкте мен одан кейін бос орын бар: бұлай тек өріс атауы жазылады
letter-yaml-colon-help = «: » бар мәнді тырнақшаға алып, осы жолдың шегінісін тексеріңіз
letter-yaml-alias = ешбір жерде белгіленбеген (&атау) мәнге сілтеме (*атау)
letter-yaml-escape = қос тырнақшада кері қиғаш сызықтан \ кейін белгісіз таңба
letter-yaml-escape-help = қос тырнақша ішінде кері қиғаш сызықты \\ деп жазыңыз немесе мәтінді дара тырнақшаға алыңыз
letter-yaml-after-quote = жабатын тырнақшадан кейін тағы мәтін бар
letter-yaml-after-quote-help = бүкіл мәнді тырнақшаға алыңыз немесе сыртқы тырнақшасыз жазыңыз (мәтін ішіндегі тырнақшалар жазылғандай басылады)
letter-yaml-no-colon = өріс атауынан кейін қос нүкте жоқ
letter-yaml-no-colon-help = өрісті `атау: мән` түрінде жазыңыз — атаудан кейін қос нүкте мен бос орын
letter-yaml-unclosed = жақша немесе тырнақша жабылмаған
letter-yaml-unclosed-help = осы жолдан немесе жоғарыдан жабылмаған [ ], {"{"} {"}"} жақшасын не тырнақшаны табыңыз
letter-yaml-expected-field = мұнда `атау: мән` түріндегі өріс күтілген
letter-yaml-syntax = мұнда YAML жазылуы бұзылған
letter-yaml-syntax-help = осы жердегі жазуды түзетіңіз (өріс `атау: мән` түрінде жазылады)
letter-yaml-unclosed-quote = тырнақша ашылған, бірақ жабылмаған
letter-yaml-unclosed-quote-help = оны мәннің соңында осы жолда жабыңыз ({ $quote }…{ $quote }) немесе алып тастаңыз; ұзын мәтін `>-` блогымен жазылады
letter-yaml-unclosed-bracket = { $bracket } жақшасы ашылған, бірақ осы жолда жабылмаған
letter-yaml-unclosed-bracket-help = оны мәннің соңында { $bracket } белгісімен жабыңыз немесе жақшаларды алып тастаңыз
letter-yaml-over-indented = өріс артық шегініспен жазылған
letter-yaml-over-indented-help = оны жоғарыдағы өріс сияқты { $column }-позициядан бастаңыз
letter-yaml-misindented = өріс қате шегініспен жазылған: ол көршілес өрістердің шегінісіне сәйкес емес
letter-yaml-misindented-help = оны жоғарыдағы өріс сияқты { $column }-позициядан немесе өзі кіретін өрістің позициясынан бастаңыз
letter-value-too-long = бұл мәнде { $n } таңба бар; бір мәнде ең көбі { $most } таңба болуы мүмкін (шамамен 30 бет)
letter-value-too-long-help = оны абзацтарға бөліңіз: жауап абзацы — бірнеше жүз таңба
letter-uncovered-char = «{ $character }» (U+{ $code }) таңбасын басып шығаруға болмайды: ол бағдарламаның ешбір қарпінде жоқ
letter-uncovered-char-help = оны өшіріңіз немесе кирилл не латын әліпбиінің таңбасымен ауыстырыңыз
