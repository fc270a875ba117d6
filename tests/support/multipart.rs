//! Just enough `multipart/form-data` (RFC 7578) to read an upload as Discord does: the
//! `payload_json` part and the `files[n]` parts, as reqwest (serenity's client) writes them.
//!
//! Hand-written rather than a crate for the same reason as the validator: a few lines, no new
//! dependency, and a form it cannot read is an error that fails the test, never a pass.

/// One part of a form.
#[derive(Debug, Clone)]
pub struct Part {
    /// The form field, e.g. `payload_json` or `files[0]`.
    pub name: String,
    /// The file name of an upload; `None` for a plain field.
    pub filename: Option<String>,
    pub bytes: Vec<u8>,
}

/// The parts of `body`, sent with `content_type` (`multipart/form-data; boundary=…`).
pub fn parse(content_type: &str, body: &[u8]) -> Result<Vec<Part>, String> {
    let boundary = content_type
        .split(';')
        .find_map(|parameter| parameter.trim().strip_prefix("boundary="))
        .ok_or("no boundary in the content type")?
        .trim_matches('"');
    let delimiter = format!("--{boundary}");
    let mut sections = split(body, delimiter.as_bytes()).into_iter();
    // What comes before the first delimiter is a preamble, which readers ignore.
    sections.next();
    let mut parts = Vec::new();
    for section in sections {
        if section.starts_with(b"--") {
            return Ok(parts);
        }
        let section = section.strip_prefix(b"\r\n").ok_or("a delimiter without CRLF after it")?;
        let section = section.strip_suffix(b"\r\n").ok_or("a part without CRLF before the next delimiter")?;
        let end = find(section, b"\r\n\r\n").ok_or("a part without a blank line after its headers")?;
        let headers = std::str::from_utf8(&section[..end]).map_err(|_| "part headers that are not UTF-8")?;
        let disposition = headers
            .lines()
            .find_map(|line| {
                let (name, value) = line.split_once(':')?;
                name.trim().eq_ignore_ascii_case("content-disposition").then_some(value)
            })
            .ok_or("a part without Content-Disposition")?;
        parts.push(Part {
            name: parameter(disposition, "name").ok_or("a part without a name")?,
            filename: parameter(disposition, "filename"),
            bytes: section[end + 4..].to_vec(),
        });
    }
    Err("no closing delimiter".to_string())
}

/// `key="value"` of a header such as `form-data; name="files[0]"; filename="a.txt"`.
fn parameter(header: &str, key: &str) -> Option<String> {
    header.split(';').find_map(|parameter| {
        let (name, value) = parameter.split_once('=')?;
        (name.trim() == key).then(|| value.trim().trim_matches('"').to_string())
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|window| window == needle)
}

fn split<'a>(mut rest: &'a [u8], delimiter: &[u8]) -> Vec<&'a [u8]> {
    let mut pieces = Vec::new();
    while let Some(at) = find(rest, delimiter) {
        pieces.push(&rest[..at]);
        rest = &rest[at + delimiter.len()..];
    }
    pieces.push(rest);
    pieces
}
