using DanVan.Domain.Democracy;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DanVan.Features.Democracy.PeopleConsultations;

/// <summary>What the shared consultation form shows: the input, the kinds of matter and the errors.</summary>
public sealed record PeopleConsultationFormView(PeopleConsultationInput Input, IReadOnlyList<PeopleConsultationMatter> Matters, ModelStateDictionary ModelState, string? CurrentFile = null);
