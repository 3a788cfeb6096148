### Templates and composing.

## Templates (src/compose/mod.rs).
compose-templates-available = the templates available are: { $names }
compose-template-no-lang = template '{ $template }' has no { $lang } version ({ $file })
compose-template-no-lang-help = add { $file } to the templates folder, or write the letter in a language the template has
compose-did-you-mean = did you mean '{ $near }'? { $help }
compose-unknown-template = unknown template '{ $template }'
compose-too-much-output = the template wrote more than { $mib } MiB for one letter and was stopped
compose-too-much-output-help = look for a loop or a component that calls itself in the template
compose-not-utf8 = the template wrote text that is not UTF-8
compose-template-error = template error: { $message }
compose-template-error-help = fix the template; the fields a template may use are those of the letter format

compose-over-time = the template was still running for { $letter } when the letter's { $seconds } seconds were spent, and was stopped here
compose-over-time-help = look for a loop (nested `for` over large ranges) or a component that calls itself in the template
