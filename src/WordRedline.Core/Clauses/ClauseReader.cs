namespace WordRedline.Core;

/// <summary>Reads one sentence into <see cref="Action"/>s. Clauses are split at semicolons, colons (not the one that
/// ends a lead-in) and brackets; a negation governs the actions after it in its clause until an exception ("except",
/// "other than", "unless") or a fresh modal with its own subject reopens the clause.</summary>
internal sealed partial class ClauseReader
{
    private const int ActorReach = 50;
    private const int ObjectReach = 16;

    private readonly DocumentText document;
    private readonly Sentence sentence;
    private readonly int[] clause;
    private bool? leadInDenies;

    public ClauseReader(DocumentText document, Sentence sentence)
    {
        this.document = document;
        this.sentence = sentence;
        clause = new int[sentence.Count];
        var id = 0;
        var depth = 0;
        var definitionAsides = 0;
        for (var k = 0; k < sentence.Count; k++)
        {
            var token = Tok(k);
            if (token.Shape == Shape.Punctuation)
            {
                if (token.Mark is '(' or '[' && IsEnumerator(k))
                {
                    // "(a)", "(iv)": a list marker inside the sentence, not a bracketed aside.
                    clause[k] = id;
                    clause[k + 1] = id;
                    clause[k + 2] = id;
                    k += 2;
                    continue;
                }

                if (token.Mark is '(' or '[' && IsDefinitionAside(k))
                {
                    // ("Access"): naming a term does not start a new clause; its closing bracket is skipped below.
                    definitionAsides++;
                    clause[k] = id;
                    continue;
                }

                if (token.Mark is ')' or ']' && definitionAsides > 0)
                {
                    definitionAsides--;
                    clause[k] = id;
                    continue;
                }

                if (token.Mark is '(' or '[')
                {
                    depth++;
                    id++;
                }
                else if (token.Mark is ')' or ']' && depth > 0)
                {
                    depth--;
                    id++;
                }
                else if (token.Mark == ';')
                {
                    id++;
                }
            }
            else if (k > 0 && Is(k, Concept.Grammar) && (Word(k).Equals("but", StringComparison.OrdinalIgnoreCase) || Word(k).Equals("however", StringComparison.OrdinalIgnoreCase)))
            {
                id++;
            }
            else if (StartsCoordinateClause(k))
            {
                // "you represent you have all necessary rights, and you give OpenAI the right to ...": a new subject
                // starts a new clause, so the warranty before it does not reach the grant after it.
                id++;
            }

            clause[k] = id;
        }
    }

    /// <summary>", and you ...", ", and the Agency ...": a comma, a conjunction and a party as the next subject.</summary>
    private bool StartsCoordinateClause(int k)
    {
        if (k >= 1 && k + 1 < sentence.Count && Tok(k - 1).Shape == Shape.Punctuation && Tok(k - 1).Mark == ','
            && Tok(k).Side is Side.Party or Side.Counterparty && !Tok(k).Possessive
            && (IsWord(k + 1, "hereby") || Tok(k + 1).Is(Concept.Permission | Concept.Obligation | Concept.Grant | Concept.License | Concept.Assign)))
        {
            // "If any part ... cannot be made without ..., Consultant hereby grants": the main clause after a
            // conditional one; the condition's "cannot" does not deny the grant.
            return true;
        }

        if (k < 1 || k + 2 >= sentence.Count || !(IsWord(k, "and") || IsWord(k, "or")))
        {
            return false;
        }

        var before = Tok(k - 1);
        var subject = Tok(k + 1);
        return before.Shape == Shape.Punctuation && before.Mark == ','
            && subject.Side is Side.Party or Side.Counterparty && !subject.Possessive
            && Tok(k + 2).Side == Side.None && Tok(k + 2).Shape != Shape.Punctuation;
    }

    /// <summary>"(“Access”)", "(collectively, “Feedback”)": a bracket that only names a defined term.</summary>
    private bool IsDefinitionAside(int k)
    {
        for (var j = k + 1; j < sentence.Count && j <= k + 6; j++)
        {
            if (Tok(j).Shape == Shape.Punctuation && Tok(j).Mark is ')' or ']')
            {
                return false;
            }

            if (Tok(j).Shape == Shape.Punctuation && Tok(j).Mark is '"' or '“')
            {
                return true;
            }
        }

        return false;
    }

    private bool IsEnumerator(int k)
    {
        if (k + 2 >= sentence.Count || Tok(k + 2).Shape != Shape.Punctuation || Tok(k + 2).Mark is not (')' or ']'))
        {
            return false;
        }

        var word = Word(k + 1);
        return word.Length is > 0 and <= 4 && (word.Length == 1 || char.IsDigit(word[0]) || word.ToString().All(c => "ivxlIVXL".Contains(c)));
    }

    public Sentence Sentence => sentence;

    public int Count => sentence.Count;

    public Token Tok(int k) => document[sentence[k]];

    public bool Is(int k, Concept concept) => document[sentence[k]].Is(concept);

    public ReadOnlySpan<char> Word(int k) => document.Word(sentence[k]);

    public bool SameClause(int a, int b) => clause[a] == clause[b];

    /// <summary>Every action word of the sentence, read.</summary>
    public List<Action> Actions()
    {
        var actions = new List<Action>();
        for (var k = 0; k < sentence.Count; k++)
        {
            var token = Tok(k);
            var kind = token.Concepts & (ConceptSets.Acting | ConceptSets.Giving | ConceptSets.Ownership | Concept.Assert | Concept.Retain);
            if (kind == 0 || token.Side != Side.None || token.Is(Concept.Condition) || IsNounUse(k) || !VerbUse.IsVerb(this, k, 0))
            {
                continue;
            }

            // The terms “Sell” and “Share” shall have the meaning ...": a term in quotes is named, not done.
            if (QuotedTerm(k))
            {
                continue;
            }

            // "prompts, content, or fine-tuning data": a kind of material listed, not training done ("use it as
            // training data" still reads through its verb).
            if (kind.HasFlag(Concept.Train) && ListedMaterialKind(k))
            {
                continue;
            }

            // "in order to give effect to the parties' intentions", "given full effect": an idiom, not a grant.
            if (kind.HasFlag(Concept.Grant) && (IsWord(k + 1, "effect") || (IsWord(k + 2, "effect") && IsWord(k + 1, "full"))))
            {
                continue;
            }

            // "Designer shall be permitted to engage": part of a modal phrase, so the subject is allowed, it grants nothing.
            if ((kind & ConceptSets.Acting) == 0 && InsidePermissionPhrase(k))
            {
                continue;
            }

            actions.Add(Read(k, kind));
        }

        return actions;
    }

    public Action Read(int k, Concept kind)
    {
        // "how we collect, use and share it": an account of a practice described elsewhere, not a grant.
        var descriptive = VerbUse.IsReducedRelative(this, k) || InEmbeddedQuestion(k, 4) || DutyDisclaimedBefore(k) || InNamedRisk(k);
        var passive = IsPassive(k) || descriptive;
        var actor = passive ? AgentAfter(k) : ActorBefore(k);
        if (actor == Side.None && !passive)
        {
            actor = SubjectOfOpeningPhrase(k);
        }
        var (negated, excepted) = Polarity(k);
        return new Action
        {
            At = k,
            Kind = kind,
            Actor = actor,
            Negated = negated,
            Excepted = excepted,
            Passive = passive,
            Permitted = PermittedBefore(k),
            Recipient = RecipientAfter(k),
            Material = passive ? MaterialBefore(k) : MaterialAfterList(k) is var after && after == Owner.None && (Tok(k).Is(Concept.Convey | Concept.Share | Concept.Publish) || RelativeObjectBefore(k)) ? NearMaterialBefore(k) : after,
            OnContract = ContractAfter(k),
            Descriptive = descriptive,
            Warranted = Warranted(k),
            Modal = ModalBefore(k),
        };
    }

    private bool QuotedTerm(int k)
    {
        var before = k - 1;
        while (before >= 0 && Tok(before).Shape == Shape.Punctuation && Tok(before).Mark == '*')
        {
            before--;
        }

        var after = k + 1;
        while (after < Count && Tok(after).Shape == Shape.Punctuation && Tok(after).Mark is '*' or ',')
        {
            after++;
        }

        return before >= 0 && after < Count && Tok(before).Mark is '“' or '"' && Tok(after).Mark is '”' or '"';
    }

    private bool InsidePermissionPhrase(int k)
    {
        for (var j = k; j >= 0 && j >= k - 3; j--)
        {
            if (Tok(j).Is(Concept.Permission) && Tok(j).PhraseEnd > sentence[k])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"feedback, which we may use however we see fit": the relative pronoun is the verb's object, so the
    /// material is the noun it refers back to.</summary>
    private bool RelativeObjectBefore(int k)
    {
        for (var j = k - 1; j >= 0 && j >= k - 5 && SameClause(j, k); j--)
        {
            if (IsWord(j, "which") || IsWord(j, "whatever"))
            {
                return true;
            }

            if (Tok(j).Shape == Shape.Punctuation || Tok(j).Is(ConceptSets.Acting))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>"shares of Common Stock", "the Share Price": the noun, not the verb.</summary>
    private bool IsNounUse(int k)
    {
        var word = Word(k);
        if (!(word.Equals("share", StringComparison.OrdinalIgnoreCase) || word.Equals("shares", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (Tok(k).Shape is Shape.Capitalized or Shape.Upper && k > 0 && Tok(k - 1).Shape is Shape.Capitalized or Shape.Upper or Shape.Number)
        {
            return true;
        }

        var next = k + 1 < Count ? Word(k + 1) : [];
        var previous = k > 0 ? Word(k - 1) : [];
        return next.Equals("of", StringComparison.OrdinalIgnoreCase) || next.Equals("capital", StringComparison.OrdinalIgnoreCase)
            || next.Equals("price", StringComparison.OrdinalIgnoreCase) || (k > 0 && Tok(k - 1).Shape == Shape.Number)
            || previous.Equals("the", StringComparison.OrdinalIgnoreCase) || previous.Equals("such", StringComparison.OrdinalIgnoreCase)
            || previous.Equals("preferred", StringComparison.OrdinalIgnoreCase) || previous.Equals("common", StringComparison.OrdinalIgnoreCase)
            || previous.Equals("of", StringComparison.OrdinalIgnoreCase) || previous.Equals("per", StringComparison.OrdinalIgnoreCase)
            || previous.Equals("its", StringComparison.OrdinalIgnoreCase) || previous.Equals("fair", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"is shared", "may be used", "will not be disclosed": a form of "be" (or "get") just before, adverbs and
    /// negations allowed between.</summary>
    private bool IsPassive(int k)
    {
        // "shall be the sole owner", "is the property of": a copula and a noun, not a passive verb; "are granting" is
        // a progressive, not a passive.
        // "shall be deemed the author": the subject is who is deemed to own, not a passive with an agent to find.
        if ((Tok(k).Is(ConceptSets.Ownership) && (!Word(k).EndsWith("ed", StringComparison.OrdinalIgnoreCase) || IsWord(k, "deemed") || IsWord(k, "considered")))
            || Word(k).EndsWith("ing", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        for (var j = k - 1; j >= 0 && j >= k - 4; j--)
        {
            var token = Tok(j);
            if (token.Is(Concept.Be))
            {
                // "is entitled to use", "are free to use": a permission phrase, not a passive.
                return !token.Is(Concept.Permission) && !IsWord(k - 1, "to");
            }

            if (token.Shape == Shape.Punctuation || token.Side != Side.None || token.Is(ConceptSets.Acting | ConceptSets.Giving | Concept.Permission | Concept.Obligation) || IsWord(j, "to"))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Whether the paragraph the sentence's focus starts in has a token of the concept anywhere.</summary>
    public bool ParagraphHas(Concept concept) => document.ParagraphHas(document.ParagraphOf(sentence.FirstFocusToken), concept);

    public bool IsWord(int k, string word) => k >= 0 && k < Count && Word(k).Equals(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>"prompts, content, or fine-tuning data": a word before a content noun, listed after "or", "and" or a
    /// comma, names a kind of material.</summary>
    public bool ListedMaterialKind(int k) =>
        k > 0 && k + 1 < Count && Is(k + 1, Concept.WorkNoun)
        && (IsWord(k - 1, "or") || IsWord(k - 1, "and") || (Tok(k - 1).Shape == Shape.Punctuation && Tok(k - 1).Mark == ','));

    /// <summary>"you acknowledge the risk that others may share inaccurate information about you": a possibility the
    /// reader is warned of, which nobody is allowed by it.</summary>
    private bool InNamedRisk(int k)
    {
        for (var j = k - 1; j > 0 && k - j <= 6; j--)
        {
            if (Tok(j).Shape == Shape.Punctuation && Tok(j).Mark is '.' or ';' or ':')
            {
                return false;
            }

            if (IsWord(j, "that") && (IsWord(j - 1, "risk") || IsWord(j - 1, "risks") || IsWord(j - 1, "possibility") || IsWord(j - 1, "chance")))
            {
                return true;
            }
        }

        return false;
    }
}
