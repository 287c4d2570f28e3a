using DanVan.Domain.Deadlines;
using DanVan.Domain.Text;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Deadlines;

/// <summary>Quy tắc thời hạn: every time limit of law with its basis, and a calculator that says which rule produced a date.</summary>
public class IndexModel(StatutoryDeadlines deadlines, CurrentUser currentUser) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "rule")]
    public string? Rule { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "complex")]
    public bool Complex { get; set; }

    [BindProperty(SupportsGet = true, Name = "especially")]
    public bool EspeciallyComplex { get; set; }

    [BindProperty(SupportsGet = true, Name = "remote")]
    public bool Remote { get; set; }

    [BindProperty(SupportsGet = true, Name = "places")]
    public bool SeveralPlaces { get; set; }

    [BindProperty(SupportsGet = true, Name = "second")]
    public bool SecondInstance { get; set; }

    [BindProperty(SupportsGet = true, Name = "dismissal")]
    public bool Dismissal { get; set; }

    [BindProperty(SupportsGet = true, Name = "extensions")]
    public int? Extensions { get; set; }

    [BindProperty(SupportsGet = true, Name = "extra")]
    public int? ExtraDays { get; set; }

    [BindProperty(SupportsGet = true, Name = "suspendFrom")]
    public string? SuspendFrom { get; set; }

    [BindProperty(SupportsGet = true, Name = "suspendTo")]
    public string? SuspendTo { get; set; }

    public List<DeadlineRule> Rules { get; private set; } = [];

    public List<DeadlineRule> Shown { get; private set; } = [];

    public bool IsAdmin { get; private set; }

    public Deadline? Result { get; private set; }

    public List<string> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsAdmin = (await currentUser.GetScopeAsync(ct))?.IsAdmin == true;
        Rules = await deadlines.RulesAsync(ct);
        var folded = VietnameseText.Fold(Query);
        Shown = folded.Length == 0
            ? Rules
            : Rules.Where(r => VietnameseText.Fold($"{r.Code} {r.Name} {r.Procedure} {r.Basis}").Contains(folded, StringComparison.Ordinal)).ToList();

        if (Rule is null && From is null && ModelState.IsValid)
        {
            return;
        }

        // Text typed into a number box: said in Vietnamese by the binder; the other fields are still checked.
        Errors.AddRange(ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct());

        if (string.IsNullOrWhiteSpace(Rule))
        {
            Errors.Add("Vui lòng chọn quy tắc.");
        }

        if (!VietnameseText.TryParseDate(From, out var from))
        {
            Errors.Add("Ngày bắt đầu tính không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 02/03/2026.");
        }

        var suspensions = new List<DateSpan>();
        if (!string.IsNullOrWhiteSpace(SuspendFrom) || !string.IsNullOrWhiteSpace(SuspendTo))
        {
            if (VietnameseText.TryParseDate(SuspendFrom, out var sf) && VietnameseText.TryParseDate(SuspendTo, out var st))
            {
                suspensions.Add(new DateSpan(sf, st));
            }
            else
            {
                Errors.Add("Khoảng tạm đình chỉ phải có cả ngày bắt đầu và ngày kết thúc, dạng ngày/tháng/năm.");
            }
        }

        if (Extensions is < 0 or > 10)
        {
            Errors.Add("Số lần gia hạn phải từ 0 đến 10.");
        }

        if (ExtraDays is < 0 or > StatutoryClock.MaxTotalDays)
        {
            Errors.Add($"Số ngày không tính vào thời hạn phải từ 0 đến {StatutoryClock.MaxTotalDays}.");
        }

        if (Errors.Count > 0)
        {
            return;
        }

        var conditions = DeadlineConditions.None;
        conditions |= Complex ? DeadlineConditions.Complex : 0;
        conditions |= EspeciallyComplex ? DeadlineConditions.EspeciallyComplex | DeadlineConditions.Complex : 0;
        conditions |= Remote ? DeadlineConditions.Remote : 0;
        conditions |= SeveralPlaces ? DeadlineConditions.SeveralPlaces : 0;
        conditions |= SecondInstance ? DeadlineConditions.SecondInstance : 0;
        conditions |= Dismissal ? DeadlineConditions.Dismissal : 0;
        var request = new DeadlineRequest
        {
            From = from,
            Conditions = conditions,
            Extensions = Enumerable.Repeat(StatutoryClock.LongestExtension, Extensions ?? 0).ToList(),
            ExtraDays = ExtraDays ?? 0,
            Suspensions = suspensions,
        };
        var answer = await deadlines.ComputeAsync(Rule!, request, ct);
        if (answer.IsOk)
        {
            Result = answer.Value;
        }
        else
        {
            Errors.Add(answer.Error!);
        }
    }

    public static string Weekday(DateOnly d) => Calendar.IndexModel.Weekday(d);
}
