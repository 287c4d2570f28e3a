namespace DanVan.Features.FollowUp;

/// <summary>
/// An in-app message: the daily digest (one per person per day), or a message about one event (a task's completion
/// reported, confirmed or returned, a report waiting for approval, returned, a reminder). A unique index on (person,
/// day, <see cref="Source"/>) keeps each single.
/// </summary>
public class Notification
{
    public const string DigestSource = "digest";

    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public DateOnly Day { get; set; }

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? ReadAtUtc { get; set; }

    public bool Emailed { get; set; }

    /// <summary>"digest", or the event the message is about ("task-update:42", "report-approval:12:2").</summary>
    public string Source { get; set; } = DigestSource;

    /// <summary>Where the message leads (a page of the app); null for the digest (the task list).</summary>
    public string? Link { get; set; }
}

/// <summary>A named lease so that, of several app instances, one runs a job at a time.</summary>
public class JobLease
{
    public string Name { get; set; } = "";

    public string? Holder { get; set; }

    public DateTime ExpiresAtUtc { get; set; }

    public DateOnly? LastCompletedDay { get; set; }
}
