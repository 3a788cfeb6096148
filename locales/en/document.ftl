### The letter markup a template prints (src/document/).
# Markup, block names, attributes and values are written as in the markup.

## Blocks and attributes (src/document/build.rs).
document-unknown-block = unknown block [{ $name }]
document-unknown-block-help = blocks are: document, { $names }
document-lang-mismatch = [document lang="{ $code }"] does not match the letter's language, '{ $lang }'
document-lang-mismatch-help = write the letter's language, { $example }: a template must not print one language's labels around another's text
document-lang-unknown = [document lang="{ $code }"] is not a language zhauap sets
document-lang-unknown-help = write lang="ru" or lang="kk" (the ISO 639-1 codes), or { $example }
document-bad-date = [document date="{ $date }"] is not a date in the form YYYY-MM-DD
document-bad-date-help = write the date as the letter gives it: { $example }
document-bad-flag = [{ $name } { $key }="{ $value }"]: { $key } is true or false
document-bad-flag-help = write { $key }="true" or leave the attribute out
document-bad-align = [{ $name } align="{ $value }"] is not an alignment
document-bad-align-help = align is one of left, center, right, justify
document-unknown-attribute = unknown attribute '{ $key }' on [{ $name }]
document-unknown-attribute-help = [{ $name }] takes: { $allowed }
document-outside-table = [{ $name }] outside a [table]
document-outside-table-help = write [caption], [row] and [cell] after a [table] header

## Block headers (src/document/markup.rs).
document-bad-header = bad block header: { $why }
document-bad-header-help = write headers as [kind key="value"], escaping " and ] inside values with \
document-text-before-block = text before the first block
document-text-before-block-help = start the markup with a block header such as [paragraph]
document-header-no-name = a block name must follow '['
document-header-unclosed = missing closing ']'
document-header-trailing = unexpected text after ']': '{ $rest }'
document-header-unexpected = unexpected '{ $char }'
document-header-attribute-form = attribute '{ $key }' must be written { $key }="value"
document-header-unclosed-quote = unclosed quote in attribute '{ $key }'

## Answer items (src/document/list.rs).
document-item-no-level = [item] needs level="1", "2" or "3"
document-item-bad-level = [item] level="{ $value }" is not 1, 2 or 3
document-item-bad-level-help = write level="1" for «1.», "2" for «2.1.», "3" for «2.1.1.»
document-item-skipped-level = [item] of level { $level } has no item of level { $above } above it
document-item-skipped-level-help = start a list with a level 1 item and go down one level at a time
document-item-nothing-to-continue = [item] of level { $level } without a number continues an item, but there is none of that level before it
document-item-nothing-to-continue-help = give the first paragraph of an item its number="…"
document-item-empty = [item] has no text
document-item-empty-help = write the item's text on the lines after its header

## Tables (src/document/table.rs).
document-table-bad-width = [table] width "{ $width }" is not a positive number
document-table-bad-width-help = write widths as relative numbers, e.g. widths="3 1 1"
document-table-bad-align = [table] align "{ $align }" is not left, center or right
document-table-bad-align-help = write e.g. align="left right right"
document-table-columns-disagree = [table] has { $widths } widths but { $align } alignments: they give one value per column
document-table-columns-disagree-help = give widths and align one value per column
document-table-cell-count = [row] has { $cells } { $cells ->
        [one] cell
       *[other] cells
    } but the table has { $columns } { $columns ->
        [one] column
       *[other] columns
    }
document-table-cell-count-help = write one [cell] per column in every [row]; an empty cell is a [cell] with no text
document-table-late-header = a header [row] comes after the table's body rows
document-table-row-after-total = a [row] comes after the total row
document-table-row-order-help = write the header row first and the total row last: [row header="true"] … [row] … [row total="true"]
document-table-late-caption = [caption] comes after the table's rows
document-table-late-caption-help = write [caption] right after [table]
document-table-cell-outside-row = [cell] before the table's first [row]
document-table-cell-outside-row-help = start every row with [row]
document-table-no-rows = [table] has no rows
document-table-no-rows-help = give the table at least one [row] that is not the header
