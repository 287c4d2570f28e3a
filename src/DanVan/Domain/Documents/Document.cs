using DanVan.Domain.Text;

namespace DanVan.Domain.Documents;

/// <summary>Văn bản: a registered document with its number, issuer, date, title, signer and recipients.</summary>
public class Document : Editing.IVersioned
{
    public int Id { get; set; }

    /// <summary>The unit that registered the document: its scope decides who sees it (with the units below it).</summary>
    public int OwnerUnitId { get; set; }

    /// <summary>The issuing body when it is in the directory.</summary>
    public int? IssuingUnitId { get; set; }

    /// <summary>The issuing body as written on the document ("UBND TỈNH QUẢNG NGÃI").</summary>
    public string IssuerName { get; set; } = "";

    /// <summary>Số, ký hiệu as normalised ("878/KH-SVHTT", "451-CV/HU", "/KH-SNV" for a draft).</summary>
    public string Code { get; set; } = "";

    public NumberingStyle Style { get; set; }

    public int? Number { get; set; }

    public int? Year { get; set; }

    public string? TypeCode { get; set; }

    public string IssuerSymbol { get; set; } = "";

    /// <summary>Tên loại: "Kế hoạch", "Công văn", "Quyết định"…</summary>
    public string TypeName { get; set; } = "";

    public string? Place { get; set; }

    public DateOnly? IssuedOn { get; set; }

    /// <summary>Trích yếu.</summary>
    public string Title { get; set; } = "";

    /// <summary>TM., KT., TL., TUQ., Q. or none.</summary>
    public string? SignerAuthority { get; set; }

    public string? SignerPosition { get; set; }

    public string? SignerName { get; set; }

    /// <summary>Nơi nhận, one recipient a line.</summary>
    public string? Recipients { get; set; }

    public DateTime CreatedAtUtc { get; set; }


    /// <summary>1 when first saved, one more at each edit (ADR-019): the concurrency token a form carries back.</summary>
    public int Version { get; set; } = 1;

    /// <summary>Thu hồi: when, by whom and why; a withdrawn record stays visible and drops out of boards and counts.</summary>
    public DateTime? WithdrawnAtUtc { get; set; }

    public string? WithdrawnBy { get; set; }

    public string? WithdrawnReason { get; set; }

    public string SearchText { get; set; } = "";

    public void Index() => SearchText = VietnameseText.Fold(Code + " " + TypeName + " " + Title + " " + IssuerName);

    public static readonly string[] SignerAuthorities = ["TM.", "KT.", "TL.", "TUQ.", "Q."];
}

public enum CitationRelation
{
    /// <summary>Căn cứ: the legal basis.</summary>
    Basis = 1,

    /// <summary>Thực hiện: the document this one implements.</summary>
    Implements = 2,

    /// <summary>Other reference (footnotes, "theo đề nghị của").</summary>
    Reference = 3,
}

/// <summary>A document cited by another; linked to the registered one when it is in DanVan.</summary>
public class DocumentCitation
{
    public int Id { get; set; }

    public int DocumentId { get; set; }

    public CitationRelation Relation { get; set; }

    public string? CitedCode { get; set; }

    public int? CitedDocumentId { get; set; }

    /// <summary>The citation as written ("Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư").</summary>
    public string Description { get; set; } = "";

    public static string Label(CitationRelation r) => r switch
    {
        CitationRelation.Basis => "Căn cứ",
        CitationRelation.Implements => "Thực hiện",
        _ => "Tham chiếu",
    };
}

/// <summary>The original file (DOCX or PDF), kept in the database so that every app instance serves it.</summary>
public class DocumentFile
{
    public int Id { get; set; }

    public int DocumentId { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    public byte[] Content { get; set; } = [];
}
