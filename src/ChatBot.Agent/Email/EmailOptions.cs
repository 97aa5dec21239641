namespace ChatBot.Agent.Email;

/// <summary>SMTP for the <c>email:send</c> tool; the tool is offered only when <see cref="SmtpHost"/> is set.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender address, e.g. <c>ChatBot &lt;bot@example.com&gt;</c>.</summary>
    public string From { get; set; } = "ChatBot <chatbot@localhost>";

    /// <summary><c>auto</c> (STARTTLS when offered), <c>starttls</c>, <c>ssl</c> or <c>none</c>.</summary>
    public string Security { get; set; } = "auto";
}
