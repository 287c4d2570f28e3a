using DanVan.Domain.Democracy;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DanVan.Features.Democracy.Oversight;

/// <summary>What the shared board form shows: the input (members padded with empty rows), the kinds the unit holds, the bounds, the errors.</summary>
public sealed record BoardFormView(OversightBoardInput Input, IReadOnlyList<OversightBoardKind> Kinds, IReadOnlyList<OversightBoardRule> Rules, ModelStateDictionary ModelState)
{
    /// <summary>Empty rows so that a board of up to nine (or two more than it has) can be typed without a script.</summary>
    public static void Pad(OversightBoardInput input)
    {
        var rows = Math.Min(OversightRules.MaxMembers, Math.Max(9, input.Members.Count + 2));
        while (input.Members.Count < rows)
        {
            input.Members.Add(new OversightMemberInput { Role = OversightMemberRole.Member });
        }
    }
}
