namespace DanVan.Features.FollowUp;

/// <summary>An in-app message (the daily digest). One per person per day: a unique index makes it so.</summary>
public class Notification
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public DateOnly Day { get; set; }

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

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
