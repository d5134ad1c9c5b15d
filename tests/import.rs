//! `kenesh import`: a registration list (CSV or XLSX, Russian headers) adds
//! participants, all or nothing, reporting duplicates and bad rows.

mod common;

use std::path::Path;

use kenesh::model::{AgeBand, Gender, Participant, Session, Settlement, StakeholderGroup};
use kenesh::store::to_ron;

fn run(args: &[&str], cwd: &Path) -> std::process::Output {
    common::kenesh()
        .args(["--lang", "ru"])
        .args(args)
        .current_dir(cwd)
        .env("XDG_CONFIG_HOME", cwd.join("no-config"))
        .env("HOME", cwd.join("no-config"))
        .output()
        .unwrap()
}

fn text(out: &std::process::Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

/// A session with Айгуль Иванова and the settlement Ак-Жар.
fn session_file(dir: &Path) -> (std::path::PathBuf, Settlement) {
    let now = common::at("2026-12-01T09:00:00+06:00");
    let mut session = Session::new("Встреча", now.date_naive(), now);
    let settlement = Settlement::new("Ак-Жар", now);
    session.settlements.push(settlement.clone());
    session.participants.push(Participant::new(
        "Иванова Айгуль",
        StakeholderGroup::CivilSociety,
        now,
    ));
    let path = dir.join("meeting.ron");
    std::fs::write(&path, to_ron(&session).unwrap()).unwrap();
    (path, settlement)
}

const HEADER: &str = "№;Ф.И.О.;Организация;Пол;Возраст;Телефон;Эл. почта;Жилмассив;Категория\n";
const GOOD: &str = "1;Асанов Бакыт;Мэрия г. Бишкек;муж.;34;+996 555 123456;b@example.kg;ак-жар;мэрия\n\
                    2;иванова  айгуль;ОО «Ынтымак»;Ж;18–29;;;;НКО\n\
                    3;Токтогулова Нурзат;;аял;60+;;;Ала-Тоо;\n";

#[test]
fn a_csv_list_adds_new_people_reports_duplicates_and_a_bad_row_stops_everything() {
    let dir = tempfile::tempdir().unwrap();
    let (session, akzhar) = session_file(dir.path());
    let original = std::fs::read(&session).unwrap();
    // Excel's "CSV UTF-8": a byte order mark, `;`, a title row above the header.
    let bad = format!("\u{feff}Список регистрации;;\n{HEADER}{GOOD}4;Петров Пётр;;х;сто;;;;\n");
    std::fs::write(dir.path().join("bad.csv"), bad).unwrap();
    let out = run(&["import", "meeting.ron", "bad.csv"], dir.path());
    let said = text(&out);
    assert!(!out.status.success(), "{said}");
    assert!(said.contains("«Ф.И.О.» → ФИО"), "the mapping is shown:\n{said}");
    assert!(said.contains("«Эл. почта» → эл. почта"), "{said}");
    assert!(said.contains("Строка 6: пол «х»"), "the bad row by number:\n{said}");
    assert!(said.contains("возрастная группа «сто»"), "every problem of the row:\n{said}");
    assert_eq!(std::fs::read(&session).unwrap(), original, "nothing half-imported");

    std::fs::write(dir.path().join("good.csv"), format!("\u{feff}Список;;\n{HEADER}{GOOD}"))
        .unwrap();
    let out = run(&["import", "meeting.ron", "good.csv", "--dry-run"], dir.path());
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("Будет добавлено участников: 2"), "{}", text(&out));
    assert_eq!(std::fs::read(&session).unwrap(), original, "--dry-run writes nothing");

    let out = run(&["import", "meeting.ron", "good.csv"], dir.path());
    let said = text(&out);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("Строка 4: иванова айгуль уже в списке как Иванова Айгуль"), "{said}");
    let s = common::load_session(&session);
    assert_eq!(s.participants.len(), 3, "two added, the duplicate not");
    let bakyt = s.participants.iter().find(|p| p.name == "Асанов Бакыт").unwrap();
    assert_eq!(bakyt.gender, Some(Gender::Male));
    assert_eq!(bakyt.age_band, Some(AgeBand::From30To44), "an age in years maps to its band");
    assert_eq!(bakyt.group, StakeholderGroup::CityHall);
    assert_eq!(bakyt.organisation, "Мэрия г. Бишкек");
    assert_eq!(bakyt.settlement, Some(akzhar.id), "a known settlement, any case");
    assert!(bakyt.contact.contains("+996 555 123456") && bakyt.contact.contains("b@example.kg"));
    let nurzat = s.participants.iter().find(|p| p.name == "Токтогулова Нурзат").unwrap();
    assert_eq!((nurzat.gender, nurzat.age_band), (Some(Gender::Female), Some(AgeBand::From60)));
    assert!(s.settlements.iter().any(|x| x.name == "Ала-Тоо" && Some(x.id) == nurzat.settlement));
}

#[test]
fn an_xlsx_list_with_russian_headers_imports_and_reports_its_bad_row() {
    let dir = tempfile::tempdir().unwrap();
    let (session, _) = session_file(dir.path());
    let write = |name: &str, rows: &[(&str, &str, &str, f64)]| {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (col, header) in
            ["Фамилия Имя", "Пол", "Возрастная группа", "Организация", "Возраст (лет)"]
                .iter()
                .enumerate()
        {
            sheet.write_string(0, col as u16, *header).unwrap();
        }
        for (i, (name, gender, band, age)) in rows.iter().enumerate() {
            let row = i as u32 + 1;
            sheet.write_string(row, 0, *name).unwrap();
            sheet.write_string(row, 1, *gender).unwrap();
            sheet.write_string(row, 2, *band).unwrap();
            sheet.write_number(row, 4, *age).unwrap();
        }
        book.save(dir.path().join(name)).unwrap();
    };
    let good =
        [("Иванова Айгуль", "Ж", "30-44", 35.0), ("Эркинбаев Талант", "эркек", "18-29", 22.0)];
    let mut bad = good.to_vec();
    bad.push(("Сыдыкова Бермет", "Ж", "18-60", 40.0));
    write("bad.xlsx", &bad);
    let original = std::fs::read(&session).unwrap();
    let out = run(&["import", "meeting.ron", "bad.xlsx"], dir.path());
    let said = text(&out);
    assert!(!out.status.success(), "{said}");
    assert!(said.contains("Строка 4: возрастная группа «18-60»"), "{said}");
    assert!(said.contains("E «Возраст (лет)» → (не используется)"), "second age column: {said}");
    assert_eq!(std::fs::read(&session).unwrap(), original);

    write("good.xlsx", &good);
    let out = run(&["import", "meeting.ron", "good.xlsx"], dir.path());
    let said = text(&out);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("Строка 2: Иванова Айгуль уже в списке"), "{said}");
    let s = common::load_session(&session);
    let talant = s.participants.iter().find(|p| p.name == "Эркинбаев Талант").unwrap();
    assert_eq!((talant.gender, talant.age_band), (Some(Gender::Male), Some(AgeBand::From18To29)));
    assert_eq!(s.participants.len(), 2);
}

#[test]
fn an_open_editor_or_a_windows_1251_file_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let (session, _) = session_file(dir.path());
    std::fs::write(dir.path().join("list.csv"), format!("{HEADER}{GOOD}")).unwrap();
    let (mut editor, _) = kenesh::store::SessionFile::open(&session).unwrap();
    editor.lock().unwrap();
    let out = run(&["import", "meeting.ron", "list.csv"], dir.path());
    assert!(!out.status.success());
    assert!(text(&out).contains("открыт в другом kenesh"), "{}", text(&out));
    drop(editor);

    // "ФИО;Пол" in Windows-1251.
    std::fs::write(dir.path().join("cp1251.csv"), b"\xd4\xc8\xce;\xcf\xee\xeb\n\xc0;\xc6\n")
        .unwrap();
    let out = run(&["import", "meeting.ron", "cp1251.csv"], dir.path());
    assert!(!out.status.success());
    assert!(text(&out).contains("CSV UTF-8"), "{}", text(&out));
}

/// A FIFO named by mistake (or planted) is refused at once, never waited on.
#[cfg(unix)]
#[test]
fn a_fifo_instead_of_a_list_is_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let (session, _) = session_file(dir.path());
    let before = std::fs::read(&session).unwrap();
    let fifo = dir.path().join("list.csv");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    // Spawned with a deadline: a reader that opens the FIFO would wait for
    // a writer forever, and the test must fail rather than hang.
    let mut child = common::kenesh()
        .args(["--lang", "ru", "import", "meeting.ron", "list.csv"])
        .current_dir(dir.path())
        .env("XDG_CONFIG_HOME", dir.path().join("no-config"))
        .env("HOME", dir.path().join("no-config"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            child.kill().unwrap();
            panic!("kenesh import blocked on a FIFO");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    assert!(!out.status.success());
    assert!(text(&out).contains("list.csv"), "{}", text(&out));
    assert_eq!(std::fs::read(&session).unwrap(), before, "the session is untouched");
}
