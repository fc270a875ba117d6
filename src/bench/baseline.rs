//! The yardsticks of `powbot bench --articles`: bare Tantivy and SQLite FTS5, given the same
//! sentences powbot indexes and the same query terms, with nothing of powbot's around them.

use std::path::Path;
use std::time::{Duration, Instant};

use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::schema::{INDEXED, STORED, Schema, TEXT};
use tantivy::{Index, IndexWriter, TantivyDocument, doc};

use super::generate::QUERIES;
use super::scale::percentile;
use crate::corpus::Corpus;

/// Every sentence powbot would index, in corpus order.
pub fn sentences(data: &Path) -> anyhow::Result<Vec<String>> {
    let (corpus, _) = Corpus::load(data)?;
    Ok(corpus.articles.iter().flat_map(|a| a.sentences().map(|(_, _, s)| s.to_string())).collect())
}

/// How fast a baseline indexed and answered.
pub struct Baseline {
    pub build: Duration,
    pub p50_us: f64,
}

/// A plain Tantivy index (stock English stemming tokenizer, the writer's default threads and
/// a generous heap), built in `dir`, and top-10 BM25 queries over it.
pub fn tantivy(sentences: &[String], dir: &Path) -> anyhow::Result<Baseline> {
    if dir.exists() {
        std::fs::remove_dir_all(dir)?;
    }
    std::fs::create_dir_all(dir)?;
    let mut builder = Schema::builder();
    let text = builder.add_text_field("text", TEXT);
    let id = builder.add_u64_field("id", INDEXED | STORED);
    let index = Index::create_in_dir(dir, builder.build())?;
    let t = Instant::now();
    let mut writer: IndexWriter = index.writer(200_000_000)?;
    for (i, s) in sentences.iter().enumerate() {
        writer.add_document(doc!(text => s.as_str(), id => i as u64))?;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    let build = t.elapsed();
    let reader = index.reader()?;
    let searcher = reader.searcher();
    let parser = QueryParser::for_index(&index, vec![text]);
    let mut times = Vec::new();
    for round in 0..21 {
        for q in QUERIES {
            let t = Instant::now();
            let query = parser.parse_query(&q.join(" "))?;
            let top = searcher.search(&query, &TopDocs::with_limit(10).order_by_score())?;
            for (_, addr) in top {
                std::hint::black_box(searcher.doc::<TantivyDocument>(addr)?);
            }
            if round > 0 {
                times.push(t.elapsed());
            }
        }
    }
    times.sort();
    Ok(Baseline { build, p50_us: (percentile(&times, 0.5).as_secs_f64() * 1e7).round() / 10.0 })
}

/// SQLite FTS5 (Porter stemming), in memory, one transaction of inserts; top-10 by BM25.
pub fn fts5(sentences: &[String]) -> anyhow::Result<Baseline> {
    let mut db = rusqlite::Connection::open_in_memory()?;
    let t = Instant::now();
    db.execute_batch("CREATE VIRTUAL TABLE passages USING fts5(text, tokenize = 'porter unicode61');")?;
    let tx = db.transaction()?;
    {
        let mut insert = tx.prepare("INSERT INTO passages(rowid, text) VALUES (?1, ?2)")?;
        for (i, s) in sentences.iter().enumerate() {
            insert.execute(rusqlite::params![i as i64, s])?;
        }
    }
    tx.commit()?;
    let build = t.elapsed();
    let mut query = db.prepare("SELECT rowid, text FROM passages WHERE passages MATCH ?1 ORDER BY rank LIMIT 10")?;
    let mut times = Vec::new();
    for round in 0..21 {
        for q in QUERIES {
            let t = Instant::now();
            let expr = q.join(" OR ");
            let rows = query.query_map([expr], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
            for row in rows {
                std::hint::black_box(row?);
            }
            if round > 0 {
                times.push(t.elapsed());
            }
        }
    }
    times.sort();
    Ok(Baseline { build, p50_us: (percentile(&times, 0.5).as_secs_f64() * 1e7).round() / 10.0 })
}
