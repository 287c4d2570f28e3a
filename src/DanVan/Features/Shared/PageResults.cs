using DanVan.Domain.Text;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Shared;

public static class PageResults
{
    /// <summary>
    /// Maps a use-case result to a page outcome: null when it succeeded (the caller redirects), else 404, 403 or
    /// the same page with field errors.
    /// </summary>
    public static IActionResult? Failure<T>(this PageModel page, Result<T> result, string prefix = "Input")
    {
        switch (result.Status)
        {
            case ResultStatus.Ok:
                return null;
            case ResultStatus.NotFound:
                return page.NotFound();
            case ResultStatus.Forbidden:
                return page.Forbid();
            default:
                foreach (var (field, messages) in result.Errors)
                {
                    var key = field.Length == 0 ? "" : prefix.Length == 0 ? field : prefix + "." + field;
                    if (key.Length > 0 && page.ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
                    {
                        continue; // the form already explains this field (e.g. text typed into a list)
                    }

                    foreach (var message in messages)
                    {
                        page.ModelState.AddModelError(key, message);
                    }
                }

                return page.Page();
        }
    }

    /// <summary>Reads a dd/MM/yyyy field; adds a Vietnamese error for text that is not a real date (30/02/2025).</summary>
    public static DateOnly? ParseDate(ModelStateDictionary modelState, string key, string? text, string label, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                modelState.AddModelError(key, $"Vui lòng nhập {label}.");
            }

            return null;
        }

        if (VietnameseText.TryParseDate(text, out var date))
        {
            return date;
        }

        modelState.AddModelError(key, $"{char.ToUpper(label[0], VietnameseText.Culture)}{label[1..]} không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 01/07/2025.");
        return null;
    }
}
