using ChatBot.Core.Approvals;
using ChatBot.Core.Chat;
using ChatBot.Core.Receipts;

namespace ChatBot.Core.Tests.Approvals;

/// <summary>Approvers see the exact action: the HTTP body, the email's recipients, subject and body, the MCP tool's arguments.</summary>
public sealed class ApprovalViewFormatterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly ApprovalViewFormatter _formatter = new(new ReceiptOptions { PublicBaseUrl = "https://bot.example.com" });

    private static Approval NewApproval(string actionText, string tool, string arguments, int credits = 1) =>
        new("run_1", "ws_1", actionText, tool, arguments, new ChatUser("U1", "ada"), credits, Now, TimeSpan.FromHours(1));

    [Fact]
    public void An_http_call_shows_its_url_and_the_body_that_will_be_sent()
    {
        var view = _formatter.Format(NewApproval("POST http://hooks.example.com/hook", "http:request",
            """{"method":"post","url":"http://hooks.example.com/hook","body":"{\"text\":\"deploy done\"}"}"""));

        Assert.Equal([new ActionField("URL", "http://hooks.example.com/hook"), new ActionField("Content type", "application/json"),
            new ActionField("Body", "{\"text\":\"deploy done\"}", IsCode: true)], view.Fields);
        Assert.False(view.FieldsTruncated);
        Assert.Equal("~1 credit", view.CreditsText);
        Assert.Equal("https://bot.example.com/runs/run_1", view.DetailsUrl);
        Assert.Equal("Approval needed: POST http://hooks.example.com/hook (requested by @ada, ~1 credit)", view.FallbackText);
    }

    [Fact]
    public void An_email_shows_recipients_subject_and_body()
    {
        var view = _formatter.Format(NewApproval("Send email to ops@example.com: “Weekly”", "email:send",
            """{"to":"ops@example.com, cfo@example.com","subject":"Weekly","body":"All quiet.\nNothing to do."}""", credits: 2));

        Assert.Equal([new ActionField("To", "ops@example.com, cfo@example.com"), new ActionField("Subject", "Weekly"),
            new ActionField("Body", "All quiet.\nNothing to do.", IsCode: true)], view.Fields);
        Assert.Equal("~2 credits", view.CreditsText);
    }

    [Fact]
    public void An_mcp_call_shows_the_tool_and_its_arguments()
    {
        var view = _formatter.Format(NewApproval("tickets: create_ticket (title=Outage)", "mcp:tickets:create_ticket", """{"title":"Outage","priority":1}"""));

        Assert.Equal("Tool", view.Fields[0].Label);
        Assert.Equal("tickets: create_ticket", view.Fields[0].Value);
        Assert.Equal("{\n  \"title\": \"Outage\",\n  \"priority\": 1\n}", view.Fields[1].Value);
    }

    [Fact]
    public void A_long_body_is_cut_and_the_view_points_to_the_run_page()
    {
        var body = string.Join(' ', Enumerable.Repeat("word", 600));
        var view = _formatter.Format(NewApproval("POST http://x/hook", "http:request", $$"""{"method":"POST","url":"http://x/hook","body":"{{body}}"}"""));

        Assert.True(view.FieldsTruncated);
        var shown = view.Fields.Single(f => f.Label == "Body").Value;
        Assert.True(shown.Length <= ApprovalViewFormatter.MaxFieldLength);
        Assert.EndsWith("word…", shown);
        Assert.Contains(body, ApprovalAction.FullText("POST http://x/hook", ApprovalAction.Fields("http:request", $$"""{"method":"POST","url":"http://x/hook","body":"{{body}}"}""")));
    }

    [Theory]
    [InlineData(ApprovalStatus.Approved, "Approved by @grace")]
    [InlineData(ApprovalStatus.Denied, "Denied by @grace")]
    public void A_decided_request_says_who_decided_in_its_header(ApprovalStatus status, string header)
    {
        var approval = NewApproval("POST http://x/hook", "http:request", """{"method":"POST","url":"http://x/hook"}""");
        if (status == ApprovalStatus.Approved) approval.Approve(new ChatUser("U2", "grace"), Now);
        else approval.Deny(new ChatUser("U2", "grace"), Now);

        var view = _formatter.Format(approval);

        Assert.False(view.IsOpen);
        Assert.Equal(header, view.HeaderText);
        Assert.Equal($"{header}: POST http://x/hook", view.FallbackText);
    }

    [Fact]
    public void An_expired_request_says_expired()
    {
        var view = _formatter.Format(NewApproval("POST http://x/hook", "http:request", "{}"), ApprovalStatus.Expired);

        Assert.Equal("Expired", view.HeaderText);
    }
}
