namespace ChatBot.Jobs.Application.Approvals;

public enum ApprovalVerdict
{
    Approve,
    Deny,
}
