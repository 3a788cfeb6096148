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

## The templates folder (src/compose/mod.rs).
compose-no-templates = бұл қалтада үлгілер (*.tera файлдары) жоқ
compose-no-templates-help = қалтада жобаның templates/ қалтасындағыдай АТАУ/ru.tera және АТАУ/kk.tera болуы керек
compose-folder-unreadable = үлгілер қалтасын оқу мүмкін емес: { $reason }
compose-folder-unreadable-help = --templates арқылы бар қалтаны көрсетіңіз
compose-folder-cycle = бұл қалта (символдық сілтеме арқылы) өзінің ішінде тұр: үлгілер қалтасын шексіз оқуға тура келер еді
compose-folder-cycle-help = өзі жатқан қалтаға кері сілтейтін символдық сілтемені өшіріңіз
compose-too-many-folders = үлгілер қалтасында { $most } қалтадан көп (сілтемелер арқылы жететіндерін қоса)
compose-templates-only-help = --templates арқылы тек хат үлгілерінің қалтасын көрсетіңіз
compose-link-outside = үлгілер қалтасындағы бұл символдық сілтеме қалтадан тыс (немесе ешқайда) сілтейді; ол бойынша өтпейміз
compose-link-outside-help = үлгіге сілтеменің орнына оны үлгілер қалтасына көшіріңіз
compose-too-many-files = үлгілер қалтасында жалпы көлемі { $mib } МиБ болатын { $most } кәдімгі *.tera файлынан аспауы керек
compose-template-unreadable = үлгіні оқу мүмкін емес: { $reason }
