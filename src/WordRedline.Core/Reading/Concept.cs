namespace WordRedline.Core;

/// <summary>What a word or phrase means to the clause reader. A token carries every concept its word (or the phrase it
/// starts) has; the playbook's lexicon says which words mean what.</summary>
[Flags]
internal enum Concept : ulong
{
    None = 0,

    // Actions a clause can give away or restrict.
    Grant = 1UL << 0,           // grant, give, authorise, permit, allow
    License = 1UL << 1,         // license / licence, verb or noun
    Assign = 1UL << 2,          // assign, transfer ownership, convey
    Own = 1UL << 3,             // own, owner, ownership
    Property = 1UL << 4,        // "property of"
    Vest = 1UL << 5,            // vest in
    Belong = 1UL << 6,          // belong to, pass to
    WorkForHire = 1UL << 7,     // work made for hire
    Use = 1UL << 8,             // use, exploit, reproduce, store, display ...
    Modify = 1UL << 9,          // modify, adapt, edit, translate, derivative works
    Share = 1UL << 10,          // share, disclose, sell, distribute, sublicense, make available
    Convey = 1UL << 11,         // provide, send, transfer, transmit: sharing only when a third party receives
    Access = 1UL << 12,         // access, view, monitor, collect, listen
    Engage = 1UL << 13,         // engage, appoint, hire, subcontract (with third parties as the object)
    Train = 1UL << 14,          // train, fine-tune, machine learning
    Improve = 1UL << 15,        // develop, improve, enhance (AI training only when an AI object is near)
    AiObject = 1UL << 16,       // model, AI, algorithm
    Waive = 1UL << 17,          // waive, waiver
    Assert = 1UL << 18,         // assert (negated: a waiver)
    MoralRights = 1UL << 19,    // moral rights, droit moral
    NoAttribution = 1UL << 20,  // without attribution, without credit
    Retain = 1UL << 21,         // retain, keep, reserve
    Release = 1UL << 22,        // release, dedicate

    // Modality.
    Permission = 1UL << 23,     // may, can, is entitled to, has the right to
    Obligation = 1UL << 24,     // shall, will, must
    Agree = 1UL << 25,          // agree, acknowledge, accept, understand
    Be = 1UL << 26,             // is, are, be, been: passive voice and copulas

    // Polarity and conditions.
    Negation = 1UL << 27,       // not, never, no, nor
    Prohibition = 1UL << 28,    // prohibit, forbid, prevent, refrain
    Exception = 1UL << 29,      // except, other than, unless
    Only = 1UL << 30,           // only, solely, exclusively
    Without = 1UL << 31,
    Condition = 1UL << 32,      // if, when, upon, once, subject to
    OptOut = 1UL << 33,         // opt out, whether or not

    // Scope of a grant.
    Perpetual = 1UL << 34,
    Irrevocable = 1UL << 35,
    Worldwide = 1UL << 36,
    RoyaltyFree = 1UL << 37,
    Transferable = 1UL << 38,
    Sublicensable = 1UL << 39,
    Unlimited = 1UL << 40,
    OpenScope = 1UL << 41,      // for any purpose, in any media now known or hereafter devised
    FreeOfObligation = 1UL << 42, // without obligation, without compensation, for free

    // Who and what.
    ThirdParty = 1UL << 43,     // third parties, affiliates, service providers, subprocessors, advertisers
    Public = 1UL << 44,         // the public, others, other users
    WorkNoun = 1UL << 45,       // content, data, work, deliverables, feedback
    ServiceNoun = 1UL << 46,    // the Services, the Platform: the other side's own offering
    ContractNoun = 1UL << 47,   // this Agreement, these Terms: assigning a contract is not assigning a work
    RightsNoun = 1UL << 48,     // right, title and interest; copyright; intellectual property
    Definition = 1UL << 49,     // means, shall mean, refers to
    Relative = 1UL << 50,       // that, which, who
    Purpose = 1UL << 51,        // to, for, in order to (introduces what an action is for)
    Recipient = 1UL << 52,      // to, with (introduces who receives)
    Agent = 1UL << 53,          // by (the actor of a passive)
    Consent = 1UL << 54,        // consent, approval, permission (an exception that keeps the prohibition)
    Grammar = 1UL << 55,        // and, or, but, however: used by clause splitting
    Publish = 1UL << 56,        // publish, distribute, broadcast: sharing only when someone is named to receive it
}

internal static class ConceptSets
{
    public const Concept Breadth = Concept.Perpetual | Concept.Irrevocable | Concept.Worldwide | Concept.RoyaltyFree
        | Concept.Transferable | Concept.Sublicensable | Concept.Unlimited;

    /// <summary>Words by which a party hands over a right.</summary>
    public const Concept Giving = Concept.Grant | Concept.License | Concept.Assign | Concept.Waive | Concept.Release;

    /// <summary>Things done with the material: the verbs whose actor and polarity decide a clause.</summary>
    public const Concept Acting = Concept.Use | Concept.Modify | Concept.Share | Concept.Publish | Concept.Convey | Concept.Access
        | Concept.Engage | Concept.Train | Concept.Improve;

    public const Concept Ownership = Concept.Own | Concept.Property | Concept.Vest | Concept.Belong | Concept.WorkForHire;

    public const Concept Negative = Concept.Negation | Concept.Prohibition;

    public const Concept Recipients = Concept.ThirdParty | Concept.Public;
}
