using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using DanVan.Domain.Import;

namespace DanVan.Features.Import;

/// <summary>
/// The one JSON form of a <see cref="ParsedDocument"/>, written by <c>parse-document</c> and
/// <c>POST /api/documents/parse</c>: camelCase, indented, Vietnamese written as characters, null fields written
/// as <c>null</c> (so every contract field is present), [JsonIgnore] properties (text, source spans) left out.
/// </summary>
public static class ParsedDocumentJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(ParsedDocument document) => JsonSerializer.Serialize(document, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
