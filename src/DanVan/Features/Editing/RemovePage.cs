using DanVan.Domain.Editing;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Editing;

/// <summary>What the withdraw/delete pages share: the posted version and reason, and the result shown back.</summary>
public abstract class RemovePage : PageModel
{
    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public RemoveView View { get; protected set; } = null!;

    /// <summary>A refused withdrawal or deletion: the page again, with the reason under its field or above the form.</summary>
    protected IActionResult Refused<T>(Result<T> result)
    {
        switch (result.Status)
        {
            case ResultStatus.NotFound:
                return NotFound();
            case ResultStatus.Forbidden:
                return Forbid();
        }

        foreach (var (field, messages) in result.Errors)
        {
            foreach (var m in messages)
            {
                if (field == "Reason")
                {
                    View = View with { ReasonError = m };
                }
                else
                {
                    ModelState.AddModelError("", m);
                }
            }
        }

        View = View with { Reason = Reason };
        return Page();
    }
}
