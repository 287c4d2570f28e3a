using DanVan.Data;
using DanVan.Domain.Cases;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Cases;

/// <summary>A page that shows cases' fields by name: the names (table CaseFields, the administrator's) are read before any handler runs.</summary>
public abstract class CaseFieldNamesPageModel : PageModel
{
    public IReadOnlyDictionary<string, string> FieldNames { get; private set; } = new Dictionary<string, string>();

    public string FieldName(string code) => CaseFieldCatalog.Name(FieldNames, code);

    [NonHandler]
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        FieldNames = await CaseFieldQueries.NamesAsync(HttpContext.RequestServices.GetRequiredService<AppDbContext>(), HttpContext.RequestAborted);
        await next();
    }
}
