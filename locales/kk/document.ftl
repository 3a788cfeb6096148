### The letter markup a template prints (src/document/).
# Markup, block names, attributes and values are written as in the markup.

## Blocks and attributes (src/document/build.rs).
document-unknown-block = белгісіз блок «[{ $name }]»
document-unknown-block-help = мына блоктар бар: «document, { $names }»
document-lang-mismatch = «[document lang="{ $code }"]» хаттың тіліне, «{ $lang }», сәйкес келмейді
document-lang-mismatch-help = хаттың тілін жазыңыз, «{ $example }»: үлгі бір тілдегі мәтіннің айналасына басқа тілдегі белгілерді басып шығармауы керек
document-lang-unknown = «[document lang="{ $code }"]» — zhauap хат теретін тіл емес
document-lang-unknown-help = «lang="ru"» немесе «lang="kk"» (ISO 639-1 кодтары) не «{ $example }» деп жазыңыз
document-bad-date = «[document date="{ $date }"]» — ЖЖЖЖ-АА-КК түріндегі күн емес
document-bad-date-help = күнді хат бергендей жазыңыз: «{ $example }»
document-bad-flag = «[{ $name } { $key }="{ $value }"]»: «{ $key }» мәні — «true» немесе «false»
document-bad-flag-help = «{ $key }="true"» деп жазыңыз немесе бұл атрибутты алып тастаңыз
document-bad-align = «[{ $name } align="{ $value }"]» — туралау тәсілі емес
document-bad-align-help = «align» мына мәндердің бірін алады: «left, center, right, justify»
document-unknown-attribute = «[{ $name }]» блогында белгісіз «{ $key }» атрибуты
document-unknown-attribute-help = «[{ $name }]» блогының атрибуттары: «{ $allowed }»
document-outside-table = «[{ $name }]» «[table]» кестесінен тыс тұр
document-outside-table-help = «[caption]», «[row]» және «[cell]» блоктарын «[table]» тақырыбынан кейін жазыңыз

## Block headers (src/document/markup.rs).
document-bad-header = блок тақырыбы қате: { $why }
document-bad-header-help = тақырыптарды «[kind key="value"]» түрінде жазыңыз; мән ішіндегі тырнақша мен «]» алдына кері қиғаш сызық «\» қойыңыз
document-text-before-block = бірінші блоктың алдында мәтін тұр
document-text-before-block-help = белгілеуді блок тақырыбынан бастаңыз, мысалы «[paragraph]»
document-header-no-name = «[» белгісінен кейін блоктың атауы тұруы керек
document-header-unclosed = жабатын «]» жоқ
document-header-trailing = «]» белгісінен кейін артық мәтін: «{ $rest }»
document-header-unexpected = күтпеген белгі «{ $char }»
document-header-attribute-form = «{ $key }» атрибуты былай жазылады: «{ $key }="мән"»
document-header-unclosed-quote = «{ $key }» атрибутында тырнақша ашылған, бірақ жабылмаған

## Answer items (src/document/list.rs).
document-item-no-level = «[item]» блогына «level="1"», «"2"» немесе «"3"» керек
document-item-bad-level = «[item]» блогындағы «level="{ $value }"» — 1, 2 не 3 емес
document-item-bad-level-help = «1.» үшін «level="1"», «2.1.» үшін «"2"», «2.1.1.» үшін «"3"» деп жазыңыз
document-item-skipped-level = { $level }-деңгейлі «[item]» тармағының үстінде { $above }-деңгейлі тармақ жоқ
document-item-skipped-level-help = тізімді 1-деңгейлі тармақтан бастап, бір-бір деңгейден төмендеңіз
document-item-nothing-to-continue = нөмірсіз { $level }-деңгейлі «[item]» тармақты жалғастырады, бірақ оның алдында осы деңгейдің тармағы жоқ
document-item-nothing-to-continue-help = тармақтың бірінші абзацына нөмірін беріңіз: «number="…"»
document-item-empty = «[item]» блогында мәтін жоқ
document-item-empty-help = тармақтың мәтінін оның тақырыбынан кейінгі жолдарға жазыңыз

## Tables (src/document/table.rs).
document-table-bad-width = «[table]» кестесіндегі «{ $width }» ені оң сан емес
document-table-bad-width-help = енін салыстырмалы сандармен жазыңыз, мысалы «widths="3 1 1"»
document-table-bad-align = «[table]» кестесіндегі «{ $align }» туралауы «left», «center» не «right» емес
document-table-bad-align-help = мысалы, «align="left right right"» деп жазыңыз
document-table-columns-disagree = «[table]» кестесінде { $widths } ен, бірақ { $align } туралау бар: екеуі де әр бағанға бір мәннен беріледі
document-table-columns-disagree-help = «widths» пен «align» үшін әр бағанға бір мәннен беріңіз
document-table-cell-count = «[row]» жолында { $cells } ұяшық, ал кестеде { $columns } баған бар
document-table-cell-count-help = әр «[row]» жолына әр бағанға бір «[cell]» жазыңыз; бос ұяшық — мәтінсіз «[cell]»
document-table-late-header = тақырып жолы «[row]» кестенің негізгі жолдарынан кейін тұр
document-table-row-after-total = «[row]» жолы қорытынды жолдан кейін тұр
document-table-row-order-help = тақырып жолын бірінші, қорытынды жолды соңғы жазыңыз: «[row header="true"] … [row] … [row total="true"]»
document-table-late-caption = «[caption]» кесте жолдарынан кейін тұр
document-table-late-caption-help = «[caption]» блогын «[table]» блогынан кейін бірден жазыңыз
document-table-cell-outside-row = «[cell]» кестенің бірінші «[row]» жолының алдында тұр
document-table-cell-outside-row-help = әр жолды «[row]» блогынан бастаңыз
document-table-no-rows = «[table]» кестесінде жол жоқ
document-table-no-rows-help = кестеге тақырып жолынан басқа кемінде бір «[row]» жолын беріңіз
