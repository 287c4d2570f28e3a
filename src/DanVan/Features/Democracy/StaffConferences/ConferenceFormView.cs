using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DanVan.Features.Democracy.StaffConferences;

/// <summary>What the shared conference form shows: the input, the due date's words and the errors.</summary>
public sealed record ConferenceFormView(StaffConferenceInput Input, string? RuleText, ModelStateDictionary ModelState);
