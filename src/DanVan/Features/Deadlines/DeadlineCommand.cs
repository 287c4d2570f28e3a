using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using DanVan.Domain.Deadlines;

namespace DanVan.Features.Deadlines;

/// <summary>
/// The deadline verb: <c>deadline &lt;rule&gt; --from yyyy-MM-dd [--complex] [--especially-complex] [--remote]
/// [--several-places] [--extensions N] [--extra-days N] [--suspended yyyy-MM-dd..yyyy-MM-dd] [--instance 1|2]
/// [--dismissal]</c> prints one JSON object; <c>deadline --list</c> prints every rule. Bad arguments: one Vietnamese
/// line on standard error and exit code 2; a request the rule refuses (too many extensions…): exit code 1.
/// </summary>
public static class DeadlineCommand
{
    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    private static readonly string[] Flags = ["--complex", "--especially-complex", "--remote", "--several-places", "--dismissal", "--list"];
    private static readonly string[] Valued = ["--from", "--extensions", "--extra-days", "--suspended", "--instance"];

    /// <summary>The request the arguments describe, or the Vietnamese reason they do not describe one.</summary>
    public sealed record Parsed(string? Rule, bool List, DeadlineRequest? Request, string? Error);

    public static Parsed Parse(IReadOnlyList<string> args)
    {
        string? rule = null;
        DateOnly? from = null;
        var conditions = DeadlineConditions.None;
        var extensions = 0;
        var extra = 0;
        var list = false;
        var suspensions = new List<DateSpan>();
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal))
            {
                if (rule is not null)
                {
                    return Fail($"Thừa tham số \"{a}\": chỉ ghi một mã quy tắc.");
                }

                rule = a;
                continue;
            }

            if (Flags.Contains(a, StringComparer.Ordinal))
            {
                switch (a)
                {
                    case "--complex": conditions |= DeadlineConditions.Complex; break;
                    case "--especially-complex": conditions |= DeadlineConditions.EspeciallyComplex | DeadlineConditions.Complex; break;
                    case "--remote": conditions |= DeadlineConditions.Remote; break;
                    case "--several-places": conditions |= DeadlineConditions.SeveralPlaces; break;
                    case "--dismissal": conditions |= DeadlineConditions.Dismissal; break;
                    default: list = true; break;
                }

                continue;
            }

            if (!Valued.Contains(a, StringComparer.Ordinal))
            {
                return Fail($"Không hiểu tham số \"{a}\". Xem: deadline --list; tham số: --from, --complex, --especially-complex, --remote, --several-places, --extensions, --extra-days, --suspended, --instance, --dismissal.");
            }

            if (i + 1 >= args.Count)
            {
                return Fail($"Thiếu giá trị sau {a}.");
            }

            var value = args[++i];
            switch (a)
            {
                case "--from":
                    if (!TryDate(value, out var f))
                    {
                        return Fail($"Ngày \"{value}\" không hợp lệ: ghi theo dạng năm-tháng-ngày, ví dụ 2026-03-02.");
                    }

                    from = f;
                    break;
                case "--extensions":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out extensions) || extensions > 10)
                    {
                        return Fail($"Số lần gia hạn \"{value}\" không hợp lệ: ghi số nguyên từ 0 đến 10.");
                    }

                    break;
                case "--extra-days":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out extra) || extra > StatutoryClock.MaxTotalDays)
                    {
                        return Fail($"Số ngày \"{value}\" không hợp lệ: ghi số nguyên từ 0 đến {StatutoryClock.MaxTotalDays}.");
                    }

                    break;
                case "--suspended":
                    var parts = value.Split("..", StringSplitOptions.None);
                    if (parts.Length != 2 || !TryDate(parts[0], out var s) || !TryDate(parts[1], out var e))
                    {
                        return Fail($"Khoảng tạm đình chỉ \"{value}\" không hợp lệ: ghi dạng 2026-03-02..2026-03-15.");
                    }

                    if (e < s)
                    {
                        return Fail($"Khoảng tạm đình chỉ \"{value}\" có ngày kết thúc trước ngày bắt đầu.");
                    }

                    suspensions.Add(new DateSpan(s, e));
                    break;
                default:
                    if (value == "2")
                    {
                        conditions |= DeadlineConditions.SecondInstance;
                    }
                    else if (value != "1")
                    {
                        return Fail($"Lần giải quyết \"{value}\" không hợp lệ: ghi 1 hoặc 2.");
                    }

                    break;
            }
        }

        if (list)
        {
            return rule is null && from is null ? new Parsed(null, true, null, null) : Fail("deadline --list không dùng cùng mã quy tắc hay --from.");
        }

        if (rule is null)
        {
            return Fail("Thiếu mã quy tắc. Ví dụ: deadline khieu-nai-lan-dau-giai-quyet --from 2026-03-02 (xem deadline --list).");
        }

        if (from is null)
        {
            return Fail("Thiếu --from yyyy-MM-dd: ngày bắt đầu tính (ngày nhận, ngày thụ lý… hoặc ngày diễn ra sự kiện với thời hạn báo trước).");
        }

        // Each extension as long as the rule allows: the engine fills in the length and checks the count.
        return new Parsed(rule, false, new DeadlineRequest
        {
            From = from.Value,
            Conditions = conditions,
            Extensions = Enumerable.Repeat(StatutoryClock.LongestExtension, extensions).ToList(),
            ExtraDays = extra,
            Suspensions = suspensions,
        }, null);

        static Parsed Fail(string message) => new(null, false, null, message);
    }

    public static async Task<int> RunAsync(StatutoryDeadlines deadlines, IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken ct = default)
    {
        var parsed = Parse(args);
        if (parsed.Error is not null)
        {
            await stderr.WriteLineAsync("Lỗi: " + parsed.Error);
            return 2;
        }

        if (parsed.List)
        {
            var rules = await deadlines.RulesAsync(ct);
            await stdout.WriteLineAsync(JsonSerializer.Serialize(rules.Select(DeadlineRuleJson.From), Json));
            return 0;
        }

        var answer = await deadlines.ComputeAsync(parsed.Rule!, parsed.Request!, ct);
        if (!answer.IsOk)
        {
            await stderr.WriteLineAsync("Lỗi: " + answer.Error);
            return 1;
        }

        await stdout.WriteLineAsync(JsonSerializer.Serialize(DeadlineJson.From(answer.Value!), Json));
        return 0;
    }

    private static bool TryDate(string value, out DateOnly date) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
