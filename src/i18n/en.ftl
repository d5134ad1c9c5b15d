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

## panes
pane-agenda = Agenda
pane-participants = Participants
pane-needs = Needs
pane-actions = Action plan
agenda-summary = planned { $planned } · projected end { $end }
participants-present = present { $present } of { $total }
needs-by-settlement = by settlement
needs-by-category = by category
no-settlement = No settlement
over = over
too-small = Terminal too small: kenesh needs at least { $width }×{ $height }. Enlarge the window or reduce the font size.

## columns
col-item = Item
col-time = Time
col-presenter = Presenter
col-name = Name
# The participants pane's one column for settlement, else group, when narrow.
col-from = From
col-group = Group
col-settlement = Settlement
col-organisation = Organisation
col-votes = Votes
col-need = Need
col-details = Details
col-action = Action
col-responsible = Responsible
col-deadline = Deadline
col-status = Status
col-needs = Needs
col-funding = Funding
col-indicator = Indicator

## status bar
status-hint = ? help · q quit
filter-prompt = Filter
save-failed = NOT SAVED: { $error } — retrying
save-pending = saving…
saved-at = saved { $time }
save-unchanged = no changes yet
notice-deleted = Deleted — u undoes
notice-nothing-to-undo = Nothing to undo
notice-nothing-to-redo = Nothing to redo
notice-paste-ignored = Paste goes into a form or the filter line (a, e or /)
notice-paste-cut = The paste was cut to { $limit } characters, the most a field takes
notice-interrupt = q quits; everything is saved (Ctrl-C again within 2 s quits too)
notice-reload-failed = Could not load the file again: { $error }
quit-unsaved = The latest changes are not on disk yet.
quit-confirm = y: quit and keep them in a recovery file · any other key: stay

## help
help-title = Keys
help-close = Esc closes · ↑/↓ scroll
help-section-global = Everywhere
help-section-form = In a form
help-focus-next = Next pane
help-focus-prev = Previous pane
help-focus-agenda = Agenda pane
help-focus-participants = Participants pane
help-focus-needs = Needs pane
help-focus-actions = Action plan pane
help-up = Move up
help-down = Move down
help-page-up = Page up
help-page-down = Page down
help-first = First row
help-last = Last row
help-add = Add a row to this pane
help-edit = Edit the selected row
help-delete = Delete the selected row (u undoes)
help-undo = Undo
help-redo = Redo
help-filter = Filter this pane (Enter keeps, Esc clears)
help-edit-session = Edit the session's title, date, place…
help-help = This help
help-quit = Quit (everything is already saved)
help-start-stop = Start / stop the selected agenda item (elsewhere: stop the running one)
help-next-item = End the running item and start the next pending one
help-toggle-present = Present / absent
help-vote-up = One vote more
help-vote-down = One vote less
help-toggle-grouping = Group by settlement / by category
help-cycle-need-status = Next status (open, addressed, parked)
help-cycle-action-status = Next status (proposed … done, dropped)
help-form-next = Next field
help-form-prev = Previous field
help-form-choose = Next choice in a pick list
help-form-toggle = Tick / untick
help-form-save = Save the form
help-form-cancel = Cancel

## forms
form-hint = Enter save · Esc cancel · Tab next field · ←/→ choose · Space tick
form-required = Required
form-bad-number = Write a whole number from 0 to { $max }
form-bad-date = Write the date as 2027-03-31 or 31.03.2027
form-bad-month = No month { $month }: months are 01–12, e.g. 31.03.2027
form-bad-day = { $date } does not exist: { $month } has { $days } days
form-duplicate-name = { $name } is already listed: Enter again adds a second person with this name
form-date-hint = (2027-03-31 or 31.03.2027)
form-new-settlement = new settlement…
form-nothing-to-link = (no needs yet)
form-add-agenda = New agenda item
form-edit-agenda = Agenda item
form-add-participant = New participant
form-edit-participant = Participant
form-add-need = New need
form-edit-need = Need
form-add-action = New action
form-edit-action = Action
form-edit-session = Session
field-title = Title
field-presenter = Presenter
field-planned-minutes = Planned minutes
field-status = Status
field-notes = Notes
field-name = Name
field-organisation = Organisation
field-group = Stakeholder group
field-settlement = Settlement
field-present = Present
field-gender = Gender
field-age-band = Age
field-contact = Contact
field-detail = Detail
field-category = Category
field-raised-by = Raised by
field-votes = Votes
field-what = What
field-linked-needs = Linked needs
field-responsible = Responsible
field-partners = Partners
field-deadline = Deadline
field-funding = Funding
field-indicator = Indicator of done
field-date = Date
field-place = Place
field-organiser = Organiser
field-facilitator = Facilitator
field-programme = Programme
yes = yes
no = no

## the model's names
group-city-hall = City hall
group-local-government = Local government
group-municipal-service = Municipal service
group-state-body = State body
group-donor = International organisation / donor
group-civil-society = Civil society
group-expert = Expert
group-community-leader = Community leader
group-other = Other
group-short-city-hall = City hall
group-short-local-government = Local gov
group-short-municipal-service = Municipal
group-short-state-body = State
group-short-donor = Donor
group-short-civil-society = Civil soc
group-short-expert = Expert
group-short-community-leader = Community
group-short-other = Other
category-roads = Roads
category-water = Water
category-lighting = Lighting
category-schools = Schools
category-health = Health
category-waste-ecology = Waste / ecology
category-transport = Transport
category-governance = Governance
category-social = Social
category-other = Other
need-open = open
need-addressed = addressed
need-parked = parked
action-proposed = proposed
action-agreed = agreed
action-in-progress = in progress
action-done = done
action-dropped = dropped
agenda-pending = pending
agenda-active = running
agenda-done = done
agenda-skipped = skipped
gender-female = female
gender-male = male
gender-other = other
age-under-18 = under 18
age-18-29 = 18–29
age-30-44 = 30–44
age-45-59 = 45–59
age-60 = 60 and over
kind-proposal = proposal
kind-decision = decision
kind-parking-lot = parking lot

## editor
demo-copy = Demo: working on a scratch copy, { $file }
recovery-written = Unsaved changes were written to { $file }

## capture, speakers, proposals
pane-proposals = Proposals
proposals-keys = c kind · A to action · l link need · ! notes are private
no-agenda-item = No agenda item
private-note = private note
proposal-promoted = ✓ in action plan
col-kind = Kind
col-text = Text
col-author = Author
col-links = Links
field-text = Text
field-kind = Kind
field-author = Author
field-agenda-item = Agenda item
field-need = Need
form-add-proposal = New proposal
form-edit-proposal = Proposal
form-add-note = New private note
form-edit-note = Private note
capture-hint = n/т need · a/ф action · p/з proposal · d/в: decision · l/д parking lot · + person · ! note · q/й queue — #/№settlement @person or name+Tab, Esc closes
capture-need = need
capture-action = action
capture-proposal = proposal
capture-decision = decision
capture-parking-lot = parking-lot item
capture-participant = participant (present)
capture-private-note = private note (never shown or exported)
capture-queue = speaker queue of the running item
capture-error-empty = Type something after the prefix
capture-error-no-prefix = Start with n/т, a/ф, p/з, d/в:, l/д, +, ! or q/й and a space
capture-error-nothing = Nothing to capture after the prefix
capture-error-no-active-item = Start an agenda item first (s in the agenda)
capture-error-unresolved = «{ $tag }» is not one name: Tab or a number picks one
capture-error-tag-too-short = «{ $tag }» matches nobody and one letter is not a name: type more
capture-error-duplicate = { $name } is already listed: Enter again adds a second person, @name marks them present
capture-new-participant = new participant { $name }
capture-new-settlement = new settlement { $name }
help-section-capture = Capture line (:)
help-section-filter = Filter (/)
help-section-offer = Offered back at start (a draft, a recovery copy)
help-capture-tags = settlement (# or №) / person tags; Tab completes, also a bare name (names with spaces get _)
help-capture-recall = earlier lines
help-focus-proposals = Proposals view
help-capture = Open the capture line
help-next-speaker = Next speaker from the queue
help-end-turn = End the current turn
help-queue-speaker = Put the selected person in the speaker queue
help-cycle-kind = Next kind (proposal, decision, parking lot)
help-promote = Make an action from the selected proposal
help-link-need = Link the selected proposal to a need
notice-no-active-item = No agenda item is running (s starts one)
notice-promoted = Added to the action plan
notice-already-promoted = Already in the action plan
speaking = Speaking:
nobody-speaking = Nobody is speaking (t gives the floor to the next in the queue)
queue = Queue:
queue-more = … and { $count } more
queue-empty = Queue is empty (r on a participant, or : q @name)
speaking-time-by-group = Speaking time by group
draft-found = Unfinished typing from { $time } was kept:
draft-choice = { $key }: continue with it · any other key: discard it

## projector
slide-now = Now
slide-needs = Needs
slide-actions = Action plan
projector-next-up = Next: { $title }
projector-not-started = The meeting has not started: the agenda is still empty
projector-agenda-done = The agenda is finished
projector-end = Projected end { $time }
projector-of-planned = of { $planned } planned
projector-left = { $left } left
projector-then = Then:
projector-needs-title = Needs with most votes
projector-actions-title = Agreed actions
projector-no-actions = No agreed actions yet
projector-more = … and { $count } more
overdue = overdue
present-not-a-session = this is a programme record, not a session
present-missing = { $file } is missing — showing the last good state
present-unreadable = { $file } cannot be read ({ $error }) — showing the last good state
present-waiting = Waiting for { $file }…
present-quit-again = Esc again to quit · q quits at once
help-projector = Projector view (← → slides, r rotate, c colours, p or Esc back)
projector-more-places = … and { $count } more settlements

## export
html-lang = en
export-binary-to-stdout = { $format } is not a text format; give a file with -o
export-exists = { $file } already exists; use --force to overwrite it
export-cannot-write = cannot write { $file }
export-written = Written { $file }
export-date = Date
export-place = Place
export-organiser = Organiser
export-facilitator = Facilitator
export-attendance = Attendance
export-present-of = { $present } of { $total } invited participants were present.
export-group = Stakeholder group
export-present = Present
export-invited = Invited
export-not-given = not given
export-by-gender = By gender
export-by-age = By age
export-agenda = Agenda
export-no = No.
export-item = Item
export-presenter = Presenter
export-planned-min = Planned, min
export-start = Start
export-end = End
export-spent = Spent
export-overrun = Overrun
export-status = Status
export-speaking = Speaking time by stakeholder group
export-time = Time
export-share = Share
export-needs = Needs by settlement
export-raised-in = Raised in
export-decisions = Decisions
export-proposals = Proposals
export-action-plan = Action plan
export-parking-lot = Parking lot
programme-default-title = Programme record

## merge
merge-into-session = { $file } is a session, not a programme record; give --into a programme file
merge-summary-line = { $kind }: { $added } added, { $updated } updated, { $unchanged } unchanged
merge-conflict = conflict: { $entity } { $field } also had the value { $value } (kept in the record's conflict list)
merge-duplicate = likely duplicate { $kind }: { $names } (different ids; not merged)
merge-dry-run = Dry run: nothing was written.
merge-written = Merged into { $file }
merge-session-conflict = conflict: { $entity } was changed on both sides; the newer version was kept
merge-driver-kinds = both sides must be sessions or both programme records
review-previous-plan = Review of the previous action plan
review-notes = { $count } open actions carried over from the previous meeting

## dashboard
dashboard-by-status = Actions by status
dashboard-by-settlement = By settlement
dashboard-by-responsible = By responsible
dashboard-needs = Needs across sessions
dashboard-group = { $name } — { $count } ({ $overdue } overdue)
dashboard-footer = { $sessions } sessions · { $actions } actions · { $overdue } overdue · 1–4 or Tab: views · c: city · ↑/↓ scroll · q quit
too-small-short = Terminal too small

## reliability
help-reload = Load the file again after another program changed it
notice-reloaded = Loaded the file as it is on disk now
notice-nothing-to-reload = The file was not changed outside kenesh
notice-read-only = Read-only: { $holder } has this file open
status-read-only = READ-ONLY — { $holder }
status-diverted = FILE CHANGED OUTSIDE — your work is saved in { $file } — Ctrl-l loads the file
recovery-found = kenesh stopped at { $time } before these changes reached the file.
recovery-choice = { $key }: restore them · any other key: keep the file as it is

## counts (plural forms)
participants-count = { $count ->
    [one] { $count } participant
   *[other] { $count } participants
}
needs-group = { $name } — { $count ->
    [one] { $count } need
   *[other] { $count } needs
} · { $votes ->
    [one] { $votes } vote
   *[other] { $votes } votes
}
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
long-date = { $day } { $month } { $year }
welcome = Welcome!

## config
config-invalid = { $file }:{ $line }:{ $col }: { $error } — the configuration was not used; starting with the defaults
config-unknown-action = config: unknown action "{ $action }" in keys (kenesh config --default lists them)
config-bad-key = config: cannot read the keys { $keys } (write them as "x", "Ctrl-s", "F5", "Space")
config-no-folder = no configuration folder on this system
hours-minutes = { $hours }h{ $minutes }

## loading
load-cannot-read = { $file }: cannot read the file: { $error }
load-too-new = format { $found } is newer than this kenesh understands (it reads formats up to { $supported }); upgrade kenesh to open it. The file was not changed.
load-empty = the file is empty; expected `Session(` or `Program(`
load-expected-record = expected `Session(` or `Program(` at the start of the file
load-expected-paren = expected `(` after the record name
load-expected-format = expected `format: N` as the first field
load-expected-colon = expected `:` after `format`
load-expected-number = expected the format version, a whole number such as 2
load-format-zero = format 0 does not exist; the first format was 1
load-invalid-utf8 = invalid UTF-8 (byte { $byte }); save the file as UTF-8
load-too-deep = nesting is too deep (more than 128 levels); a kenesh file is never this deep
load-no-programme-format = programme records start at format { $current }; format { $found } never had one
load-unknown-format = format { $found } is not one kenesh ever wrote
save-changed-outside = { $file } was changed by another program; your version is saved in { $kept }
lock-holder = pid { $pid } on { $host } since { $time }
lock-this-computer = this computer
merge-kind-sessions = sessions
merge-kind-settlements = settlements
merge-kind-participants = participants
merge-kind-needs = needs
merge-kind-actions = actions
merge-kind-proposals = proposals
form-edit-settlement = Settlement
field-city = City
help-edit-settlement = Edit the selected row's settlement (name, city)
notice-no-settlement = The selected row has no settlement

# Files and the journal (store)
file-not-regular = { $file } is { $what }, not a regular file; kenesh only reads and writes regular files (remove or rename it)
file-kind-fifo = a FIFO (named pipe)
file-kind-device = a device
file-kind-socket = a socket
file-kind-folder = a folder
file-kind-link = a symbolic link
file-kind-other = not a regular file
file-too-large = { $file } is larger than { $limit } MB; a kenesh file is never this large
save-deleted-outside = { $file } was deleted or moved by another program; your version is saved in { $kept }
lock-hard-links = { $file } has { $count } names (hard links); saving would separate them, so it opens read-only. Copy it (cp) and open the copy.
snapshot-failed = Could not rewrite { $file } ({ $error }); your edits are safe in the journal — retrying
status-snapshot-failed = FILE NOT UPDATED: { $error }
notice-fold-failed = Could not fold the journal into the file ({ $error }); it stays beside the file and nothing is lost
notice-folded = { $count ->
    [one] 1 edit from the journal is now in the file
   *[other] { $count } edits from the journal are now in the file
}
notice-folded-conflict = { $count ->
    [one] 1 edit no longer applied (the file changed after it) and is kept in { $file }
   *[other] { $count } edits no longer applied (the file changed after them) and are kept in { $file }
}
notice-folded-damaged = unreadable journal lines { $lines } kept in { $file }
quit-diverted = { $file } was changed outside kenesh: your version is in { $kept }, not in { $file }
quit-journal-only = { $file } could not be rewritten; your latest edits are in { $journal } and are folded into the file the next time kenesh opens it
notice-read-only-refused = Read-only: this editor cannot change the file ({ $holder })
check-journal-other-version = { $file }: its journal continues another version of the file: { $applied } edits apply, { $rejected } do not (the editor keeps those in a conflict copy)
check-journal-bad-lines = { $file }: unreadable journal lines: { $lines }
read-only-locked = open in another kenesh ({ $holder })
read-only-invalid = the file has problems (see kenesh check); viewing only
invalid-file-not-opened = the file has the problems above, so it is not opened for editing; run kenesh FILE in a terminal to repair it or view it read-only
invalid-file-prompt = This file has the problems above. [r] repair it (fresh ids for duplicates, broken links cleared; the file as it is now is kept beside it), [v] view it read-only, Enter quits:
invalid-file-repaired = Repaired: { $ids } fresh ids, { $references } broken references cleared; the file as it was is kept in { $kept }
## Command-line help (kenesh --help)
cli-unknown-command = unknown command '{ $word }' — did you mean '{ $suggestion }'? (kenesh --help lists the commands)
cli-not-a-session-name = no file '{ $file }'. kenesh creates a new session only for a name ending in .ron (e.g. kenesh { $file }.ron), or use kenesh new
cli-about = Run roundtable meetings from the terminal: agenda with timers, participants, needs board and action plan, saved as RON files.
cli-heading-usage = Usage
cli-heading-arguments = Arguments
cli-heading-options = Options
cli-heading-commands = Commands
cli-flag-help = Print help
cli-flag-version = Print version
cli-cmd-help = Print this message or the help of the given command
cli-arg-lang = Interface language: en, ru or ky (default: the config file, then LC_ALL / LC_MESSAGES / LANG)
cli-arg-theme = Projector colours: dark, light (bright rooms) or high-contrast
cli-arg-file = Session or programme file to open in the editor (created if absent). Without it: today's session in the sessions folder
cli-cmd-new = Create a new session file YYYY-MM-DD-<slug>.ron
cli-cmd-new-title = Meeting title (Cyrillic is fine; the file name is transliterated)
cli-cmd-new-date = Meeting date, 2026-11-26 or 26.11.2026 (default: today)
cli-cmd-new-dir = Folder to create the file in (default: the sessions folder)
cli-cmd-new-from = Start from a programme record or an earlier session: its settlements, people, open needs, parking lot and open actions
cli-cmd-demo = Open a scratch copy of the bundled example session in the editor
cli-cmd-present = Show the projector view of FILE, read-only, following it as an editor saves it (same machine, shared folder or SSH)
cli-cmd-present-file = The session file to show
cli-cmd-present-rotate = Rotate the slides every this many seconds (0: only by hand; default: the config file)
cli-cmd-config = Where the configuration file is, or a commented default one
cli-cmd-config-path = Print the path of the configuration file
cli-cmd-config-default = Print a commented default configuration
cli-cmd-completions = Print shell completions
cli-cmd-completions-shell = The shell: bash, zsh, fish, elvish or powershell
cli-cmd-export = Export the action plan and minutes of a session or programme record
cli-cmd-export-file = The session or programme file to export
cli-cmd-export-format = The output format
cli-cmd-export-output = Output file; - writes text formats to standard output. Default: beside FILE, named after the session
cli-cmd-export-table = Which table a CSV holds
cli-cmd-export-status = Only actions with this status (repeatable)
cli-cmd-export-settlement = Only needs of this settlement, and actions linked to them
cli-cmd-export-responsible = Only actions whose responsible contains this text
cli-cmd-export-delimiter = CSV separator, one character (default: ; when the interface language is ru or ky, as Russian-locale Excel expects; else ,)
cli-cmd-export-include-contacts = JSON: keep participants' phone numbers and e-mails
cli-cmd-export-document = Markdown, HTML, DOCX: the minutes, or the sign-in sheet to print before the meeting; donor (also XLSX): the donor tables
cli-cmd-export-calendar = iCalendar: to-dos, or all-day events with a reminder a week before
cli-cmd-export-force = Overwrite an existing output file
cli-cmd-merge = Merge sessions (or other programme records) into the programme record
cli-cmd-merge-inputs = Session or programme files to merge
cli-cmd-merge-into = The programme record (default: program.ron beside the sessions folder)
cli-cmd-merge-dry-run = Print the summary and write nothing
cli-cmd-merge-driver = Git merge driver for session and programme files: kenesh merge-driver %O %A %B
cli-cmd-merge-driver-base = The common ancestor (%O)
cli-cmd-merge-driver-ours = Our version, overwritten with the result (%A)
cli-cmd-merge-driver-theirs = Their version (%B)
cli-cmd-check = Validate session and programme files; exit 1 if any is invalid
cli-cmd-check-files = Files to check
cli-possible-values = values
cli-default-value = default
quit-file-behind = The file itself could not be rewritten; your edits are safe in the journal beside it.
load-truncated-utf8 = the file ends in the middle of a character: it looks truncated (cut off while it was copied or written)
merge-no-folder = cannot write { $file }: the folder { $folder } does not exist
check-journal-other-session = { $file }: the journal beside it belongs to another session and is not applied (the editor sets it aside)
notice-folded-other-session = a journal of another session was beside this file; it is set aside as { $file }
notice-not-queued = This person is not in the speaker queue (or is already first / last)
notice-queue-empty = The speaker queue is empty
notice-queue-dropped = Speaker queue emptied
notice-queue-carried = { $count } queued { $count ->
    [one] speaker carried
   *[other] speakers carried
} over to «{ $item }» — X empties the queue
help-drop-queue = Empty the speaker queue
help-unqueue = Take the selected person out of the speaker queue
help-queue-up = Move the selected person up the speaker queue
help-queue-down = Move the selected person down the speaker queue
notice-key-elsewhere = { $key } works in: { $panes }
export-id = ID
export-city = City
export-overdue = Overdue
export-history = Status history
export-last-update = Last update
export-session = Session
export-linked-actions = Linked actions
xlsx-sheet-actions = Actions
xlsx-sheet-attendance = Attendance
xlsx-sheet-needs = Needs
xlsx-sheet-speaking = Speaking time
xlsx-all-of-group = All of the group
export-bad-delimiter = --delimiter must be one ASCII character other than a quote or a line end, not «{ $delimiter }»
export-nothing-matched = warning: nothing matches the filters; the export holds no rows
export-participant-list = List of participants
export-agenda-notes = Notes on the agenda items
export-signatures = Signatures
export-sign-in = Sign-in sheet
export-phone = Phone
export-signature = Signature
export-sign-in-formats = the sign-in sheet is made as markdown, html or docx
field-secretary = Secretary
protocol-title = MINUTES No. ____
protocol-chair = Chair
protocol-secretary = Secretary
protocol-present = PRESENT: { $count } (list attached).
protocol-agenda = AGENDA
protocol-heard = HEARD
protocol-spoke = SPOKE
protocol-decided = DECIDED
protocol-other-decisions = Other decisions
protocol-attachment = Attachment 1: list of participants

## exports: durations, protocol number, letterhead (docs branch)
export-duration-min = { $minutes } min
export-duration-h-min = { $hours } h { $minutes } min
export-duration-min-s = { $minutes } min { $seconds } s
export-duration-h-min-s = { $hours } h { $minutes } min { $seconds } s
export-planned = Planned
protocol-title-number = MINUTES No. { $number }
field-protocol-number = Minutes No.
letterhead-logo-unreadable = The letterhead logo { $file } cannot be read ({ $error }); the export goes out without a logo.
letterhead-logo-not-image = The letterhead logo { $file } is neither a PNG nor a JPEG image; the export goes out without a logo.

## follow: dashboard, new --from, merge --title, import (issue 19)
dashboard-needs-without-action = Needs no action addresses:
dashboard-co-responsible = Co-responsible: { $bodies }
dashboard-no-action = no action
cli-cmd-merge-title = The programme's title, shown in the dashboard and exports instead of its key
cli-cmd-export-city = Only needs of settlements in this city, and actions linked to them
cli-cmd-import = Add participants from a registration list (XLSX, ODS or CSV) to a session; prints the column mapping; all rows or none
cli-cmd-import-session = The session file to add them to
cli-cmd-import-file = The registration list: .xlsx, .xls, .ods or .csv (UTF-8)
cli-cmd-import-dry-run = Show the mapping and what would be added; write nothing
import-field-name = name
import-field-organisation = organisation
import-field-gender = gender
import-field-age = age band
import-field-phone = phone
import-field-email = e-mail
import-field-settlement = settlement
import-field-group = stakeholder group
import-ignored = (ignored)
import-mapping = Columns:
import-no-header = { $file }: no header row with a name column (ФИО, Фамилия Имя, Аты-жөнү, Name) in the first ten rows
import-not-a-session = { $file } is a programme record, not a session: import into a session file
import-no-name = no name
import-bad-value = { $field } "{ $value }" not recognised ({ $hint })
import-hint-gender = Ж/М, жен./муж., аял/эркек, F/M
import-hint-age = an age in years or a band such as 18–29, 60+
import-hint-group = a stakeholder group such as мэрия, ОМСУ, НКО, эксперт
import-duplicate = Row { $row }: { $name } is already listed as { $listed }; not added
import-problem = Row { $row }: { $problem }
import-nothing-added = { $count ->
    [one] One row has a problem: nothing was imported. Correct it and import again.
   *[other] { $count } rows have problems: nothing was imported. Correct them and import again.
}
import-would-add = Would add { $count } participants ({ $settlements } new settlements). Nothing written (--dry-run).
import-added = Added { $count } participants ({ $settlements } new settlements) to { $file }
import-locked = { $file }: { $holder }; close it there, then import
import-journal = { $file } has edits from an interrupted editor: open it with kenesh once, then import
import-cannot-read = Cannot read { $file }
import-unknown-format = { $file }: import reads .xlsx, .xls, .ods or .csv
import-not-utf8 = the file is not UTF-8 (perhaps Windows-1251): in Excel save it as "CSV UTF-8 (Comma delimited)"

## Programme progress and donor tables (#19)
cli-cmd-status = Record progress on an action between meetings, in the programme record only (no session is rewritten)
cli-cmd-status-program = The programme record
cli-cmd-status-action = The action: its number in an export of the record, or its id
cli-cmd-status-status = The new status
cli-cmd-status-note = What happened (shown in the action's history)
cli-cmd-status-date = When, 2026-12-05 or 05.12.2026 (default: today)
status-bad-date = "{ $date }" is not a date; write 2026-12-05 or 05.12.2026
status-not-a-record = { $file } is a session; progress between meetings is recorded in the programme record (kenesh merge makes one)
status-unknown-action = no action "{ $action }" in { $file }: give its number (1 to { $count }) or its id
status-recorded = Action { $number } ({ $what }): { $status } on { $date }
history-meeting = { $date } meeting: { $status }
history-update = { $date }: { $status }
donor-formats = the donor tables are made as markdown, html, docx or xlsx
donor-title = Donor tables: { $title }
donor-participation = Participation
donor-session = Session
donor-participations = Participations (all sessions)
donor-unique = Unique people
donor-cross-tab = Participants by stakeholder group, gender and age
donor-gender = Gender
donor-total = Total
donor-speaking-group = Speaking time by stakeholder group
donor-speaking-gender = Speaking time by gender
donor-minutes = Minutes
donor-needs = Needs by settlement
donor-with-action = With an action
donor-without-action = Without an action
donor-needs-without = Needs no action addresses ({ $count })
donor-actions = Actions by status (overdue on { $date })
donor-count = Actions
history-note = Note
merge-input = { $file }:

## Screens (issue 17): the capture line's bare "в"
capture-error-ambiguous-v = A line starting with «в» reads as Russian: write «в:» or d for a decision, т for a need
projector-due = until { $date }
kind-badge-proposal = P
kind-badge-decision = D
kind-badge-parking-lot = L

## Protocol minutes (issue 18): proposals, parking lot and the timing attachment
protocol-proposals = PROPOSALS
protocol-parking-lot = QUESTIONS POSTPONED
protocol-attachment-timing = Attachment 2: agenda times and speaking time
protocol-timing-agenda = Agenda: planned and actual time
protocol-speaking-groups = Speaking time by stakeholder group
protocol-speaking-people = Speaking time by participant

## The key table's mode scopes (issue 15: one key table for every mode)
help-section-help = In this help
help-section-confirm = Quit question
help-section-projector = Projector view (p)
help-section-dashboard = Programme dashboard
help-section-present = kenesh present
help-form-choose-prev = Previous choice in a pick list
help-form-first = First choice in a pick list (in text: start)
help-form-last = Last choice in a pick list (in text: end)
help-form-letter = Jump to the next choice starting with the letter
help-capture-close = Close the capture line
help-filter-keep = Keep the filter
help-filter-clear = Clear the filter
help-offer-take = Take it back (any other key discards it)
help-capture-submit = Record the line (the line stays open)
help-capture-complete = Complete the tag
help-capture-recall-next = later lines
help-key-close = Close the help
help-help-first = Top
help-help-last = Bottom
help-confirm-quit = Quit anyway (any other key goes back)
help-slide-next = Next slide
help-slide-prev = Previous slide
help-rotate = Rotate the slides / stop
help-cycle-theme = Next colours
help-projector-close = Back to the editor
help-dashboard-quit = Quit the dashboard
help-tab-next = Next tab
help-tab-prev = Previous tab
help-scroll-down = Scroll down
help-scroll-up = Scroll up
help-scroll-top = Back to the top
help-cycle-city = Next city (all, then each)
help-present-quit = Quit
help-present-quit-twice = Quit (press twice: one stray Esc does not end the projection)

## Several editors on one session
help-take-mine = Take back my version (after a conflict with another editor)
read-only-asked = opened with --read-only
cli-arg-read-only = Open the session only to watch it: no edits, following the writers
together-someone = Another editor
notice-conflict = { $who } changed this { $kind ->
        [need] need
        [action] action
        [proposal] proposal
        [participant] participant
        [agenda] agenda item
        [settlement] settlement
        [turn] speaker turn
        [note] note
       *[other] entry
    } at { $time }; your text is kept in conflicts ({ $key } takes it back)
notice-no-conflict = No conflict to take back
notice-took-mine = Your version is back
notice-undo-changed-since = Another editor changed this since your edit: press u again to undo anyway
presence-active = { $who } { $time }
presence-idle = { $who } (idle)
