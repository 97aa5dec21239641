namespace ChatBot.Core.Users;

/// <summary>What the bot knows of a person's platform role without asking the platform.</summary>
public enum UserRole
{
    /// <summary>Not looked up yet: a job is asking the platform.</summary>
    Unknown,
    Member,
    Admin,
}
