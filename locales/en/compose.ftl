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

## The templates folder (src/compose/mod.rs).
compose-no-templates = no templates (*.tera files) in this folder
compose-no-templates-help = the folder must hold NAME/ru.tera and NAME/kk.tera, as in templates/ of the project
compose-folder-unreadable = cannot read the templates folder: { $reason }
compose-folder-unreadable-help = pass an existing folder to --templates
compose-folder-cycle = this folder is inside itself (through a symbolic link): the templates folder would be read without end
compose-folder-cycle-help = remove the symbolic link that points back to a folder that holds it
compose-too-many-folders = the templates folder has more than { $most } folders (counting those reached through links)
compose-templates-only-help = point --templates at the folder of the letter templates only
compose-link-outside = this symbolic link in the templates folder points outside it (or nowhere); it is not followed
compose-link-outside-help = copy the template into the templates folder instead of linking to it
compose-too-many-files = the templates folder may hold at most { $most } regular *.tera files of { $mib } MiB in all
compose-template-unreadable = cannot read the template: { $reason }
