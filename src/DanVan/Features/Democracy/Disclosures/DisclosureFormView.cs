using DanVan.Domain.Democracy;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DanVan.Features.Democracy.Disclosures;

/// <summary>What the shared disclosure form shows: the input, the unit's items and the errors.</summary>
public sealed record DisclosureFormView(DisclosureInput Input, IReadOnlyList<DisclosureItem> Items, ModelStateDictionary ModelState, string? CurrentFile = null);
