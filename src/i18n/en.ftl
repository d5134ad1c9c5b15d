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
help-start-stop = Start / stop the selected item
help-next-item = End the running item and start the next
help-toggle-present = Present / absent
help-vote-up = One vote more
help-vote-down = One vote less
help-toggle-grouping = Group by settlement / by category
help-cycle-need-status = Next status (open, addressed, parked)
help-cycle-action-status = Next status (proposed … done, dropped)
help-form-next = Next field
help-form-prev = Previous field
help-form-choose = Choose in a pick list
help-form-toggle = Tick / untick
help-form-save = Save the form
help-form-cancel = Cancel

## forms
form-hint = Enter save · Esc cancel · Tab next field · ←/→ choose · Space tick
form-required = Required
form-bad-number = Write a whole number from 0 to { $max }
form-bad-date = Write the date as 2027-03-31 or 31.03.2027
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
edit-program-not-yet = { $file } is a programme record; the programme dashboard is not built yet. Use `kenesh check` on it.
demo-copy = Demo: working on a scratch copy, { $file }
recovery-written = Unsaved changes were written to { $file }
