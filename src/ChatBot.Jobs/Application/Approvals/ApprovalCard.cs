using ChatBot.Core.Approvals;
using ChatBot.Core.Views;

namespace ChatBot.Jobs.Application.Approvals;

/// <summary>An approval as it now stands, and the request card redrawn to match.</summary>
public sealed record ApprovalCard(Approval Approval, ApprovalRequestView View);
