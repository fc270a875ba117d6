//! Sentences that go on about another one. A list of names says who they are
//! only through the sentence before it:
//!
//! - "Five senior commanders of the Azovstal defence were released …" then
//!   "The five were:" then "- Denys Prokopenko …", "- Sviatoslav Palamar …";
//! - "Denys Prokopenko ("Redis"), Sviatoslav Palamar … and Oleh Khomenko." then
//!   "They were flown to Turkey …".
//!
//! Search scores a sentence with the words of the sentences linked to it, and
//! takes a matching sentence's links as candidates too, so "list the five
//! commanders sent to Turkey" finds the names by what their neighbours say.

use std::ops::Range;

use crate::corpus::{Article, SentenceRef};
use crate::lang::text::{Word, bulleted, words};

/// Words that open a sentence going on about the one before:
/// "They were flown to Turkey", "His mother …", "Both are officers".
const PRONOUNS: &[&str] = &["he", "she", "they", "his", "her", "their", "it", "these", "those", "both"];

/// Determiners that, before a bare number, refer back: "The five were:",
/// "All five are officers", "Those two …".
const NUMBER_DETERMINERS: &[&str] = &["the", "all", "these", "those"];

/// What follows "the five" when it refers back rather than counts a noun:
/// "The five are Denys Prokopenko …" (not "The five Britons …").
const AFTER_NUMBER: &[&str] = &["are", "were", "is", "was", "have", "had", "will", "include", "included", ":", ","];

/// How many items of a list belong to its lead-in, at most.
pub const LIST_ITEMS: usize = 6;

/// Does a sentence open by referring back to the one before it?
pub fn refers_back(text: &str) -> bool {
    let w = words(text);
    let is = |i: usize, set: &[&str]| w.get(i).is_some_and(|x: &Word| set.contains(&x.norm.as_str()));
    is(0, PRONOUNS)
        || is(0, NUMBER_DETERMINERS) && w.get(1).is_some_and(|x| x.number().is_some()) && is(2, AFTER_NUMBER)
}

/// The sentence before `at`: in its paragraph, or the last of the paragraph before.
fn before(article: &Article, at: SentenceRef) -> Option<SentenceRef> {
    match at.sentence.checked_sub(1) {
        Some(k) => Some(SentenceRef { sentence: k, ..at }),
        None => {
            let p = at.paragraph.checked_sub(1)?;
            let last = article.paragraphs.get(p)?.sentences.len().checked_sub(1)?;
            Some(SentenceRef { paragraph: p, sentence: last, ..at })
        }
    }
}

fn text(article: &Article, at: SentenceRef) -> Option<&str> {
    article.sentence(at.paragraph, at.sentence)
}

fn is_item(article: &Article, paragraph: usize) -> bool {
    article.paragraphs.get(paragraph).is_some_and(|p| bulleted(article.text(&p.span)))
}

/// The lead-in of the list `at` is an item of: the sentence ending in ":" in
/// the paragraph right above the list.
fn lead_in(article: &Article, at: SentenceRef) -> Option<SentenceRef> {
    if !is_item(article, at.paragraph) {
        return None;
    }
    let mut p = at.paragraph;
    while p > 0 && is_item(article, p) && at.paragraph - p < LIST_ITEMS * 2 {
        p -= 1;
    }
    let last = article.paragraphs.get(p)?.sentences.len().checked_sub(1)?;
    let lead = SentenceRef { paragraph: p, sentence: last, ..at };
    (p != at.paragraph && !is_item(article, p) && text(article, lead)?.trim_end().ends_with(':')).then_some(lead)
}

/// The paragraphs of the list a lead-in sentence opens ("They include:" then
/// "- **Dmytro Khyliuk**, a journalist …"), as spans of the body.
pub fn list_after(article: &Article, at: SentenceRef) -> Vec<Range<usize>> {
    let Some(para) = article.paragraphs.get(at.paragraph) else { return Vec::new() };
    let lead =
        text(article, at).is_some_and(|t| t.trim_end().ends_with(':')) && at.sentence + 1 == para.sentences.len();
    if !lead {
        return Vec::new();
    }
    article.paragraphs[at.paragraph + 1..]
        .iter()
        .map(|p| p.span.clone())
        .take_while(|span| bulleted(&article.body[span.clone()]))
        .take(LIST_ITEMS)
        .collect()
}

/// The sentences linked to `at`, both ways: the one it refers back to, the
/// next one when that refers back to it, and the lead-in of its list (with
/// what that lead-in refers back to).
pub fn linked(article: &Article, at: SentenceRef) -> Vec<SentenceRef> {
    let mut out = Vec::new();
    let back = |at: SentenceRef| text(article, at).is_some_and(refers_back).then(|| before(article, at)).flatten();
    out.extend(back(at));
    let next = SentenceRef { sentence: at.sentence + 1, ..at };
    if text(article, next).is_some_and(refers_back) {
        out.push(next);
    }
    if let Some(lead) = lead_in(article, at) {
        out.push(lead);
        out.extend(back(lead));
    }
    out
}

/// The items of the list `at` leads into, as sentence places.
pub fn items(article: &Article, at: SentenceRef) -> Vec<SentenceRef> {
    let n = list_after(article, at).len();
    (1..=n)
        .map(|k| SentenceRef { paragraph: at.paragraph + k, sentence: 0, ..at })
        .filter(|s| text(article, *s).is_some())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(body: &str) -> Article {
        let raw = format!("+++\nid = \"a\"\npublished = 2022-09-30\n+++\n{body}");
        crate::corpus::parse(std::path::Path::new("a.md"), &raw).unwrap()
    }

    fn at(paragraph: usize, sentence: usize) -> SentenceRef {
        SentenceRef { article: 0, paragraph, sentence }
    }

    fn said(a: &Article, refs: &[SentenceRef]) -> Vec<String> {
        refs.iter().filter_map(|r| a.sentence(r.paragraph, r.sentence)).map(str::to_string).collect()
    }

    #[test]
    fn openings_that_refer_back() {
        for yes in [
            "They were flown to Turkey.",
            "The five were:",
            "The five are Denys Prokopenko and others.",
            "All two are officers.",
        ] {
            assert!(refers_back(yes), "{yes}");
        }
        for no in
            ["The five Britons were freed.", "The exchange took place.", "Theirs was a long wait", "Five were freed."]
        {
            assert!(!refers_back(no), "{no}");
        }
    }

    #[test]
    fn a_list_is_linked_to_its_lead_in_and_what_that_refers_back_to() {
        let a = article(
            "Five senior commanders of the Azovstal defence were released. The five were:\n\n\
             - Denys Prokopenko, commander of Azov;\n\n- Sviatoslav Palamar, his deputy.\n\nThey did not go home.\n",
        );
        let item = at(2, 0);
        assert_eq!(
            said(&a, &linked(&a, item)),
            ["The five were:", "Five senior commanders of the Azovstal defence were released."]
        );
        assert_eq!(
            said(&a, &items(&a, at(0, 1))),
            ["- Denys Prokopenko, commander of Azov;", "- Sviatoslav Palamar, his deputy."]
        );
        // "They did not go home." refers back to the last item.
        assert_eq!(said(&a, &linked(&a, at(3, 0))), ["- Sviatoslav Palamar, his deputy."]);
    }

    #[test]
    fn a_sentence_is_linked_to_the_next_when_that_refers_back() {
        let a = article(
            "Denys Prokopenko, Sviatoslav Palamar and Oleh Khomenko. They were flown to Turkey. Talks went on.\n",
        );
        assert_eq!(said(&a, &linked(&a, at(0, 0))), ["They were flown to Turkey."]);
        assert_eq!(said(&a, &linked(&a, at(0, 1))), ["Denys Prokopenko, Sviatoslav Palamar and Oleh Khomenko."]);
        assert!(linked(&a, at(0, 2)).is_empty());
    }
}
