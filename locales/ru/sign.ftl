### Подписи: zhauap verify и zhauap card (src/sign/, src/card/, src/cli/verify.rs, card.rs).

## Что verify печатает о каждом подписанте.
sign-signer-title = { $file }, подписант { $number }: { $name }
sign-iin = ИИН { $iin }
sign-bin = БИН { $bin }
sign-certificate = сертификат { $serial }, выдан: { $issuer }, действует { $from } – { $to } UTC
sign-signed-at = подписано { $time } UTC, алгоритм { $algorithm }, { $digest }
sign-signed-no-time = подписано (время подписания не указано), алгоритм { $algorithm }, { $digest }
sign-outcome-valid = верно
sign-outcome-invalid = НЕВЕРНО
sign-outcome-unverified = НЕ ПРОВЕРЕНО
sign-check-content = содержимое
sign-check-digest = хеш
sign-check-signature = подпись
sign-check-validity = срок
sign-valid-content = вложенное в подпись содержимое — это письмо
sign-valid-digest = хеш письма совпадает с подписанным
sign-valid-signature = значение подписи верно для ключа сертификата
sign-valid-validity = подписано в срок действия сертификата
sign-verified = проверено: подписантов — { $signers }, документ { $letter }
sign-verified-unverified = проверено: подписантов — { $signers }, документ { $letter }; не проверено и принято по --allow-unverified: { $unverified }
sign-not-checked = не проверялись: цепочка сертификатов до корневого сертификата НУЦ РК и их отзыв (OCSP/CRL)

## Ошибки verify и что делать.
sign-letter-unreadable = письмо не удалось прочитать: { $reason }
sign-letter-unreadable-help = укажите подписанный PDF в точности таким, каким его подписали
sign-check-failed = подписант { $number } ({ $name }), документ { $letter }: { $check }: { $reason }
sign-invalid-help = не принимайте письмо как подписанное: запросите письмо и его подпись заново
sign-unverified-help = проверьте эту подпись в NCALayer или ezSigner, затем примите её с --allow-unverified
sign-no-signature = ни одну подпись письма не удалось прочитать
sign-no-signature-help = укажите файлы подписи CMS, сделанные над этим письмом

## Почему проверка не прошла или не выполнялась.
sign-cms-unreadable = CMS не удалось прочитать
sign-other-content = подпись содержит другой документ ({ $content } байт), а не письмо ({ $letter } байт)
sign-content-unreadable = вложенное содержимое не удалось прочитать: { $reason }
sign-certificate-absent = сертификата подписанта нет в CMS
sign-digest-unknown = zhauap не вычисляет хеш по алгоритму { $algorithm }
sign-no-attributes-mismatch = подпись (без подписанных атрибутов) не соответствует хешу письма
sign-no-attributes-unverified = без подписанных атрибутов хеш проверяется только через значение подписи, а оно не проверено
sign-content-type = подписанный атрибут contentType не совпадает с типом содержимого { $oid }
sign-digest-count = в подписи атрибутов messageDigest: { $count }; должен быть ровно один
sign-digest-differs = хеш письма ({ $algorithm }) отличается от подписанного: письмо изменено после подписания, или подпись сделана над другим файлом
sign-attributes-unencodable = подписанные атрибуты не удалось закодировать: { $reason }
sign-gost-unverified = значение подписи { $algorithm } не проверено: в zhauap нет проверки ГОСТ 34.10 (поддерживаемой реализации на Rust нет); хеш проверен
sign-algorithm-unknown = значение подписи не проверено: zhauap не проверяет алгоритм { $algorithm }
sign-key-unreadable = ключ сертификата не удалось прочитать: { $reason }
sign-rsa-digest = подпись RSA с хешем { $digest } — сочетание, которое zhauap не проверяет
sign-value-mismatch = значение подписи { $algorithm } не соответствует подписанным данным и ключу сертификата
sign-ecdsa-not-der = значение подписи ECDSA — не пара (r, s) в DER
sign-no-signing-time = в подписи нет времени подписания, поэтому неизвестно, действовал ли сертификат в момент подписания
sign-outside-validity = подписано { $time } UTC, вне срока действия сертификата { $from } – { $to } UTC
sign-pss-parameters = параметры RSASSA-PSS не удалось прочитать: { $reason }
sign-pss-hash = в параметрах RSASSA-PSS указан хеш { $hash }, а алгоритм хеширования подписанта — { $digest }
sign-pss-mask = значение подписи не проверено: zhauap проверяет RSASSA-PSS только с MGF1 на том же хеше ({ $hash })
sign-pss-trailer = значение подписи не проверено: поле trailerField в RSASSA-PSS не 0xBC
sign-pss-unsupported-hash = значение подписи не проверено: zhauap не проверяет RSASSA-PSS с хешем { $hash }

## Файл подписи, который нельзя использовать.
sign-file-unreadable = файл подписи не удалось прочитать: { $reason }
sign-file-unreadable-help = проверьте путь и права на чтение файла
sign-file-too-large = файл подписи занимает { $size } байт; подпись — не больше { $limit } байт
sign-file-too-large-help = укажите откреплённую подпись CMS (.cms, .p7s, .sig), а не подписанный документ
sign-file-not-cms = файл — не подпись CMS (ни DER, ни PEM, ни текст base64): { $reason }
sign-file-not-cms-help = укажите подпись CMS так, как её сохраняет NCALayer: файл .cms/.p7s (DER), PEM или текст base64
sign-file-malformed = подпись CMS повреждена или обрезана: { $reason }
sign-file-malformed-help = файл, вероятно, обрезан или изменён при передаче; запросите файл подписи у подписанта заново
sign-file-not-signed-data = CMS содержит { $oid }, а не подписанные данные (1.2.840.113549.1.7.2)
sign-file-no-signers = в подписи CMS нет ни одного подписанта
sign-file-no-signers-help = этот CMS не содержит подписи; подпишите письмо заново
sign-file-certificate-missing = сертификата подписанта { $number } нет в подписи CMS
sign-file-certificate-missing-help = подпишите заново, включив сертификат в подпись (NCALayer включает его по умолчанию)

## zhauap card и verify КАРТОЧКА.pdf.
card-signature-refused-help = карточка составляется из письма и подписей, сделанных над ним; проверьте: zhauap verify ПИСЬМО.pdf ПОДПИСЬ.cms
card-not-made = карточку не удалось составить: { $reason }
card-not-made-help = укажите PDF, свёрстанный zhauap, и его подписи CMS
card-wrote = записано: { $file } (файлов подписи: { $count })
card-sheets-only = карточка содержит только листы подписей; чтобы сначала показать страницы письма, укажите его YAML в --source
card-source-differs = свёрстанное заново, это письмо не совпадает с { $letter } байт в байт ({ $rendered } байт против { $size }, первое различие в байте { $at }): карточка показала бы не те страницы, что подписаны
card-source-differs-help = укажите YAML, из которого свёрстан PDF, с теми же --templates и --no-typography, что тогда, и той же версией zhauap; или не указывайте --source — будет карточка только с листами подписей
card-unreadable = карточку не удалось прочитать: { $reason }
card-unreadable-help = укажите PDF карточки
card-altered-help = карточку изменили после составления, или её составил не zhauap; не доверяйте ей
card-letter-not-pdf = письмо — не PDF, который zhauap может прочитать
card-letter-draft = письмо — проект (на страницах отметка проекта); карточка составляется из письма в том виде, в каком его подписали и отправили
card-no-files = в карточку не вложено ни одного файла: это не карточка документа
card-no-signature = в карточку вложен документ { $letter }, но ни одной подписи
card-qr-disagrees = QR-коды карточки не совпадают с вложенными подписями: нарисовано QR-кодов — { $drawn }, из них отличаются от кодов вложенных файлов CMS — { $differ }
card-not-pdf = файл не читается как PDF ({ $reason })
card-pdf-no-files = в PDF не вложено ни одного файла: это не карточка документа
card-file-no-name = у вложенного файла нет имени
card-file-no-data = у вложенного файла { $name } нет данных
card-file-unreadable = вложенный файл { $name } не удалось прочитать ({ $reason })

## Цепочка сертификатов (verify --ca).
sign-check-chain = цепочка
sign-valid-chain = сертификат восходит к доверенному сертификату (--ca), каждый действовал в момент подписания
sign-not-checked-revocation = не проверялся: отзыв сертификатов (OCSP/CRL)
sign-chain-no-time = в подписи нет времени подписания, поэтому неизвестно, действовала ли цепочка в момент подписания
sign-chain-key-usage = назначение ключа сертификата не допускает ни digitalSignature, ни nonRepudiation
sign-chain-expired = сертификат { $name } не действовал в момент подписания (срок { $from } – { $to } UTC)
sign-chain-not-ca = сертификат { $name } подписывает другой сертификат, но сам не является сертификатом УЦ
sign-chain-untrusted = сертификат { $name } не подписан ни доверенным сертификатом (--ca), ни сертификатом из CMS с именем { $issuer }
sign-chain-too-long = цепочка длиннее { $most } сертификатов
sign-chain-algorithm = сертификат цепочки подписан алгоритмом { $algorithm }, который zhauap не проверяет
sign-file-not-certificate = в файле нет читаемого сертификата: { $reason }
sign-file-not-certificate-help = укажите доверенные корневые или промежуточные сертификаты в PEM (-----BEGIN CERTIFICATE-----) или DER
