//! Saving at the edge: every change goes to the journal (durable in a
//! millisecond); the whole file is rewritten from a background thread every
//! few seconds while edits wait, and on quit. Retries are paced after a
//! failure, the draft file follows what is being typed, and the file is
//! reloaded when asked.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::Duration;

use super::msg::Msg;
use crate::model::{Change, Session, Timestamp};
use crate::store::{Loaded, SaveError, SessionFile, SnapshotDone};

/// How long to wait before trying again after a failed save.
const RETRY_AFTER: Duration = Duration::from_secs(1);

/// How often journaled edits are folded into the file itself. Readers
/// replay the journal, so this only bounds the journal's length.
const SNAPSHOT_EVERY: Duration = Duration::from_secs(3);

type SnapshotResult = Result<SnapshotDone, SaveError>;

pub struct Saver {
    file: SessionFile,
    failed_at: Option<Timestamp>,
    /// When the last snapshot started (or failed): the next waits 3 s.
    snapshot_at: Option<Timestamp>,
    /// A snapshot being written by a background thread.
    in_flight: Option<Receiver<SnapshotResult>>,
    draft_path: PathBuf,
    draft_on_disk: bool,
    /// A draft left by a writer that is gone, offered back at start:
    /// removed once what it held is ours (the first draft sync).
    adopted_draft: Option<PathBuf>,
    /// Changes applied since the last save, to journal (`Effect::Save`).
    pending: Vec<Change>,
    /// The session was replaced as a whole (a restore), or a rewrite
    /// failed: the next save must rewrite the file rather than journal.
    needs_rewrite: bool,
}

fn seconds_since(now: Timestamp, then: Timestamp) -> Duration {
    (now - then).to_std().unwrap_or(Duration::ZERO)
}

impl Saver {
    pub fn new(file: SessionFile) -> Saver {
        let draft_path = match file.writer() {
            Some(writer) => file.sidecars().writer_draft(writer),
            None => file.sidecars().draft(),
        };
        let draft_on_disk = draft_path.exists();
        Saver {
            file,
            failed_at: None,
            snapshot_at: None,
            in_flight: None,
            draft_path,
            draft_on_disk,
            adopted_draft: None,
            pending: Vec::new(),
            needs_rewrite: false,
        }
    }

    /// Changes `update` applied, waiting for the next `persist`.
    pub fn queue(&mut self, changes: Vec<Change>) {
        self.pending.extend(changes);
    }

    /// The next `persist` rewrites the whole file.
    pub fn rewrite_next(&mut self) {
        self.needs_rewrite = true;
    }

    pub fn path(&self) -> &Path {
        self.file.path()
    }

    pub fn journal_path(&self) -> PathBuf {
        self.file.journal_path().unwrap_or_else(|| self.file.sidecars().journal())
    }

    /// Writes what is being typed to the draft file, or removes the file
    /// when nothing is. A failure here is not worth interrupting anyone:
    /// the session itself is saved separately.
    pub fn sync_draft(&mut self, draft: Option<&super::draft::Draft>) {
        if let Some(adopted) = self.adopted_draft.take().filter(|p| *p != self.draft_path) {
            let _ = std::fs::remove_file(adopted);
        }
        match draft {
            Some(draft) => {
                if let Ok(text) = crate::store::to_ron(draft)
                    && crate::store::write_sidecar_atomic(&self.draft_path, text.as_bytes()).is_ok()
                {
                    self.draft_on_disk = true;
                }
            }
            None if self.draft_on_disk && std::fs::remove_file(&self.draft_path).is_ok() => {
                self.draft_on_disk = false;
            }
            None => {}
        }
    }

    /// The draft offered back at start (left by a writer that is gone).
    pub fn adopt_draft(&mut self, path: PathBuf) {
        self.adopted_draft = Some(path);
    }

    /// False while waiting to retry a failed save.
    pub fn ready(&self, now: Timestamp) -> bool {
        self.retry_in(now).is_zero()
    }

    pub fn retry_in(&self, now: Timestamp) -> Duration {
        let Some(failed) = self.failed_at else { return Duration::ZERO };
        RETRY_AFTER.saturating_sub(seconds_since(now, failed))
    }

    /// Makes the session at `revision` durable: the queued changes appended
    /// to the journal (milliseconds, whatever the size of the session) when
    /// possible, else by rewriting the whole file.
    pub fn persist(&mut self, session: &Session, revision: u64, now: Timestamp) -> Msg {
        if let Err(holder) = self.file.lock_intact() {
            let msg = self.lost_lock(session, revision, holder.to_string());
            if matches!(msg, Msg::LostLock { .. }) {
                // No longer the writer: nothing more goes to this file.
                self.pending.clear();
            }
            return msg;
        }
        if !self.needs_rewrite
            && !self.pending.is_empty()
            && self.file.append_placed(now, &self.pending, Some(session)).is_ok()
        {
            self.pending.clear();
            self.failed_at = None;
            self.snapshot_at.get_or_insert(now);
            return Msg::Saved { revision };
        }
        // A full rewrite holds everything; until one succeeds, no edit may
        // go to the journal (it would miss the ones before it).
        self.pending.clear();
        self.needs_rewrite = true;
        self.wait_for_snapshot();
        let msg = self.save(session, revision, now);
        if matches!(msg, Msg::Saved { .. } | Msg::Diverted { .. }) {
            self.needs_rewrite = false;
            self.snapshot_at = None;
        }
        msg
    }

    /// Another kenesh took the lock (ours was deleted and remade): we are
    /// no longer the writer. What we have goes to a conflict copy.
    fn lost_lock(&mut self, session: &Session, revision: u64, holder: String) -> Msg {
        let kept_in = self
            .file
            .sidecars()
            .conflict(&chrono::Local::now().format("%Y%m%d-%H%M%S").to_string());
        let written = crate::store::to_ron(session)
            .map_err(std::io::Error::other)
            .and_then(|text| crate::store::write_sidecar_atomic(&kept_in, text.as_bytes()));
        match written {
            Ok(()) => Msg::LostLock { revision, holder, kept_in: kept_in.display().to_string() },
            Err(e) => Msg::SaveFailed { revision, error: e.to_string() },
        }
    }

    /// Whether journaled edits should be folded into the file now.
    pub fn snapshot_due(&self, now: Timestamp) -> bool {
        self.in_flight.is_none()
            && self.file.has_journal_entries()
            && self.snapshot_at.is_none_or(|at| seconds_since(now, at) >= SNAPSHOT_EVERY)
    }

    /// Starts folding the journal into the file on a background thread, so
    /// no key waits for a large session to be written.
    pub fn start_snapshot(&mut self, session: &Session, now: Timestamp) {
        let job = self.file.snapshot_job(session.clone());
        let (tx, rx) = channel();
        let spawned = std::thread::Builder::new().name("kenesh-snapshot".into()).spawn(move || {
            let _ = tx.send(job.write());
        });
        self.snapshot_at = Some(now);
        if spawned.is_ok() {
            self.in_flight = Some(rx);
        }
    }

    /// Whether a snapshot is being written.
    pub fn snapshot_in_flight(&self) -> bool {
        self.in_flight.is_some()
    }

    /// The result of a finished background snapshot, if one finished.
    pub fn poll_snapshot(&mut self, revision: u64) -> Option<Msg> {
        let rx = self.in_flight.as_ref()?;
        let result = match rx.try_recv() {
            Ok(result) => result,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => {
                Err(SaveError::Io(std::io::Error::other("snapshot thread stopped")))
            }
        };
        self.in_flight = None;
        Some(self.snapshot_finished(result, revision))
    }

    fn wait_for_snapshot(&mut self) -> Option<SnapshotResult> {
        let rx = self.in_flight.take()?;
        let result = rx.recv().unwrap_or_else(|_| {
            Err(SaveError::Io(std::io::Error::other("snapshot thread stopped")))
        });
        // Only the journal's bookkeeping is left to do.
        if let Ok(done) = &result {
            let _ = self.file.finish_snapshot(done);
        }
        Some(result)
    }

    fn snapshot_finished(&mut self, result: SnapshotResult, revision: u64) -> Msg {
        let result = result.and_then(|done| {
            self.file.finish_snapshot(&done)?;
            Ok(done)
        });
        match result {
            Ok(SnapshotDone::Replaced { .. } | SnapshotDone::Unchanged) => Msg::SnapshotWritten,
            Ok(SnapshotDone::Diverted { kept_in, .. }) => {
                Msg::Diverted { revision, kept_in: kept_in.display().to_string() }
            }
            Err(e) => Msg::SnapshotFailed {
                error: crate::i18n::targs(
                    "snapshot-failed",
                    &[
                        ("file", self.file.path().display().to_string().into()),
                        ("error", e.to_string().into()),
                    ],
                ),
            },
        }
    }

    /// On quit: folds the journals into the file now, on this thread.
    /// Another editor folding at the same moment is waited for (a little).
    /// `None` when nothing waits or it worked.
    pub fn final_snapshot(&mut self, session: &Session, revision: u64) -> Option<Msg> {
        if let Some(Err(_)) = self.wait_for_snapshot() {
            // Tried again below with everything.
        }
        // Our journal must be there to be folded (a sync tool may have
        // carried its deletion from another laptop's folder).
        let _ = self.file.lock_intact();
        for _ in 0..100 {
            if !self.file.has_journal_entries() {
                break;
            }
            let result = self.file.snapshot_job(session.clone()).write();
            match result {
                Ok(SnapshotDone::Unchanged) => std::thread::sleep(Duration::from_millis(20)),
                other => match self.snapshot_finished(other, revision) {
                    Msg::SnapshotWritten => {}
                    failed => return Some(failed),
                },
            }
        }
        None
    }

    /// On exit: our journal goes if the file holds it all and no other
    /// folder syncs with this one; else it stays, saying that we left.
    pub fn leave(&mut self, now: crate::model::Timestamp) {
        self.file.leave(now);
    }

    /// The session as all writers' journals make it now, if anything
    /// changed on disk since the last look (another editor's edit).
    pub fn refresh(&mut self) -> Option<Msg> {
        if !self.file.is_writer() {
            return None;
        }
        self.file.refresh().map(|view| Msg::Shared(Box::new(view)))
    }

    /// Whether edits wait in the journal (to fold in before quitting).
    pub fn has_journal_entries(&self) -> bool {
        self.file.has_journal_entries()
    }

    /// Saves `session` as `revision` and says how it went.
    pub fn save(&mut self, session: &Session, revision: u64, now: Timestamp) -> Msg {
        match self.file.save(session) {
            Ok(()) => {
                self.failed_at = None;
                match self.file.diverted_to() {
                    Some(kept_in) => {
                        Msg::Diverted { revision, kept_in: kept_in.display().to_string() }
                    }
                    None => Msg::Saved { revision },
                }
            }
            Err(SaveError::ChangedOutside { kept_in, .. }) => {
                Msg::Diverted { revision, kept_in: kept_in.display().to_string() }
            }
            Err(e) => {
                self.failed_at = Some(now);
                Msg::SaveFailed { revision, error: e.to_string() }
            }
        }
    }

    /// Loads the file as it is on disk now (after another program changed it).
    pub fn reload(&mut self) -> Msg {
        self.wait_for_snapshot();
        match self.file.reload() {
            Ok(Loaded::Session(session)) => {
                // The file now is what the editor shows: nothing waits.
                self.pending.clear();
                self.needs_rewrite = false;
                Msg::Reloaded(Box::new(session))
            }
            Ok(Loaded::Program(_)) => {
                Msg::ReloadFailed { error: crate::i18n::t("present-not-a-session") }
            }
            Err(e) => Msg::ReloadFailed { error: e.to_string() },
        }
    }

    /// Forgets a recovery file once the user has decided about it.
    pub fn remove_recovery(&self) {
        for path in super::recovery::paths_for(self.file.path()) {
            let _ = std::fs::remove_file(path);
        }
    }
}
