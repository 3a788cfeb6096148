### Templates and composing.

## Үлгілер (src/compose/mod.rs).
compose-templates-available = бар үлгілер: «{ $names }»
compose-template-no-lang = '{ $template }' үлгісінің { $lang } тіліндегі нұсқасы жоқ ({ $file })
compose-template-no-lang-help = { $file } файлын үлгілер қалтасына қосыңыз немесе хатты үлгіде бар тілде жазыңыз
compose-did-you-mean = мүмкін, '{ $near }'? { $help }
compose-unknown-template = белгісіз үлгі '{ $template }'
compose-too-much-output = үлгі бір хат үшін { $mib } МиБ-тан көп мәтін шығарды және тоқтатылды
compose-too-much-output-help = үлгіден циклды немесе өзін-өзі шақыратын компонентті іздеңіз
compose-not-utf8 = үлгі UTF-8 кодтауында емес мәтін шығарды
compose-template-error = үлгідегі қате: «{ $message }»
compose-template-error-help = үлгіні түзетіңіз; үлгіде тек хат пішімінің өрістерін қолдануға болады

compose-over-time = { $letter } хатына бөлінген { $seconds } секунд біткенде үлгі әлі жұмыс істеп тұрды, сондықтан осы жерде тоқтатылды
compose-over-time-help = үлгіден циклды (үлкен ауқымдар бойынша кірістірілген «for») немесе өзін-өзі шақыратын компонентті іздеңіз
