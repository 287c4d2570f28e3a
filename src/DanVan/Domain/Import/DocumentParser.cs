namespace DanVan.Domain.Import;

/// <summary>A document the importer cannot read; the message is Vietnamese and fit to show a user on one line.</summary>
public sealed class UnreadableDocumentException(string message) : Exception(message);

/// <summary>
/// Reads the text of a Vietnamese administrative document (plan, directive, letter) and proposes its structure.
/// Pure: no I/O, no network. Text extraction from DOCX/PDF lives in Features/Import.
/// </summary>
public static partial class DocumentParser
{
    /// <summary>Longest text parsed (characters); a 60 KB plan is ~60,000.</summary>
    public const int MaxTextLength = 2_000_000;

    /// <exception cref="UnreadableDocumentException">Empty, too long, or not Vietnamese.</exception>
    public static ParsedDocument Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UnreadableDocumentException("Tệp không có nội dung văn bản.");
        }

        if (text.Length > MaxTextLength)
        {
            throw new UnreadableDocumentException($"Văn bản quá dài (trên {MaxTextLength:N0} ký tự), không đọc được.");
        }

        text = Text.VietnameseText.Nfc(text)!;
        if (!LooksVietnamese(text))
        {
            throw new UnreadableDocumentException("Văn bản không phải tiếng Việt (hoặc không có chữ đọc được), không nhập được.");
        }

        return new ParsedDocument { Text = text }; // filled in by the parser work in progress
    }

    /// <summary>
    /// True when at least 1% of the letters (in the first 50,000 characters) are letters only Vietnamese uses
    /// (ă, ơ, ư, đ and the dot-below / hook-above vowels): English, French or binary noise fall far below.
    /// </summary>
    public static bool LooksVietnamese(string nfcText)
    {
        var letters = 0;
        var vietnamese = 0;
        var end = Math.Min(nfcText.Length, 50_000);
        for (var i = 0; i < end; i++)
        {
            var ch = nfcText[i];
            if (!char.IsLetter(ch))
            {
                continue;
            }

            letters++;
            if (VietnameseOnly.Contains(char.ToLowerInvariant(ch), StringComparison.Ordinal))
            {
                vietnamese++;
            }
        }

        return letters >= 20 && vietnamese * 100 >= letters;
    }

    private const string VietnameseOnly = "ăơưđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĩũ";
}
