namespace WordRedline.Core;

/// <summary>Who is who in one document: the protected party and the other side as the document names them, the
/// document's own word for the protected party's work, and why the engine chose that side.</summary>
internal sealed record PartyRoles
{
    /// <summary>The protected party's term as a sentence names it mid-sentence ("the Agency"? no: "Contractor", "you").</summary>
    public required NamedTerm Party { get; init; }

    public required NamedTerm Counterparty { get; init; }

    /// <summary>The protected party's work as the document names it ("the Deliverables", "Your Content"), or a plain
    /// description when the document defines no such term.</summary>
    public required NamedTerm Work { get; init; }

    /// <summary>The document's own project, services or statement of work, when it names one ("the Project").</summary>
    public NamedTerm? Purpose { get; init; }

    /// <summary>How a narrowed use names its purpose: "the purposes of the Project", "the purpose of providing the
    /// Services to you", "the purposes of this Agreement"; or, when the document names none, a blank the user fills in.</summary>
    public required PurposePhrase PurposeText { get; init; }

    /// <summary>"licence" or "license", as the document spells the noun.</summary>
    public string LicenceNoun { get; init; } = "license";

    public required bool Detected { get; init; }

    /// <summary>False when the document does not say which side supplies the work: the user should choose.</summary>
    public required bool Certain { get; init; }

    public required string Reason { get; init; }

    public required IReadOnlyList<string> Candidates { get; init; }

    /// <summary>Words and phrases that name each side, matched against the tokens.</summary>
    public required IReadOnlyList<Mention> Mentions { get; init; }

    public AddendumTerms ToAddendumTerms() => new(Party.Bare, Counterparty.Bare, Work.Bare);
}

/// <summary>The words a narrowed purpose uses; <see cref="IsBlank"/> when they are a placeholder the user completes.</summary>
internal sealed record PurposePhrase(string Text, bool IsBlank, string Prompt = "")
{
    public const string Blank = "[the purpose agreed for the work]";
}

/// <summary>A term with the article the document uses with it: "the Agency", "Customer Data", "you".</summary>
/// <param name="Bare">The term alone ("Agency").</param>
/// <param name="Article">"the" or "".</param>
/// <param name="Defined">False for a plain description the document does not define ("the work delivered under this
/// Agreement"), which is never capitalised.</param>
internal sealed record NamedTerm(string Bare, string Article, bool Defined)
{
    public string InSentence => Article.Length == 0 ? Bare : $"{Article} {Bare}";

    public string AtSentenceStart => InSentence.Length == 0 ? "" : char.ToUpperInvariant(InSentence[0]) + InSentence[1..];

    /// <summary>"the Agency's", "your", "Customer's".</summary>
    public string Possessive
    {
        get
        {
            var possessive = TermText.Possessive(Bare);
            return Article.Length == 0 || IsPronoun(Bare) ? possessive : $"{Article} {possessive}";
        }
    }

    public static bool IsPronoun(string word) => word.ToLowerInvariant() is "you" or "we" or "us" or "i" or "me";
}

/// <summary>A way the document names a side: a defined term ("Agency"), a name ("Brightline Creative Agency LLC") or a
/// pronoun ("you", "your").</summary>
/// <param name="Words">The words of the mention, as written.</param>
/// <param name="IgnoreCase">Pronouns match in any case; defined terms only as capitalised.</param>
/// <param name="Possessive">"your", "our", "my": always names an owner.</param>
internal sealed record Mention(string[] Words, Side Side, bool IgnoreCase, bool Possessive);
