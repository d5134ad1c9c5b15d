# kenesh — English messages.

## check
check-ok = { $file }: ok
check-failed = Some files are not valid; nothing was changed.
check-duplicate-id = the id { $id } is used by more than one entity

## new
new-default-title = Roundtable
new-bad-date = "{ $date }" is not a date; write it as 2026-11-26 or 26.11.2026
new-cannot-create-folder = cannot create the folder { $folder }
new-exists = { $file } already exists; kenesh never overwrites a session
new-cannot-write = cannot write { $file }
new-created = Created { $file }

## errors
error-prefix = error
