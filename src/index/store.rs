//! Where the on-disk index lives, so that instances sharing one directory never mix corpora.
//!
//! Layout of the index directory `DIR`:
//!
//! ```text
//! DIR/<fingerprint>/passages/   the Tantivy index built from exactly that corpus
//! DIR/<fingerprint>/words.tsv   its word counts, for typo repair
//! DIR/<fingerprint>/articles.tsv which article versions it holds, for growing the next one
//! DIR/<fingerprint>/lease       share-locked by every engine reading that index
//! DIR/.build-…/                 an index being built (renamed into place when done)
//! DIR/.trash-…/                 an index on its way out
//! ```
//!
//! A fingerprint directory is written once, under a temporary name, and published by one
//! `rename`; nothing writes into it afterwards. So two instances with different corpora (a
//! rolling deploy) each read their own directory, and an instance never sees files change
//! under it. Replacing a damaged index is another rename, and old directories are removed
//! by unlinking: on Unix a reader that has a file mapped keeps its contents, so neither
//! ever pulls a segment from under a live reader (writing into a mapped file that shrinks
//! is what raises SIGBUS).
//!
//! The next corpus's index may start as a copy of the newest one (`index::grow`): its
//! directory is filled with hard links to that index's files (`link_files`), and Tantivy then
//! writes only new files beside them. That is safe for the same reason: Tantivy creates every
//! segment and delete file with `create_new`, replaces `meta.json` and `.managed.json` by
//! writing a temporary file and renaming it, and removes files by unlinking, so no byte of a
//! linked inode changes (checked in tantivy 0.27's `MmapDirectory`: `open_write`,
//! `atomic_write`, `delete`). Its lock files are not linked: they are opened for writing.
//!
//! The lease is an advisory `flock`: cleaning up skips any directory whose lease it cannot
//! lock exclusively, so an index some running instance reads is never deleted. Its mtime
//! is the last time an engine opened that index, which is what "newest" means below.
//!
//! Every step here is best effort. A failure to publish is reported to the caller (which
//! then keeps the index in memory); a failure to clean up is logged and forgotten.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use fs4::fs_std::FileExt;

/// How many fingerprint directories cleaning up leaves (the newest by last use), on top of
/// any that a running instance still holds. A few, so that rolling back a deploy finds its
/// index still built; not unbounded, so that a corpus edited daily does not fill the disk.
pub const KEEP: usize = 3;

/// A build directory older than this belongs to a build that crashed; building the shipped
/// corpus takes milliseconds, and a large one seconds.
const STALE_BUILD: Duration = Duration::from_secs(3600);

/// Every fingerprint starts with this (see `index::fingerprint`), which tells cleaning up
/// which directories are ours to remove.
const PREFIX: &str = "powbot-index-";

/// A shared lock on a fingerprint directory's lease file, held as long as an engine reads it.
#[derive(Debug)]
pub struct Lease {
    _file: File,
}

impl Lease {
    /// Share-locks the lease of `slot`, creating the file if need be. `None` when cleaning up
    /// holds it exclusively: the directory is being removed and must not be used.
    pub fn take(slot: &Path) -> io::Result<Option<Lease>> {
        let file = File::options().read(true).write(true).create(true).truncate(false).open(slot.join("lease"))?;
        // Fully qualified: std's `File::try_lock_shared` (Rust 1.89) is newer than our MSRV.
        if !FileExt::try_lock_shared(&file)? {
            return Ok(None);
        }
        // Marks the index as just used, for `clean`. A read-only directory cannot be marked,
        // which only makes it look older.
        let _ = file.set_modified(SystemTime::now());
        Ok(Some(Lease { _file: file }))
    }

    /// Share-locks the lease of `slot` like `take`, without marking the index as used:
    /// growing another index from its files is no use of it, and should not keep it longer.
    pub fn hold(slot: &Path) -> io::Result<Option<Lease>> {
        let file = File::options().read(true).write(true).create(true).truncate(false).open(slot.join("lease"))?;
        if !FileExt::try_lock_shared(&file)? {
            return Ok(None);
        }
        Ok(Some(Lease { _file: file }))
    }
}

/// The directory that holds the index of the corpus with fingerprint `fingerprint`.
pub fn slot(dir: &Path, fingerprint: &str) -> PathBuf {
    dir.join(fingerprint)
}

/// A fresh, empty directory to build an index in, named so that no other process uses it.
pub fn build_dir(dir: &Path, fingerprint: &str) -> io::Result<PathBuf> {
    let path = dir.join(format!(".build-{fingerprint}-{}", unique()));
    std::fs::create_dir_all(&path)?;
    Ok(path)
}

/// Publishes a finished build as `slot`. `Ok(false)` when `slot` already exists (another
/// instance built the same corpus first); the caller decides whether to use that one or to
/// `replace` it.
pub fn publish(built: &Path, slot: &Path) -> io::Result<bool> {
    match std::fs::rename(built, slot) {
        Ok(()) => Ok(true),
        Err(_) if slot.exists() => Ok(false),
        Err(e) => Err(e),
    }
}

/// Puts a finished build in the place of an existing, unusable `slot`: the old directory is
/// moved aside first, then removed. Whoever still reads it keeps its open files.
pub fn replace(built: &Path, slot: &Path) -> io::Result<()> {
    let dir = slot.parent().unwrap_or(Path::new("."));
    let trash = dir.join(format!(".trash-{}", unique()));
    std::fs::rename(slot, &trash)?;
    std::fs::rename(built, slot)?;
    remove(&trash);
    Ok(())
}

/// The published index directory used most recently, other than `except`: the one a new
/// index is most likely to share articles with (see `index::grow`).
pub fn newest(dir: &Path, except: &Path) -> Option<PathBuf> {
    let entries = std::fs::read_dir(dir).ok()?;
    let mut slots: Vec<(SystemTime, PathBuf)> = entries
        .flatten()
        .filter(|entry| entry.file_name().to_string_lossy().starts_with(PREFIX))
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_dir()))
        .map(|entry| entry.path())
        .filter(|path| path != except)
        .map(|path| (modified(&path.join("lease")).or_else(|| modified(&path)).unwrap_or(SystemTime::UNIX_EPOCH), path))
        .collect();
    slots.sort_by_key(|slot| std::cmp::Reverse(slot.0));
    slots.into_iter().next().map(|(_, path)| path)
}

/// How `link_files` filled a directory.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Linked {
    pub linked: usize,
    pub copied: usize,
}

/// Fills the empty directory `to` with the files of `from` (not its subdirectories, nor
/// Tantivy's lock files): hard links where the file system allows them, else copies. A link
/// costs nothing and shares the pages a reader of `from` has mapped; a copy is the fallback
/// for file systems without links.
pub fn link_files(from: &Path, to: &Path) -> io::Result<Linked> {
    let mut done = Linked::default();
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        if !entry.file_type()?.is_file() {
            continue;
        }
        let name = entry.file_name();
        // `.tantivy-writer.lock`, `.tantivy-meta.lock`: opened for writing by whoever locks
        // them, so never shared; Tantivy creates its own.
        if name.to_string_lossy().ends_with(".lock") {
            continue;
        }
        let target = to.join(&name);
        if done.copied == 0 && std::fs::hard_link(entry.path(), &target).is_ok() {
            done.linked += 1;
        } else {
            std::fs::copy(entry.path(), &target)?;
            done.copied += 1;
        }
    }
    Ok(done)
}

/// Removes a directory, logging rather than failing: leftovers are tidied up next time.
pub fn remove(path: &Path) {
    if let Err(error) = std::fs::remove_dir_all(path) {
        tracing::debug!(path = %path.display(), %error, "could not remove an old index directory");
    }
}

/// Removes what is no longer needed under `dir`: fingerprint directories beyond the `KEEP`
/// newest that no running instance holds, trash, and builds that crashed. `current` (the
/// caller's own slot) always stays.
pub fn clean(dir: &Path, current: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    let mut slots: Vec<(SystemTime, PathBuf)> = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if !is_dir || path == current {
            continue;
        }
        if name.starts_with(".trash-") {
            remove(&path);
        } else if name.starts_with(".build-") {
            let age = modified(&path).and_then(|m| now.duration_since(m).ok());
            if age.is_some_and(|age| age > STALE_BUILD) {
                remove(&path);
            }
        } else if name.starts_with(PREFIX) {
            let used = modified(&path.join("lease")).or_else(|| modified(&path)).unwrap_or(SystemTime::UNIX_EPOCH);
            slots.push((used, path));
        }
    }
    slots.sort_by_key(|slot| std::cmp::Reverse(slot.0));
    // The caller's own slot is one of the KEEP.
    for (_, path) in slots.into_iter().skip(KEEP.saturating_sub(1)) {
        retire(dir, &path);
    }
}

/// Removes one fingerprint directory unless some instance holds its lease.
fn retire(dir: &Path, slot: &Path) {
    let lease = File::options().read(true).write(true).create(true).truncate(false).open(slot.join("lease"));
    let Ok(lease) = lease else {
        return;
    };
    match FileExt::try_lock_exclusive(&lease) {
        Ok(true) => {}
        // In use, or locks unsupported here: either way, not ours to remove.
        _ => return,
    }
    // Moved aside while locked, so an instance that opens the lease after this sees no
    // index there and builds its own, and one that got it before has blocked the lock.
    let trash = dir.join(format!(".trash-{}", unique()));
    let moved = std::fs::rename(slot, &trash);
    drop(lease);
    if moved.is_ok() {
        tracing::info!(slot = %slot.display(), "removed an old index");
        remove(&trash);
    }
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Unique within this machine: process id, a counter, and the time.
fn unique() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
    format!("{}-{}-{nanos}", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot_at(dir: &Path, name: &str, age_secs: u64) -> PathBuf {
        let slot = dir.join(format!("{PREFIX}{name}"));
        std::fs::create_dir_all(slot.join("passages")).unwrap();
        let lease = File::create(slot.join("lease")).unwrap();
        lease.set_modified(SystemTime::now() - Duration::from_secs(age_secs)).unwrap();
        slot
    }

    #[test]
    fn cleaning_keeps_the_newest_and_those_in_use() {
        let dir = tempfile::tempdir().unwrap();
        let current = slot_at(dir.path(), "current", 500);
        let held = slot_at(dir.path(), "held", 400);
        let _lease = Lease::take(&held).unwrap().expect("not locked");
        // Taking the lease marks the slot as just used; age it again.
        File::options().write(true).open(held.join("lease")).unwrap().set_modified(SystemTime::UNIX_EPOCH).unwrap();
        let newest = slot_at(dir.path(), "newest", 10);
        let newer = slot_at(dir.path(), "newer", 20);
        let old = slot_at(dir.path(), "old", 300);
        std::fs::create_dir_all(dir.path().join(".trash-1")).unwrap();
        std::fs::create_dir_all(dir.path().join(".build-x-1")).unwrap();
        clean(dir.path(), &current);
        assert!(current.exists() && held.exists() && newest.exists() && newer.exists());
        assert!(!old.exists(), "beyond the newest {KEEP} and not in use");
        assert!(!dir.path().join(".trash-1").exists());
        assert!(dir.path().join(".build-x-1").exists(), "a fresh build may be running");
    }

    #[test]
    fn the_newest_other_slot_is_the_one_to_grow_from() {
        let dir = tempfile::tempdir().unwrap();
        let current = slot_at(dir.path(), "current", 0);
        let newer = slot_at(dir.path(), "newer", 10);
        slot_at(dir.path(), "older", 20);
        std::fs::create_dir_all(dir.path().join(".build-x-1")).unwrap();
        assert_eq!(newest(dir.path(), &current), Some(newer));
        assert_eq!(newest(&dir.path().join("missing"), &current), None);
    }

    #[test]
    fn linking_shares_every_file_but_the_locks() {
        let dir = tempfile::tempdir().unwrap();
        let (from, to) = (dir.path().join("from"), dir.path().join("to"));
        std::fs::create_dir_all(from.join("sub")).unwrap();
        std::fs::create_dir_all(&to).unwrap();
        for name in ["meta.json", "abc.idx", ".tantivy-writer.lock"] {
            std::fs::write(from.join(name), name).unwrap();
        }
        let done = link_files(&from, &to).unwrap();
        assert_eq!(done.linked + done.copied, 2, "{done:?}");
        assert_eq!(std::fs::read_to_string(to.join("abc.idx")).unwrap(), "abc.idx");
        assert!(!to.join(".tantivy-writer.lock").exists() && !to.join("sub").exists());
        // Replaced the way Tantivy replaces meta.json: the published file keeps its bytes.
        std::fs::write(to.join("meta.json.tmp"), "new").unwrap();
        std::fs::rename(to.join("meta.json.tmp"), to.join("meta.json")).unwrap();
        assert_eq!(std::fs::read_to_string(from.join("meta.json")).unwrap(), "meta.json");
    }

    #[test]
    fn a_slot_being_removed_cannot_be_leased() {
        let dir = tempfile::tempdir().unwrap();
        let slot = slot_at(dir.path(), "x", 0);
        let remover = File::options().read(true).write(true).open(slot.join("lease")).unwrap();
        assert!(FileExt::try_lock_exclusive(&remover).unwrap());
        assert!(Lease::take(&slot).unwrap().is_none());
    }
}
