using System.Globalization;
using DanVan.Domain.Deadlines;

namespace DanVan.Features.Deadlines;

/// <summary>The statutory clock over HTTP: the rules with their basis, and a deadline computed as the deadline verb does.</summary>
public static class DeadlinesApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/deadlines").WithTags("Quy tắc thời hạn").RequireAuthorization();
        group.MapGet("/", ListAsync).WithName("ListDeadlineRules").WithSummary("Mọi quy tắc thời hạn theo luật, với căn cứ, cách đếm và hiệu lực.");
        group.MapGet("/{code}", ComputeAsync).WithName("ComputeDeadline")
            .WithSummary("Tính hạn theo một quy tắc: from=yyyy-MM-dd; complex, especiallyComplex, remote, severalPlaces, dismissal (true/false); instance=1|2; extensions, extraDays; suspended=yyyy-MM-dd..yyyy-MM-dd (lặp lại được).");
    }

    private static async Task<IResult> ListAsync(StatutoryDeadlines deadlines, CancellationToken ct) =>
        TypedResults.Ok((await deadlines.RulesAsync(ct)).Select(DeadlineRuleJson.From).ToList());

    private static async Task<IResult> ComputeAsync(
        string code,
        HttpRequest http,
        StatutoryDeadlines deadlines,
        CancellationToken ct)
    {
        var q = http.Query;
        var args = new List<string> { code };
        if (q["from"].ToString() is { Length: > 0 } from)
        {
            args.AddRange(["--from", from]);
        }

        foreach (var (key, flag) in new[] { ("complex", "--complex"), ("especiallyComplex", "--especially-complex"), ("remote", "--remote"), ("severalPlaces", "--several-places"), ("dismissal", "--dismissal") })
        {
            var v = q[key].ToString();
            if (v.Length == 0 || v is "false" or "False" or "0")
            {
                continue;
            }

            if (v is not ("true" or "True" or "1" or "on"))
            {
                return Invalid(key, $"Giá trị \"{v}\" của {key} không hợp lệ: ghi true hoặc false.");
            }

            args.Add(flag);
        }

        foreach (var (key, option) in new[] { ("instance", "--instance"), ("extensions", "--extensions"), ("extraDays", "--extra-days") })
        {
            if (q[key].ToString() is { Length: > 0 } v)
            {
                args.AddRange([option, v]);
            }
        }

        foreach (var s in q["suspended"])
        {
            args.AddRange(["--suspended", s ?? ""]);
        }

        var parsed = DeadlineCommand.Parse(args);
        if (parsed.Error is not null || parsed.Request is null)
        {
            return Invalid("", parsed.Error ?? "Yêu cầu không hợp lệ.");
        }

        var answer = await deadlines.ComputeAsync(code, parsed.Request, ct);
        if (!answer.IsOk)
        {
            return Invalid("", answer.Error!);
        }

        var d = answer.Value!;
        var j = DeadlineJson.From(d);
        return TypedResults.Ok(new
        {
            rule = j.Rule,
            deadline = j.Deadline,
            counting = j.Counting,
            days = j.Days,
            basis = j.Basis,
            name = d.RuleName,
            explanation = d.Explanation,
            shown = d.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        });
    }

    private static IResult Invalid(string key, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [key] = [message] }, title: "Dữ liệu không hợp lệ.");
}
