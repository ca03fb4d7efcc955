using System.Text.Json.Serialization;

namespace WordRedline.Core;

/// <summary>The stable category ids shared by the API, the add-in, the playbook and the evaluation.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Category>))]
public enum Category
{
    [JsonStringEnumMemberName("ai-training")] AiTraining,
    [JsonStringEnumMemberName("usage-scope")] UsageScope,
    [JsonStringEnumMemberName("license-breadth")] LicenseBreadth,
    [JsonStringEnumMemberName("derivative-works")] DerivativeWorks,
    [JsonStringEnumMemberName("data-sharing")] DataSharing,
    [JsonStringEnumMemberName("ip-assignment")] IpAssignment,
    [JsonStringEnumMemberName("moral-rights")] MoralRights,
    [JsonStringEnumMemberName("ai-protection")] AiProtection,
    [JsonStringEnumMemberName("ai-training-silent")] AiTrainingSilent,
}

[JsonConverter(typeof(JsonStringEnumConverter<Severity>))]
public enum Severity
{
    [JsonStringEnumMemberName("info")] Info,
    [JsonStringEnumMemberName("low")] Low,
    [JsonStringEnumMemberName("medium")] Medium,
    [JsonStringEnumMemberName("high")] High,
}

/// <summary>Conversions between <see cref="Category"/> and its stable id.</summary>
public static class Categories
{
    private static readonly Dictionary<string, Category> ById = Enum.GetValues<Category>().ToDictionary(Id, StringComparer.Ordinal);

    /// <summary>The seven categories that describe a right given away (everything but the two AI-protection kinds).</summary>
    public static IReadOnlyList<Category> Risk { get; } =
    [
        Category.AiTraining, Category.UsageScope, Category.LicenseBreadth, Category.DerivativeWorks,
        Category.DataSharing, Category.IpAssignment, Category.MoralRights,
    ];

    public static string Id(this Category category) => category switch
    {
        Category.AiTraining => "ai-training",
        Category.UsageScope => "usage-scope",
        Category.LicenseBreadth => "license-breadth",
        Category.DerivativeWorks => "derivative-works",
        Category.DataSharing => "data-sharing",
        Category.IpAssignment => "ip-assignment",
        Category.MoralRights => "moral-rights",
        Category.AiProtection => "ai-protection",
        Category.AiTrainingSilent => "ai-training-silent",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    public static bool TryParse(string id, out Category category) => ById.TryGetValue(id, out category);
}
