//! What the bot remembers across requests and restarts, in one SQLite file beside the index
//! (`INDEX/powbot.sqlite3`): users' votes on answers, tickets too long for a button, and the
//! threads the bot started with the answer each one continues from.
//!
//! SQLite rather than files of our own: votes are updated in place (a user may change a 👍 to
//! a 👎, then explain it), and `powbot feedback` needs them grouped and sorted. Every call is
//! synchronous disk I/O; the Discord layer makes them on the blocking pool with the engine
//! call. A store that cannot be opened never stops the bot: it runs with one in memory and
//! says so in the log (votes are then lost at exit).
//!
//! User ids are stored only as a salted hash: enough to count one vote per user per answer,
//! not enough to tell who voted. The salt is made when the file is created and stays in it.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use rusqlite::{Connection, OptionalExtension, params};

use super::ticket::{Ticket, hash_hex};

/// The file's name inside the index directory.
pub const FILE: &str = "powbot.sqlite3";

/// Why the store cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("the store {}: {source}", path.display())]
pub struct StoreError {
    pub path: PathBuf,
    #[source]
    pub source: rusqlite::Error,
}

/// The bot's memory; see the module docs.
pub struct Store {
    connection: Mutex<Connection>,
    path: PathBuf,
    salt: String,
}

/// One vote, as `record_vote` takes it.
#[derive(Debug, Clone)]
pub struct Vote<'a> {
    /// The ticket of the answer voted on, encoded (`Ticket::encode`).
    pub ticket: &'a Ticket,
    pub question: &'a str,
    pub answer: &'a str,
    /// The cited figures, one per line: "label = value (article)".
    pub figures: &'a str,
    pub user: u64,
    pub guild: Option<u64>,
    /// +1 or -1.
    pub rating: i8,
    /// The corpus the answer was made from.
    pub corpus: &'a str,
}

/// A question that was voted on, for `powbot feedback`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rated {
    pub question: String,
    pub answer: String,
    pub figures: String,
    pub helpful: u32,
    pub wrong: u32,
    /// What users said was wrong, newest first.
    pub comments: Vec<String>,
    pub corpus: String,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS votes (
    ticket   TEXT NOT NULL,
    user     TEXT NOT NULL,
    question TEXT NOT NULL,
    answer   TEXT NOT NULL,
    figures  TEXT NOT NULL,
    guild    TEXT,
    rating   INTEGER NOT NULL,
    comment  TEXT,
    at       INTEGER NOT NULL,
    corpus   TEXT NOT NULL,
    PRIMARY KEY (ticket, user)
);
CREATE TABLE IF NOT EXISTS tickets (key TEXT PRIMARY KEY, ticket TEXT NOT NULL, at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS threads (channel TEXT PRIMARY KEY, ticket TEXT NOT NULL, at INTEGER NOT NULL);
";

impl Store {
    /// Opens (or creates) the store in `index_dir`.
    pub fn open(index_dir: &Path) -> Result<Store, StoreError> {
        let path = index_dir.join(FILE);
        let fail = |source| StoreError { path: path.clone(), source };
        if let Err(error) = std::fs::create_dir_all(index_dir) {
            return Err(fail(rusqlite::Error::InvalidPath(PathBuf::from(format!("{}: {error}", index_dir.display())))));
        }
        let connection = Connection::open(&path).map_err(fail)?;
        Store::init(connection, path.clone()).map_err(fail)
    }

    /// A store that lives as long as the process: what the bot uses when the file cannot be.
    pub fn in_memory() -> Result<Store, StoreError> {
        let fail = |source| StoreError { path: PathBuf::from(":memory:"), source };
        let connection = Connection::open_in_memory().map_err(fail)?;
        Store::init(connection, PathBuf::from(":memory:")).map_err(fail)
    }

    /// `open`, or else one in memory, with a warning that says why.
    pub fn open_or_in_memory(index_dir: &Path) -> Option<Store> {
        match Store::open(index_dir) {
            Ok(store) => Some(store),
            Err(error) => {
                tracing::warn!(%error, "votes and threads are kept in memory only, and lost at exit");
                Store::in_memory().map_err(|error| tracing::error!(%error, "no store at all")).ok()
            }
        }
    }

    fn init(connection: Connection, path: PathBuf) -> rusqlite::Result<Store> {
        // Several bots may share an index directory (a rolling deploy): wait for a writer
        // rather than fail, and let readers go on while one writes.
        connection.busy_timeout(std::time::Duration::from_secs(5))?;
        connection.pragma_update(None, "journal_mode", "WAL").or_else(|_| Ok::<(), rusqlite::Error>(()))?;
        connection.execute_batch(SCHEMA)?;
        let salt: Option<String> =
            connection.query_row("SELECT value FROM meta WHERE key = 'salt'", [], |row| row.get(0)).optional()?;
        let salt = match salt {
            Some(salt) => salt,
            None => {
                let fresh = new_salt();
                connection.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('salt', ?1)", [&fresh])?;
                connection.query_row("SELECT value FROM meta WHERE key = 'salt'", [], |row| row.get(0))?
            }
        };
        Ok(Store { connection: Mutex::new(connection), path, salt })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Connection> {
        // A panic mid-statement leaves SQLite consistent; the connection is still usable.
        self.connection.lock().unwrap_or_else(|poison| poison.into_inner())
    }

    /// The salted hash a user is stored as.
    pub fn user_hash(&self, user: u64) -> String {
        hash_hex(&format!("{}:{user}", self.salt))
    }

    /// Records (or changes) a user's vote on an answer; a 👍 clears an earlier complaint.
    pub fn record_vote(&self, vote: &Vote) -> rusqlite::Result<()> {
        self.lock().execute(
            "INSERT INTO votes (ticket, user, question, answer, figures, guild, rating, comment, at, corpus)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, NULL, ?8, ?9)
             ON CONFLICT (ticket, user) DO UPDATE SET
                rating = excluded.rating, answer = excluded.answer, figures = excluded.figures,
                at = excluded.at, corpus = excluded.corpus,
                comment = CASE WHEN excluded.rating > 0 THEN NULL ELSE votes.comment END",
            params![
                vote.ticket.encode(),
                self.user_hash(vote.user),
                vote.question,
                vote.answer,
                vote.figures,
                vote.guild.map(|g| g.to_string()),
                vote.rating,
                now(),
                vote.corpus,
            ],
        )?;
        Ok(())
    }

    /// Adds what a user said was wrong to their 👎 (recording one if the vote was lost).
    pub fn record_comment(&self, vote: &Vote, comment: &str) -> rusqlite::Result<()> {
        self.record_vote(&Vote { rating: -1, ..vote.clone() })?;
        self.lock().execute(
            "UPDATE votes SET comment = ?3 WHERE ticket = ?1 AND user = ?2",
            params![vote.ticket.encode(), self.user_hash(vote.user), comment],
        )?;
        Ok(())
    }

    /// The questions with the most 👎 (then the fewest 👍), at most `limit` of them.
    pub fn worst(&self, limit: usize) -> rusqlite::Result<Vec<Rated>> {
        let connection = self.lock();
        let mut statement = connection.prepare(
            "SELECT ticket, question, SUM(rating > 0), SUM(rating < 0), MAX(at) FROM votes
             GROUP BY ticket HAVING SUM(rating < 0) > 0
             ORDER BY SUM(rating < 0) DESC, SUM(rating > 0) ASC, MAX(at) DESC LIMIT ?1",
        )?;
        let groups: Vec<(String, String, u32, u32)> = statement
            .query_map([limit as i64], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::new();
        for (ticket, question, helpful, wrong) in groups {
            let (answer, figures, corpus): (String, String, String) = connection.query_row(
                "SELECT answer, figures, corpus FROM votes WHERE ticket = ?1 ORDER BY at DESC LIMIT 1",
                [&ticket],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )?;
            let mut comments = connection.prepare(
                "SELECT comment FROM votes WHERE ticket = ?1 AND comment IS NOT NULL AND comment != ''
                 ORDER BY at DESC",
            )?;
            let comments =
                comments.query_map([&ticket], |row| row.get::<_, String>(0))?.collect::<rusqlite::Result<_>>()?;
            out.push(Rated { question, answer, figures, helpful, wrong, comments, corpus });
        }
        Ok(out)
    }

    /// Keeps a ticket too long for a button under its key.
    pub fn keep_ticket(&self, ticket: &Ticket) -> rusqlite::Result<()> {
        self.lock().execute(
            "INSERT INTO tickets (key, ticket, at) VALUES (?1, ?2, ?3)
             ON CONFLICT (key) DO UPDATE SET ticket = excluded.ticket, at = excluded.at",
            params![ticket.key(), ticket.encode(), now()],
        )?;
        Ok(())
    }

    /// The ticket kept under `key`.
    pub fn ticket(&self, key: &str) -> rusqlite::Result<Option<Ticket>> {
        let text: Option<String> =
            self.lock().query_row("SELECT ticket FROM tickets WHERE key = ?1", [key], |row| row.get(0)).optional()?;
        Ok(text.as_deref().and_then(Ticket::decode))
    }

    /// Remembers that the bot's latest answer in thread `channel` is `ticket`'s.
    pub fn set_thread(&self, channel: u64, ticket: &Ticket) -> rusqlite::Result<()> {
        self.lock().execute(
            "INSERT INTO threads (channel, ticket, at) VALUES (?1, ?2, ?3)
             ON CONFLICT (channel) DO UPDATE SET ticket = excluded.ticket, at = excluded.at",
            params![channel.to_string(), ticket.encode(), now()],
        )?;
        Ok(())
    }

    /// The ticket of the bot's latest answer in `channel`, if the bot started that thread.
    pub fn thread(&self, channel: u64) -> rusqlite::Result<Option<Ticket>> {
        let text: Option<String> = self
            .lock()
            .query_row("SELECT ticket FROM threads WHERE channel = ?1", [channel.to_string()], |row| row.get(0))
            .optional()?;
        Ok(text.as_deref().and_then(Ticket::decode))
    }
}

fn now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
}

/// A salt no one can guess from outside: the time to the nanosecond, the process and a
/// stack address, hashed.
fn new_salt() -> String {
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    let local = 0u8;
    hash_hex(&format!("{nanos}:{}:{:p}", std::process::id(), &local)) + &hash_hex(&format!("{:p}:{nanos}", &nanos))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vote<'a>(ticket: &'a Ticket, user: u64, rating: i8) -> Vote<'a> {
        Vote {
            ticket,
            question: "How many on 19 March 2025?",
            answer: "372 in all",
            figures: "total = 372 (aljazeera-2025-03-19)",
            user,
            guild: Some(7),
            rating,
            corpus: "powbot-index-v1-0",
        }
    }

    #[test]
    fn one_vote_per_user_and_the_worst_first() {
        let store = Store::in_memory().unwrap();
        let good = Ticket::Ask { question: "good".into(), previous: None };
        let bad = Ticket::Ask { question: "How many on 19 March 2025?".into(), previous: None };
        store.record_vote(&vote(&good, 1, 1)).unwrap();
        store.record_vote(&vote(&bad, 1, -1)).unwrap();
        store.record_vote(&vote(&bad, 1, -1)).unwrap();
        store.record_comment(&vote(&bad, 2, -1), "the total is 372, not 175").unwrap();
        store.record_vote(&vote(&bad, 3, 1)).unwrap();
        let worst = store.worst(10).unwrap();
        assert_eq!(worst.len(), 1, "{worst:?}");
        assert_eq!((worst[0].wrong, worst[0].helpful), (2, 1));
        assert_eq!(worst[0].comments, ["the total is 372, not 175"]);
        // Changing one's mind clears the complaint.
        store.record_vote(&vote(&bad, 2, 1)).unwrap();
        assert_eq!(store.worst(10).unwrap()[0].comments, Vec::<String>::new());
    }

    #[test]
    fn users_are_stored_hashed() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let ticket = Ticket::Exchange { key: "2025-03-19".into() };
        store.record_vote(&vote(&ticket, 123_456_789_012, -1)).unwrap();
        let hash = store.user_hash(123_456_789_012);
        drop(store);
        let bytes = std::fs::read(dir.path().join(FILE)).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("123456789012"));
        // The same salt after reopening: the same user is the same hash.
        assert_eq!(Store::open(dir.path()).unwrap().user_hash(123_456_789_012), hash);
    }

    #[test]
    fn tickets_and_threads_survive_a_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let long = Ticket::Ask { question: "why ".repeat(40), previous: None };
        let store = Store::open(dir.path()).unwrap();
        store.keep_ticket(&long).unwrap();
        store.set_thread(42, &long).unwrap();
        drop(store);
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(store.ticket(&long.key()).unwrap(), Some(long.clone()));
        assert_eq!(store.thread(42).unwrap(), Some(long));
        assert_eq!(store.thread(43).unwrap(), None);
    }

    #[test]
    fn an_unusable_directory_is_an_error_with_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("not-a-dir");
        std::fs::write(&file, "x").unwrap();
        let error = Store::open(&file).err().expect("a file is no directory");
        assert!(error.to_string().contains("not-a-dir"), "{error}");
    }
}
