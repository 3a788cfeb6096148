### Checking a letter: fields, values, YAML mistakes, warnings.

letter-comment-cut = «{ $path }» обрезано: `{ $comment }` после значения считается комментарием и не будет напечатано
letter-comment-cut-help = возьмите весь текст в кавычки или напишите его блоком `>-` на следующих строках; если это комментарий, удалите его
letter-dash-joined = текст «{ $path }» продолжается в этой строке, поэтому «{ $line }» будет напечатано внутри этого текста, а не отдельным пунктом: строка написана с большим отступом, чем пункт выше, и YAML считает её продолжением текста
letter-dash-joined-help = чтобы это был отдельный пункт, начните его дефис с { $column }-й позиции, под дефисом пункта выше; если дефис — часть текста, возьмите весь текст в кавычки или напишите его блоком `>-`
letter-dash-joined-help-free = если это пункт, перенесите его к остальным пунктам и начните его дефис под их дефисами; если дефис — часть текста, возьмите весь текст в кавычки или напишите его блоком `>-`
letter-yaml-item-out-of-line = этот пункт написан не на одной линии с пунктом выше, и YAML не может понять, к какому списку он относится
letter-yaml-item-out-of-line-help = начните его дефис с { $column }-й позиции, под дефисом пункта выше
letter-the-letter = письмо
letter-quoted-path = «{ $path }»
letter-not-mapping = { $what }: здесь ожидаются поля вида `поле: значение`, а написано { $kind }
letter-not-mapping-help = напишите строки вида `поле: значение`; здесь бывают поля: { $fields }
letter-rename-field = переименуйте поле в «{ $suggestion }»
letter-allowed-fields = здесь допустимы поля: { $fields }
letter-unknown-field-near = неизвестное поле «{ $field }» — может быть, имелось в виду «{ $suggestion }»?
letter-unknown-field = неизвестное поле «{ $field }»
letter-missing-in-letter = в письме нет обязательного поля «{ $field }»
letter-missing-in = в «{ $parent }» нет обязательного поля «{ $field }»
letter-missing-help = добавьте его, например: { $example }
letter-not-text = «{ $path }» должно быть текстом, а написано { $kind }
letter-not-text-help = напишите текст после двоеточия; если он похож на что-то другое, возьмите его в кавычки
letter-control-char = в «{ $path }» есть управляющий символ U+{ $code }, его нельзя напечатать
letter-invisible-help = удалите невидимый символ (наберите текст вокруг него заново)
letter-empty = «{ $path }» пусто
letter-empty-help = напишите текст или уберите поле, если оно необязательное
letter-not-date = «{ $path }» должно быть датой, а написано { $kind }
letter-date-help = напишите дату в виде ГГГГ-ММ-ДД, например 2020-04-22
letter-date-help-exact = напишите дату в виде ГГГГ-ММ-ДД: { $date }
letter-year-range = «{ $path }»: год { $year } не между { $first } и { $last }
letter-year-help = проверьте год; дата пишется в виде ГГГГ-ММ-ДД, например 2020-04-22
letter-date-why = «{ $path }»: { $why }
letter-count-large = «{ $path }» равно { $n }; правдоподобно не больше { $most }
letter-count-large-help = проверьте число: пересчитайте листы (экземпляры) приложения
letter-count-bad = «{ $path }» должно быть целым числом от 1, а написано { $found }
letter-count-bad-help = напишите число, например 3
letter-quoted-value = «{ $value }»
letter-not-read = письмо не удалось прочитать
letter-lang-kz-help = казахский язык обозначается `kk` (ISO 639-1)
letter-lang-help = напишите `lang: ru` или `lang: kk`
letter-lang-bad = «lang» должно быть ru или kk, а написано { $found }
letter-template-bad = «template» должно быть названием шаблона, а написано «{ $found }»
letter-template-help = название состоит из латинских букв, цифр и дефисов, например «deputy-reply»
letter-addressee-empty = «addressee» пусто
letter-addressee-help = напишите адресата: каждая строка файла — строка письма
letter-attachments-not-list = «attachments» должно быть списком, а написано { $kind }
letter-attachments-help = напишите каждое приложение как `- name: …` с `sheets: N`
letter-kind-null = пустое значение
letter-kind-bool = да/нет (true/false)
letter-kind-number = число
letter-kind-text = текст
letter-kind-list = список
letter-kind-map = набор полей
letter-key-not-text = имя поля должно быть простым текстом, а не списком или набором полей
letter-binary = двоичные значения в письме недопустимы
letter-date-form = «{ $text }» — не дата в виде ГГГГ-ММ-ДД (например 2020-04-22)
letter-date-month = в «{ $text }» месяц { $month }; месяцы — от 01 до 12
letter-date-day = «{ $text }» — не дата: в { $month ->
        [1] январе
        [2] феврале
        [3] марте
        [4] апреле
        [5] мае
        [6] июне
        [7] июле
        [8] августе
        [9] сентябре
        [10] октябре
        [11] ноябре
        *[12] декабре
    } { $year } года { $days } { $days ->
        [one] день
        [few] дня
        *[other] дней
    }
letter-body-help = начинайте каждый блок с `- ` на отдельной строке: текст абзаца, `items:` или `table:`
letter-body-empty = в «body» нет ни одного абзаца
letter-body-empty-help = добавьте хотя бы один абзац строкой `- `
letter-body-single = «body» должно быть списком абзацев, а написан один текст
letter-body-single-help = начинайте каждый абзац с `- ` на отдельной строке
letter-body-not-list = «body» должно быть списком абзацев, а написано { $kind }
letter-block-many = в «{ $path }» больше одного блока
letter-block-many-help = блок — это один `items:` или одна `table:`; следующий начинайте со своего `- `
letter-block-empty = «{ $path }» пусто
letter-block-empty-help = напишите под ним список, по одному `- ` на строку, или уберите блок
letter-items-not-list = «{ $path }» должно быть списком пунктов, а написано { $kind }
letter-items-not-list-help = начинайте каждый пункт с `- ` на отдельной строке
letter-items-empty = в «{ $path }» нет ни одного пункта
letter-items-empty-help = добавьте хотя бы один пункт строкой `- ` или уберите список
letter-item-both = в «{ $path }» есть и `text`, и `paragraphs`
letter-item-both-help = пункт из одного абзаца пишите как `text:`, из нескольких — как `paragraphs:`, но не оба сразу
letter-items-deep = пункты вкладываются не глубже { $levels } уровней (1., 2.1., 2.1.1.)
letter-items-deep-help = напишите четвёртый уровень в тексте своего пункта или перенумеруйте ответ
letter-paragraphs-not-list = «{ $path }» должно быть списком абзацев
letter-paragraphs-help = начинайте каждый абзац пункта с `- ` на отдельной строке
letter-table-no-rows = в таблице «{ $path }» нет строк
letter-table-rows-help = напишите каждую строку списком ячеек: `- [г. Астана, 1 250, 1 410]`
letter-table-add-rows-help = добавьте `rows:`, каждая строка — список ячеек: `- [г. Астана, 1 250, 1 410]`
letter-cells-not-list = «{ $path }» должно быть списком ячеек, а написано { $kind }
letter-cells-help = напишите ячейки в квадратных скобках через запятую: [г. Астана, 1 250, "12,8"]
letter-cells-empty = в «{ $path }» нет ячеек
letter-cells-count = в «{ $path }» ячеек: { $cells }, а столбцов в таблице: { $columns }
letter-cells-count-help = в каждой строке должно быть столько ячеек, сколько в `columns` (пустая ячейка — "")
letter-cell-not-text = «{ $path }» должно быть текстом ячейки, а написано { $kind }
letter-cell-help = ячейку с запятой или скобками возьмите в кавычки
letter-entries-count = в «{ $path }» значений: { $len }, а столбцов в таблице: { $columns }
letter-entries-count-help = укажите по одному значению на столбец или уберите поле
letter-not-list = «{ $path }» должно быть списком, а написано { $kind }
letter-align-help = укажите выравнивание для каждого столбца: [left, right, right]
letter-align-bad = «{ $path }» должно быть left, center или right, а написано { $found }
letter-align-bad-help = напишите left, center или right
letter-widths-help = укажите относительную ширину каждого столбца: [3, 1, 1]
letter-width-bad = «{ $path }» должно быть положительным числом, а написано { $found }
letter-width-bad-help = ширины относительные: [3, 1, 1] делает первый столбец втрое шире остальных
letter-signature-empty = «signature» — пустой список
letter-signature-empty-help = укажите подписывающего как `name: …` (и `position: …`) или список таких подписывающих
letter-signature-bad = «signature» должно быть набором полей или списком подписывающих, а написано { $kind }
letter-signature-bad-help = напишите `signature:`, а под ним `name: Е. Тугжанов` (и `position: …`)
letter-acting-position = для «{ $path }» нужна должность, которую исполняет подписывающий
letter-acting-position-help = добавьте `position:` (в родительном падеже: «вице-министра здравоохранения»)
letter-flag-bad = «{ $path }» должно быть true или false, а написано { $kind }
letter-flag-help = напишите `{ $field }: true` или уберите поле
letter-defaults-not-path = «defaults» должно быть путём к YAML-файлу, а написано { $kind }
letter-defaults-not-path-help = напишите имя файла относительно этого файла, например `defaults: ministry.yaml`
letter-defaults-deep = файлы defaults вкладываются не глубже { $most } уровней; этот — { $nth }-й: { $chain }
letter-defaults-deep-help = объедините часть файлов defaults в один
letter-defaults-missing = файла defaults «{ $name }» нет (искали { $path })
letter-defaults-missing-help = укажите путь к файлу defaults относительно этого файла
letter-defaults-cycle = файлы defaults ссылаются друг на друга по кругу: { $chain }
letter-defaults-cycle-help = файл defaults не должен называть — прямо или через другие — файл, который называет его
letter-defaults-not-map = файл defaults должен состоять из полей письма, а в нём { $kind }
letter-defaults-not-map-help = напишите строки вида `поле: значение`, как в письме
letter-column-unknown-near = неизвестное поле «{ $field }» — может быть, имелось в виду «{ $suggestion }»?
letter-column-unknown = неизвестное поле «{ $field }»; поля: { $fields }
letter-column-blocks = «{ $head }» — список блоков, его нельзя взять из ячейки; напишите его в письме
letter-column-defaults = «defaults» не может меняться от строки к строке; укажите файл defaults в письме
letter-column-no-fields = у «{ $head }» нет полей; назовите столбец «{ $head }»
letter-column-mapping = «{ $head }» состоит из полей; назовите столбец одним из них, например «{ $example }»
letter-this-field-name = это имя поля
letter-this-value = это значение
letter-bidi-kind = это знак направления письма: из-за него редактор показывает текст не в том порядке, в каком он будет напечатан
letter-bidi-help = удалите его: наберите текст вокруг заново
letter-invisible-kind = это невидимый символ: из-за него текст отличается от того, как он выглядит
letter-invisible-kind-help = удалите его: наберите текст вокруг заново (или запишите его как `\u…`, если он действительно нужен)
letter-hidden-char = { $what } содержит U+{ $code } в { $index }-м символе: { $kind }
letter-homoglyph = в имени поля «{ $name }» { $index }-я буква «{ $letter }» (U+{ $code }) не латинская: она похожа на латинскую «{ $twin }», но это другая буква
letter-homoglyph-help = наберите имя поля заново в латинской (английской) раскладке
letter-tag = значение помечено тегом YAML «{ $tag }»; значения письма — простой текст, печатается как написан
letter-tag-help = уберите тег и напишите сам текст
letter-warn-quote = в «{ $name }» английская кавычка { $quote }, в русском и казахском письме такие не используются
letter-warn-quote-help = пишите кавычки «…» (или прямые "…" — программа напечатает их как «…»)
letter-warn-placeholder = в «{ $name }» осталась заготовка из образца письма: «{ $placeholder }»
letter-warn-placeholder-help = напишите настоящее значение или уберите поле, если его нет
letter-warn-date-order = дата ответа { $answer } раньше даты запроса { $inquiry }
letter-warn-date-order-help = проверьте outgoing.date и inquiry.date (пишутся ГГГГ-ММ-ДД)
letter-warn-kazakh-in-ru = в «{ $name }» казахская буква { $letter }, а в письме указано `lang: ru`
letter-warn-kazakh-in-ru-help = если письмо на казахском, напишите `lang: kk` (тогда подписи и переносы будут казахскими); если нет, наберите слово по-русски
letter-warn-russian-in-kk = в письме указано `lang: kk`, но в тексте нет ни одной казахской буквы (ә ғ қ ң ө ұ ү һ і): он читается как русский
letter-warn-russian-in-kk-help = если письмо на русском, напишите `lang: ru` (тогда подписи и переносы будут русскими)
letter-cannot-read = не удалось прочитать письмо: { $reason }
letter-cannot-read-help = проверьте имя файла и что файл существует
letter-is-folder = это папка, а не файл письма
letter-is-folder-help = укажите файл письма .yaml
letter-utf16 = письмо сохранено в кодировке UTF-16, а не UTF-8
letter-utf8-help = сохраните файл в кодировке UTF-8; в большинстве редакторов: Файл → Сохранить с кодировкой → UTF-8
letter-not-utf8 = письмо не в кодировке UTF-8 (байт 0x{ $byte } в строке { $line }, позиция { $column })
letter-too-large-kib = файл письма может быть не больше { $most } КиБ; этот — { $size } КиБ
letter-too-large-stream = файл письма может быть не больше { $most } КиБ; этот больше
letter-too-large-help = письмо такого размера — почти наверняка не письмо; проверьте файл
letter-empty-file = файл письма пуст
letter-empty-file-help = начните с `zhauap init` — он создаст полное письмо для заполнения
letter-yaml-too-deep = вложенность письма больше { $levels } уровней
letter-yaml-too-deep-help = письму хватает трёх уровней (attachments → пункт → name); уберите лишнюю вложенность
letter-yaml-too-many-values = в письме больше { $most } значений (с учётом ссылок *имя)
letter-yaml-too-many-values-help = письмо такого размера — почти наверняка не письмо; пишите значения полностью, а не повторяйте их ссылками (*имя)
letter-yaml-too-many-aliases = в письме слишком много ссылок (*имя)
letter-yaml-aliases-help = пишите значения полностью, а не повторяйте их ссылками (*имя)
letter-yaml-text-too-large = текст письма с учётом ссылок *имя больше { $kib } КиБ
letter-yaml-limit = письмо превышает ограничение чтения YAML{ $detail ->
        *[other] {""}
    }
letter-yaml-limit-help = письмо — это один документ YAML из нескольких полей; проверьте файл
letter-yaml-duplicate = поле «{ $field }» написано дважды
letter-yaml-duplicate-help = каждое поле пишется один раз; удалите повтор или объедините их
letter-yaml-merge-key = ключ слияния (<<) берёт поля из другого места файла; в письме он недопустим
letter-yaml-merge-key-help = напишите поля там, где они нужны, чтобы письмо читалось так, как будет напечатано
letter-yaml-two-documents = в файле больше одного документа YAML (строка `---` начинает следующий)
letter-yaml-two-documents-help = письмо — один документ: удалите строку `---` и всё после неё или разделите файл
letter-yaml-nested = вложенность письма слишком глубокая{ $detail ->
        *[other] {""}
    }
letter-yaml-nested-help = письму хватает трёх уровней полей; уберите лишнюю вложенность
letter-yaml-tab = отступ сделан табуляцией{ $detail ->
        *[other] {""}
    }
letter-yaml-tab-help = делайте отступы пробелами, а не табуляцией
letter-yaml-worded = { $what }{ $detail ->
        *[other] {""}
    }
letter-yaml-odd-character = здесь символ, которого не должно быть
letter-yaml-colon = в значении есть двоеточие с пробелом после него: так пишется только имя поля
letter-yaml-colon-help = возьмите значение с «: » в кавычки и проверьте отступ этой строки
letter-yaml-alias = ссылка (*имя) на значение, которое нигде не помечено (&имя)
letter-yaml-escape = в двойных кавычках после обратной косой черты \ неизвестный знак
letter-yaml-escape-help = внутри двойных кавычек обратную косую черту пишите как \\ или возьмите текст в одинарные кавычки
letter-yaml-after-quote = после закрывающей кавычки ещё есть текст
letter-yaml-after-quote-help = возьмите в кавычки всё значение или напишите его без внешних кавычек (кавычки внутри текста печатаются как написаны)
letter-yaml-no-colon = после имени поля нет двоеточия
letter-yaml-no-colon-help = напишите поле как `имя: значение` — двоеточие и пробел после имени
letter-yaml-unclosed = не закрыта скобка или кавычка
letter-yaml-unclosed-help = найдите незакрытую скобку [ ], {"{"} {"}"} или кавычку на этой строке или выше
letter-yaml-expected-field = здесь ожидалось поле вида `имя: значение`
letter-yaml-syntax = здесь нарушена запись YAML
letter-yaml-syntax-help = исправьте запись в этом месте (поле пишется как `имя: значение`)
letter-yaml-unclosed-quote = кавычка открыта, но не закрыта
letter-yaml-unclosed-quote-help = закройте её в конце значения на этой же строке ({ $quote }…{ $quote }) или уберите; длинный текст пишут блоком `>-`
letter-yaml-unclosed-bracket = скобка { $bracket } открыта, но не закрыта на этой строке
letter-yaml-unclosed-bracket-help = закройте её знаком { $bracket } в конце значения или уберите скобки
letter-yaml-over-indented = поле написано с лишним отступом
letter-yaml-over-indented-help = начните его с { $column }-й позиции, как поле выше
letter-yaml-misindented = поле написано с неверным отступом: он не совпадает с отступом соседних полей
letter-yaml-misindented-help = начните его с { $column }-й позиции, как поле выше, или с позиции поля, в которое оно входит
letter-value-too-long = в этом значении { $n } знаков; в одном значении может быть не больше { $most } (около 30 страниц)
letter-value-too-long-help = разбейте его на абзацы: абзац ответа — несколько сотен знаков
letter-uncovered-char = символ «{ $character }» (U+{ $code }) нельзя напечатать: его нет ни в одном шрифте программы
letter-uncovered-char-help = удалите его или замените знаком кириллицы или латиницы
