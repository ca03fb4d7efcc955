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

/// <summary>Conversions between <see cref="Category"/> (and <see cref="Severity"/>) and their stable ids, read from the
/// same attributes the JSON contract uses, so each id is written once.</summary>
public static class Categories
{
    private static readonly Dictionary<Category, string> Ids = IdsOf<Category>();
    private static readonly Dictionary<Severity, string> SeverityIds = IdsOf<Severity>();
    private static readonly Dictionary<string, Category> ById = Ids.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);

    /// <summary>The seven categories that describe a right given away (everything but the two AI-protection kinds).</summary>
    public static IReadOnlyList<Category> Risk { get; } =
    [
        Category.AiTraining, Category.UsageScope, Category.LicenseBreadth, Category.DerivativeWorks,
        Category.DataSharing, Category.IpAssignment, Category.MoralRights,
    ];

    public static string Id(this Category category) =>
        Ids.TryGetValue(category, out var id) ? id : throw new ArgumentOutOfRangeException(nameof(category));

    public static string Id(this Severity severity) =>
        SeverityIds.TryGetValue(severity, out var id) ? id : throw new ArgumentOutOfRangeException(nameof(severity));

    public static bool TryParse(string id, out Category category) => ById.TryGetValue(id, out category);

    private static Dictionary<T, string> IdsOf<T>() where T : struct, Enum =>
        Enum.GetValues<T>().ToDictionary(value => value, value =>
            typeof(T).GetField(value.ToString())!.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute), false)
                .Cast<System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute>().Single().Name);
}
