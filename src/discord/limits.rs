//! Discord's documented limits, in one place: every module that builds something Discord
//! checks takes its numbers from here (and `tests/schemas/discord/` states the same ones for
//! the tests). Lengths are in UTF-16 units, as Discord counts them (see `render::text`).

use std::time::Duration;

/// `content` of a message a bot sends. The same number as `render::MESSAGE_LIMIT`, which the
/// command line keeps to so that `powbot ask` shows what a message would.
pub const CONTENT: usize = crate::render::MESSAGE_LIMIT;
/// An embed's title.
pub const TITLE: usize = 256;
/// An embed's description.
pub const DESCRIPTION: usize = 4096;
/// Fields in one embed.
pub const FIELDS: usize = 25;
/// A field's name.
pub const FIELD_NAME: usize = 256;
/// A field's value.
pub const FIELD_VALUE: usize = 1024;
/// An embed footer's text.
pub const FOOTER: usize = 2048;
/// Title, description, field names and values, footer and author of all embeds of a message.
pub const EMBED_TOTAL: usize = 6000;
/// Embeds in one message.
pub const EMBEDS: usize = 10;
/// Choices in one autocomplete response.
pub const CHOICES: usize = 25;
/// An autocomplete choice's name and its value.
pub const CHOICE: usize = 100;
/// A component's or a modal's `custom_id`.
pub const CUSTOM_ID: usize = 100;
/// A button's label.
pub const BUTTON_LABEL: usize = 80;
/// Action rows in a message or a modal.
pub const ROWS: usize = 5;
/// Buttons in one action row.
pub const BUTTONS_PER_ROW: usize = 5;
/// A modal's title, and a text input's label.
pub const MODAL_TITLE: usize = 45;
/// What a user may type into a text input.
pub const TEXT_INPUT: usize = 4000;
/// A thread's name.
pub const THREAD_NAME: usize = 100;
/// An attachment's description (alt text).
pub const ATTACHMENT_DESCRIPTION: usize = 1024;
/// Files attached to one message.
pub const ATTACHMENTS: usize = 10;
/// The smallest upload size any server allows a bot (10 MiB); bigger servers allow more.
pub const UPLOAD_BYTES: usize = 10 * 1024 * 1024;

/// How long after Discord sent it an interaction can still get its first response.
pub const RESPONSE_WINDOW: Duration = Duration::from_secs(3);
/// How long an interaction's token lets the bot edit the response and send follow-ups.
pub const TOKEN_LIFE: Duration = Duration::from_secs(15 * 60);
