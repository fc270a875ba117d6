//! Settings of the Discord layer: environment variables, optionally a TOML file under them.
//!
//! The environment wins over the file so a deployment can keep a checked-in file and override
//! one value (usually the token, which belongs in a secret store, not in a file).

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

use super::cooldown::Rate;

/// Everything `serve` and `serve-http` need to know.
#[derive(Debug, Clone)]
pub struct Config {
    /// The bot token; required by `serve`, optional for `serve-http` (which needs it only to
    /// send follow-up messages). Wrapped so that no `Debug` or log line can print it.
    pub token: Option<Token>,
    /// Registers the slash commands in this guild only: guild commands appear at once, global
    /// ones can take up to an hour, so this is what you want while developing.
    pub guild_id: Option<u64>,
    /// Base URL of an HTTP proxy for Discord's REST API (e.g. twilight-http-proxy). The proxy
    /// then owns rate limiting, so serenity's ratelimiter is switched off; tests point this at a
    /// fake Discord.
    pub proxy: Option<String>,
    /// The corpus the engine loads (`data/` with `articles/` inside).
    pub data_dir: PathBuf,
    /// Where the engine keeps its search index.
    pub index_dir: PathBuf,
    /// How many questions a user may ask at once (`POWBOT_COOLDOWN_BURST`, 3) and how fast
    /// they may go on (one per `POWBOT_COOLDOWN_SECS`, 10; 0 turns the limit off).
    pub cooldown: Rate,
    /// Hex Ed25519 public key of the application, to verify `serve-http` requests.
    pub public_key: Option<String>,
}

/// A Discord bot token that never shows itself in `Debug` or `Display`.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl Token {
    pub fn new(secret: impl Into<String>) -> Token {
        Token(secret.into().trim().to_string())
    }

    /// The secret itself, for handing to serenity.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(<redacted>)")
    }
}

/// What can go wrong while reading the settings.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    #[error(
        "DISCORD_TOKEN is not set: create an application at https://discord.com/developers/applications, \
         add a bot, copy its token and run `DISCORD_TOKEN=... powbot serve`"
    )]
    MissingToken,
    #[error(
        "DISCORD_PUBLIC_KEY is not set: copy the application's public key from the developer portal \
         (General Information) to verify interaction requests"
    )]
    MissingPublicKey,
    #[error("{name} must be {expected}, got {value:?}")]
    Invalid { name: &'static str, expected: &'static str, value: String },
    #[error("could not read the config file {}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("could not parse the config file {}", path.display())]
    Parse {
        path: PathBuf,
        #[source]
        source: toml::de::Error,
    },
}

/// The optional TOML file; keys are the environment variables' names in lower case.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    discord_token: Option<String>,
    discord_guild_id: Option<u64>,
    discord_proxy: Option<String>,
    discord_public_key: Option<String>,
    powbot_data: Option<PathBuf>,
    powbot_index: Option<PathBuf>,
    powbot_cooldown_secs: Option<u64>,
    powbot_cooldown_burst: Option<u32>,
}

impl Config {
    /// Reads the process environment and, if given, a TOML file.
    pub fn load(file: Option<&Path>) -> Result<Config, ConfigError> {
        let file = match file {
            None => None,
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|source| ConfigError::Read { path: path.to_path_buf(), source })?;
                Some((path, text))
            }
        };
        let file = file.as_ref().map(|(path, text)| (*path, text.as_str()));
        Config::from_sources(file, |name| std::env::var(name).ok())
    }

    /// Builds the settings from a file's text and an environment lookup; `load` without the I/O,
    /// so the precedence rules can be tested.
    pub fn from_sources(
        file: Option<(&Path, &str)>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Config, ConfigError> {
        let file: File = match file {
            None => File::default(),
            Some((path, text)) => {
                toml::from_str(text).map_err(|source| ConfigError::Parse { path: path.to_path_buf(), source })?
            }
        };
        // Empty variables count as unset: `DISCORD_GUILD_ID=` in a .env file means "none".
        let env = |name: &str| env(name).filter(|value| !value.trim().is_empty());

        let guild_id = match env("DISCORD_GUILD_ID") {
            Some(value) => Some(parse_snowflake("DISCORD_GUILD_ID", &value)?),
            None => file.discord_guild_id,
        };
        let every = match env("POWBOT_COOLDOWN_SECS") {
            Some(value) => value.trim().parse().map_err(|_| ConfigError::Invalid {
                name: "POWBOT_COOLDOWN_SECS",
                expected: "a whole number of seconds",
                value,
            })?,
            None => file.powbot_cooldown_secs.unwrap_or(Rate::DEFAULT.every.as_secs()),
        };
        let burst = match env("POWBOT_COOLDOWN_BURST") {
            Some(value) => match value.trim().parse() {
                Ok(burst) if burst > 0 => burst,
                _ => {
                    return Err(ConfigError::Invalid {
                        name: "POWBOT_COOLDOWN_BURST",
                        expected: "a whole number of questions, at least 1",
                        value,
                    });
                }
            },
            None => file.powbot_cooldown_burst.filter(|burst| *burst > 0).unwrap_or(Rate::DEFAULT.burst),
        };
        let proxy = env("DISCORD_PROXY").or(file.discord_proxy);
        if let Some(proxy) =
            proxy.as_ref().filter(|proxy| !(proxy.starts_with("http://") || proxy.starts_with("https://")))
        {
            return Err(ConfigError::Invalid {
                name: "DISCORD_PROXY",
                expected: "a base URL such as http://127.0.0.1:3000",
                value: proxy.clone(),
            });
        }
        Ok(Config {
            token: env("DISCORD_TOKEN").or(file.discord_token).map(Token::new),
            guild_id,
            proxy,
            data_dir: env("POWBOT_DATA")
                .map(PathBuf::from)
                .or(file.powbot_data)
                .unwrap_or_else(|| PathBuf::from("data")),
            index_dir: env("POWBOT_INDEX")
                .map(PathBuf::from)
                .or(file.powbot_index)
                .unwrap_or_else(|| PathBuf::from("index")),
            cooldown: Rate { burst, every: Duration::from_secs(every) },
            public_key: env("DISCORD_PUBLIC_KEY").or(file.discord_public_key),
        })
    }

    /// The token, or the error that tells a newcomer how to get one.
    pub fn require_token(&self) -> Result<&Token, ConfigError> {
        self.token.as_ref().ok_or(ConfigError::MissingToken)
    }

    /// The public key, or the error that says where to find it.
    pub fn require_public_key(&self) -> Result<&str, ConfigError> {
        self.public_key.as_deref().ok_or(ConfigError::MissingPublicKey)
    }
}

fn parse_snowflake(name: &'static str, value: &str) -> Result<u64, ConfigError> {
    match value.trim().parse::<u64>() {
        Ok(id) if id > 0 => Ok(id),
        _ => Err(ConfigError::Invalid { name, expected: "a Discord ID (a positive number)", value: value.to_string() }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        move |name| map.get(name).cloned()
    }

    #[test]
    fn defaults_without_anything() {
        let config = Config::from_sources(None, env(&[])).unwrap();
        assert!(config.token.is_none());
        assert_eq!(config.data_dir, PathBuf::from("data"));
        assert_eq!(config.cooldown, Rate::DEFAULT);
        assert!(matches!(config.require_token(), Err(ConfigError::MissingToken)));
        assert!(ConfigError::MissingToken.to_string().contains("DISCORD_TOKEN"));
    }

    #[test]
    fn the_environment_wins_over_the_file() {
        let file = "discord_token = \"from-file\"\ndiscord_guild_id = 1\npowbot_cooldown_secs = 9\n";
        let config = Config::from_sources(
            Some((Path::new("powbot.toml"), file)),
            env(&[("DISCORD_TOKEN", "from-env"), ("DISCORD_GUILD_ID", "22")]),
        )
        .unwrap();
        assert_eq!(config.require_token().unwrap().expose(), "from-env");
        assert_eq!(config.guild_id, Some(22));
        assert_eq!(config.cooldown, Rate { burst: 3, every: Duration::from_secs(9) });
    }

    #[test]
    fn the_token_never_shows_in_debug() {
        let config = Config::from_sources(None, env(&[("DISCORD_TOKEN", "secret-token")])).unwrap();
        assert!(!format!("{config:?}").contains("secret-token"));
    }

    #[test]
    fn bad_values_are_named_in_the_error() {
        let error = Config::from_sources(None, env(&[("DISCORD_GUILD_ID", "abc")])).unwrap_err();
        assert!(error.to_string().contains("DISCORD_GUILD_ID"), "{error}");
        let error = Config::from_sources(None, env(&[("DISCORD_PROXY", "localhost:3000")])).unwrap_err();
        assert!(error.to_string().contains("DISCORD_PROXY"), "{error}");
        let error = Config::from_sources(None, env(&[("POWBOT_COOLDOWN_BURST", "0")])).unwrap_err();
        assert!(error.to_string().contains("POWBOT_COOLDOWN_BURST"), "{error}");
        let error = Config::from_sources(Some((Path::new("x.toml"), "nonsense = 1")), env(&[])).unwrap_err();
        assert!(error.to_string().contains("x.toml"), "{error}");
    }

    #[test]
    fn empty_variables_count_as_unset() {
        let config = Config::from_sources(None, env(&[("DISCORD_GUILD_ID", "")])).unwrap();
        assert_eq!(config.guild_id, None);
    }
}
