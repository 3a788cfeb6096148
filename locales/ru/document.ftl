### The letter markup a template prints (src/document/).
# Markup, block names, attributes and values are written as in the markup.

## Blocks and attributes (src/document/build.rs).
document-unknown-block = неизвестный блок «[{ $name }]»
document-unknown-block-help = есть такие блоки: «document, { $names }»
document-lang-mismatch = «[document lang="{ $code }"]» не совпадает с языком письма «{ $lang }»
document-lang-mismatch-help = напишите язык письма, «{ $example }»: шаблон не должен печатать подписи на одном языке вокруг текста на другом
document-lang-unknown = «[document lang="{ $code }"]» — не тот язык, на котором zhauap набирает письма
document-lang-unknown-help = напишите «lang="ru"» или «lang="kk"» (коды ISO 639-1) либо «{ $example }»
document-bad-date = «[document date="{ $date }"]» — не дата вида ГГГГ-ММ-ДД
document-bad-date-help = напишите дату так, как её даёт письмо: «{ $example }»
document-bad-flag = «[{ $name } { $key }="{ $value }"]»: значение «{ $key }» — «true» или «false»
document-bad-flag-help = напишите «{ $key }="true"» или уберите этот атрибут
document-bad-align = «[{ $name } align="{ $value }"]» — не способ выравнивания
document-bad-align-help = «align» принимает одно из значений: «left, center, right, justify»
document-unknown-attribute = неизвестный атрибут «{ $key }» у блока «[{ $name }]»
document-unknown-attribute-help = у блока «[{ $name }]» есть атрибуты: «{ $allowed }»
document-outside-table = «[{ $name }]» стоит вне таблицы «[table]»
document-outside-table-help = пишите «[caption]», «[row]» и «[cell]» после заголовка «[table]»

## Block headers (src/document/markup.rs).
document-bad-header = неверный заголовок блока: { $why }
document-bad-header-help = пишите заголовки в виде «[kind key="value"]»; кавычку и «]» внутри значения предваряйте обратной косой чертой «\»
document-text-before-block = текст перед первым блоком
document-text-before-block-help = начните разметку с заголовка блока, например «[paragraph]»
document-header-no-name = после «[» должно идти имя блока
document-header-unclosed = нет закрывающей «]»
document-header-trailing = лишний текст после «]»: «{ $rest }»
document-header-unexpected = неожиданный знак «{ $char }»
document-header-attribute-form = атрибут «{ $key }» пишется так: «{ $key }="значение"»
document-header-unclosed-quote = в атрибуте «{ $key }» кавычка открыта, но не закрыта

## Answer items (src/document/list.rs).
document-item-no-level = у «[item]» должен быть «level="1"», «"2"» или «"3"»
document-item-bad-level = у «[item]» «level="{ $value }"» — не 1, 2 и не 3
document-item-bad-level-help = пишите «level="1"» для «1.», «"2"» для «2.1.», «"3"» для «2.1.1.»
document-item-skipped-level = над пунктом «[item]» уровня { $level } нет пункта уровня { $above }
document-item-skipped-level-help = начинайте список с пункта уровня 1 и спускайтесь на один уровень за раз
document-item-nothing-to-continue = «[item]» уровня { $level } без номера продолжает пункт, но пункта этого уровня перед ним нет
document-item-nothing-to-continue-help = дайте первому абзацу пункта его номер: «number="…"»
document-item-empty = у «[item]» нет текста
document-item-empty-help = напишите текст пункта на строках после его заголовка

## Tables (src/document/table.rs).
document-table-bad-width = у «[table]» ширина «{ $width }» — не положительное число
document-table-bad-width-help = пишите ширины относительными числами, например «widths="3 1 1"»
document-table-bad-align = у «[table]» выравнивание «{ $align }» — не «left», «center» и не «right»
document-table-bad-align-help = пишите, например, «align="left right right"»
document-table-columns-disagree = у «[table]» { $widths } { $widths ->
        [one] ширина
        [few] ширины
       *[many] ширин
    }, но { $align } { $align ->
        [one] выравнивание
        [few] выравнивания
       *[many] выравниваний
    }: и то и другое задаётся по одному значению на столбец
document-table-columns-disagree-help = дайте «widths» и «align» по одному значению на каждый столбец
document-table-cell-count = в строке «[row]» { $cells } { $cells ->
        [one] ячейка
        [few] ячейки
       *[many] ячеек
    }, а в таблице { $columns } { $columns ->
        [one] столбец
        [few] столбца
       *[many] столбцов
    }
document-table-cell-count-help = пишите в каждой «[row]» по одной «[cell]» на столбец; пустая ячейка — это «[cell]» без текста
document-table-late-header = строка заголовка «[row]» стоит после строк тела таблицы
document-table-row-after-total = строка «[row]» стоит после итоговой строки
document-table-row-order-help = пишите строку заголовка первой, а итоговую последней: «[row header="true"] … [row] … [row total="true"]»
document-table-late-caption = «[caption]» стоит после строк таблицы
document-table-late-caption-help = пишите «[caption]» сразу после «[table]»
document-table-cell-outside-row = «[cell]» стоит перед первой строкой таблицы «[row]»
document-table-cell-outside-row-help = начинайте каждую строку с «[row]»
document-table-no-rows = в таблице «[table]» нет строк
document-table-no-rows-help = дайте таблице хотя бы одну строку «[row]», кроме строки заголовка
