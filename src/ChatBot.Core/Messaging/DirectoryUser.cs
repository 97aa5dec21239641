namespace ChatBot.Core.Messaging;

/// <summary>What a <see cref="IUserDirectory"/> says about one person.</summary>
public sealed record DirectoryUser(bool IsAdmin, string? DisplayName = null);
