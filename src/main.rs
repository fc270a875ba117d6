use std::process::ExitCode;

use clap::{Parser, Subcommand};
use powbot::discord::cli::{ServeArgs, ServeHttpArgs};

/// Answers questions about Russia–Ukraine prisoner-of-war exchanges.
#[derive(Debug, Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the Discord bot over the gateway (slash commands and mentions).
    Serve(ServeArgs),
    /// Serve slash commands on Discord's Interactions Endpoint URL instead of the gateway.
    ServeHttp(ServeHttpArgs),
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "powbot=info,serenity=warn".into()),
        )
        .init();
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Runtime::new()?;
    match cli.command {
        Command::Serve(args) => runtime.block_on(powbot::discord::cli::serve(args)),
        Command::ServeHttp(args) => runtime.block_on(powbot::discord::cli::serve_http(args)),
    }
}
