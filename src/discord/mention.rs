//! Finding the question in a message that mentions the bot.
//!
//! Discord writes a user mention as `<@ID>` (or `<@!ID>` for the legacy nickname form) inside the
//! message text. The mention may stand anywhere — "@powbot how many…", "how many… @powbot?" —
//! so every mention of the bot is removed and the free text left over is the question.

/// The question in `content` if it addresses the bot (`bot_id`), else `None`.
///
/// `mentioned` says whether Discord listed the bot among the message's mentions: a reply to one
/// of the bot's messages mentions it without any `<@ID>` in the text. In a direct message
/// (`direct`) every message is addressed to the bot.
pub fn question(content: &str, bot_id: u64, mentioned: bool, direct: bool) -> Option<String> {
    let tokens = [format!("<@{bot_id}>"), format!("<@!{bot_id}>")];
    let in_text = tokens.iter().any(|token| content.contains(token.as_str()));
    if !(in_text || mentioned || direct) {
        return None;
    }
    let mut rest = content.to_string();
    for token in &tokens {
        rest = rest.replace(token.as_str(), " ");
    }
    Some(rest.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::question;

    const BOT: u64 = 42;

    #[test]
    fn a_leading_mention_is_stripped() {
        let q = question("<@42> How many prisoners were exchanged?", BOT, true, false);
        assert_eq!(q.as_deref(), Some("How many prisoners were exchanged?"));
    }

    #[test]
    fn the_mention_may_be_anywhere_and_in_nickname_form() {
        let q = question("How many on 19 March 2025 <@!42> ?", BOT, true, false);
        assert_eq!(q.as_deref(), Some("How many on 19 March 2025 ?"));
    }

    #[test]
    fn other_mentions_stay_as_text() {
        let q = question("<@42> ask <@7> and @everyone", BOT, true, false);
        assert_eq!(q.as_deref(), Some("ask <@7> and @everyone"));
    }

    #[test]
    fn a_message_for_someone_else_is_ignored() {
        assert_eq!(question("<@7> how many?", BOT, false, false), None);
        assert_eq!(question("<@420> how many?", BOT, false, false), None);
    }

    #[test]
    fn a_reply_or_a_direct_message_needs_no_mention_text() {
        assert_eq!(question("how many?", BOT, true, false).as_deref(), Some("how many?"));
        assert_eq!(question("how many?", BOT, false, true).as_deref(), Some("how many?"));
    }

    #[test]
    fn a_bare_mention_is_an_empty_question() {
        assert_eq!(question("  <@42>  ", BOT, true, false).as_deref(), Some(""));
    }
}
