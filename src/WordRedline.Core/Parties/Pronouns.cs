namespace WordRedline.Core;

/// <summary>The pronoun groups a document can use for its parties.</summary>
internal static class Pronouns
{
    public static readonly string[] You = ["you", "yourself", "yourselves", "thee"];
    public static readonly string[] YourPossessive = ["your", "yours"];
    public static readonly string[] We = ["we", "us", "ourselves"];
    public static readonly string[] OurPossessive = ["our", "ours"];
    public static readonly string[] I = ["I", "me", "myself"];
    public static readonly string[] MyPossessive = ["my", "mine"];

    public static bool IsAny(string word) =>
        You.Concat(YourPossessive).Concat(We).Concat(OurPossessive).Concat(MyPossessive).Contains(word, StringComparer.OrdinalIgnoreCase)
        || word is "I" or "me" or "Me" or "myself";

    public static IEnumerable<Mention> Group(PronounGroup group, Side side) => group switch
    {
        PronounGroup.You => You.Select(w => new Mention([w], side, true, false)).Concat(YourPossessive.Select(w => new Mention([w], side, true, true))),
        PronounGroup.We => We.Select(w => new Mention([w], side, true, false)).Concat(OurPossessive.Select(w => new Mention([w], side, true, true))),
        PronounGroup.I => new[] { new Mention(["I"], side, false, false), new Mention(["me"], side, true, false), new Mention(["myself"], side, true, false) }
            .Concat(MyPossessive.Select(w => new Mention([w], side, true, true))),
        _ => [],
    };
}

internal enum PronounGroup
{
    None,
    You,
    We,
    I,
}
