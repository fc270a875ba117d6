//! Interactions over REST: registering the commands, and the [`InteractionDoor`] that carries
//! a response to an interaction (the first response, follow-ups, the completion of a deferred
//! one). Shared by `serve` and `serve-http`; the one difference between them, where the first
//! response goes, is one field of the door.
//!
//! Every delivery goes through `rest::send`, so a `429` or a `5xx` is retried; and every one
//! has a deadline from the interaction's own clock: Discord drops an interaction that has no
//! response within 3 seconds, and its token (which follow-ups and edits use) lives 15
//! minutes. Past that a reply is logged as lost, never retried forever.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};
use serenity::all::{
    ApplicationId, Command, CreateAttachment, CreateInteractionResponse, GuildId, Http, Interaction, InteractionId,
};
use serenity::async_trait;
use tokio::sync::oneshot;
use tokio::time::Instant;

use super::commands;
use super::dispatch::Door;
use super::limits::{RESPONSE_WINDOW, TOKEN_LIFE};
use super::reply::{Message, Reply};
use super::request::Response;
use super::rest::{Call, Rest};
use super::send;

/// `serve-http` may send follow-ups only once Discord has the HTTP response, which it gets a
/// moment after the handler returns; waiting this long first makes the race very unlikely.
pub const FOLLOWUP_DELAY: Duration = Duration::from_millis(500);

/// What registering found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Registration {
    /// Discord already had exactly these commands: nothing was sent.
    Unchanged(usize),
    /// The commands were (re)registered.
    Registered(usize),
}

/// Registers the slash commands unless Discord already has exactly these (a reconnect, a
/// restart): the commands endpoints have a tight rate limit, and a needless PUT can make
/// clients refresh their command lists. A bulk PUT replaces everything, so a renamed or
/// removed command does not linger. `http` must know the application id.
pub async fn register(http: &Http, guild: Option<GuildId>) -> serenity::Result<Registration> {
    let definitions = commands::definitions();
    let existing = match guild {
        // With their localizations, which `same_commands` compares too.
        Some(guild) => http.get_guild_commands_with_localizations(guild).await,
        None => http.get_global_commands_with_localizations().await,
    };
    match existing {
        Ok(existing) if same_commands(&definitions, &existing) => return Ok(Registration::Unchanged(existing.len())),
        Ok(_) => {}
        // Cannot tell: register, which is never wrong.
        Err(error) => tracing::debug!(%error, "could not read the registered commands"),
    }
    let registered = match guild {
        Some(guild) => guild.set_commands(http, definitions).await?,
        None => Command::set_global_commands(http, definitions).await?,
    };
    Ok(Registration::Registered(registered.len()))
}

/// Whether Discord's `existing` commands are `wanted`, in what a user sees and can type.
pub fn same_commands(wanted: &[impl serde::Serialize], existing: &[impl serde::Serialize]) -> bool {
    let (Some(mut wanted), Some(mut existing)) = (shapes(wanted), shapes(existing)) else {
        return false;
    };
    let by_name = |a: &Value, b: &Value| a["name"].as_str().cmp(&b["name"].as_str());
    wanted.sort_by(by_name);
    existing.sort_by(by_name);
    wanted == existing
}

fn shapes(commands: &[impl serde::Serialize]) -> Option<Vec<Value>> {
    commands.iter().map(|c| serde_json::to_value(c).ok().map(|c| command_shape(&c))).collect()
}

/// The parts of a command that registering sets, with Discord's defaults filled in.
fn command_shape(command: &Value) -> Value {
    let options: Vec<Value> = command["options"].as_array().into_iter().flatten().map(option_shape).collect();
    json!({
        "name": command["name"],
        "description": command["description"],
        "name_localizations": localizations(&command["name_localizations"]),
        "description_localizations": localizations(&command["description_localizations"]),
        "type": command["type"].as_u64().unwrap_or(1),
        "options": options,
        "default_member_permissions": permissions(&command["default_member_permissions"]),
    })
}

/// Who may use a command, as a bit set in decimal: sent and returned as a string, `null` for
/// everyone.
fn permissions(value: &Value) -> Value {
    match value {
        Value::String(bits) => json!(bits),
        Value::Number(bits) => json!(bits.to_string()),
        _ => Value::Null,
    }
}

/// Localizations as Discord returns them: absent, `null` and `{}` all mean none.
fn localizations(value: &Value) -> Value {
    match value {
        Value::Object(map) if !map.is_empty() => value.clone(),
        _ => json!({}),
    }
}

fn option_shape(option: &Value) -> Value {
    let number = |key: &str| option[key].as_f64();
    let choices: Vec<Value> = option["choices"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|choice| json!({ "name": choice["name"], "value": choice["value"] }))
        .collect();
    json!({
        "type": option["type"],
        "name": option["name"],
        "description": option["description"],
        "name_localizations": localizations(&option["name_localizations"]),
        "description_localizations": localizations(&option["description_localizations"]),
        "required": option["required"].as_bool().unwrap_or(false),
        "autocomplete": option["autocomplete"].as_bool().unwrap_or(false),
        "min_value": number("min_value"),
        "max_value": number("max_value"),
        "min_length": number("min_length"),
        "max_length": number("max_length"),
        "choices": choices,
    })
}

/// Where one interaction's responses go, and since when its clock runs.
pub struct InteractionDoor {
    http: Arc<Http>,
    rest: Rest,
    id: InteractionId,
    application: ApplicationId,
    token: String,
    /// What it was, for logs.
    what: String,
    /// When the interaction reached us: its 3-second window and its token's 15 minutes are
    /// counted from here (our clock, not the id's timestamp, so clock skew cannot expire it).
    received: Instant,
    /// `serve-http`: the first response goes back in the HTTP response to Discord's request
    /// rather than over REST. Taken when used.
    in_http: Mutex<Option<oneshot::Sender<CreateInteractionResponse>>>,
    /// Whether the deferral was private, which decides how the answer replaces it.
    deferred_private: Mutex<Option<bool>>,
}

impl InteractionDoor {
    /// A door whose every response goes over REST (`serve`).
    pub fn over_rest(http: Arc<Http>, rest: Rest, interaction: &Interaction) -> InteractionDoor {
        let (id, application, token, what) = identity(interaction);
        InteractionDoor {
            http,
            rest,
            id,
            application,
            token,
            what,
            received: Instant::now(),
            in_http: Mutex::new(None),
            deferred_private: Mutex::new(None),
        }
    }

    /// A door whose first response goes to `first`, to be sent as the HTTP response
    /// (`serve-http`); the rest go over REST.
    pub fn over_http(
        http: Arc<Http>,
        rest: Rest,
        interaction: &Interaction,
        first: oneshot::Sender<CreateInteractionResponse>,
    ) -> InteractionDoor {
        let door = InteractionDoor::over_rest(http, rest, interaction);
        *door.in_http.lock().unwrap_or_else(|poison| poison.into_inner()) = Some(first);
        door
    }

    fn first_in_http(&self) -> bool {
        self.in_http.lock().unwrap_or_else(|poison| poison.into_inner()).is_some()
    }

    /// The first response. Whether it got through.
    async fn callback(&self, body: CreateInteractionResponse, files: Vec<CreateAttachment>) -> bool {
        let in_http = self.in_http.lock().unwrap_or_else(|poison| poison.into_inner()).take();
        match in_http {
            Some(first) => {
                if first.send(body).is_err() {
                    tracing::warn!(what = %self.what, "the HTTP request went away before its response");
                    return false;
                }
                tokio::time::sleep(FOLLOWUP_DELAY).await;
                true
            }
            None => {
                let call = Call::callback(self.id, &self.token, &body).with_files(files);
                self.send(&call, RESPONSE_WINDOW).await
            }
        }
    }

    /// Further messages of a reply, in order; stops at the first that cannot be sent, since
    /// the ones after it would read out of context.
    async fn followups(&self, messages: &[Message], ephemeral: bool) {
        for message in messages {
            let body = send::followup(message, ephemeral);
            let call = Call::followup(self.application, &self.token, &body).with_files(send::attachments(message));
            if !self.send(&call, TOKEN_LIFE).await {
                return;
            }
        }
    }

    /// Sends `call` within `window` of receiving the interaction; whether it got through.
    async fn send(&self, call: &Call<'_>, window: Duration) -> bool {
        match self.rest.send(&self.http, call, self.received + window).await {
            Ok(_) => true,
            Err(error) => {
                tracing::warn!(%error, what = %self.what, "could not answer an interaction");
                false
            }
        }
    }
}

#[async_trait]
impl Door for InteractionDoor {
    fn can_defer(&self) -> bool {
        true
    }

    fn must_respond(&self) -> bool {
        true
    }

    async fn respond(&self, response: Response) {
        match response {
            Response::Reply(reply) => {
                let Some((first, rest)) = reply.messages.split_first() else {
                    return;
                };
                // An HTTP response carries no files: defer there, then upload with the edit.
                if !first.files.is_empty() && self.first_in_http() {
                    if self.defer(reply.ephemeral).await {
                        self.complete(reply).await;
                    }
                    return;
                }
                if self.callback(send::response(first, reply.ephemeral), send::attachments(first)).await {
                    self.followups(rest, reply.ephemeral).await;
                }
            }
            Response::Modal(modal) => {
                self.callback(send::modal(&modal), Vec::new()).await;
            }
            Response::Choices(choices) => {
                self.callback(send::choices(choices), Vec::new()).await;
            }
        }
    }

    async fn defer(&self, private: bool) -> bool {
        *self.deferred_private.lock().unwrap_or_else(|poison| poison.into_inner()) = Some(private);
        self.callback(send::deferral(private), Vec::new()).await
    }

    /// Replaces a deferral's "thinking…" with the reply.
    ///
    /// A public deferral cannot become private by an edit, so a private reply to one (an
    /// abstention) deletes the placeholder and goes out as private follow-ups instead.
    async fn complete(&self, reply: Reply) {
        let Some((first, rest)) = reply.messages.split_first() else {
            return;
        };
        let deferred_private =
            self.deferred_private.lock().unwrap_or_else(|poison| poison.into_inner()).unwrap_or(false);
        if reply.ephemeral && !deferred_private {
            // Best effort: a placeholder left behind is untidy, the answer still follows.
            self.send(&Call::delete_original(self.application, &self.token), TOKEN_LIFE).await;
            self.followups(&reply.messages, true).await;
            return;
        }
        let call =
            Call::edit_original(self.application, &self.token, &send::edit(first)).with_files(send::attachments(first));
        if self.send(&call, TOKEN_LIFE).await {
            self.followups(rest, reply.ephemeral).await;
        }
    }
}

/// An interaction's id, application, token, and a name for logs.
fn identity(interaction: &Interaction) -> (InteractionId, ApplicationId, String, String) {
    match interaction {
        Interaction::Command(c) => (c.id, c.application_id, c.token.clone(), format!("/{}", c.data.name)),
        Interaction::Autocomplete(c) => {
            (c.id, c.application_id, c.token.clone(), format!("autocomplete of /{}", c.data.name))
        }
        Interaction::Component(c) => (c.id, c.application_id, c.token.clone(), "a button".into()),
        Interaction::Modal(c) => (c.id, c.application_id, c.token.clone(), "a form".into()),
        Interaction::Ping(p) => (p.id, p.application_id, p.token.clone(), "a ping".into()),
        _ => (InteractionId::new(1), ApplicationId::new(1), String::new(), "an unknown interaction".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_as_discord_returns_them_are_the_same_as_the_definitions() {
        let definitions = commands::definitions();
        // What Discord answers: ids, versions, defaults spelt out, another order.
        let mut returned: Vec<Value> = definitions
            .iter()
            .map(|c| {
                let mut c = serde_json::to_value(c).unwrap();
                c["id"] = json!("1");
                c["version"] = json!("2");
                c["type"] = json!(1);
                for option in c["options"].as_array_mut().into_iter().flatten() {
                    if option.get("required").is_none() {
                        option["required"] = json!(false);
                    }
                }
                c
            })
            .collect();
        returned.reverse();
        assert!(same_commands(&definitions, &returned));
        returned[0]["description"] = json!("changed");
        assert!(!same_commands(&definitions, &returned));
        returned.pop();
        assert!(!same_commands(&definitions, &returned[..returned.len() - 1]));
    }
}
