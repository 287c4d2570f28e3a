namespace DanVan.Domain.Indices;

/// <summary>Whose results an index gives: a province only (PAR INDEX of provinces, PAPI, PCI, DTI) or any unit (SIPAS, 766, DDCI).</summary>
public enum IndexLevel
{
    /// <summary>Published per province (tỉnh, thành phố trực thuộc trung ương).</summary>
    Province = 1,

    /// <summary>Any unit: the province, a department (sở, ban, ngành), a commune.</summary>
    Unit = 2,
}

/// <summary>Where a value comes from.</summary>
public enum IndexValueSource
{
    /// <summary>Kết quả công bố (Bộ Nội vụ, VCCI, CECODES–UNDP, Cổng DVC quốc gia…).</summary>
    Published = 1,

    /// <summary>Tự đánh giá của đơn vị.</summary>
    SelfAssessed = 2,

    /// <summary>Kết quả khảo sát (phiếu, trực tuyến) do tỉnh hoặc đơn vị tổ chức.</summary>
    Survey = 3,
}

/// <summary>How the components make the index, when they do: their sum (PAR INDEX, 766), their average (SIPAS), or neither.</summary>
public enum IndexCombination
{
    None = 0,
    Sum = 1,
    Average = 2,
}

/// <summary>
/// Một chỉ số (SIPAS, PAR INDEX, PAPI, PCI, DTI, DDCI, chỉ số phục vụ theo QĐ 766): who owns it and on what basis (with
/// the date the basis applies from), its scale and unit, the level it is given for, and the first year it exists.
/// Reference data: shipped by <see cref="IndexRules.Shipped"/> for a code the database has not got, then the
/// administrator's; <see cref="Note"/> says what of it is not confirmed yet.
/// </summary>
public class IndexDefinition
{
    public int Id { get; set; }

    /// <summary>"SIPAS", "PAR_INDEX", "QD766".</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>"Bộ Nội vụ", "VCCI".</summary>
    public string Owner { get; set; } = "";

    public string LegalBasis { get; set; } = "";

    /// <summary>The day the basis (the methodology in force) applies from.</summary>
    public DateOnly ValidFrom { get; set; }

    /// <summary>The first year a value may be given for (the index did not exist before).</summary>
    public int FirstYear { get; set; }

    public double ScaleMin { get; set; }

    public double ScaleMax { get; set; }

    /// <summary>"%" or "điểm".</summary>
    public string Unit { get; set; } = "";

    public IndexLevel Level { get; set; }

    public IndexCombination Combination { get; set; }

    public int SortOrder { get; set; }

    /// <summary>What is not confirmed (❓ in the domain facts): the formula, the components, their points.</summary>
    public string? Note { get; set; }
}

/// <summary>A component of an index: a SIPAS element, a PAR INDEX field, a 766 group, with its maximum points (null: not confirmed, checked against the index's scale only).</summary>
public class IndexComponent
{
    public int Id { get; set; }

    public string IndexCode { get; set; } = "";

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public double? MaxPoints { get; set; }

    public int SortOrder { get; set; }
}

/// <summary>
/// A result of an index (or of one of its components: <see cref="ComponentCode"/> not empty) for a unit and a year,
/// with where it comes from and who entered it. One per index, component, unit and year: entering again replaces it
/// (the audit trail keeps the value before).
/// </summary>
public class IndexValue
{
    public int Id { get; set; }

    public string IndexCode { get; set; } = "";

    /// <summary>"" for the index itself.</summary>
    public string ComponentCode { get; set; } = "";

    public int UnitId { get; set; }

    public int Year { get; set; }

    public double Value { get; set; }

    public IndexValueSource Source { get; set; }

    /// <summary>"Bộ Nội vụ công bố tháng 4/2026", "Khảo sát 1.200 phiếu".</summary>
    public string? SourceNote { get; set; }

    public string EnteredByUserName { get; set; } = "";

    public DateTime EnteredAtUtc { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
