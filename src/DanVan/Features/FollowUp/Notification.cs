namespace DanVan.Features.FollowUp;

/// <summary>
/// An in-app message: the daily digest (topic "", one per person per day: a unique index makes it so), or a message of an
/// event (a report waiting for approval, returned, a reminder), whose topic names the event so that it too exists once.
/// </summary>
public class Notification
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public DateOnly Day { get; set; }

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    /// <summary>"" for the daily digest; else what the message is about ("report-approval:12:2").</summary>
    public string Topic { get; set; } = "";

    /// <summary>Where the message leads (a page of the app); null for the digest (the task list).</summary>
    public string? Link { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? ReadAtUtc { get; set; }

    public bool Emailed { get; set; }
}

/// <summary>A named lease so that, of several app instances, one runs a job at a time.</summary>
public class JobLease
{
    public string Name { get; set; } = "";

    public string? Holder { get; set; }

    public DateTime ExpiresAtUtc { get; set; }

    public DateOnly? LastCompletedDay { get; set; }
}
