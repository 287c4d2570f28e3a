using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Support;

/// <summary>One thing a client can call: a page handler or an API endpoint, read from the app's own metadata.</summary>
/// <param name="Key">"GET /Documents/Details/{id:int}", "POST /Reports/Period/{id:int}?handler=Close", "PUT /api/reports/submissions/{id:int}".</param>
/// <param name="Fields">Form fields a page handler binds (bound properties, nested as Input.X, and handler parameters), or the JSON body's properties.</param>
/// <param name="BodyType">The JSON body an API endpoint reads, if any.</param>
/// <param name="FormBody">An API endpoint that reads a form (multipart) instead of JSON.</param>
public sealed record CallableEndpoint(
    string Method, string Route, string? Handler, bool IsApi, IReadOnlyList<BoundField> Fields, Type? BodyType, bool FormBody,
    IReadOnlyList<BoundField> QueryFields)
{
    public string Key => $"{Method} {Route}" + (Handler is null ? "" : $"?handler={Handler}");

    /// <summary>The route with every parameter replaced ("{id:int}" → the value given for "id").</summary>
    public string Url(Func<string, string> routeValue)
    {
        var url = System.Text.RegularExpressions.Regex.Replace(Route, @"\{([^}:?]+)[^}]*\}", m => routeValue(m.Groups[1].Value));
        return Handler is null ? url : url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + Handler;
    }
}

/// <summary>A value the endpoint reads, with its type (to generate wrong ones).</summary>
public sealed record BoundField(string Name, Type Type);

public static class EndpointCatalog
{
    /// <summary>Every page handler and API endpoint of the running app.</summary>
    public static async Task<IReadOnlyList<CallableEndpoint>> ReadAsync(IServiceProvider services)
    {
        var result = new List<CallableEndpoint>();
        var actions = services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items;
        var loader = services.GetRequiredService<PageLoader>();
        foreach (var page in actions.OfType<PageActionDescriptor>())
        {
            var route = "/" + (page.AttributeRouteInfo?.Template ?? page.ViewEnginePath.TrimStart('/'));
            if (route.EndsWith("/Index", StringComparison.Ordinal))
            {
                continue; // "/Tasks/Index" is "/Tasks" again: the same page and handlers under its second address
            }

            var compiled = await loader.LoadAsync(page, EndpointMetadataCollection.Empty);
            var bound = BoundProperties(compiled).ToList();
            foreach (var handler in compiled.HandlerMethods)
            {
                var parameters = handler.Parameters
                    .Where(p => p.ParameterType != typeof(CancellationToken))
                    .Select(p => new BoundField(p.Name, p.ParameterType))
                    .ToList();
                var isGet = string.Equals(handler.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase);
                var fields = bound.Where(b => isGet ? b.SupportsGet : true).Select(b => b.Field).Concat(parameters).ToList();
                result.Add(new CallableEndpoint(handler.HttpMethod.ToUpperInvariant(), route, handler.Name, IsApi: false, fields, null, FormBody: false,
                    QueryFields: isGet ? fields : parameters));
            }

            if (compiled.HandlerMethods.Count == 0)
            {
                result.Add(new CallableEndpoint("GET", route, null, false, [], null, false, []));
            }
        }

        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<ActionDescriptor>() is not null)
            {
                continue; // pages, listed above per handler
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var method = endpoint.Metadata.GetMetadata<MethodInfo>();
            var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var parameters = method?.GetParameters() ?? [];
            var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>();
            var formBody = accepts?.ContentTypes.Any(c => c.Contains("form", StringComparison.OrdinalIgnoreCase)) == true;
            var bodyType = formBody ? null : accepts?.RequestType;
            var query = parameters
                .Where(p => !routeNames.Contains(p.Name!) && IsSimple(p.ParameterType))
                .Select(p => new BoundField(p.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.Name!, p.ParameterType))
                .ToList();
            foreach (var m in methods)
            {
                var fields = accepts?.RequestType is { } t && IsRecordOrClass(t) ? PropertiesOf(t, "").ToList() : [];
                result.Add(new CallableEndpoint(m, route, null, IsApi: true, fields, bodyType, formBody, query));
            }
        }

        return result.OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<(BoundField Field, bool SupportsGet)> BoundProperties(CompiledPageActionDescriptor page)
    {
        foreach (var property in page.BoundProperties)
        {
            var supportsGet = property.BindingInfo?.RequestPredicate?.Invoke(new ActionContext { HttpContext = new DefaultHttpContext { Request = { Method = "GET" } } }) ?? false;
            var type = property.ParameterType;
            var name = property.BindingInfo?.BinderModelName ?? property.Name;
            if (IsSimple(type) || IsList(type))
            {
                yield return (new BoundField(name, type), supportsGet);
                continue;
            }

            foreach (var nested in PropertiesOf(type, name + "."))
            {
                yield return (nested, supportsGet);
            }
        }
    }

    private static IEnumerable<BoundField> PropertiesOf(Type type, string prefix)
    {
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || type.IsValueType || IsRecord(type)))
        {
            var name = prefix.Length == 0 ? JsonName(p.Name) : prefix + p.Name;
            yield return new BoundField(name, p.PropertyType);
        }
    }

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null;

    public static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateOnly) || t == typeof(DateTime)
            || t == typeof(Guid) || t == typeof(DateTimeOffset);
    }

    public static bool IsList(Type type) => type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type);

    private static bool IsRecordOrClass(Type type) => !IsSimple(type) && !IsList(type);
}
