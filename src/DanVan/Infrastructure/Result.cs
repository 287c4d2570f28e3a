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

    /// <summary>A required text: "Vui lòng nhập …", then the checks of <see cref="Text"/>. Returns it trimmed when valid.</summary>
    public string? RequiredText(string field, string? value, int max, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"Vui lòng nhập {label}.");
            return null;
        }

        return Text(field, value, max, char.ToUpper(label[0], Domain.Text.VietnameseText.Culture) + label[1..]);
    }

    /// <summary>An optional text: at most <paramref name="max"/> characters, no control characters. Returns it trimmed when valid.</summary>
    public string? Text(string field, string? value, int max, string label)
    {
        var text = value?.Trim();
        if (text is not null && text.Length > max)
        {
            Add(field, $"{label} không quá {Domain.Text.VietnameseText.FormatNumber(max)} ký tự.");
            return null;
        }

        if (text is not null && text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            Add(field, $"{label} chứa ký tự không hợp lệ.");
            return null;
        }

        return text;
    }

    /// <summary>
    /// A date typed dd/MM/yyyy: "Vui lòng nhập …" when required and empty, "… không hợp lệ: nhập theo dạng ngày/tháng/năm"
    /// when unreadable. Returns the date when valid, null otherwise (an empty optional date is null without an error).
    /// </summary>
    public DateOnly? Date(string field, string? text, string label, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                Add(field, $"Vui lòng nhập {label}.");
            }

            return null;
        }

        if (Domain.Text.VietnameseText.TryParseDate(text, out var date))
        {
            return date;
        }

        Add(field, $"{char.ToUpper(label[0], Domain.Text.VietnameseText.Culture)}{label[1..]} không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 15/03/2026.");
        return null;
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
}
