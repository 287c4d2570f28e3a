using DanVan.Domain.Access;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace DanVan.Features.Units;

/// <summary>A unit as an authorization resource: its id and the ids of its ancestors.</summary>
public sealed record UnitResource(int Id, string AncestorPath);

public static class UnitOperations
{
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(UnitOperation.Read) };
    public static readonly OperationAuthorizationRequirement CreateChild = new() { Name = nameof(UnitOperation.CreateChild) };
    public static readonly OperationAuthorizationRequirement Rename = new() { Name = nameof(UnitOperation.Rename) };
    public static readonly OperationAuthorizationRequirement Move = new() { Name = nameof(UnitOperation.Move) };
    public static readonly OperationAuthorizationRequirement Merge = new() { Name = nameof(UnitOperation.Merge) };
}

/// <summary>Resource-based check for units: walks the tree through the unit's path against the user's scope.</summary>
public sealed class UnitAuthorizationHandler(CurrentUser currentUser)
    : AuthorizationHandler<OperationAuthorizationRequirement, UnitResource>
{
    protected override async Task HandleRequirementAsync(
        AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, UnitResource resource)
    {
        var scope = await currentUser.GetScopeAsync();
        if (scope is null || !Enum.TryParse<UnitOperation>(requirement.Name, out var operation))
        {
            return;
        }

        if (UnitAccessRules.Allows(scope, operation, resource.AncestorPath, resource.Id))
        {
            context.Succeed(requirement);
        }
    }
}
