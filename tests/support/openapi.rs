//! A small validator for request bodies against an OpenAPI 3.1 document: Discord's own spec, or
//! the project's schemas under `tests/schemas/discord/`, which have the same shape.
//!
//! It implements the part of JSON Schema those documents use: `$ref`, `type` (including lists
//! with "null"), `properties`/`required`/`additionalProperties`/`propertyNames`,
//! `min/maxProperties`, `items`, `min/maxItems`, `uniqueItems`, `oneOf`/`anyOf`/`allOf`,
//! `enum`/`const`, `min/maxLength`, `minimum`/`maximum`, the few `pattern`s they use and the
//! `snowflake`/`int32`/`int64` formats. A keyword it does not know is an error, never a silent
//! pass: a validator that waves bodies through would make every test that relies on it worthless.
//!
//! A hand-written validator (instead of a general JSON Schema crate) keeps the test build lean
//! and its behaviour on these documents easy to read.

use std::path::Path;

use serde_json::Value;

/// Keywords that describe but do not constrain.
const ANNOTATIONS: &[&str] = &[
    "$comment",
    "description",
    "title",
    "x-discord-union",
    "contentEncoding",
    "deprecated",
    "default",
    "examples",
    "readOnly",
    "writeOnly",
];

pub struct Spec {
    doc: Value,
}

impl Spec {
    pub fn load(path: &Path) -> Result<Spec, String> {
        let text = std::fs::read_to_string(path).map_err(|error| format!("reading {}: {error}", path.display()))?;
        let doc = serde_json::from_str(&text).map_err(|error| format!("parsing {}: {error}", path.display()))?;
        Ok(Spec { doc })
    }

    /// One document from several `(name, text)` parts, each with its own `paths` and
    /// `components.schemas`, so that a `$ref` in one part may name a schema of another.
    pub fn merge(parts: &[(&str, &str)]) -> Spec {
        let mut doc = serde_json::json!({ "paths": {}, "components": { "schemas": {} } });
        for (name, text) in parts {
            let part: Value = serde_json::from_str(text).unwrap_or_else(|error| panic!("parsing {name}: {error}"));
            for section in ["/paths", "/components/schemas"] {
                let into = doc.pointer_mut(section).and_then(Value::as_object_mut).expect("sections exist");
                for (key, value) in part.pointer(section).and_then(Value::as_object).into_iter().flatten() {
                    let clash = into.insert(key.clone(), value.clone()).is_some();
                    assert!(!clash, "{name}: {key} is defined twice");
                }
            }
        }
        Spec { doc }
    }

    /// The request-body schema for `media` (`application/json`, `multipart/form-data`) of the
    /// operation serving `method` on a concrete `path` (without the `/api/v10` prefix), e.g.
    /// `PUT /applications/1/commands`. Of several matching templates, the one with the most
    /// literal segments wins, as in a router (`…/messages/@original` over `…/messages/{message_id}`).
    pub fn request_schema(&self, method: &str, path: &str, media: &str) -> Option<&Value> {
        let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
        let paths = self.doc.get("paths")?.as_object()?;
        let mut best: Option<(usize, &Value)> = None;
        for (template, operations) in paths {
            let parts: Vec<&str> = template.trim_matches('/').split('/').collect();
            if parts.len() != segments.len() {
                continue;
            }
            let mut literal = 0;
            let matches = parts.iter().zip(&segments).all(|(part, segment)| {
                if part.starts_with('{') && part.ends_with('}') {
                    true
                } else {
                    literal += 1;
                    part == segment
                }
            });
            let Some(operation) = operations.get(method.to_ascii_lowercase()) else {
                continue;
            };
            if matches && best.is_none_or(|(score, _)| literal > score) {
                best = Some((literal, operation));
            }
        }
        best?.1.get("requestBody")?.get("content")?.get(media)?.get("schema")
    }

    /// Every way `value` breaks `schema`, as "path: problem" lines; empty when it conforms.
    pub fn validate(&self, schema: &Value, value: &Value) -> Vec<String> {
        let mut errors = Vec::new();
        self.check(schema, value, "$", &mut errors);
        errors
    }

    fn resolve(&self, reference: &str) -> Option<&Value> {
        self.doc.pointer(reference.strip_prefix('#')?)
    }

    fn check(&self, schema: &Value, value: &Value, at: &str, errors: &mut Vec<String>) {
        let Some(schema) = schema.as_object() else {
            if schema != &Value::Bool(true) {
                errors.push(format!("{at}: schema is not an object: {schema}"));
            }
            return;
        };
        for (keyword, rule) in schema {
            match keyword.as_str() {
                "$ref" => match rule.as_str().and_then(|r| self.resolve(r)) {
                    Some(target) => self.check(target, value, at, errors),
                    None => errors.push(format!("{at}: unresolvable $ref {rule}")),
                },
                "type" => {
                    let allowed: Vec<&str> = match rule {
                        Value::String(one) => vec![one.as_str()],
                        Value::Array(many) => many.iter().filter_map(Value::as_str).collect(),
                        _ => vec![],
                    };
                    if !allowed.iter().any(|kind| has_type(value, kind)) {
                        errors.push(format!("{at}: expected type {rule}, got {}", short(value)));
                    }
                }
                "enum" => {
                    if !rule.as_array().is_some_and(|options| options.contains(value)) {
                        errors.push(format!("{at}: {} is not one of {rule}", short(value)));
                    }
                }
                "const" => {
                    if value != rule {
                        errors.push(format!("{at}: {} is not {rule}", short(value)));
                    }
                }
                "allOf" => {
                    for sub in rule.as_array().into_iter().flatten() {
                        self.check(sub, value, at, errors);
                    }
                }
                "anyOf" | "oneOf" => {
                    let branches = rule.as_array().map(Vec::as_slice).unwrap_or_default();
                    let mut branch_errors = Vec::new();
                    let passing = branches
                        .iter()
                        .filter(|sub| {
                            let found = self.validate_at(sub, value, at);
                            let ok = found.is_empty();
                            branch_errors.extend(found);
                            ok
                        })
                        .count();
                    let fine = if keyword == "oneOf" { passing == 1 } else { passing >= 1 };
                    if !fine {
                        errors.push(format!(
                            "{at}: {keyword} matched {passing} of {} branches: [{}]",
                            branches.len(),
                            branch_errors.join("; ")
                        ));
                    }
                }
                "properties" => {
                    let (Some(object), Some(properties)) = (value.as_object(), rule.as_object()) else {
                        continue;
                    };
                    for (name, sub) in properties {
                        if let Some(field) = object.get(name) {
                            self.check(sub, field, &format!("{at}.{name}"), errors);
                        }
                    }
                }
                "required" => {
                    let Some(object) = value.as_object() else {
                        continue;
                    };
                    for name in rule.as_array().into_iter().flatten().filter_map(Value::as_str) {
                        if !object.contains_key(name) {
                            errors.push(format!("{at}: missing required property {name:?}"));
                        }
                    }
                }
                "additionalProperties" => {
                    let Some(object) = value.as_object() else {
                        continue;
                    };
                    let known = schema.get("properties").and_then(Value::as_object);
                    for (name, field) in object {
                        if known.is_some_and(|known| known.contains_key(name)) {
                            continue;
                        }
                        match rule {
                            Value::Bool(false) => errors.push(format!("{at}: property {name:?} is not allowed here")),
                            Value::Bool(true) => {}
                            sub => self.check(sub, field, &format!("{at}.{name}"), errors),
                        }
                    }
                }
                "propertyNames" => {
                    for name in value.as_object().into_iter().flat_map(|object| object.keys()) {
                        self.check(rule, &Value::String(name.clone()), &format!("{at}[{name:?}]"), errors);
                    }
                }
                "minProperties" | "maxProperties" => {
                    if let (Some(object), Some(bound)) = (value.as_object(), rule.as_u64()) {
                        let count = object.len() as u64;
                        let bad = if keyword == "minProperties" { count < bound } else { count > bound };
                        if bad {
                            errors.push(format!("{at}: {count} properties breaks {keyword} {bound}"));
                        }
                    }
                }
                "items" => {
                    for (index, item) in value.as_array().into_iter().flatten().enumerate() {
                        self.check(rule, item, &format!("{at}[{index}]"), errors);
                    }
                }
                "minItems" | "maxItems" => {
                    if let (Some(items), Some(bound)) = (value.as_array(), rule.as_u64()) {
                        let count = items.len() as u64;
                        let bad = if keyword == "minItems" { count < bound } else { count > bound };
                        if bad {
                            errors.push(format!("{at}: {count} items breaks {keyword} {bound}"));
                        }
                    }
                }
                "uniqueItems" => {
                    if let (Some(items), Some(true)) = (value.as_array(), rule.as_bool()) {
                        let duplicate = items.iter().enumerate().any(|(i, item)| items[..i].contains(item));
                        if duplicate {
                            errors.push(format!("{at}: items are not unique"));
                        }
                    }
                }
                "minLength" | "maxLength" => {
                    if let (Some(text), Some(bound)) = (value.as_str(), rule.as_u64()) {
                        let length = text.chars().count() as u64;
                        let bad = if keyword == "minLength" { length < bound } else { length > bound };
                        if bad {
                            errors.push(format!("{at}: length {length} breaks {keyword} {bound}"));
                        }
                    }
                }
                "minimum" | "maximum" => {
                    if let (Some(number), Some(bound)) = (value.as_f64(), rule.as_f64()) {
                        let bad = if keyword == "minimum" { number < bound } else { number > bound };
                        if bad {
                            errors.push(format!("{at}: {number} breaks {keyword} {bound}"));
                        }
                    }
                }
                "pattern" => {
                    if let Some(text) = value.as_str() {
                        match rule.as_str().map(|pattern| matches_pattern(pattern, text)) {
                            Some(Ok(true)) => {}
                            Some(Ok(false)) => errors.push(format!("{at}: {text:?} does not match pattern {rule}")),
                            Some(Err(())) | None => {
                                errors.push(format!("{at}: the validator does not know pattern {rule}"))
                            }
                        }
                    }
                }
                "format" => {
                    if let Some(problem) = format_problem(rule.as_str().unwrap_or(""), value) {
                        errors.push(format!("{at}: {problem}"));
                    }
                }
                other if ANNOTATIONS.contains(&other) => {}
                other => errors.push(format!("{at}: the validator does not know keyword {other:?}")),
            }
        }
    }

    fn validate_at(&self, schema: &Value, value: &Value, at: &str) -> Vec<String> {
        let mut errors = Vec::new();
        self.check(schema, value, at, &mut errors);
        errors
    }
}

fn has_type(value: &Value, kind: &str) -> bool {
    match kind {
        "null" => value.is_null(),
        "boolean" => value.is_boolean(),
        "string" => value.is_string(),
        "object" => value.is_object(),
        "array" => value.is_array(),
        "number" => value.is_number(),
        "integer" => value.is_i64() || value.is_u64() || value.as_f64().is_some_and(|n| n.fract() == 0.0),
        _ => false,
    }
}

/// The patterns the documents use; anything else is reported as unknown.
fn matches_pattern(pattern: &str, text: &str) -> Result<bool, ()> {
    match pattern {
        // A command or option name: Discord's `^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$`,
        // with a letter that has a lower case in lower case (so `\p{Lu}` and `\p{Lt}` are out).
        r"^[-_'\p{Ll}\p{Lm}\p{Lo}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$" => {
            Ok((1..=32).contains(&text.chars().count()) && text.chars().all(is_name_char))
        }
        // A snowflake: a decimal number without leading zeros.
        "^(0|[1-9][0-9]*)$" => Ok(text == "0"
            || (text.starts_with(|c: char| ('1'..='9').contains(&c)) && text.chars().all(|c| c.is_ascii_digit()))),
        // A colour: #rgb or #rrggbb.
        "^#(([0-9a-fA-F]{2}){3}|([0-9a-fA-F]){3})$" => Ok(text
            .strip_prefix('#')
            .is_some_and(|hex| (hex.len() == 6 || hex.len() == 3) && hex.chars().all(|c| c.is_ascii_hexdigit()))),
        _ => Err(()),
    }
}

fn is_name_char(c: char) -> bool {
    let devanagari_or_thai = matches!(c, '\u{0900}'..='\u{097F}' | '\u{0E00}'..='\u{0E7F}');
    "-_'".contains(c) || devanagari_or_thai || (c.is_alphanumeric() && c.to_lowercase().eq([c]))
}

fn format_problem(format: &str, value: &Value) -> Option<String> {
    match (format, value) {
        ("snowflake", Value::String(text)) => (text.is_empty() || !text.chars().all(|c| c.is_ascii_digit()))
            .then(|| format!("{text:?} is not a snowflake")),
        ("snowflake" | "int64", Value::Number(number)) => {
            (!(number.is_u64() || number.is_i64())).then(|| format!("{number} is not an integer"))
        }
        ("int64", Value::String(text)) => text.parse::<i64>().is_err().then(|| format!("{text:?} is not an int64")),
        ("int32", Value::Number(number)) => {
            number.as_i64().is_none_or(|n| i32::try_from(n).is_err()).then(|| format!("{number} is not an int32"))
        }
        // Formats that only annotate here: Discord accepts any string or number for them.
        _ => None,
    }
}

fn short(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 60 { format!("{}…", text.chars().take(60).collect::<String>()) } else { text }
}
