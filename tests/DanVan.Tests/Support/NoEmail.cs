using DanVan.Features.FollowUp;

namespace DanVan.Tests.Support;

/// <summary>An e-mail sender that is off, for digest runs in tests (the digest then only writes in-app notifications).</summary>
public sealed class NoEmail : IEmailSender
{
    public bool Enabled => false;

    public Task SendAsync(string to, string subject, string body, CancellationToken ct) => Task.CompletedTask;
}
