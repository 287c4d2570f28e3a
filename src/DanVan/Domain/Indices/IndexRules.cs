using System.Globalization;

namespace DanVan.Domain.Indices;

/// <summary>A value as typed (the index and its components), after parsing: what the rules check.</summary>
public sealed record IndexEntry(int? Year, double? Value, IReadOnlyDictionary<string, double?> Components, IndexValueSource? Source, bool UnitIsProvince);

/// <summary>
/// The rules of index values, pure and table-tested: the value within the index's scale, each component within its
/// points, the year from the index's first year to this year, a province-level index for a province only, and the
/// index computed from its components (sum or average) when only they are given, or checked against them when both are.
/// Also the labels, the number format (85,2 %) and the shipped definitions.
/// </summary>
public static class IndexRules
{
    /// <summary>Decimals kept: published results have two (DTI four).</summary>
    public const int Decimals = 4;

    /// <summary>The difference allowed between the index and its components' sum or average, per component (published figures are rounded).</summary>
    public const double RoundingPerComponent = 0.01;

    public static string Label(IndexValueSource s) => s switch
    {
        IndexValueSource.Published => "Kết quả công bố",
        IndexValueSource.SelfAssessed => "Tự đánh giá",
        IndexValueSource.Survey => "Kết quả khảo sát",
        _ => s.ToString(),
    };

    public static string Label(IndexLevel l) => l switch
    {
        IndexLevel.Province => "Cấp tỉnh",
        IndexLevel.Unit => "Mọi cơ quan, đơn vị",
        _ => l.ToString(),
    };

    public static string Label(IndexCombination c) => c switch
    {
        IndexCombination.Sum => "Tổng điểm các thành phần",
        IndexCombination.Average => "Bình quân các thành phần",
        _ => "Không tính từ các thành phần",
    };

    /// <summary>The measure that offers an index's value to reports and targets: "chi-so-sipas", "chi-so-par-index".</summary>
    public static string MeasureCode(string indexCode) => "chi-so-" + indexCode.ToLowerInvariant().Replace('_', '-');

    /// <summary>"85,2" (Vietnamese decimal comma, at most four decimals).</summary>
    public static string Format(double value) => value.ToString("0.####", Text.VietnameseText.Culture);

    /// <summary>"85,2 %", "76,5 điểm".</summary>
    public static string Format(double value, string unit) => $"{Format(value)} {unit}";

    /// <summary>A number typed "85,2" or "85.2" (no thousands separator: every scale is small); rounded to <see cref="Decimals"/>.</summary>
    public static bool TryParse(string? text, out double value)
    {
        value = 0;
        var t = text?.Trim().Replace(',', '.');
        if (string.IsNullOrEmpty(t) || t.Count(c => c == '.') > 1 || !t.All(c => char.IsAsciiDigit(c) || c is '.' or '-'))
        {
            return false;
        }

        if (!double.TryParse(t, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            return false;
        }

        value = Math.Round(v, Decimals);
        return true;
    }

    /// <summary>
    /// Every error of a value at once, by field ("Year", "Value", "Source", "UnitId", "Components[CODE]"), and the
    /// index's value to store (typed, or computed from the components); errors are in Vietnamese and name the index.
    /// </summary>
    public static (IReadOnlyDictionary<string, string> Errors, double? Value) Check(IndexDefinition index, IReadOnlyList<IndexComponent> components, IndexEntry entry, int currentYear)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (entry.Year is not { } year)
        {
            errors["Year"] = "Vui lòng nhập năm của kết quả.";
        }
        else if (year < index.FirstYear)
        {
            errors["Year"] = $"Năm {Y(year)} không hợp lệ: chỉ số {index.Code} chỉ có kết quả từ năm {Y(index.FirstYear)}.";
        }
        else if (year > currentYear)
        {
            errors["Year"] = $"Năm {Y(year)} chưa đến: chỉ ghi kết quả đến năm {Y(currentYear)}.";
        }

        if (entry.Source is not { } source || !Enum.IsDefined(source))
        {
            errors["Source"] = "Vui lòng chọn nguồn số liệu: kết quả công bố, tự đánh giá hoặc kết quả khảo sát.";
        }

        if (index.Level == IndexLevel.Province && !entry.UnitIsProvince)
        {
            errors["UnitId"] = $"Chỉ số {index.Code} chỉ có kết quả cấp tỉnh: hãy chọn một tỉnh, thành phố.";
        }

        var unknown = entry.Components.Keys.Where(k => components.All(c => c.Code != k)).ToList();
        if (unknown.Count > 0)
        {
            errors["Components"] = $"Chỉ số {index.Code} không có thành phần {string.Join(", ", unknown.Select(k => $"«{k}»"))}.";
        }

        var given = new List<double>();
        foreach (var c in components)
        {
            if (entry.Components.GetValueOrDefault(c.Code) is not { } v)
            {
                continue;
            }

            var max = c.MaxPoints ?? index.ScaleMax;
            if (v < 0 || v > max)
            {
                errors[$"Components[{c.Code}]"] = $"Thành phần «{c.Name}»: {Format(v)} nằm ngoài khoảng cho phép (từ 0 đến {Format(max)}{(c.MaxPoints is null ? " — thang đo của chỉ số" : " điểm")}).";
            }
            else
            {
                given.Add(v);
            }
        }

        var all = components.Count > 0 && given.Count == components.Count && errors.Keys.All(k => !k.StartsWith("Components", StringComparison.Ordinal));
        double? computed = !all ? null : index.Combination switch
        {
            IndexCombination.Sum => Math.Round(given.Sum(), Decimals),
            IndexCombination.Average => Math.Round(given.Average(), Decimals),
            _ => null,
        };

        var value = entry.Value ?? computed;
        if (value is not { } total)
        {
            errors["Value"] = index.Combination != IndexCombination.None && components.Count > 0
                ? $"Vui lòng nhập giá trị chỉ số {index.Code} (hoặc đủ {components.Count} thành phần để tính)."
                : $"Vui lòng nhập giá trị chỉ số {index.Code}.";
        }
        else if (total < index.ScaleMin || total > index.ScaleMax)
        {
            errors["Value"] = $"Giá trị {Format(total)} nằm ngoài thang đo của chỉ số {index.Code} (từ {Format(index.ScaleMin)} đến {Format(index.ScaleMax, index.Unit)}).";
        }
        else if (entry.Value is { } typed && computed is { } c2 && Math.Abs(typed - c2) > RoundingPerComponent * components.Count + 1e-9)
        {
            errors["Value"] = $"Giá trị chỉ số {index.Code} ({Format(typed)}) khác {(index.Combination == IndexCombination.Sum ? "tổng" : "bình quân")} các thành phần ({Format(c2)}); kiểm tra lại số liệu.";
        }

        return (errors, errors.Count == 0 ? value : null);
    }

    private static string Y(int year) => year.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The shipped indices and their components (Domain facts §8). What the facts mark unconfirmed (❓) is data here too,
    /// said in <see cref="IndexDefinition.Note"/>, for the administrator to correct: copied only for a code the database has none of.
    /// </summary>
    public static (IReadOnlyList<IndexDefinition> Indices, IReadOnlyList<IndexComponent> Components) Shipped()
    {
        var indices = new List<IndexDefinition>();
        var components = new List<IndexComponent>();
        void Add(string code, string name, string owner, string basis, DateOnly from, int firstYear, double min, double max, string unit, IndexLevel level,
            IndexCombination combination, string? note, params (string Code, string Name, double? Max)[] parts)
        {
            indices.Add(new IndexDefinition
            {
                Code = code, Name = name, Owner = owner, LegalBasis = basis, ValidFrom = from, FirstYear = firstYear, ScaleMin = min, ScaleMax = max, Unit = unit,
                Level = level, Combination = combination, Note = note, SortOrder = indices.Count + 1,
            });
            components.AddRange(parts.Select((p, i) => new IndexComponent { IndexCode = code, Code = p.Code, Name = p.Name, MaxPoints = p.Max, SortOrder = i + 1 }));
        }

        Add("SIPAS", "Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS)", "Bộ Nội vụ",
            "Quyết định số 1001/QĐ-BNV ngày 11/12/2023 của Bộ Nội vụ (phương pháp đo lường giai đoạn 2023–2026); trước đó Quyết định số 2640/QĐ-BNV ngày 10/10/2017 và 1383/QĐ-BNV ngày 28/12/2012",
            new DateOnly(2023, 12, 11), 2012, 0, 100, "%", IndexLevel.Unit, IndexCombination.Average,
            "Chưa xác nhận: chỉ số tính bằng tỷ lệ người trả lời «hài lòng» và «rất hài lòng», bình quân 5 yếu tố (theo thực tiễn Quyết định 2640/QĐ-BNV); cần đối chiếu Quyết định 1001/QĐ-BNV. Tỉnh có thể có cách tính riêng.",
            ("TIEP_CAN", "Tiếp cận dịch vụ", 100), ("TTHC", "Thủ tục hành chính", 100), ("CONG_CHUC", "Công chức trực tiếp giải quyết công việc", 100),
            ("KET_QUA", "Kết quả cung ứng dịch vụ", 100), ("GOP_Y", "Tiếp nhận, giải quyết góp ý, phản ánh, kiến nghị", 100));
        Add("PAR_INDEX", "Chỉ số cải cách hành chính cấp tỉnh (PAR INDEX)", "Bộ Nội vụ",
            "Quyết định số 876/QĐ-BNV ngày 10/11/2022 của Bộ Nội vụ (giai đoạn 2022–2030, thay thế Quyết định số 1149/QĐ-BNV)",
            new DateOnly(2022, 11, 10), 2012, 0, 100, "%", IndexLevel.Province, IndexCombination.Sum,
            "Chưa xác nhận: điểm tối đa của từng lĩnh vực, số tiêu chí cấp tỉnh và trọng số điều tra xã hội học; điểm tối đa các lĩnh vực để trống (chỉ kiểm tra trong thang 0–100). Tỉnh có thể có điểm thưởng, điểm trừ.",
            ("CHI_DAO", "Công tác chỉ đạo, điều hành cải cách hành chính", null), ("THE_CHE", "Cải cách thể chế", null), ("TTHC", "Cải cách thủ tục hành chính", null),
            ("BO_MAY", "Cải cách tổ chức bộ máy hành chính nhà nước", null), ("CONG_VU", "Cải cách chế độ công vụ", null), ("TAI_CHINH", "Cải cách tài chính công", null),
            ("CHINH_PHU_SO", "Xây dựng và phát triển Chính phủ điện tử, Chính phủ số", null), ("TAC_DONG", "Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế – xã hội", null));
        Add("PAPI", "Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)", "CECODES và UNDP (cùng các đơn vị của Mặt trận Tổ quốc Việt Nam)",
            "Khảo sát PAPI, thực hiện từ năm 2009, tại cả 63 tỉnh, thành phố từ năm 2011",
            new DateOnly(2011, 1, 1), 2011, 0, 80, "điểm", IndexLevel.Province, IndexCombination.Sum,
            "Chưa xác nhận: tám nội dung và thang điểm (mỗi nội dung tối đa 10 điểm, tổng tối đa 80 điểm).",
            ("THAM_GIA", "Tham gia của người dân ở cấp cơ sở", 10), ("CONG_KHAI", "Công khai, minh bạch", 10), ("TRACH_NHIEM", "Trách nhiệm giải trình với người dân", 10),
            ("THAM_NHUNG", "Kiểm soát tham nhũng trong khu vực công", 10), ("TTHC", "Thủ tục hành chính công", 10), ("DICH_VU", "Cung ứng dịch vụ công", 10),
            ("MOI_TRUONG", "Quản trị môi trường", 10), ("DIEN_TU", "Quản trị điện tử", 10));
        Add("PCI", "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", "Liên đoàn Thương mại và Công nghiệp Việt Nam (VCCI)",
            "Khảo sát PCI của VCCI (với sự hỗ trợ của USAID)",
            new DateOnly(2005, 1, 1), 2005, 0, 100, "điểm", IndexLevel.Province, IndexCombination.None,
            "Chưa xác nhận: mười chỉ số thành phần (mỗi chỉ số tối đa 10 điểm) và trọng số tính PCI; chỉ số không tính từ thành phần.",
            ("GIA_NHAP", "Chi phí gia nhập thị trường", 10), ("DAT_DAI", "Tiếp cận đất đai", 10), ("MINH_BACH", "Tính minh bạch", 10), ("THOI_GIAN", "Chi phí thời gian", 10),
            ("KHONG_CHINH_THUC", "Chi phí không chính thức", 10), ("CANH_TRANH", "Cạnh tranh bình đẳng", 10), ("NANG_DONG", "Tính năng động của chính quyền tỉnh", 10),
            ("HO_TRO", "Dịch vụ hỗ trợ doanh nghiệp", 10), ("LAO_DONG", "Đào tạo lao động", 10), ("PHAP_LY", "Thiết chế pháp lý và an ninh trật tự", 10));
        Add("DTI", "Chỉ số chuyển đổi số cấp tỉnh (DTI)", "Bộ Thông tin và Truyền thông (chưa xác nhận: nay là Bộ Khoa học và Công nghệ)",
            "Chưa xác nhận văn bản quy định Bộ chỉ số đánh giá chuyển đổi số cấp tỉnh",
            new DateOnly(2020, 1, 1), 2020, 0, 1, "điểm", IndexLevel.Province, IndexCombination.None,
            "Chưa xác nhận: cơ quan chủ trì, văn bản, thang điểm (0–1) và các trụ cột.");
        Add("DDCI", "Chỉ số năng lực cạnh tranh cấp sở, ban, ngành và địa phương (DDCI)", "Ủy ban nhân dân tỉnh (mỗi tỉnh tự tổ chức)",
            "Chưa xác nhận: quyết định của Ủy ban nhân dân tỉnh về đánh giá DDCI",
            new DateOnly(2015, 1, 1), 2015, 0, 100, "điểm", IndexLevel.Unit, IndexCombination.None,
            "Chưa xác nhận: văn bản, thang điểm và chỉ số thành phần (theo từng tỉnh).");
        Add("QD766", "Chỉ số phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công theo thời gian thực (QĐ 766)",
            "Văn phòng Chính phủ (dữ liệu trên Cổng Dịch vụ công quốc gia)",
            "Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ; dữ liệu trên Cổng Dịch vụ công quốc gia từ ngày 01/8/2022",
            new DateOnly(2022, 6, 23), 2022, 0, 100, "điểm", IndexLevel.Unit, IndexCombination.Sum,
            "Nhóm «Mức độ hài lòng» có mục hài lòng trong giải quyết TTHC tối đa 6/18 điểm khi đạt chỉ tiêu của Nghị quyết 76/NQ-CP.",
            ("CONG_KHAI", "Công khai, minh bạch", 18), ("TIEN_DO", "Tiến độ, kết quả giải quyết", 20), ("SO_HOA", "Số hóa hồ sơ", 22),
            ("TRUC_TUYEN", "Cung cấp dịch vụ trực tuyến", 22), ("HAI_LONG", "Mức độ hài lòng", 18));
        return (indices, components);
    }
}
