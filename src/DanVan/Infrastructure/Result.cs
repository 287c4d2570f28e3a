namespace DanVan.Infrastructure;

public enum ResultStatus
{
    Ok,
    NotFound,
    Forbidden,
    Invalid,
}

/// <summary>The outcome of a use case: expected failures are values, not exceptions.</summary>
public sealed class Result<T>
{
    private Result(ResultStatus status, T? value, IReadOnlyDictionary<string, string[]>? errors)
    {
        Status = status;
        Value = value;
        Errors = errors ?? new Dictionary<string, string[]>();
    }

    public ResultStatus Status { get; }

    public T? Value { get; }

    /// <summary>Vietnamese messages keyed by field name ("" for the form as a whole).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public bool IsOk => Status == ResultStatus.Ok;

    public static Result<T> Ok(T value) => new(ResultStatus.Ok, value, null);

    public static Result<T> NotFound() => new(ResultStatus.NotFound, default, null);

    public static Result<T> Forbidden() => new(ResultStatus.Forbidden, default, null);

    public static Result<T> Invalid(IReadOnlyDictionary<string, string[]> errors) => new(ResultStatus.Invalid, default, errors);

    public static Result<T> Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>Collects field errors in Vietnamese.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
}
