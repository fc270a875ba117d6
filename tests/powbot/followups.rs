//! Follow-up questions: a conversation in which each question may continue from the answer
//! before it (`Engine::ask_with` with `Previous::of` that answer), as `powbot chat` and the
//! Discord bot hold one.

use powbot::answer::{Answer, Previous};

use crate::support::engine;

/// Asks `questions` in order, each continuing from the last answer about an exchange.
fn conversation(questions: &[&str]) -> Vec<Answer> {
    let mut previous: Option<Previous> = None;
    let mut answers = Vec::new();
    for q in questions {
        let answer = engine().ask_with(q, previous.as_ref());
        previous = Previous::of(&answer).or(previous);
        answers.push(answer);
    }
    answers
}

fn ids(answer: &Answer) -> Vec<&str> {
    answer.exchanges.iter().map(|e| e.id.as_str()).collect()
}

/// "and how many were civilians?" after a question about 24 May 2025 used to answer with
/// Kyiv's war-long total of 3,956: a confident, wrong reply.
#[test]
fn a_follow_up_stays_on_the_exchange_just_shown() {
    let answers = conversation(&["how many were swapped on 24 May 2025", "and how many were civilians?"]);
    assert_eq!(ids(&answers[1]), ["2025-05-24"], "{}", answers[1].text);
    assert!(!answers[1].text.contains("3,956"), "{}", answers[1].text);
    assert!(answers[1].text.contains("24 May 2025"), "{}", answers[1].text);
}

#[test]
fn who_mediated_it_means_the_exchange_just_shown() {
    let answers = conversation(&["How many prisoners were exchanged on 19 March 2025?", "who mediated it?"]);
    assert_eq!(ids(&answers[1]), ["2025-03-19"]);
    assert!(answers[1].text.contains("United Arab Emirates"), "{}", answers[1].text);
}

#[test]
fn the_one_before_and_after_are_relative_to_it() {
    let answers = conversation(&[
        "How many prisoners were exchanged on 19 March 2025?",
        "and the one before?",
        "and the one after?",
    ]);
    // A bare reference asks the previous question again, about the neighbour.
    assert_eq!(ids(&answers[1]), ["2025-02-05"], "{}", answers[1].text);
    assert_eq!(answers[1].measure, answers[0].measure);
    assert!(answers[1].text.contains("150"), "{}", answers[1].text);
    assert_eq!(ids(&answers[2]), ["2025-03-19"], "{}", answers[2].text);
}

#[test]
fn nothing_before_the_first_exchange_is_said_not_guessed() {
    let first = conversation(&["who mediated the first exchange?", "and the one before?"]);
    assert!(!first[1].answered, "{}", first[1].text);
    assert!(first[1].text.contains("no prisoner exchange on record"), "{}", first[1].text);
}

#[test]
fn a_follow_up_that_names_its_own_exchange_ignores_the_context() {
    let answers =
        conversation(&["how many were swapped on 24 May 2025", "how many were exchanged on 5 February 2025?"]);
    assert_eq!(ids(&answers[1]), ["2025-02-05"]);
    // Nor does a question about the war as a whole become one about the exchange.
    let answers = conversation(&["how many were swapped on 24 May 2025", "List every exchange in 2022"]);
    assert!(ids(&answers[1]).iter().all(|id| id.starts_with("2022")), "{:?}", ids(&answers[1]));
}

#[test]
fn without_a_context_nothing_changes() {
    for q in ["and how many were civilians?", "How many prisoners were exchanged on 19 March 2025?"] {
        assert_eq!(engine().ask_with(q, None).text, engine().answer(q).text);
    }
}

/// Two questions in one: the part that names no exchange is about the other part's, and the
/// reply answers both.
#[test]
fn a_question_in_two_parts_answers_both() {
    let a = engine().answer("How many prisoners were exchanged on 19 March 2025, and who brokered it?");
    assert!(a.answered, "{}", a.text);
    assert!(a.text.contains("372") && a.text.contains("United Arab Emirates"), "{}", a.text);
    assert_eq!(ids(&a), ["2025-03-19"]);

    let b = engine().answer("Who mediated the exchange on 19 March 2025 and how many came home to Ukraine?");
    assert!(b.text.contains("United Arab Emirates") && b.text.contains("175"), "{}", b.text);
}
