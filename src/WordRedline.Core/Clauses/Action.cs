namespace WordRedline.Core;

/// <summary>Whose material an action is about.</summary>
internal enum Owner : byte
{
    /// <summary>No material is named at all ("terminate for any reason", "access to the building").</summary>
    None,

    /// <summary>Nothing says whose it is: content, data, "it".</summary>
    Unknown,

    /// <summary>The protected party's: "your content", "Customer Data", the document's work term.</summary>
    Party,

    /// <summary>The other side's own: "the Services", "Company's Confidential Information", "these Terms".</summary>
    Other,
}

/// <summary>One action word of a sentence read as a clause: who does it, whether it is allowed, denied or only
/// promised, to whom, and on whose material. Findings are decided from these, not from the words alone.</summary>
internal readonly record struct Action
{
    /// <summary>Position in the sentence.</summary>
    public required int At { get; init; }

    /// <summary>The action concepts of the word (Use, Share, Grant...).</summary>
    public required Concept Kind { get; init; }

    /// <summary>Who acts: the protected party, the other side, a third party, or nobody named (a passive).</summary>
    public required Side Actor { get; init; }

    /// <summary>Denied: "shall not", "never", "no right to", "is prohibited", with no exception that reopens it.</summary>
    public required bool Negated { get; init; }

    /// <summary>Denied, but an exception reopens it for someone ("not disclose ... except to its employees").</summary>
    public required bool Excepted { get; init; }

    public required bool Passive { get; init; }

    /// <summary>"may", "can", "has the right to", "is free to" governs it.</summary>
    public required bool Permitted { get; init; }

    /// <summary>Who receives: "to third parties", "grants Company", "with our affiliates".</summary>
    public required Side Recipient { get; init; }

    public required Owner Material { get; init; }

    /// <summary>The object is a contract ("assign this Agreement"), not a work.</summary>
    public required bool OnContract { get; init; }

    /// <summary>A participle that describes a noun ("content posted publicly", "a model trained on recordings"): it says
    /// what happened to something, it gives nothing.</summary>
    public bool Descriptive { get; init; }

    /// <summary>Inside what a party represents and warrants ("you represent that you have the rights to share it"): a
    /// statement of capacity, not a grant.</summary>
    public bool Warranted { get; init; }

    /// <summary>A modal or grant governs it ("may", "will", "the right to", "hereby"): an allowance or promise, not a
    /// description.</summary>
    public bool Modal { get; init; }

    /// <summary>Positive: the action happens or may happen.</summary>
    public bool Affirmed => !Negated || Excepted;

    /// <summary>The action is about material that may be the protected party's: theirs, or content nobody claims.</summary>
    public bool OnMaterial => Material is Owner.Party or Owner.Unknown;
}
