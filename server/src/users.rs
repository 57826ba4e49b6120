//! `tuki user …`: staff accounts from the command line, as the operator (the core's accounts
//! service checks and records every change in the audit log).

use crate::cli::UserAction;
use tuki::Portal;
use tuki::content::Slug;
use tuki::services::Caller;
use tuki::services::accounts::NewAccount;
use tuki::staff::Role;

/// Runs one `tuki user` command.
pub async fn run(portal: &Portal, action: UserAction) -> anyhow::Result<()> {
    let accounts = portal.accounts();
    let operator = Caller::Operator;
    match action {
        UserAction::Add { email, roles, name, locale, teams, base_url } => {
            let roles =
                roles.iter().map(|r| r.parse::<Role>()).collect::<Result<Vec<_>, _>>().map_err(anyhow::Error::msg)?;
            let teams = teams.iter().map(|t| Slug::parse(t)).collect::<Result<Vec<_>, _>>()?;
            let locale: tuki::Locale = locale.parse()?;
            let name = name.unwrap_or_else(|| email.split('@').next().unwrap_or_default().to_owned());
            let new = NewAccount { email: &email, name: &name, locale, roles: &roles, teams: &teams };
            let (member, token) = accounts.add(&operator, new).await.map_err(|e| explained(&e))?;
            println!("account created: {} ({})", member.email, roles_text(&member.roles));
            println!("set-password link (single use, valid 24 hours; give it to {} only):", member.name);
            println!("{}", tuki::paths::staff_password_link(&base_url, locale, &token));
        }
        UserAction::Passwd { email } => {
            let mut line = String::new();
            std::io::stdin().read_line(&mut line)?;
            let password = line.trim_end_matches(['\r', '\n']);
            accounts.set_password(&operator, &email, password).await.map_err(|e| explained(&e))?;
            println!("password set for {email}; its sessions ended");
        }
        UserAction::Link { email, base_url } => {
            let token = accounts.password_link_for(&operator, &email).await.map_err(|e| explained(&e))?;
            let member = accounts.list(&operator).await.map_err(|e| explained(&e))?;
            let locale = member
                .iter()
                .find(|a| a.member.email.as_str() == email.trim().to_lowercase())
                .map_or(tuki::Locale::Fi, |a| a.member.locale);
            println!("{}", tuki::paths::staff_password_link(&base_url, locale, &token));
        }
        UserAction::Disable { email } => {
            accounts.set_active(&operator, &email, false).await.map_err(|e| explained(&e))?;
            println!("{email} disabled; its sessions ended");
        }
        UserAction::Enable { email } => {
            accounts.set_active(&operator, &email, true).await.map_err(|e| explained(&e))?;
            println!("{email} enabled");
        }
        UserAction::List => {
            for account in accounts.list(&operator).await.map_err(|e| explained(&e))? {
                let member = &account.member;
                let teams = member.teams.iter().map(Slug::as_str).collect::<Vec<_>>().join(", ");
                println!(
                    "{}\t{}\t{}\t{}{}{}",
                    member.email,
                    member.name,
                    roles_text(&member.roles),
                    if account.active { "active" } else { "disabled" },
                    if account.has_password { "" } else { ", no password yet" },
                    if teams.is_empty() { String::new() } else { format!("\tteams: {teams}") },
                );
            }
        }
    }
    Ok(())
}

fn roles_text(roles: &[Role]) -> String {
    roles.iter().map(|r| r.code()).collect::<Vec<_>>().join(", ")
}

/// A service's refusal in English words for the operator.
fn explained(error: &tuki::services::ServiceError) -> anyhow::Error {
    anyhow::anyhow!("{}", tuki::i18n::tr(tuki::Locale::En, error.code()))
}
