using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WordRedline.Core;

/// <summary>The data behind the engine: patterns, severities, explanations, replacement wording and the addendum.
/// Loaded from the embedded default or a user's file and checked before use.</summary>
public sealed record Playbook
{
    public required string Id { get; init; }
    public required int Version { get; init; }
    public required string Title { get; init; }

    /// <summary>What words mean to the clause reader: concept name (grant, share, train, thirdParty...) to words and
    /// phrases. "~" after a word adds its inflections; "*" in a phrase stands for up to three words.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Lexicon { get; init; }

    /// <summary>Defined terms that name the protected party's work, in order of preference ("Deliverables", "Your
    /// Content"), counted as whole words, as written.</summary>
    public required IReadOnlyList<string> WorkTerms { get; init; }

    /// <summary>Work terms that mean something made and delivered (not content a user uploads): they tell a services
    /// contract, where the supplier is protected, from a data agreement.</summary>
    public required IReadOnlyList<string> DeliverableTerms { get; init; }

    /// <summary>Defined terms for the project a narrowed purpose can name ("Project", "Statement of Work").</summary>
    public required IReadOnlyList<string> PurposeTerms { get; init; }

    /// <summary>Defined terms that usually name the side that supplies the work.</summary>
    public required IReadOnlyList<string> SupplierRoles { get; init; }

    /// <summary>Defined terms that usually name the side that receives the work.</summary>
    public required IReadOnlyList<string> RecipientRoles { get; init; }

    /// <summary>Defined terms that are never parties even when defined after a name ("Effective Date", "Services").</summary>
    public IReadOnlyList<string> NotParties { get; init; } = [];

    public required IReadOnlyList<PlaybookRule> Rules { get; init; }

    public required IReadOnlyList<ProtectionCheck> Protections { get; init; }

    public required SilentFinding Silent { get; init; }

    public required ScoringWeights Scoring { get; init; }

    public required AddendumTemplate Addendum { get; init; }

    [JsonIgnore]
    internal CompiledPlaybook? Compiled { get; private set; }

    /// <summary>Name of the file (or embedded resource) the playbook came from, for error messages.</summary>
    [JsonIgnore]
    public string Source { get; set; } = "";

    /// <summary>The default playbook embedded in this assembly.</summary>
    public static Playbook LoadEmbedded(string id = "freelancer-ai")
    {
        var name = $"WordRedline.Playbooks.{id}.json";
        using var stream = typeof(Playbook).Assembly.GetManifestResourceStream(name)
            ?? throw new PlaybookException(name, null, "no such embedded playbook");
        return Parse(stream, $"embedded:{id}.json");
    }

    /// <summary>Loads and checks a playbook file. Throws <see cref="PlaybookException"/> naming the file, the rule
    /// and the problem.</summary>
    public static Playbook LoadFile(string path)
    {
        FileStream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new PlaybookException(path, null, $"cannot be read: {e.Message}");
        }

        using (stream)
        {
            return Parse(stream, Path.GetFileName(path));
        }
    }

    /// <summary>Parses and checks a playbook from JSON.</summary>
    public static Playbook Parse(Stream json, string source)
    {
        Playbook? playbook;
        try
        {
            playbook = JsonSerializer.Deserialize(json, PlaybookJson.Default.Playbook);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}" : "";
            throw new PlaybookException(source, null, $"is not a valid playbook{where}: {e.Message}");
        }

        if (playbook is null)
        {
            throw new PlaybookException(source, null, "is empty");
        }

        playbook = playbook with { Source = source };
        PlaybookChecks.Check(playbook);

        // Compiling here means a bad pattern fails at load, with the file and rule named, not at first use; the
        // engine then reuses the compiled patterns instead of building them a second time.
        playbook.Compiled = new CompiledPlaybook(playbook);
        return playbook;
    }
}

/// <summary>How findings and missing protections lower the 0-100 score, and the grade boundaries.</summary>
public sealed record ScoringWeights
{
    public required int High { get; init; }
    public required int Medium { get; init; }
    public required int Low { get; init; }

    /// <summary>The most that findings alone can take off.</summary>
    public required int FindingsCap { get; init; }

    public required int Silent { get; init; }
    public required int MissingProtection { get; init; }

    /// <summary>Lowest score for A, B, C and D; anything lower is F.</summary>
    public required IReadOnlyList<int> Grades { get; init; }
}

/// <summary>One kind of risk (or of protection) the clause reader reports, with what to tell the user and the fix.
/// The id is what the engine's rules name ("usage-scope.open-purpose").</summary>
public sealed record PlaybookRule
{
    public required string Id { get; init; }
    public required Category Category { get; init; }
    public required Severity Severity { get; init; }
    public required string Title { get; init; }
    public required string Explanation { get; init; }

    public RuleFix? Fix { get; init; }

    /// <summary>For protections: the risk categories that this protection, in the same or the previous paragraph,
    /// reduces to low severity.</summary>
    public IReadOnlyList<string> Mitigates { get; set; } = [];

    /// <summary>For a protection that stands on its own (a covenant, a notice): the fix group it is. Wherever it stands
    /// in the contract, it covers the risks whose fix is that group when it names the same material.</summary>
    public string? Covers { get; init; }
}

/// <summary>How a fix changes the paragraph.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FixKind>))]
public enum FixKind
{
    /// <summary>Replace the quoted words ("for any and all purposes") with the fix's words.</summary>
    [JsonStringEnumMemberName("replace-match")] ReplaceMatch,

    /// <summary>Add the fix's sentence after the sentence the finding is in.</summary>
    [JsonStringEnumMemberName("insert-after-sentence")] InsertAfterSentence,

    /// <summary>Strike the sentence the finding is in (its point is what the fix forbids) and put the fix in its place.</summary>
    [JsonStringEnumMemberName("rewrite-sentence")] RewriteSentence,
}

/// <summary>How a finding is fixed in place. Text uses {party}, {counterparty}, {workTerm} and their possessives.</summary>
public sealed record RuleFix
{
    public required FixKind Kind { get; init; }

    public required string Text { get; init; }

    /// <summary>Why the edit protects the user, for the user (pane, CLI).</summary>
    public required string Rationale { get; init; }

    /// <summary>The note written into the document beside the change: it travels to the counterparty, so it speaks
    /// to them, professionally and in the third person.</summary>
    public required string Comment { get; init; }

    /// <summary>Fixes that say the same thing share a group; a sentence gets one fix from each group.</summary>
    public string? Group { get; init; }

    /// <summary>The fix's clause stands on its own (a covenant or a notice, not "the foregoing licence ..."): a contract
    /// needs it once, so the first finding of its group writes it and the others keep only their local edits.</summary>
    public bool OncePerContract { get; init; }

    /// <summary>The clause written once per contract names the material of every finding of its group (the AI-provider
    /// notice: "before storing Usage Data or Discloser's Confidential Information"), so it covers each of them; a clause
    /// that follows a grant names only what that grant licenses.</summary>
    public bool NamesEveryMaterial { get; init; }
}

/// <summary>One line of the checklist: present when any of its rules matched, or when the contract grants rights of
/// one of the <see cref="GrantCategories"/> and no open finding of the <see cref="AbsentWhenCategories"/> remains (a
/// contract that grants nothing, or whose grant was not read, is never reported as protected by silence).</summary>
public sealed record ProtectionCheck
{
    public required string Key { get; init; }
    public required string Title { get; init; }
    public IReadOnlyList<string> PresentWhenRules { get; set; } = [];
    public IReadOnlyList<string> AbsentWhenCategories { get; set; } = [];
    public IReadOnlyList<string> GrantCategories { get; set; } = [];
}

/// <summary>The document-level finding for a contract that grants rights and never mentions AI training.</summary>
public sealed record SilentFinding
{
    public required Severity Severity { get; init; }
    public required string Title { get; init; }
    public required string Explanation { get; init; }
    public required string Rationale { get; init; }
    public required string Comment { get; init; }
    public required IReadOnlyList<SuggestedParagraph> Paragraphs { get; init; }
}

public sealed record AddendumTemplate
{
    public required string Title { get; init; }
    public required IReadOnlyList<SuggestedParagraph> Paragraphs { get; init; }
    public required string Reference { get; init; }

    /// <summary>Phrases that mark the entire-agreement clause, after which the reference goes (case ignored, whole words).</summary>
    public required IReadOnlyList<string> EntireAgreement { get; init; }

    /// <summary>Phrases that show the addendum is already attached or referred to.</summary>
    public required IReadOnlyList<string> Attached { get; init; }

    /// <summary>Words that start the paragraph after an attached addendum (the next schedule); otherwise it runs to the end.</summary>
    public IReadOnlyList<string> EndsAt { get; set; } = [];
}

/// <summary>A playbook that cannot be used, with the file, the rule (if any) and the problem.</summary>
public sealed class PlaybookException(string source, string? ruleId, string problem)
    : Exception(ruleId is null ? $"Playbook {source} {problem}" : $"Playbook {source}, rule '{ruleId}': {problem}")
{
    public string PlaybookSource { get; } = source;
    public string? RuleId { get; } = ruleId;
    public string Problem { get; } = problem;
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true)]
[JsonSerializable(typeof(Playbook))]
internal sealed partial class PlaybookJson : JsonSerializerContext;
