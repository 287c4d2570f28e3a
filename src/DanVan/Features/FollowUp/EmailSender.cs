using System.Net;
using System.Net.Mail;

namespace DanVan.Features.FollowUp;

/// <summary>Sends mail. The real one speaks SMTP; tests use a recording one (mail leaves the machine).</summary>
public interface IEmailSender
{
    bool Enabled { get; }

    Task SendAsync(string to, string subject, string body, CancellationToken ct);
}

/// <summary>SMTP from configuration (Smtp:Enabled, Host, Port, EnableSsl, User, Password, From). Off by default.</summary>
public sealed class SmtpEmailSender(IConfiguration configuration) : IEmailSender
{
    public bool Enabled => configuration.GetValue("Smtp:Enabled", false);

    public async Task SendAsync(string to, string subject, string body, CancellationToken ct)
    {
        using var client = new SmtpClient(configuration["Smtp:Host"] ?? "localhost", configuration.GetValue("Smtp:Port", 25))
        {
            EnableSsl = configuration.GetValue("Smtp:EnableSsl", false),
        };
        if (configuration["Smtp:User"] is { Length: > 0 } user)
        {
            client.Credentials = new NetworkCredential(user, configuration["Smtp:Password"]);
        }

        using var message = new MailMessage(configuration["Smtp:From"] ?? "danvan@localhost", to, subject, body)
        {
            BodyEncoding = System.Text.Encoding.UTF8,
            SubjectEncoding = System.Text.Encoding.UTF8,
        };
        await client.SendMailAsync(message, ct);
    }
}
