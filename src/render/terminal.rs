//! Discord Markdown for a terminal: what `powbot ask` and `powbot chat` print.
//!
//! Answers are written in the Markdown Discord shows (`**24 May 2025**`, `> quote`,
//! `[Read the article](url)`). On a terminal the emphasis becomes bold and italic escape codes;
//! anywhere else (a pipe, a file) it becomes plain text, so nothing downstream has to strip
//! asterisks or escape codes. Only the few constructs the engine writes are handled; anything
//! else passes through as written.

/// How emphasis is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// ANSI bold and italic, for a terminal.
    Ansi,
    /// No markup at all.
    Plain,
}

const BOLD: &str = "\x1b[1m";
const ITALIC: &str = "\x1b[3m";
const RESET: &str = "\x1b[0m";

/// `markdown` as a terminal shows it in `style`.
pub fn render(markdown: &str, style: Style) -> String {
    markdown.lines().map(|line| render_line(line, style)).collect::<Vec<_>>().join("\n")
}

fn render_line(line: &str, style: Style) -> String {
    let (prefix, rest) = match line.strip_prefix("> ") {
        Some(quoted) => ("│ ", quoted),
        None => ("", line),
    };
    let text = links(rest);
    let text = emphasis(&text, "**", style, BOLD);
    // An unpaired `**` left by the line above is literal; it must not read as two italics.
    let text = if text.contains("**") { text } else { emphasis(&text, "*", style, ITALIC) };
    format!("{prefix}{text}")
}

/// `[label](url)` → `label (url)`, `<url>` → `url`.
fn links(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(['[', '<']) {
        out.push_str(&rest[..open]);
        let tail = &rest[open..];
        if let Some(inner) = tail.strip_prefix('<')
            && let Some(end) = inner.find('>')
            && inner.starts_with("http")
        {
            out.push_str(&inner[..end]);
            rest = &inner[end + 1..];
            continue;
        }
        if let Some(inner) = tail.strip_prefix('[')
            && let Some(close) = inner.find("](")
            && let Some(end) = inner[close + 2..].find(')')
        {
            let (label, url) = (&inner[..close], &inner[close + 2..close + 2 + end]);
            out.push_str(&format!("{label} ({url})"));
            rest = &inner[close + 2 + end + 1..];
            continue;
        }
        out.push_str(&tail[..1]);
        rest = &tail[1..];
    }
    out.push_str(rest);
    out
}

/// Pairs of `marker` around text become `code … reset` (or nothing, in plain style). An
/// unpaired marker is kept: it is an asterisk the text really has.
fn emphasis(text: &str, marker: &str, style: Style, code: &str) -> String {
    let pieces: Vec<&str> = text.split(marker).collect();
    if pieces.len() < 3 {
        return text.to_string();
    }
    let paired = if pieces.len() % 2 == 1 { pieces.len() } else { pieces.len() - 1 };
    let mut out = String::with_capacity(text.len());
    for (i, piece) in pieces.iter().enumerate() {
        if i > 0 {
            if i >= paired {
                out.push_str(marker);
            } else if style == Style::Ansi {
                out.push_str(if i % 2 == 1 { code } else { RESET });
            }
        }
        out.push_str(piece);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_has_no_markup() {
        let md = "**24 May 2025** (day 2 of 3): to Ukraine: 307.\n> a *quoted* sentence\n— *AFP*";
        assert_eq!(render(md, Style::Plain), "24 May 2025 (day 2 of 3): to Ukraine: 307.\n│ a quoted sentence\n— AFP");
    }

    #[test]
    fn a_terminal_gets_bold_and_italic() {
        assert_eq!(render("**372** in *all*", Style::Ansi), "\x1b[1m372\x1b[0m in \x1b[3mall\x1b[0m");
    }

    #[test]
    fn links_show_their_address() {
        let md = "1. AFP, 2025-02-05 <https://afp.com/a>\n[Read the article](https://x.org/b)";
        assert_eq!(
            render(md, Style::Plain),
            "1. AFP, 2025-02-05 https://afp.com/a\nRead the article (https://x.org/b)"
        );
    }

    #[test]
    fn a_lone_asterisk_stays() {
        assert_eq!(render("5 * 3 and a [bracket", Style::Plain), "5 * 3 and a [bracket");
        assert_eq!(render("**unclosed bold", Style::Ansi), "**unclosed bold");
    }
}
