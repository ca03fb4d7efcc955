namespace WordRedline.Core;

/// <summary>Reads one sentence into <see cref="Action"/>s. Clauses are split at semicolons, colons (not the one that
/// ends a lead-in) and brackets; a negation governs the actions after it in its clause until an exception ("except",
/// "other than", "unless") or a fresh modal with its own subject reopens the clause.</summary>
internal sealed class ClauseReader
{
    private const int ActorReach = 50;
    private const int ObjectReach = 16;

    private readonly DocumentText document;
    private readonly Sentence sentence;
    private readonly int[] clause;

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

            actions.Add(Read(k, kind));
        }

        return actions;
    }

    public Action Read(int k, Concept kind)
    {
        // "how we collect, use and share it": an account of a practice described elsewhere, not a grant.
        var descriptive = VerbUse.IsReducedRelative(this, k) || InEmbeddedQuestion(k, 4) || DutyDisclaimedBefore(k);
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
            Material = passive ? MaterialBefore(k) : MaterialAfter(k) is var after && after == Owner.None && Tok(k).Is(Concept.Convey | Concept.Share | Concept.Publish) ? NearMaterialBefore(k) : after,
            OnContract = ContractAfter(k),
            Descriptive = descriptive,
            Warranted = Warranted(k),
            Modal = ModalBefore(k),
        };
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
        if ((Tok(k).Is(ConceptSets.Ownership) && !Word(k).EndsWith("ed", StringComparison.OrdinalIgnoreCase)) || Word(k).EndsWith("ing", StringComparison.OrdinalIgnoreCase))
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

    /// <summary>The nearest mention before the action that can be its subject: not a possessive owner ("your
    /// content"), not a name used as a modifier ("Customer Data"), not the object of a preposition ("to Company").</summary>
    private Side ActorBefore(int k)
    {
        // "our use of", "Company's sharing of": the possessor acts.
        if (k > 0 && Tok(k - 1).Side != Side.None && Tok(k - 1).Possessive)
        {
            return Tok(k - 1).Side;
        }

        for (var j = k - 1; j >= 0 && j >= k - ActorReach; j--)
        {
            var token = Tok(j);
            if (token.Side == Side.None)
            {
                continue;
            }

            if (token.Possessive || IsModifier(j) || AfterPreposition(j))
            {
                continue;
            }

            return token.Side;
        }

        return Side.None;
    }

    /// <summary>"By uploading Content, you grant ...": the actor of a gerund in an opening phrase is the subject of the
    /// main clause, the first mention after the phrase's comma.</summary>
    private Side SubjectOfOpeningPhrase(int k)
    {
        var first = sentence.FocusFrom;
        if (first >= Count || !(IsWord(first, "by") || IsWord(first, "when") || IsWord(first, "upon") || IsWord(first, "after") || IsWord(first, "in")
            || IsWord(first, "through") || IsWord(first, "before") || IsWord(first, "if") || IsWord(first, "once")))
        {
            return Side.None;
        }

        for (var j = k + 1; j < Count && j <= k + 40; j++)
        {
            if (Tok(j).Shape == Shape.Punctuation && Tok(j).Mark == ',')
            {
                for (var m = j + 1; m < Count && m <= j + 4; m++)
                {
                    if (Tok(m).Side != Side.None && !Tok(m).Possessive)
                    {
                        return Tok(m).Side;
                    }
                }
            }

            if (Tok(j).Shape == Shape.Punctuation && Tok(j).Mark is '.' or ';')
            {
                break;
            }
        }

        return Side.None;
    }

    private bool IsModifier(int j)
    {
        // Only the last word of a multi-word name can be followed by what it modifies.
        if (j + 1 >= Count)
        {
            return false;
        }

        var next = Tok(j + 1);
        return next.Side == Side.None && next.Is(Concept.WorkNoun | Concept.ServiceNoun) && next.Shape != Shape.Punctuation;
    }

    private bool AfterPreposition(int j)
    {
        // Skip back over the rest of a multi-word mention and an article.
        var i = j - 1;
        while (i >= 0 && Tok(i).Side == Tok(j).Side && Tok(i).Side != Side.None)
        {
            i--;
        }

        while (i >= 0 && (IsWord(i, "the") || IsWord(i, "its") || IsWord(i, "their") || IsWord(i, "any") || IsWord(i, "other") || IsWord(i, "all") || IsWord(i, "each")))
        {
            i--;
        }

        return i >= 0 && (IsWord(i, "to") || IsWord(i, "with") || IsWord(i, "by") || IsWord(i, "from") || IsWord(i, "for") || IsWord(i, "of")
            || IsWord(i, "among") || IsWord(i, "between") || IsWord(i, "against") || IsWord(i, "on") || IsWord(i, "about") || IsWord(i, "than"));
    }

    /// <summary>The actor of a passive: "by third parties" after it, else nobody named.</summary>
    private Side AgentAfter(int k)
    {
        for (var j = k + 1; j < Count && j <= k + 6 && SameClause(j, k); j++)
        {
            if (Is(j, Concept.Agent))
            {
                for (var m = j + 1; m < Count && m <= j + 4; m++)
                {
                    if (Tok(m).Side != Side.None && !Tok(m).Possessive)
                    {
                        return Tok(m).Side;
                    }
                }

                return Side.None;
            }
        }

        return Side.None;
    }

    /// <summary>Negated when a negation or prohibition in the same clause comes before the action and nothing in between
    /// reopens the clause (an exception, or a new modal with its own subject: "will not sell it, and may share it");
    /// or when "is prohibited" / "is not permitted" follows it. Excepted when a negated action is followed, in its
    /// clause, by an exception that names no consent: "shall not disclose ... except to its employees".</summary>
    private (bool Negated, bool Excepted) Polarity(int k)
    {
        var negated = false;
        for (var j = k - 1; j >= 0 && j >= k - ActorReach; j--)
        {
            if (!SameClause(j, k))
            {
                break;
            }

            var token = Tok(j);
            if (token.Shape == Shape.Punctuation && token.Mark == ',' && OpensWithCondition(j))
            {
                // "To the extent this agreement is not enforceable, you grant ...": the condition's negation stays in it.
                break;
            }

            if (token.Is(Concept.Exception) && !token.Is(ConceptSets.Negative) && !CoordinatedBefore(k))
            {
                // "except to its employees": the exception's own verb is not denied. A verb coordinated after the
                // exception's phrase ("... other than X, or disclose ...") still is.
                break;
            }

            if (token.Is(ConceptSets.Negative) && !IsNegationOfSomethingElse(j, k))
            {
                negated = true;
                break;
            }

            if (token.Is(Concept.Permission | Concept.Obligation) && j > 0 && Tok(j - 1).Side != Side.None && !Tok(j - 1).Possessive && HasNegationBefore(j - 1, k))
            {
                // "... will not sell X, and we may share Y": the new subject and modal start afresh.
                break;
            }

            if (token.Is(Concept.Grammar) && IsWord(j, "and") && j + 1 < k && Tok(j + 1).Side != Side.None)
            {
                break;
            }
        }

        if (!negated && k > 0 && (IsWord(k - 1, "without") || (k > 1 && IsWord(k - 2, "without") && Tok(k - 1).Shape != Shape.Punctuation && !Tok(k - 1).Is(ConceptSets.Acting))))
        {
            // "without using", "without first sharing": the action does not happen.
            negated = true;
        }

        if (!negated)
        {
            // "... is prohibited", "... is not permitted", "shall in no event be used".
            for (var j = k + 1; j < Count && j <= k + 4 && SameClause(j, k); j++)
            {
                if (Tok(j).Is(Concept.Prohibition) || (IsWord(j, "not") && j + 1 < Count && Is(j + 1, Concept.Grant | Concept.Permission)))
                {
                    negated = true;
                    break;
                }

                if (Tok(j).Is(ConceptSets.Acting))
                {
                    break;
                }
            }
        }

        if (!negated)
        {
            return (false, false);
        }

        for (var j = k + 1; j < Count && SameClause(j, k); j++)
        {
            if (Tok(j).Is(Concept.Exception))
            {
                // "except that the Receiving Party may disclose ...": the exception is its own clause with its own verb,
                // which carries the permission; this action stays denied.
                if (IsWord(j + 1, "that") || (IsWord(j, "except") && IsWord(j + 1, "that")))
                {
                    return (true, false);
                }

                // Reopened only for someone named: "except to its employees", "other than our service providers".
                var named = false;
                for (var m = j; m < Count && m <= j + 8; m++)
                {
                    if (Tok(m).Is(Concept.Consent))
                    {
                        return (true, false);
                    }

                    named |= Tok(m).Side is Side.Third or Side.Counterparty || Tok(m).Is(ConceptSets.Recipients);
                }

                return (true, named);
            }
        }

        return (true, false);
    }

    /// <summary>The comma-separated stretch ending at <paramref name="comma"/> starts with a condition ("if", "to the
    /// extent", "unless", "when").</summary>
    private bool OpensWithCondition(int comma)
    {
        var start = comma - 1;
        while (start > 0 && !(Tok(start - 1).Shape == Shape.Punctuation && Tok(start - 1).Mark is ',' or ';' or ':' or '(') && start > sentence.FocusFrom)
        {
            start--;
        }

        return Tok(start).Is(Concept.Condition) || IsWord(start, "if") || IsWord(start, "unless") || IsWord(start, "although") || IsWord(start, "while");
    }

    private bool CoordinatedBefore(int k)
    {
        var j = k - 1;
        while (j >= 0 && (IsWord(j, "otherwise") || IsWord(j, "also") || IsWord(j, "further")))
        {
            j--;
        }

        return j >= 0 && (IsWord(j, "or") || IsWord(j, "and") || IsWord(j, "nor") || (Tok(j).Shape == Shape.Punctuation && Tok(j).Mark == ','));
    }

    /// <summary>Inside the condition that opens a sentence ("When a school supplies your account, ..."): a hypothesis,
    /// not something anyone may do.</summary>
    public bool InCondition(int k)
    {
        for (var j = k - 1; j >= 0 && SameClause(j, k); j--)
        {
            if (Tok(j).Shape == Shape.Punctuation && Tok(j).Mark == ',')
            {
                return false;
            }

            if ((Tok(j).Is(Concept.Condition) && !IsWord(j, "subject") && !IsWord(j, "upon") && !IsWord(j, "after") && !IsWord(j, "following") && !IsWord(j, "where"))
                || IsWord(j, "unless") || IsWord(j, "should"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Inside an embedded question ("understand what data is shared", "details about how we collect, use and
    /// share", "whether the business has disclosed"): the sentence tells what a policy explains, it allows nothing.</summary>
    public bool InEmbeddedQuestion(int k, int reach)
    {
        for (var j = k - 1; j >= 0 && k - j <= reach; j--)
        {
            if (Tok(j).Shape == Shape.Punctuation && Tok(j).Mark is '.' or ';' or ':')
            {
                return false;
            }

            if (IsWord(j, "how") || IsWord(j, "what") || IsWord(j, "whether"))
            {
                return true;
            }
        }

        return false;
    }

    private bool HasNegationBefore(int from, int k)
    {
        for (var j = from; j < k; j++)
        {
            if (Tok(j).Is(ConceptSets.Negative))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"no later than", "not only", "not limited to", "no charge", "non-exclusive": negations that do not deny
    /// the action.</summary>
    private bool IsNegationOfSomethingElse(int j, int k)
    {
        var next = j + 1 < Count ? Word(j + 1) : [];
        if (next.Equals("later", StringComparison.OrdinalIgnoreCase) || next.Equals("only", StringComparison.OrdinalIgnoreCase)
            || next.Equals("limited", StringComparison.OrdinalIgnoreCase) || next.Equals("less", StringComparison.OrdinalIgnoreCase)
            || next.Equals("more", StringComparison.OrdinalIgnoreCase) || next.Equals("charge", StringComparison.OrdinalIgnoreCase)
            || next.Equals("cost", StringComparison.OrdinalIgnoreCase) || next.Equals("additional", StringComparison.OrdinalIgnoreCase)
            || next.Equals("obligation", StringComparison.OrdinalIgnoreCase) || next.Equals("matter", StringComparison.OrdinalIgnoreCase)
            || next.Equals("exception", StringComparison.OrdinalIgnoreCase) || next.Equals("further", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // "opt out of" and "unless" before the action are conditions, not denials, when they are far from it.
        if (Tok(j).Is(Concept.OptOut))
        {
            return true;
        }

        // A negation that governs a different verb between it and the action: "does not affect ... models that we
        // train"; a relative pronoun in between starts a new clause.
        for (var m = j + 1; m < k; m++)
        {
            if (Tok(m).Is(Concept.Relative) && m + 1 < k && Tok(m + 1).Side != Side.None)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"we have no obligation to pre-screen, monitor, review or edit": a duty disclaimed, not a right taken.</summary>
    private bool DutyDisclaimedBefore(int k)
    {
        for (var j = k - 1; j >= 1 && j >= k - 14 && SameClause(j, k); j--)
        {
            if ((IsWord(j, "obligation") || IsWord(j, "obligated") || IsWord(j, "duty") || IsWord(j, "required"))
                && (IsWord(j - 1, "no") || IsWord(j - 1, "not") || (j >= 2 && IsWord(j - 2, "not"))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>After "represents and warrants that" (or "warrants that"), in the same clause.</summary>
    private bool Warranted(int k)
    {
        for (var j = k - 1; j >= 0 && SameClause(j, k); j--)
        {
            if ((IsWord(j, "warrant") || IsWord(j, "warrants") || IsWord(j, "represent") || IsWord(j, "represents") || IsWord(j, "certify") || IsWord(j, "certifies")
                || IsWord(j, "affirm") || IsWord(j, "affirms")) && j + 1 < Count && (IsWord(j + 1, "that") || IsWord(j + 1, "and") || IsWord(j + 1, ":") || Tok(j + 1).Side != Side.None))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A modal, a grant or a "right to" governs the action from earlier in its clause.</summary>
    private bool ModalBefore(int k)
    {
        for (var j = k - 1; j >= 0 && j >= k - 20 && SameClause(j, k); j--)
        {
            if (Tok(j).Is(Concept.Permission | Concept.Obligation | Concept.Grant | Concept.License | Concept.Agree | Concept.Consent) || IsWord(j, "hereby") || IsWord(j, "right") || IsWord(j, "rights"))
            {
                return true;
            }
        }

        return false;
    }

    private bool PermittedBefore(int k)
    {
        for (var j = k - 1; j >= 0 && j >= k - 12; j--)
        {
            if (Tok(j).Is(Concept.Permission | Concept.License | Concept.Grant))
            {
                return true;
            }

            if (Tok(j).Shape == Shape.Punctuation && Tok(j).Mark is '.' or ';')
            {
                break;
            }
        }

        return false;
    }

    private Side RecipientAfter(int k)
    {
        for (var j = k + 1; j < Count && j <= k + ObjectReach && SameClause(j, k); j++)
        {
            // "share your data to provide the Service and communicate with you": the recipient comes before a purpose.
            if (IsWord(j, "to") && j + 1 < Count && Tok(j + 1).Is(ConceptSets.Acting) && j > k + 1)
            {
                break;
            }

            var token = Tok(j);
            if (token.Side != Side.None && !token.Possessive && !IsModifier(j))
            {
                // "grants Company", "grant to Company", "share with third parties", "disclose to its employees".
                var before = j - 1;
                while (before > k && (IsWord(before, "the") || IsWord(before, "its") || IsWord(before, "our") || IsWord(before, "their")
                    || IsWord(before, "any") || IsWord(before, "other") || IsWord(before, "all") || IsWord(before, "each") || IsWord(before, "such")
                    || IsWord(before, "certain") || IsWord(before, "these") || IsWord(before, "those") || IsWord(before, "selected")))
                {
                    before--;
                }

                if (before == k || IsWord(before, "to") || IsWord(before, "with") || IsWord(before, "among") || Tok(before).Is(Concept.Exception)
                    || (IsWord(before, "for") && token.Side == Side.Party))
                {
                    return token.Side;
                }
            }

            if (Tok(j).Is(Concept.Purpose) && IsWord(j, "for") && !(j + 1 < Count && Tok(j + 1).Side == Side.Party))
            {
                break;
            }
        }

        return Side.None;
    }

    private Owner MaterialAfter(int k)
    {
        for (var j = k + 1; j < Count && j <= k + ObjectReach && SameClause(j, k); j++)
        {
            // "customize parts of your experience to show you content": the object ends where a purpose begins.
            if (IsWord(j, "to") && j + 1 < Count && Tok(j + 1).Is(ConceptSets.Acting) && j > k + 1)
            {
                break;
            }

            var owner = OwnerAt(j);
            if (owner is { } found)
            {
                return found;
            }
        }

        return Owner.None;
    }

    private Owner MaterialBefore(int k)
    {
        for (var j = k - 1; j >= 0 && j >= k - ObjectReach; j--)
        {
            var owner = OwnerAt(j);
            if (owner is { } found)
            {
                return found;
            }
        }

        return Owner.None;
    }

    /// <summary>"Personal Data it receives ... and subsequently transfers to a third party": what a verb with no object
    /// after it passes on is named before it, close by.</summary>
    private Owner NearMaterialBefore(int k)
    {
        for (var j = k - 1; j >= 0 && j >= k - 12 && SameClause(j, k); j--)
        {
            if (OwnerAt(j) is { } owner)
            {
                return owner;
            }
        }

        return Owner.None;
    }

    /// <summary>Who owns the noun phrase at <paramref name="j"/>, if it is one: a possessive names the owner; the
    /// protected party's name before a noun ("Customer Data") makes it the party's; the other side's service or a
    /// contract is the other side's; a bare content noun says nothing.</summary>
    private Owner? OwnerAt(int j)
    {
        var token = Tok(j);
        if (token.Work)
        {
            return Owner.Party;
        }

        if (token.Side is Side.Party && IsModifier(j))
        {
            return Owner.Party;
        }

        if (token.Side is Side.Party && token.Possessive)
        {
            // "your content" is the party's material; "your concerns", "your experience" are not material at all.
            for (var m = j + 1; m < Count && m <= j + 3; m++)
            {
                if (Tok(m).Is(Concept.WorkNoun))
                {
                    return Owner.Party;
                }

                if (Tok(m).Is(Concept.ServiceNoun) || Tok(m).Shape == Shape.Punctuation)
                {
                    break;
                }
            }

            return null;
        }

        if (token.Side is Side.Counterparty or Side.Third && (token.Possessive || IsModifier(j)))
        {
            // "its own", "Company's Confidential Information": the other side's; "Company's use of" is an actor.
            return NextIsAction(j) ? null : Owner.Other;
        }

        if (IsWord(j, "its") || IsWord(j, "their"))
        {
            return j + 1 < Count && IsWord(j + 1, "own") ? Owner.Other : null;
        }

        if (token.Is(Concept.ContractNoun) && !token.Is(Concept.WorkNoun))
        {
            return Owner.Other;
        }

        if (token.Is(Concept.ServiceNoun) && !token.Is(Concept.WorkNoun))
        {
            return Owner.Other;
        }

        if (token.Is(Concept.WorkNoun))
        {
            return Owner.Unknown;
        }

        // "use it", "share them", "such content": a pronoun object refers back to the material.
        if (IsWord(j, "it") || IsWord(j, "them") || IsWord(j, "such") || IsWord(j, "same") || IsWord(j, "everything") || IsWord(j, "anything"))
        {
            return Owner.Unknown;
        }

        return null;
    }

    private bool NextIsAction(int j) => j + 1 < Count && Tok(j + 1).Is(ConceptSets.Acting);

    private bool ContractAfter(int k)
    {
        for (var j = k + 1; j < Count && j <= k + 8 && SameClause(j, k); j++)
        {
            if (Is(j, Concept.ContractNoun))
            {
                return true;
            }

            if (Is(j, Concept.WorkNoun | Concept.RightsNoun) && !Is(j, Concept.ContractNoun))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Whether the paragraph the sentence's focus starts in has a token of the concept anywhere.</summary>
    public bool ParagraphHas(Concept concept) => document.ParagraphHas(document.ParagraphOf(sentence.FirstFocusToken), concept);

    public bool IsWord(int k, string word) => k >= 0 && k < Count && Word(k).Equals(word, StringComparison.OrdinalIgnoreCase);
}
