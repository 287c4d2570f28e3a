using System.Globalization;
using System.Text;

namespace DanVan.Features.Tasks;

/// <summary>Writes an iCalendar (RFC 5545) feed of all-day deadline events.</summary>
public static class ICalendar
{
    public sealed record Event(string Uid, DateOnly Date, string Summary, string Description, string? Url);

    public static string Write(string calendarName, IEnumerable<Event> events, DateTime nowUtc)
    {
        var sb = new StringBuilder();
        Line(sb, "BEGIN:VCALENDAR");
        Line(sb, "VERSION:2.0");
        Line(sb, "PRODID:-//DanVan//Nhiem vu//VI");
        Line(sb, "CALSCALE:GREGORIAN");
        Line(sb, "X-WR-CALNAME:" + Escape(calendarName));
        Line(sb, "X-WR-TIMEZONE:Asia/Ho_Chi_Minh");
        var stamp = nowUtc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        foreach (var e in events)
        {
            Line(sb, "BEGIN:VEVENT");
            Line(sb, "UID:" + e.Uid);
            Line(sb, "DTSTAMP:" + stamp);
            Line(sb, "DTSTART;VALUE=DATE:" + e.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            Line(sb, "DTEND;VALUE=DATE:" + e.Date.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            Line(sb, "SUMMARY:" + Escape(e.Summary));
            Line(sb, "DESCRIPTION:" + Escape(e.Description));
            if (e.Url is not null)
            {
                Line(sb, "URL:" + e.Url);
            }

            Line(sb, "END:VEVENT");
        }

        Line(sb, "END:VCALENDAR");
        return sb.ToString();
    }

    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal).Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Content lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character.</summary>
    private static void Line(StringBuilder sb, string line)
    {
        var octets = 0;
        var first = true;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > (first ? 75 : 74))
            {
                sb.Append("\r\n ");
                octets = 0;
                first = false;
            }

            sb.Append(rune.ToString());
            octets += size;
        }

        sb.Append("\r\n");
    }
}
