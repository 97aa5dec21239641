using ChatBot.Core.Chat;
using ChatBot.Core.Views;

namespace ChatBot.Testing.Fakes;

public sealed record RecordedMessage(string Kind, ChatAddress To, string MessageId, ChatView View, ChatUser? User);
