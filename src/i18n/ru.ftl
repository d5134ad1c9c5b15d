# kenesh — русские сообщения.

## check
check-ok = { $file }: в порядке
check-failed = Некоторые файлы содержат ошибки; ничего не изменено.
check-duplicate-id = идентификатор { $id } используется больше одного раза

## new
new-default-title = Круглый стол
new-bad-date = «{ $date }» — не дата; пишите 2026-11-26 или 26.11.2026
new-cannot-create-folder = не удаётся создать папку { $folder }
new-exists = { $file } уже существует; kenesh никогда не перезаписывает встречу
new-cannot-write = не удаётся записать { $file }
new-created = Создан { $file }

## errors
error-prefix = ошибка

## panes
pane-agenda = Повестка
pane-participants = Участники
pane-needs = Потребности
pane-actions = План действий
agenda-summary = по плану { $planned } · окончание ≈ { $end }
participants-present = присутствуют { $present } из { $total }
needs-by-settlement = по жилмассивам
needs-by-category = по темам
no-settlement = Без жилмассива
over = сверх плана
too-small = Окно терминала слишком маленькое: нужно не меньше { $width }×{ $height }. Увеличьте окно или уменьшите шрифт.

## columns
col-item = Пункт
col-time = Время
col-presenter = Докладчик
col-name = Имя
# The participants pane's one column for settlement, else group, when narrow.
col-from = Откуда
col-group = Группа
col-settlement = Жилмассив
col-organisation = Организация
col-votes = Голоса
col-need = Потребность
col-details = Подробно
col-action = Действие
col-responsible = Ответственный
col-deadline = Срок
col-status = Статус
col-needs = Потребности
col-funding = Финансирование
col-indicator = Индикатор

## status bar
status-hint = ? справка · q/й выход
filter-prompt = Фильтр
save-failed = НЕ СОХРАНЕНО: { $error } — повторяю
save-pending = сохраняю…
saved-at = сохранено { $time }
save-unchanged = изменений пока нет
notice-deleted = Удалено — u/г отменяет
notice-nothing-to-undo = Нечего отменять
notice-nothing-to-redo = Нечего повторять
notice-paste-ignored = Вставка работает в форме или в строке фильтра (a/ф, e/у или /)
notice-paste-cut = Вставка обрезана до { $limit } символов: больше поле не вмещает
notice-interrupt = q — выход; всё сохраняется (повторный Ctrl-C в течение 2 с тоже выходит)
notice-reload-failed = Не удалось загрузить файл заново: { $error }
quit-unsaved = Последние изменения ещё не записаны на диск.
quit-confirm = y: выйти и сохранить их в файл восстановления · любая другая клавиша: остаться

## help
help-title = Клавиши
help-close = Esc закрывает · ↑/↓ прокрутка
help-section-global = Везде
help-section-form = В форме
help-focus-next = Следующая панель
help-focus-prev = Предыдущая панель
help-focus-agenda = Панель повестки
help-focus-participants = Панель участников
help-focus-needs = Панель потребностей
help-focus-actions = Панель плана действий
help-up = Вверх
help-down = Вниз
help-page-up = Страница вверх
help-page-down = Страница вниз
help-first = Первая строка
help-last = Последняя строка
help-add = Добавить строку в эту панель
help-edit = Изменить выбранную строку
help-delete = Удалить выбранную строку (u/г отменяет)
help-undo = Отменить
help-redo = Повторить
help-filter = Фильтр панели (Enter оставляет, Esc сбрасывает)
help-edit-session = Название, дата, место встречи…
help-help = Эта справка
help-quit = Выход (всё уже сохранено)
help-start-stop = Начать / остановить выбранный пункт повестки (вне повестки: остановить текущий)
help-next-item = Закончить текущий пункт и начать следующий несделанный
help-toggle-present = Присутствует / отсутствует
help-vote-up = Голос за
help-vote-down = Снять голос
help-toggle-grouping = Группировать по жилмассивам / по темам
help-cycle-need-status = Следующий статус (открыта, решена, отложена)
help-cycle-action-status = Следующий статус (предложено … выполнено, снято)
help-form-next = Следующее поле
help-form-prev = Предыдущее поле
help-form-choose = Следующий вариант в списке
help-form-toggle = Отметить / снять отметку
help-form-save = Сохранить форму
help-form-cancel = Отмена

## forms
form-hint = Enter сохранить · Esc отмена · Tab следующее поле · ←/→ выбор · Пробел отметка
form-required = Обязательное поле
form-bad-number = Введите целое число от 0 до { $max }
form-bad-date = Пишите дату так: 2027-03-31 или 31.03.2027
form-bad-month = Месяца { $month } нет: месяцы 01–12, например 31.03.2027
form-bad-day = Даты { $date } нет: в месяце { $month } { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[other] { $days } дней
}
form-duplicate-name = { $name } уже в списке: Enter ещё раз добавит второго человека с этим именем
form-date-hint = (2027-03-31 или 31.03.2027)
form-new-settlement = новый жилмассив…
form-nothing-to-link = (потребностей пока нет)
form-add-agenda = Новый пункт повестки
form-edit-agenda = Пункт повестки
form-add-participant = Новый участник
form-edit-participant = Участник
form-add-need = Новая потребность
form-edit-need = Потребность
form-add-action = Новое действие
form-edit-action = Действие
form-edit-session = Встреча
field-title = Название
field-presenter = Докладчик
field-planned-minutes = Минут по плану
field-status = Статус
field-notes = Заметки
field-name = Имя
field-organisation = Организация
field-group = Группа участников
field-settlement = Жилмассив
field-present = Присутствует
field-gender = Пол
field-age-band = Возраст
field-contact = Контакт
field-detail = Подробности
field-category = Тема
field-raised-by = Кто поднял
field-votes = Голоса
field-what = Что сделать
field-linked-needs = Связанные потребности
field-responsible = Ответственный
field-partners = Партнёры
field-deadline = Срок
field-funding = Финансирование
field-indicator = Индикатор выполнения
field-date = Дата
field-place = Место
field-organiser = Организатор
field-facilitator = Модератор
field-programme = Программа
yes = да
no = нет

## the model's names
group-city-hall = Мэрия
group-local-government = Органы местного самоуправления
group-municipal-service = Муниципальная служба
group-state-body = Государственный орган
group-donor = Международная организация / донор
group-civil-society = Гражданское общество
group-expert = Эксперт
group-community-leader = Лидер сообщества
group-other = Другое
group-short-city-hall = Мэрия
group-short-local-government = ОМСУ
group-short-municipal-service = Мун. служба
group-short-state-body = Госорган
group-short-donor = Донор
group-short-civil-society = НКО
group-short-expert = Эксперт
group-short-community-leader = Сообщество
group-short-other = Другое
category-roads = Дороги
category-water = Вода
category-lighting = Освещение
category-schools = Школы
category-health = Здоровье
category-waste-ecology = Мусор / экология
category-transport = Транспорт
category-governance = Управление
category-social = Социальное
category-other = Другое
need-open = открыта
need-addressed = решена
need-parked = отложена
action-proposed = предложено
action-agreed = согласовано
action-in-progress = выполняется
action-done = выполнено
action-dropped = снято
agenda-pending = впереди
agenda-active = идёт
agenda-done = завершён
agenda-skipped = пропущен
gender-female = женщины
gender-male = мужчины
gender-other = другое
age-under-18 = до 18
age-18-29 = 18–29
age-30-44 = 30–44
age-45-59 = 45–59
age-60 = 60 и старше
kind-proposal = предложение
kind-decision = решение
kind-parking-lot = на потом

## editor
demo-copy = Демо: работа с копией, { $file }
recovery-written = Несохранённые изменения записаны в { $file }

## capture, speakers, proposals
pane-proposals = Предложения
proposals-keys = c/с вид · A/Ф в план · l/д связать с потребностью · ! заметки личные
no-agenda-item = Вне повестки
private-note = личная заметка
proposal-promoted = ✓ в плане действий
col-kind = Вид
col-text = Текст
col-author = Автор
col-links = Связи
field-text = Текст
field-kind = Вид
field-author = Автор
field-agenda-item = Пункт повестки
field-need = Потребность
form-add-proposal = Новое предложение
form-edit-proposal = Предложение
form-add-note = Новая личная заметка
form-edit-note = Личная заметка
capture-hint = т/n потребность · ф/a действие · з/p предложение · в:/d решение · д/l на потом · + участник · ! заметка · й/q очередь — №/#жилмассив, @участник или имя+Tab, Esc закрывает
capture-need = потребность
capture-action = действие
capture-proposal = предложение
capture-decision = решение
capture-parking-lot = вопрос на потом
capture-participant = участник (присутствует)
capture-private-note = личная заметка (не показывается и не экспортируется)
capture-queue = очередь выступающих текущего пункта
capture-error-empty = Напишите что-нибудь после префикса
capture-error-no-prefix = Начните с т/n, ф/a, з/p, в:/d, д/l, +, ! или й/q и пробела
capture-error-nothing = После префикса нечего записать
capture-error-no-active-item = Сначала начните пункт повестки (s/ы в повестке)
capture-error-unresolved = «{ $tag }» — не одно имя: Tab или цифра выбирает
capture-error-tag-too-short = «{ $tag }» ни с кем не совпадает, а одна буква не имя: допишите
capture-error-duplicate = { $name } уже в списке: Enter ещё раз добавит второго человека, @имя отметит присутствие
capture-new-participant = новый участник { $name }
capture-new-settlement = новый жилмассив { $name }
help-section-capture = Строка записи (:)
help-section-filter = Фильтр (/)
help-section-offer = Предложено при запуске (черновик, копия восстановления)
help-capture-tags = метки жилмассива (№ или #) / участника; Tab дополняет, и просто имя тоже (пробелы в именах — через _)
help-capture-recall = прежние строки
help-focus-proposals = Предложения
help-capture = Открыть строку записи
help-next-speaker = Следующий выступающий из очереди
help-end-turn = Закончить выступление
help-queue-speaker = Поставить выбранного участника в очередь
help-cycle-kind = Следующий вид (предложение, решение, на потом)
help-promote = Сделать действие из выбранного предложения
help-link-need = Связать выбранное предложение с потребностью
notice-no-active-item = Ни один пункт повестки не идёт (s/ы начинает)
notice-promoted = Добавлено в план действий
notice-already-promoted = Уже в плане действий
speaking = Выступает:
nobody-speaking = Никто не выступает (t/е даёт слово следующему в очереди)
queue = Очередь:
queue-more = … и ещё { $count }
queue-empty = Очередь пуста (r/к на участнике или : й имя+Tab)
speaking-time-by-group = Время выступлений по группам
draft-found = Сохранён незаконченный ввод от { $time }:
draft-choice = { $key }: продолжить · любая другая клавиша: отбросить

## projector
slide-now = Сейчас
slide-needs = Потребности
slide-actions = План действий
projector-next-up = Далее: { $title }
projector-not-started = Встреча ещё не началась: повестка пока пуста
projector-agenda-done = Повестка завершена
projector-end = Окончание ≈ { $time }
projector-of-planned = из { $planned } по плану
projector-left = осталось { $left }
projector-then = Затем:
projector-needs-title = Потребности с наибольшим числом голосов
projector-actions-title = Согласованные действия
projector-no-actions = Согласованных действий пока нет
projector-more = … и ещё { $count }
overdue = просрочено
present-not-a-session = это программная запись, а не встреча
present-missing = { $file } не найден — показано последнее сохранённое состояние
present-unreadable = { $file } не читается ({ $error }) — показано последнее сохранённое состояние
present-waiting = Ожидание { $file }…
present-quit-again = Ещё раз Esc — выход · q — выход сразу
help-projector = Проектор (← → слайды, r/к смена слайдов, c/с цвета, p/з или Esc назад)
projector-more-places = … и ещё { $count ->
    [one] { $count } жилмассив
    [few] { $count } жилмассива
   *[many] { $count } жилмассивов
}

## export
html-lang = ru
export-binary-to-stdout = { $format } — не текстовый формат; укажите файл через -o
export-exists = { $file } уже существует; --force перезапишет его
export-cannot-write = не удаётся записать { $file }
export-written = Записан { $file }
export-date = Дата
export-place = Место
export-organiser = Организатор
export-facilitator = Модератор
export-attendance = Участники
export-present-of = Присутствовали { $present } из { $total ->
    [one] { $total } приглашённого
   *[other] { $total } приглашённых
}.
export-group = Группа участников
export-present = Присутствовали
export-invited = Приглашены
export-not-given = не указано
export-by-gender = По полу
export-by-age = По возрасту
export-agenda = Повестка
export-no = №
export-item = Пункт
export-presenter = Докладчик
export-planned-min = По плану, мин
export-start = Начало
export-end = Конец
export-spent = Заняло
export-overrun = Сверх плана
export-status = Статус
export-speaking = Время выступлений по группам
export-time = Время
export-share = Доля
export-needs = Потребности по жилмассивам
export-raised-in = Поднята на встречах
export-decisions = Решения
export-proposals = Предложения
export-action-plan = План действий
export-parking-lot = Вопросы на потом
programme-default-title = Программная запись

## merge
merge-into-session = { $file } — встреча, а не программная запись; укажите в --into файл программы
merge-summary-line = { $kind }: добавлено { $added }, обновлено { $updated }, без изменений { $unchanged }
merge-conflict = конфликт: у { $entity } поле { $field } имело и значение { $value } (сохранено в списке конфликтов)
merge-duplicate = возможный дубликат ({ $kind }): { $names } (разные идентификаторы; не объединены)
merge-dry-run = Пробный запуск: ничего не записано.
merge-written = Объединено в { $file }
merge-session-conflict = конфликт: { $entity } изменён с обеих сторон; оставлена более новая версия
merge-driver-kinds = обе стороны должны быть встречами или обе — программными записями
review-previous-plan = Обзор предыдущего плана действий
review-notes = { $count ->
    [one] { $count } открытое действие перенесено
    [few] { $count } открытых действия перенесены
   *[many] { $count } открытых действий перенесено
} с прошлой встречи

## dashboard
dashboard-by-status = Действия по статусу
dashboard-by-settlement = По жилмассивам
dashboard-by-responsible = По ответственным
dashboard-needs = Потребности по встречам
dashboard-group = { $name } — { $count } (просрочено { $overdue })
dashboard-footer = встреч: { $sessions } · действий: { $actions } · просрочено: { $overdue } · 1–4 или Tab: виды · c/с: город · ↑/↓ прокрутка · q/й выход
too-small-short = Окно слишком маленькое

## reliability
help-reload = Перечитать файл, изменённый другой программой
notice-reloaded = Файл загружен в том виде, в каком он на диске
notice-nothing-to-reload = Файл не менялся вне kenesh
notice-read-only = Только чтение: файл открыт ({ $holder })
status-read-only = ТОЛЬКО ЧТЕНИЕ — { $holder }
status-diverted = ФАЙЛ ИЗМЕНЁН ИЗВНЕ — ваша работа сохранена в { $file } — Ctrl-l загружает файл
recovery-found = kenesh остановился в { $time }, и эти изменения не попали в файл.
recovery-choice = { $key }: восстановить их · любая другая клавиша: оставить файл как есть

## counts (plural forms)
participants-count = { $count ->
    [one] { $count } участник
    [few] { $count } участника
   *[many] { $count } участников
}
needs-group = { $name } — { $count ->
    [one] { $count } потребность
    [few] { $count } потребности
   *[many] { $count } потребностей
} · { $votes ->
    [one] { $votes } голос
    [few] { $votes } голоса
   *[many] { $votes } голосов
}
month-1 = января
month-2 = февраля
month-3 = марта
month-4 = апреля
month-5 = мая
month-6 = июня
month-7 = июля
month-8 = августа
month-9 = сентября
month-10 = октября
month-11 = ноября
month-12 = декабря
long-date = { $day } { $month } { $year } г.
welcome = Добро пожаловать!

## config
config-invalid = { $file }:{ $line }:{ $col }: { $error } — настройки не применены; работаю с настройками по умолчанию
config-unknown-action = настройки: неизвестное действие «{ $action }» в keys (список: kenesh config --default)
config-bad-key = настройки: не удаётся прочитать клавиши { $keys } (пишите "x", "Ctrl-s", "F5", "Space")
config-no-folder = в этой системе нет папки для настроек
hours-minutes = { $hours } ч { $minutes }

## loading
load-cannot-read = { $file }: не удаётся прочитать файл: { $error }
load-too-new = формат { $found } новее, чем понимает эта версия kenesh (до { $supported }); обновите kenesh, чтобы открыть файл. Файл не изменён.
load-empty = файл пуст; ожидалось `Session(` или `Program(`
load-expected-record = в начале файла ожидалось `Session(` или `Program(`
load-expected-paren = после имени записи ожидалась `(`
load-expected-format = первым полем ожидалось `format: N`
load-expected-colon = после `format` ожидалось `:`
load-expected-number = ожидалась версия формата, целое число, например 2
load-format-zero = формата 0 не существует; первый формат — 1
load-invalid-utf8 = неверный UTF-8 (байт { $byte }); сохраните файл в UTF-8
load-too-deep = слишком глубокая вложенность (больше 128 уровней); в файлах kenesh такой не бывает
load-no-programme-format = программные записи начинаются с формата { $current }; в формате { $found } их не было
load-unknown-format = формат { $found } kenesh никогда не записывал
save-changed-outside = { $file } изменён другой программой; ваша версия сохранена в { $kept }
lock-holder = процесс { $pid } на { $host } с { $time }
lock-this-computer = этот компьютер
merge-kind-sessions = встречи
merge-kind-settlements = жилмассивы
merge-kind-participants = участники
merge-kind-needs = потребности
merge-kind-actions = действия
merge-kind-proposals = предложения
form-edit-settlement = Жилмассив
field-city = Город
help-edit-settlement = Изменить жилмассив выбранной строки (название, город)
notice-no-settlement = У выбранной строки нет жилмассива

# Files and the journal (store)
file-not-regular = { $file } — это { $what }, а не обычный файл; kenesh читает и пишет только обычные файлы (удалите или переименуйте его)
file-kind-fifo = именованный канал (FIFO)
file-kind-device = устройство
file-kind-socket = сокет
file-kind-folder = папка
file-kind-link = символическая ссылка
file-kind-other = не обычный файл
file-too-large = { $file } больше { $limit } МБ; файл kenesh никогда не бывает таким большим
save-deleted-outside = { $file } удалён или перемещён другой программой; ваша версия сохранена в { $kept }
lock-hard-links = У { $file } { $count } имён (жёстких ссылок); сохранение разделило бы их, поэтому файл открыт только для чтения. Скопируйте его (cp) и откройте копию.
snapshot-failed = Не удалось перезаписать { $file } ({ $error }); ваши правки сохранены в журнале — повторяем
status-snapshot-failed = ФАЙЛ НЕ ОБНОВЛЁН: { $error }
notice-fold-failed = Не удалось перенести журнал в файл ({ $error }); журнал остаётся рядом с файлом, ничего не потеряно
notice-folded = { $count ->
    [one] { $count } правка из журнала теперь в файле
    [few] { $count } правки из журнала теперь в файле
   *[many] { $count } правок из журнала теперь в файле
}
notice-folded-conflict = { $count ->
    [one] { $count } правка уже не применима (файл изменён после неё) и сохранена в { $file }
    [few] { $count } правки уже не применимы (файл изменён после них) и сохранены в { $file }
   *[many] { $count } правок уже не применимы (файл изменён после них) и сохранены в { $file }
}
notice-folded-damaged = нечитаемые строки журнала { $lines } сохранены в { $file }
quit-diverted = { $file } изменён вне kenesh: ваша версия в { $kept }, а не в { $file }
quit-journal-only = Не удалось перезаписать { $file }; последние правки в { $journal }, kenesh перенесёт их в файл при следующем открытии
notice-read-only-refused = Только чтение: этот редактор не может менять файл ({ $holder })
check-journal-other-version = { $file }: журнал продолжает другую версию файла: { $applied } правок применимы, { $rejected } нет (редактор сохранит их в копии конфликта)
check-journal-bad-lines = { $file }: нечитаемые строки журнала: { $lines }
read-only-locked = открыт в другом kenesh ({ $holder })
read-only-invalid = в файле ошибки (см. kenesh check); только просмотр
invalid-file-not-opened = в файле ошибки, перечисленные выше, поэтому он не открыт для правки; запустите kenesh FILE в терминале, чтобы исправить его или открыть только для чтения
invalid-file-prompt = В этом файле ошибки, перечисленные выше. [r] исправить (новые id для повторов, битые ссылки очищены; файл в нынешнем виде сохранится рядом), [v] только просмотр, Enter — выйти:
invalid-file-repaired = Исправлено: новых id — { $ids }, очищено битых ссылок — { $references }; файл в прежнем виде сохранён в { $kept }
## Справка командной строки (kenesh --help)
cli-unknown-command = неизвестная команда '{ $word }' — может быть, '{ $suggestion }'? (kenesh --help перечисляет команды)
cli-not-a-session-name = файла '{ $file }' нет. kenesh создаёт новую сессию только для имени, оканчивающегося на .ron (например, kenesh { $file }.ron), или используйте kenesh new
cli-about = Круглые столы из терминала: повестка с таймерами, участники, доска потребностей и план действий в файлах RON.
cli-heading-usage = Использование
cli-heading-arguments = Аргументы
cli-heading-options = Параметры
cli-heading-commands = Команды
cli-flag-help = Показать справку
cli-flag-version = Показать версию
cli-cmd-help = Показать эту справку или справку по команде
cli-arg-lang = Язык интерфейса: en, ru или ky (по умолчанию: файл настроек, затем LC_ALL / LC_MESSAGES / LANG)
cli-arg-theme = Цвета проектора: dark (тёмная), light (для светлых залов) или high-contrast (контрастная)
cli-arg-file = Файл заседания или программы для редактора (создаётся, если его нет). Без него: сегодняшнее заседание в папке заседаний
cli-cmd-new = Создать файл заседания ГГГГ-ММ-ДД-<название>.ron
cli-cmd-new-title = Название встречи (можно кириллицей; имя файла транслитерируется)
cli-cmd-new-date = Дата встречи, 2026-11-26 или 26.11.2026 (по умолчанию: сегодня)
cli-cmd-new-dir = Папка для файла (по умолчанию: папка заседаний)
cli-cmd-new-from = Начать с записи программы или прошлого заседания: жилмассивы, люди, открытые потребности, вопросы на потом и открытые действия
cli-cmd-demo = Открыть в редакторе черновую копию встроенного примера
cli-cmd-present = Показать FILE на проекторе, только для чтения, следуя за сохранениями редактора (тот же компьютер, общая папка или SSH)
cli-cmd-present-file = Файл заседания для показа
cli-cmd-present-rotate = Менять слайды каждые столько секунд (0: только вручную; по умолчанию: файл настроек)
cli-cmd-config = Где файл настроек, или настройки по умолчанию с комментариями
cli-cmd-config-path = Напечатать путь к файлу настроек
cli-cmd-config-default = Напечатать настройки по умолчанию с комментариями
cli-cmd-completions = Напечатать автодополнение для оболочки
cli-cmd-completions-shell = Оболочка: bash, zsh, fish, elvish или powershell
cli-cmd-export = Выгрузить план действий и протокол заседания или программы
cli-cmd-export-file = Файл заседания или программы для выгрузки
cli-cmd-export-format = Формат выгрузки
cli-cmd-export-output = Файл результата; - пишет текстовые форматы в стандартный вывод. По умолчанию: рядом с FILE, по названию заседания
cli-cmd-export-table = Какую таблицу содержит CSV
cli-cmd-export-status = Только действия с этим статусом (можно повторять)
cli-cmd-export-settlement = Только потребности этого жилмассива и связанные с ними действия
cli-cmd-export-responsible = Только действия, где ответственный содержит этот текст
cli-cmd-export-delimiter = Разделитель CSV, один символ (по умолчанию ; для русского и кыргызского интерфейса, как ждёт Excel с русскими настройками; иначе ,)
cli-cmd-export-include-contacts = JSON: оставить телефоны и e-mail участников
cli-cmd-export-document = Markdown, HTML, DOCX: протокол или лист регистрации для печати перед встречей; donor (также XLSX): таблицы для донора
cli-cmd-export-calendar = iCalendar: задачи или события на весь день с напоминанием за неделю
cli-cmd-export-force = Перезаписать существующий файл
cli-cmd-merge = Объединить заседания (или другие записи программы) в запись программы
cli-cmd-merge-inputs = Файлы заседаний или программ для объединения
cli-cmd-merge-into = Запись программы (по умолчанию: program.ron рядом с папкой заседаний)
cli-cmd-merge-dry-run = Напечатать сводку и ничего не записывать
cli-cmd-merge-driver = Драйвер слияния git для файлов заседаний и программ: kenesh merge-driver %O %A %B
cli-cmd-merge-driver-base = Общий предок (%O)
cli-cmd-merge-driver-ours = Наша версия, её заменит результат (%A)
cli-cmd-merge-driver-theirs = Их версия (%B)
cli-cmd-check = Проверить файлы заседаний и программ; код выхода 1, если какой-то неверен
cli-cmd-check-files = Файлы для проверки
cli-possible-values = значения
cli-default-value = по умолчанию
quit-file-behind = Сам файл перезаписать не удалось; ваши правки сохранены в журнале рядом с ним.
load-truncated-utf8 = файл обрывается посреди символа: похоже, он обрезан (при копировании или записи)
merge-no-folder = не удаётся записать { $file }: папки { $folder } нет
check-journal-other-session = { $file }: журнал рядом с ним принадлежит другому заседанию и не применяется (редактор отложит его в сторону)
notice-folded-other-session = рядом с файлом лежал журнал другого заседания; он отложен как { $file }
notice-not-queued = Этого человека нет в очереди (или он уже первый / последний)
notice-queue-empty = Очередь выступающих пуста
notice-queue-dropped = Очередь выступающих очищена
notice-queue-carried = { $count ->
    [one] { $count } человек из очереди перенесён
    [few] { $count } человека из очереди перенесены
   *[other] { $count } человек из очереди перенесены
} в «{ $item }» — X очищает очередь
help-drop-queue = Очистить очередь выступающих
help-unqueue = Убрать выбранного из очереди выступающих
help-queue-up = Поднять выбранного в очереди
help-queue-down = Опустить выбранного в очереди
notice-key-elsewhere = { $key } работает в: { $panes }
export-id = ID
export-city = Город
export-overdue = Просрочено
export-history = История статусов
export-last-update = Последнее изменение
export-session = Встреча
export-linked-actions = Связанные действия
xlsx-sheet-actions = Действия
xlsx-sheet-attendance = Участие
xlsx-sheet-needs = Потребности
xlsx-sheet-speaking = Время выступлений
xlsx-all-of-group = Вся группа
export-bad-delimiter = --delimiter — это один символ ASCII, кроме кавычки и конца строки, а не «{ $delimiter }»
export-nothing-matched = внимание: под фильтры ничего не подходит; в экспорте нет строк
export-participant-list = Список участников
export-agenda-notes = Записи по пунктам повестки
export-signatures = Подписи
export-sign-in = Лист регистрации участников
export-phone = Телефон
export-signature = Подпись
export-sign-in-formats = лист регистрации делается в форматах markdown, html или docx
field-secretary = Секретарь
protocol-title = ПРОТОКОЛ № ____
protocol-chair = Председательствующий
protocol-secretary = Секретарь
protocol-present = ПРИСУТСТВОВАЛИ: { $count } { $count ->
    [one] человек
    [few] человека
   *[many] человек
} (список прилагается).
protocol-agenda = ПОВЕСТКА ДНЯ
protocol-heard = СЛУШАЛИ
protocol-spoke = ВЫСТУПИЛИ
protocol-decided = РЕШИЛИ
protocol-other-decisions = Прочие решения
protocol-attachment = Приложение 1: список участников

## exports: durations, protocol number, letterhead (docs branch)
export-duration-min = { $minutes } мин
export-duration-h-min = { $hours } ч { $minutes } мин
export-duration-min-s = { $minutes } мин { $seconds } с
export-duration-h-min-s = { $hours } ч { $minutes } мин { $seconds } с
export-planned = По плану
protocol-title-number = ПРОТОКОЛ № { $number }
field-protocol-number = Протокол №
letterhead-logo-unreadable = Логотип для бланка { $file } не читается ({ $error }); документ выгружен без логотипа.
letterhead-logo-not-image = Логотип для бланка { $file } — не PNG и не JPEG; документ выгружен без логотипа.

## follow: dashboard, new --from, merge --title, import (issue 19)
dashboard-needs-without-action = Потребности без действий:
dashboard-co-responsible = Соисполнители: { $bodies }
dashboard-no-action = нет действия
cli-cmd-merge-title = Название программы: показывается в сводке и экспорте вместо ключа
cli-cmd-export-city = Только потребности жилмассивов этого города и связанные с ними действия
cli-cmd-import = Добавить участников из списка регистрации (XLSX, ODS или CSV) во встречу; показывает соответствие столбцов; все строки или ни одной
cli-cmd-import-session = Файл встречи, в который добавить участников
cli-cmd-import-file = Список регистрации: .xlsx, .xls, .ods или .csv (UTF-8)
cli-cmd-import-dry-run = Показать соответствие столбцов и что будет добавлено; ничего не записывать
import-field-name = ФИО
import-field-organisation = организация
import-field-gender = пол
import-field-age = возрастная группа
import-field-phone = телефон
import-field-email = эл. почта
import-field-settlement = жилмассив
import-field-group = группа участников
import-ignored = (не используется)
import-mapping = Столбцы:
import-no-header = { $file }: в первых десяти строках нет заголовка со столбцом имени (ФИО, Фамилия Имя, Аты-жөнү, Name)
import-not-a-session = { $file } — запись программы, а не встреча: импортируйте в файл встречи
import-no-name = нет имени
import-bad-value = { $field } «{ $value }» не распознано ({ $hint })
import-hint-gender = Ж/М, жен./муж., аял/эркек, F/M
import-hint-age = возраст в годах или группа, например 18–29, 60+
import-hint-group = группа участников, например мэрия, ОМСУ, НКО, эксперт
import-duplicate = Строка { $row }: { $name } уже в списке как { $listed }; не добавлен(а)
import-problem = Строка { $row }: { $problem }
import-nothing-added = { $count ->
    [one] В { $count } строке ошибка: ничего не импортировано. Исправьте и импортируйте снова.
   *[other] В { $count } строках ошибки: ничего не импортировано. Исправьте и импортируйте снова.
}
import-would-add = Будет добавлено участников: { $count } (новых жилмассивов: { $settlements }). Ничего не записано (--dry-run).
import-added = Добавлено участников: { $count } (новых жилмассивов: { $settlements }) в { $file }
import-locked = { $file }: { $holder } — закройте его там и повторите импорт
import-journal = В { $file } есть правки прерванного редактора: откройте его один раз в kenesh, затем импортируйте
import-cannot-read = Не удалось прочитать { $file }
import-unknown-format = { $file }: импорт читает .xlsx, .xls, .ods или .csv
import-not-utf8 = файл не в UTF-8 (возможно, Windows-1251): в Excel сохраните его как «CSV UTF-8 (разделитель — запятая)»

## Programme progress and donor tables (#19)
cli-cmd-status = Отметить ход выполнения мероприятия между встречами, только в записи программы (файлы заседаний не переписываются)
cli-cmd-status-program = Запись программы
cli-cmd-status-action = Мероприятие: его номер в экспорте записи или его id
cli-cmd-status-status = Новый статус
cli-cmd-status-note = Что произошло (видно в истории мероприятия)
cli-cmd-status-date = Когда: 2026-12-05 или 05.12.2026 (по умолчанию сегодня)
status-bad-date = «{ $date }» — не дата; напишите 2026-12-05 или 05.12.2026
status-not-a-record = { $file } — файл заседания; ход выполнения между встречами отмечается в записи программы (её делает kenesh merge)
status-unknown-action = в { $file } нет мероприятия «{ $action }»: укажите его номер (от 1 до { $count }) или id
status-recorded = Мероприятие { $number } ({ $what }): { $status }, { $date }
history-meeting = { $date } встреча: { $status }
history-update = { $date }: { $status }
donor-formats = таблицы для донора делаются в форматах markdown, html, docx или xlsx
donor-title = Таблицы для донора: { $title }
donor-participation = Участие
donor-session = Встреча
donor-participations = Участий (все встречи)
donor-unique = Уникальных участников
donor-cross-tab = Участники по группам, полу и возрасту
donor-gender = Пол
donor-total = Итого
donor-speaking-group = Время выступлений по группам
donor-speaking-gender = Время выступлений по полу
donor-minutes = Минуты
donor-needs = Потребности по жилмассивам
donor-with-action = С мероприятием
donor-without-action = Без мероприятия
donor-needs-without = Потребности без мероприятий ({ $count })
donor-actions = Мероприятия по статусу (просрочено на { $date })
donor-count = Мероприятий
history-note = Примечание
merge-input = { $file }:

## Screens (issue 17): the capture line's bare "в"
capture-error-ambiguous-v = Строка с «в» в начале читается как фраза: для решения пишите «в:» или d, для потребности — т
projector-due = до { $date }
kind-badge-proposal = П
kind-badge-decision = Р
kind-badge-parking-lot = Н

## Protocol minutes (issue 18): proposals, parking lot and the timing attachment
protocol-proposals = ПРЕДЛОЖЕНИЯ
protocol-parking-lot = ОТЛОЖЕННЫЕ ВОПРОСЫ
protocol-attachment-timing = Приложение 2: регламент и время выступлений
protocol-timing-agenda = Повестка: время по плану и фактически
protocol-speaking-groups = Время выступлений по группам
protocol-speaking-people = Время выступлений по участникам

## The key table's mode scopes (issue 15: one key table for every mode)
help-section-help = В этой справке
help-section-confirm = Вопрос о выходе
help-section-projector = Проектор (p)
help-section-dashboard = Панель программы
help-section-present = kenesh present
help-form-choose-prev = Предыдущий вариант в списке
help-form-first = Первый вариант в списке (в тексте: в начало)
help-form-last = Последний вариант в списке (в тексте: в конец)
help-form-letter = К следующему варианту на эту букву
help-capture-close = Закрыть строку записи
help-filter-keep = Оставить фильтр
help-filter-clear = Сбросить фильтр
help-offer-take = Вернуть (любая другая клавиша отбрасывает)
help-capture-submit = Записать строку (строка остаётся открытой)
help-capture-complete = Дополнить метку
help-capture-recall-next = более поздние строки
help-key-close = Закрыть справку
help-help-first = В начало
help-help-last = В конец
help-confirm-quit = Всё равно выйти (любая другая клавиша — назад)
help-slide-next = Следующий слайд
help-slide-prev = Предыдущий слайд
help-rotate = Листать слайды / остановить
help-cycle-theme = Другие цвета
help-projector-close = Назад в редактор
help-dashboard-quit = Выйти из панели
help-tab-next = Следующая вкладка
help-tab-prev = Предыдущая вкладка
help-scroll-down = Прокрутить вниз
help-scroll-up = Прокрутить вверх
help-scroll-top = Наверх
help-cycle-city = Следующий город (все, затем каждый)
help-present-quit = Выйти
help-present-quit-twice = Выйти (нажать дважды: случайный Esc не прерывает показ)

## Several editors on one session
help-take-mine = Вернуть мою версию (после конфликта с другим редактором)
read-only-asked = открыт с --read-only
cli-arg-read-only = Открыть заседание только для просмотра: без правок, следом за пишущими
together-someone = Другой редактор
notice-conflict = { $who } { $kind ->
        [need] изменил(а) эту потребность
        [action] изменил(а) это действие
        [proposal] изменил(а) это предложение
        [participant] изменил(а) этого участника
        [agenda] изменил(а) этот пункт повестки
        [settlement] изменил(а) этот жилмассив
        [turn] изменил(а) это выступление
        [note] изменил(а) эту заметку
       *[other] изменил(а) эту запись
    } в { $time }; ваш текст сохранён в конфликтах ({ $key } — вернуть его)
notice-no-conflict = Нет конфликта, который можно вернуть
notice-took-mine = Ваша версия возвращена
notice-undo-changed-since = Другой редактор изменил это после вашей правки: нажмите u ещё раз, чтобы всё равно отменить
presence-active = { $who } { $time }
presence-idle = { $who } (нет активности)
