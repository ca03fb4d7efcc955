namespace WordRedline.Core;

/// <summary>Whether an action is allowed, denied or reopened by an exception, and what governs it: a condition, a warranty, an embedded question, a modal.</summary>
internal sealed partial class ClauseReader
{
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

            if ((token.Is(ConceptSets.Negative) && !IsNegationOfSomethingElse(j, k)) || NothingGrants(j, k))
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

        // "You may not use the Service in any manner that would: | distribute ...": each item of a list under a
        // prohibiting lead-in is prohibited, unless it has a subject and modal of its own.
        negated |= k >= sentence.FocusFrom && LeadInDenies && !OwnModalBefore(k);

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

                // Reopened only for someone named: "except to its employees", "other than our service providers"; and
                // training, for the cases the exception lists: "do not use Your Data to train our models except (a) when
                // you have not opted out".
                var named = false;
                var cases = false;
                for (var m = j; m < Count && m <= j + 8; m++)
                {
                    // "except with your consent", "other than as permitted through the Products": nothing reopened.
                    if (Tok(m).Is(Concept.Consent) || (m <= j + 2 && IsWord(m, "as") && (IsWord(m + 1, "permitted") || IsWord(m + 2, "permitted"))))
                    {
                        return (true, false);
                    }

                    named |= Tok(m).Side is Side.Third or Side.Counterparty || Tok(m).Is(ConceptSets.Recipients);
                    cases |= IsWord(m, "when") || IsWord(m, "where") || IsWord(m, "if");
                }

                return (true, named || (cases && TrainingBetween(k, j)));
            }
        }

        return (true, false);
    }

    private bool TrainingBetween(int from, int to)
    {
        for (var m = from; m < to; m++)
        {
            if (Tok(m).Is(Concept.Train))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The lead-in a list item completes ends in a prohibition ("You may not ... in any manner that would:",
    /// "Customer shall not:"): its last clause is negated, with no condition or exception that reopens it.</summary>
    private bool LeadInDenies => leadInDenies ??= ReadLeadInDenies();

    private bool ReadLeadInDenies()
    {
        var end = sentence.FocusFrom;
        if (end == 0)
        {
            return false;
        }

        var from = end - 1;
        while (from > 0 && !(Tok(from - 1).Shape == Shape.Punctuation && Tok(from - 1).Mark is ';' or '.'))
        {
            from--;
        }

        var denied = false;
        for (var j = from; j < end; j++)
        {
            var token = Tok(j);
            if ((token.Is(Concept.Exception) && !token.Is(ConceptSets.Negative)) || IsWord(j, "unless") || (token.Is(Concept.Condition) && IsWord(j, "if")))
            {
                return false;
            }

            denied |= (token.Is(ConceptSets.Negative) && !IsNegationOfSomethingElse(j, end)) || token.Is(Concept.Prohibition);
        }

        return denied;
    }

    /// <summary>The list item has its own subject and modal before <paramref name="k"/> ("(b) we may share ..."), so
    /// the lead-in's modality does not reach it.</summary>
    private bool OwnModalBefore(int k)
    {
        for (var j = sentence.FocusFrom + 1; j < k; j++)
        {
            if (Tok(j).Is(Concept.Permission | Concept.Obligation) && Tok(j - 1).Side != Side.None && !Tok(j - 1).Possessive)
            {
                return true;
            }
        }

        return false;
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

        // "User Content that is not personal data to develop ...": a copula's negation denies a description, not the action.
        if (IsWord(j, "not") && j + 1 < k && (IsWord(j - 1, "is") || IsWord(j - 1, "are")) && IsNegatedDescription(j + 1))
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

    /// <summary>The word after "is not" starts a noun phrase ("personal data", "a party", "Confidential Information"),
    /// not a verb, participle or permission ("is not shared", "is not permitted to", "is not to be used").</summary>
    private bool IsNegatedDescription(int m)
    {
        var word = Word(m);
        return Tok(m).Shape != Shape.Punctuation && !Tok(m).Is(ConceptSets.Acting | ConceptSets.Giving | Concept.Permission | Concept.Obligation | Concept.Prohibition)
            && !IsWord(m, "to") && !IsWord(m, "be") && !IsWord(m, "only") && !word.EndsWith("ed", StringComparison.OrdinalIgnoreCase)
            && !word.EndsWith("able", StringComparison.OrdinalIgnoreCase) && !word.EndsWith("ible", StringComparison.OrdinalIgnoreCase)
            && !word.EndsWith("ing", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"Nothing in this Agreement permits Company to use ...", "nothing herein grants": a subject that denies
    /// the permission it governs. "Nothing herein limits Company's right to use" keeps the use, so a limiting verb in
    /// between leaves it alone.</summary>
    private bool NothingGrants(int j, int k)
    {
        if (!IsWord(j, "nothing"))
        {
            return false;
        }

        for (var m = j + 1; m < k && m <= j + 10; m++)
        {
            if (Tok(m).Is(Concept.Grant | Concept.License | Concept.Permission) && !Tok(m).Is(Concept.Obligation))
            {
                return true;
            }

            // The lexicon's prohibitions already cover "prevent" and "preclude".
            if (Tok(m).Is(Concept.Prohibition) || IsWord(m, "limit") || IsWord(m, "limits") || IsWord(m, "restrict") || IsWord(m, "restricts")
                || IsWord(m, "affect") || IsWord(m, "affects"))
            {
                return false;
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
}
