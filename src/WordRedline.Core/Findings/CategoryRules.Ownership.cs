namespace WordRedline.Core;

/// <summary>Ownership passing to the other side.</summary>
internal static partial class CategoryRules
{
    private static void IpAssignment(SentenceFacts facts, List<Evidence> found)
    {
        var r = facts.Reader;
        foreach (var a in facts.Actions)
        {
            if (!InFocus(r, a.At) || !a.Affirmed)
            {
                continue;
            }

            var kind = a.Kind;
            var assigner = a.Actor == Side.Party || (a.Passive && a.Actor != Side.Counterparty && a.Actor != Side.Third);
            // "personnel are assigned unique identifiers": a passive assignment of neither rights nor material is an
            // allocation, not a transfer of ownership.
            var ofRights = !a.Passive || a.Actor == Side.Party || a.OnMaterial || RightsNear(r, a.At) || SubjectIsMaterial(r, a.At);
            if (kind.HasFlag(Concept.Assign) && assigner && ofRights && !a.OnContract && a.Recipient != Side.Party && !ContractNear(r, a.At) && !OnlyMoralRights(r, a.At))
            {
                found.Add(new Evidence(Category.IpAssignment, RuleIds.Assignment, a.At, PhraseEnd(r, a.At)));
                return;
            }

            if (kind.HasFlag(Concept.WorkForHire) && StatesWorkForHire(r, a.At))
            {
                found.Add(new Evidence(Category.IpAssignment, RuleIds.WorkForHire, a.At, PhraseEnd(r, a.At)));
                return;
            }

            if (kind.HasFlag(Concept.Own) && IsOwnershipClaim(r, a) && a.Material != Owner.Other && (a.OnMaterial || RightsAfter(r, a.At)) && !RightsInOthers(r, a.At)
                && !(a.Actor == Side.Counterparty && SuppliedByOwner(r, a.At))
                && (!a.Passive || (SubjectIsMaterial(r, a.At) && !a.Descriptive)))
            {
                found.Add(new Evidence(Category.IpAssignment, RuleIds.Ownership, a.At, PhraseEnd(r, a.At)));
                return;
            }

            if ((kind & (Concept.Property | Concept.Vest | Concept.Belong)) != 0 && ((OwnerAfter(r, a.At) is Side.Counterparty or Side.Third && SubjectNotOthers(r, a.At)) || (OwnerBefore(r, a.At) is int owner && SubjectNotOthers(r, owner)))
                && (kind.HasFlag(Concept.Belong) ? RightsNear(r, a.At) || RightsSubject(r, a.At) : MaterialBefore(r, a.At) || RightsNear(r, a.At))
                && (!kind.HasFlag(Concept.Property) || CopulaBefore(r, a.At)))
            {
                found.Add(new Evidence(Category.IpAssignment, RuleIds.Ownership, a.At, PhraseEnd(r, a.At)));
                return;
            }

            if (SentenceFacts.PartyGives(a) && kind.HasFlag(Concept.Grant) && RightsAfter(r, a.At))
            {
                found.Add(new Evidence(Category.IpAssignment, RuleIds.Assignment, a.At, PhraseEnd(r, a.At)));
                return;
            }
        }
    }

    /// <summary>"You also own text content, photographs and other data you provided", "Client owns the materials
    /// supplied by Client": what the owner brought to the work stays its own; nothing of the party's passes.</summary>
    private static bool SuppliedByOwner(ClauseReader r, int k)
    {
        for (var j = k + 1; j < r.Count && j <= k + 14; j++)
        {
            if (r.Tok(j).Shape == Shape.Punctuation && r.Tok(j).Mark is ';' or '.')
            {
                return false;
            }

            if (!r.Is(j, Concept.Convey) || r.Is(j, Concept.Share))
            {
                continue;
            }

            var before = r.Tok(j - 1).Side == Side.Counterparty && !r.Tok(j - 1).Possessive;
            var by = j + 2 < r.Count && r.IsWord(j + 1, "by") && r.Tok(j + 2).Side == Side.Counterparty;
            if (before || by)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"owns all right, title and interest in Client Content": the rights are in the other side's own material.</summary>
    private static bool RightsInOthers(ClauseReader r, int k)
    {
        for (var j = k + 1; j < r.Count && j <= k + 30; j++)
        {
            if ((r.IsWord(j, "in") || r.IsWord(j, "to")) && r.Is(j - 1, Concept.RightsNoun | Concept.Grammar))
            {
                for (var m = j + 1; m < r.Count && m <= j + 5; m++)
                {
                    var token = r.Tok(m);
                    if (token.Side is Side.Counterparty or Side.Third && (token.Possessive || (m + 1 < r.Count && r.Is(m + 1, Concept.WorkNoun | Concept.ServiceNoun))))
                    {
                        return true;
                    }

                    if (token.Side == Side.Counterparty && token.Shape == Shape.Capitalized && !NamedTerm.IsPronoun(r.Word(m).ToString()) && (m + 1 >= r.Count || !r.Is(m + 1, Concept.WorkNoun)))
                    {
                        // "all right, title and interest in and to Kestrel": the other side's name, its platform.
                        return true;
                    }

                    if (r.Is(m, Concept.ServiceNoun) && !r.Is(m, Concept.WorkNoun))
                    {
                        return true;
                    }

                    if (r.Is(m, Concept.WorkNoun) || token.Side == Side.Party)
                    {
                        return false;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>"will be works made for hire", "deemed a work made for hire", "Work Product ... as work made for hire":
    /// stated of the work, not a kind of engagement ("consulting, work-for-hire, or any other basis").</summary>
    private static bool StatesWorkForHire(ClauseReader r, int k)
    {
        for (var j = k - 1; j >= 0 && j >= k - 5; j--)
        {
            if (r.Is(j, Concept.Be) || r.IsWord(j, "deemed") || r.IsWord(j, "considered") || r.IsWord(j, "constitute") || r.IsWord(j, "constitutes")
                || r.IsWord(j, "as") || r.IsWord(j, "qualify") || r.IsWord(j, "qualifies") || r.Is(j, Concept.WorkNoun))
            {
                return true;
            }
        }

        return false;
    }

    private static bool CopulaBefore(ClauseReader r, int k)
    {
        for (var j = k - 1; j >= 0 && j >= k - 5; j--)
        {
            if (r.Is(j, Concept.Be) || r.IsWord(j, "become") || r.IsWord(j, "becomes") || r.IsWord(j, "remain") || r.IsWord(j, "remains"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SubjectIsMaterial(ClauseReader r, int k)
    {
        for (var j = k - 1; j >= 0 && j >= k - 6; j--)
        {
            if (r.Is(j, Concept.WorkNoun | Concept.RightsNoun) || (r.Tok(j).Side == Side.Party && r.Tok(j).Possessive))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MaterialBefore(ClauseReader r, int k)
    {
        for (var j = k - 1; j >= 0 && j >= k - 40; j--)
        {
            if (r.Is(j, Concept.WorkNoun | Concept.RightsNoun) || (r.Tok(j).Side == Side.Party && r.Tok(j).Possessive) || r.IsWord(j, "it") || r.IsWord(j, "they")
                || MadeByParty(r, j) || PartyMakes(r, j))
            {
                return true;
            }

            if (r.Tok(j).Shape == Shape.Punctuation && r.Tok(j).Mark is '.' or ';')
            {
                break;
            }
        }

        return false;
    }

    /// <summary>"All such reports prepared by Consultant": whatever the protected party makes is its work, whatever
    /// the contract calls it.</summary>
    private static bool MadeByParty(ClauseReader r, int j)
    {
        if (!(r.IsWord(j, "prepared") || r.IsWord(j, "created") || r.IsWord(j, "developed") || r.IsWord(j, "made") || r.IsWord(j, "produced")
            || r.IsWord(j, "written") || r.IsWord(j, "authored") || r.IsWord(j, "conceived") || r.IsWord(j, "generated") || r.IsWord(j, "designed")))
        {
            return false;
        }

        return r.IsWord(j + 1, "by") && j + 2 < r.Count && r.Tok(j + 2).Side == Side.Party;
    }

    /// <summary>"All concepts we create": the party's making, written as a relative clause.</summary>
    private static bool PartyMakes(ClauseReader r, int j) =>
        r.Tok(j).Side == Side.Party && !r.Tok(j).Possessive && j + 1 < r.Count && MakingVerbs.Contains(r.Word(j + 1).ToString());

    private static readonly HashSet<string> MakingVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "create", "creates", "make", "makes", "produce", "produces", "develop", "develops", "design", "designs", "write", "writes", "prepare", "prepares",
    };

    /// <summary>"become your property", "are Client's sole and exclusive property": where the owner is written as a
    /// possessive before the noun, with only adjectives between.</summary>
    private static int? OwnerBefore(ClauseReader r, int k)
    {
        for (var j = k - 1; j >= 0 && j >= k - 5; j--)
        {
            var token = r.Tok(j);
            if (token.Side is Side.Counterparty or Side.Third)
            {
                return token.Possessive ? j : null;
            }

            if (!(r.IsWord(j, "sole") || r.IsWord(j, "exclusive") || r.IsWord(j, "and") || r.IsWord(j, "absolute") || r.IsWord(j, "own")))
            {
                return null;
            }
        }

        return null;
    }

    private static bool RightsNear(ClauseReader r, int k)
    {
        for (var j = Math.Max(0, k - 8); j < r.Count && j <= k + 8; j++)
        {
            if (IsNamedRight(r, j))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A right named as such ("copyright", "intellectual property", "title"), not the bare word "right(s)".</summary>
    private static bool IsNamedRight(ClauseReader r, int j) => r.Is(j, Concept.RightsNoun) && !r.IsWord(j, "right") && !r.IsWord(j, "rights");

    /// <summary>"All intellectual property developed by Contractor under this Agreement shall belong to Company": the
    /// subject is the rights themselves, however long its qualifiers.</summary>
    private static bool RightsSubject(ClauseReader r, int k)
    {
        for (var j = k - 1; j >= r.Sentence.FocusFrom && j >= k - 20; j--)
        {
            if (r.Tok(j).Shape == Shape.Punctuation && r.Tok(j).Mark is '.' or ';' or ':')
            {
                return false;
            }

            if (IsNamedRight(r, j) && !r.IsWord(j, "interest") && !r.IsWord(j, "interests"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"transfers and assigns ... any and all Moral Rights": that is a moral-rights waiver, not an assignment of
    /// the work.</summary>
    private static bool OnlyMoralRights(ClauseReader r, int k)
    {
        for (var j = k + 1; j < r.Count && j <= k + 45; j++)
        {
            if (r.Is(j, Concept.MoralRights))
            {
                return true;
            }

            if (r.Is(j, Concept.WorkNoun | Concept.RightsNoun) && !r.Is(j, Concept.MoralRights) && !r.IsWord(j, "rights"))
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsOwnershipClaim(ClauseReader r, Action a)
    {
        var word = r.Word(a.At);
        // "its own", "your own": an adjective. "ownership" is claimed only with have/obtain/acquire.
        if (word.Equals("own", StringComparison.OrdinalIgnoreCase) && a.At > 0 && (r.Tok(a.At - 1).Possessive || r.IsWord(a.At - 1, "its") || r.IsWord(a.At - 1, "their") || r.IsWord(a.At - 1, "his") || r.IsWord(a.At - 1, "her")))
        {
            return false;
        }

        if (word.StartsWith("owner", StringComparison.OrdinalIgnoreCase) && !word.Equals("owner", StringComparison.OrdinalIgnoreCase) && !word.Equals("owners", StringComparison.OrdinalIgnoreCase))
        {
            return a.Actor is Side.Counterparty or Side.Third && (r.IsWord(a.At - 1, "have") || r.IsWord(a.At - 1, "has") || r.IsWord(a.At - 1, "obtain") || r.IsWord(a.At - 1, "acquire"));
        }

        if (a.Passive)
        {
            // "owned exclusively by Company".
            return a.Actor is Side.Counterparty or Side.Third;
        }

        return a.Actor is Side.Counterparty or Side.Third;
    }

    /// <summary>The side named right after "property of", "vest in", "belong to", "pass to".</summary>
    private static Side OwnerAfter(ClauseReader r, int k)
    {
        for (var j = k + 1; j < r.Count && j <= k + 6; j++)
        {
            var token = r.Tok(j);
            if (token.Side != Side.None)
            {
                return token.Side;
            }

            // A name the document does not define is still someone other than the protected party.
            if (token.Shape is Shape.Capitalized or Shape.Upper && j > k + 1 && (r.IsWord(j - 1, "of") || r.IsWord(j - 1, "to") || r.IsWord(j - 1, "in")))
            {
                return Side.Counterparty;
            }

            if (token.Shape == Shape.Punctuation && token.Mark is '.' or ';')
            {
                break;
            }
        }

        return Side.None;
    }

    /// <summary>The thing that becomes the other side's property is not already theirs ("Client's materials remain the
    /// property of Client").</summary>
    private static bool SubjectNotOthers(ClauseReader r, int k)
    {
        for (var j = k - 1; j >= 0 && j >= k - 12; j--)
        {
            var token = r.Tok(j);
            if (token.Side is Side.Counterparty or Side.Third && (token.Possessive || (j + 1 < r.Count && r.Is(j + 1, Concept.WorkNoun | Concept.ServiceNoun))))
            {
                return false;
            }

            if (token.Side == Side.Party && token.Possessive)
            {
                return true;
            }

            // "All Materials included in the Services are the property of Reddit": what the other side's service
            // contains is its own (the party's material would be named as the party's).
            if (r.Is(j, Concept.ServiceNoun) && token.Side == Side.None && (r.IsWord(j - 1, "the") || r.IsWord(j - 1, "our")) && !PartyBetween(r, j - 12, k))
            {
                return false;
            }
        }

        return true;
    }

    private static bool PartyBetween(ClauseReader r, int from, int to)
    {
        for (var j = Math.Max(0, from); j < to; j++)
        {
            if (r.Tok(j).Side == Side.Party || r.Tok(j).Work)
            {
                return true;
            }
        }

        return false;
    }

    private static bool RightsAfter(ClauseReader r, int k)
    {
        for (var j = k + 1; j < r.Count && j <= k + 8; j++)
        {
            if (r.Is(j, Concept.RightsNoun) && (r.IsWord(j - 1, "all") || r.IsWord(j, "all")) && r.Tok(j).PhraseEnd - r.Sentence[j] >= 4)
            {
                return true;
            }

            if (r.Word(j).Equals("title", StringComparison.OrdinalIgnoreCase) && r.IsWord(j - 1, "and") == false && r.Is(j, Concept.RightsNoun) && r.IsWord(j + 1, "and"))
            {
                return true;
            }
        }

        return false;
    }
}
