using ChatBot.Server.Hosting;

// Started from elsewhere than its own folder (`dotnet /opt/chatbot/ChatBot.Server.dll`), the server still finds
// its appsettings.json and wwwroot next to the binary instead of silently running on framework defaults.
var contentRoot = File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json")) ? null : AppContext.BaseDirectory;
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = contentRoot });
builder.AddChatBot();
var app = builder.Build();
app.UseChatBot();
app.Run();

/// <summary>Visible to WebApplicationFactory in the functional tests.</summary>
public partial class Program;
