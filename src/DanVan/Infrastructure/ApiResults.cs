namespace DanVan.Infrastructure;

/// <summary>A use case's result as an HTTP answer of the JSON API: 404, 403, 400 with Vietnamese field errors, or the success given.</summary>
public static class ApiResults
{
    public static IResult ToHttp<T>(this Result<T> result, Func<T, IResult> ok) => result.Status switch
    {
        ResultStatus.NotFound => TypedResults.NotFound(),
        ResultStatus.Forbidden => TypedResults.Forbid(),
        ResultStatus.Invalid => TypedResults.ValidationProblem(result.Errors.ToDictionary(kv => kv.Key, kv => kv.Value), title: "Dữ liệu không hợp lệ."),
        _ => ok(result.Value!),
    };
}
