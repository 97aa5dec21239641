using ChatBot.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddChatBot();
var app = builder.Build();
app.UseChatBot();
app.Run();

/// <summary>Visible to WebApplicationFactory in the functional tests.</summary>
public partial class Program;
