using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DanVan.Features.Users;

public sealed record UserFieldsModel(UserInput Input, IReadOnlyList<string> AssignableRoles, string? CurrentUnitName, ModelStateDictionary ModelState)
{
    public string Error(string key) =>
        ModelState.TryGetValue(key, out var entry) ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : "";
}
